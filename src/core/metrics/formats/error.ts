/** A malformed metrics file. Thrown inside the format readers only; parseMetricsFile turns it into a result. */
export class MetricsFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export function formatLocated(file: string, error: MetricsFormatError): string {
  const where =
    error.line === undefined ? file : `${file}:${error.line}${error.column ? `:${error.column}` : ""}`;
  return `${where}: ${error.message}`;
}

/** Python writes non-finite floats as nan/inf (str) or NaN/Infinity (json); accept all spellings. */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return +t;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(t);
  if (inf) return inf[1] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}
