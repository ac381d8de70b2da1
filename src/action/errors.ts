/** A GitHub or file read that failed: the decision cannot be made, and is never approved. */
export class ReadError extends Error {
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    super(`could not read ${what}: ${describeError(cause)}`);
  }
}

/** An input that cannot be used as given (e.g. a metrics glob that matches nothing). */
export class InputError extends Error {}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs a read, naming what was being read if it fails. */
export async function reading<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(what, error);
  }
}
