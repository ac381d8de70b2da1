// Shared by the predictions reader tests: a spec with the config's defaults, a scratch folder,
// and reading a file written there.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PredictionsSpec } from "../../../../src/core/config/types.js";
import type { PredictionTable } from "../../../../src/core/predictions/table.js";
import { readPredictionsFile } from "../../../../src/node/predictions/read.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/predictions/files/", import.meta.url));

export function spec(fields: Partial<PredictionsSpec>): PredictionsSpec {
  return {
    task: "binary",
    label: "label",
    slices: [],
    threshold: 0.5,
    minSliceCount: 100,
    calibrationBins: 10,
    bootstrap: { resamples: 1000, seed: 0, confidence: 0.95 },
    ...fields,
  };
}

export const BINARY = spec({ task: "binary", label: "label", score: "score" });

let scratch: string | undefined;

/** Writes `content` to a fresh file named `name`; returns its full path. */
export function write(name: string, content: string | Uint8Array): string {
  scratch ??= mkdtempSync(join(tmpdir(), "predictions-read-"));
  const full = join(scratch, name);
  writeFileSync(full, content);
  return full;
}

/** Reads `content` written as `name` (shown as `name`); the table, or the test fails with the error. */
export async function table(
  name: string,
  content: string | Uint8Array,
  s: PredictionsSpec,
): Promise<PredictionTable> {
  const read = await readPredictionsFile(write(name, content), name, s);
  if (!read.ok) throw new Error(`expected a table, got: ${read.error}`);
  return read.table;
}

/** The error reading `content` as `name` gives (the test fails if it reads). */
export async function error(name: string, content: string | Uint8Array, s: PredictionsSpec): Promise<string> {
  const read = await readPredictionsFile(write(name, content), name, s);
  if (read.ok) throw new Error(`expected an error, read ${read.table.rows} rows`);
  return read.error;
}

export const list = (a: ArrayLike<number>) => Array.from(a);

/** Each row's slice value, decoded. */
export const sliceValues = (t: PredictionTable, i: number) =>
  list(t.slices[i]!.codes).map((c) => t.slices[i]!.values[c]);
