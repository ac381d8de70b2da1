/** The predictions readers' errors: already located, with the file as the config names it. */

/** A problem with the file, its message already located (`file:line: …`). */
export class PredictionsReadError extends Error {
  override name = "PredictionsReadError";
}

/** Where a row is, for messages: a CSV/JSONL line or a Parquet row number. */
export interface Locator {
  /** The message prefix: `preds.csv:12` or `preds.parquet: row 12`. */
  at(loc: number): string;
  /** The place in a sentence: `line 12` or `row 12`. */
  name(loc: number): string;
}

export function lineLocator(shown: string): Locator {
  return { at: (line) => `${shown}:${line}`, name: (line) => `line ${line}` };
}

/** Parquet rows are numbered from 1, the first row of the file being row 1. */
export function rowLocator(shown: string): Locator {
  return { at: (row) => `${shown}: row ${row}`, name: (row) => `row ${row}` };
}

const MAX_LISTED = 20;

/** `a, b, c` of at most 20 names, then how many more. */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}, … (${names.length - MAX_LISTED} more)` : shown;
}

export function noColumn(where: string, column: string, columns: readonly string[]): PredictionsReadError {
  return new PredictionsReadError(`${where}: no column '${column}' (columns: ${listNames(columns)})`);
}
