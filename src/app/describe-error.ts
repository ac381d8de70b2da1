/** The gateway's errors already say what was being done ("while reading the reviews of #3: 502 ..."). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
