/**
 * A predictions file on disk (CSV, JSON Lines or Parquet) read into a PredictionTable: the columns
 * its spec names, streamed, in memory that follows the columns kept. Nothing here throws for bad
 * input: a missing or unreadable file, a malformed one, a bad value are `{ ok: false, error }`
 * with the file as the config names it and, where there is one, the line or row.
 */
import { closeSync, fstatSync, openSync } from "node:fs";
import { extname } from "node:path";
import type { PredictionFileFormat, PredictionsSpec } from "../../core/config/types.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { fileTextChunks } from "../file-chunks.js";
import { PredictionsReadError } from "./errors.js";
import { fdReader, readCsvTable } from "./csv.js";
import { readJsonlTable } from "./jsonl.js";
import { fileBuffer, readParquetTable } from "./parquet.js";

export type PredictionsRead = { ok: true; table: PredictionTable } | { ok: false; error: string };

const EXTENSIONS: Record<string, PredictionFileFormat> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet",
};

/** The format the spec sets, else the one the file's extension names. */
export function predictionsFormat(path: string, spec: PredictionsSpec): PredictionFileFormat | undefined {
  return spec.file ?? EXTENSIONS[extname(path).toLowerCase()];
}

function describeFsError(shown: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${shown}: no such file or directory`;
  if (code === "EACCES" || code === "EPERM") return `${shown}: permission denied`;
  if (code === "EISDIR") return `${shown}: is a directory, not a predictions file`;
  return `${shown}: could not be read: ${(error as Error).message}`;
}

async function readOpen(fd: number, shown: string, spec: PredictionsSpec, format: PredictionFileFormat) {
  const info = fstatSync(fd);
  if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (format === "parquet") return readParquetTable(fileBuffer(fd, info.size), shown, spec);
  if (format === "csv") return readCsvTable(fdReader(fd), shown, spec);
  return readJsonlTable(fileTextChunks(fd), shown, spec);
}

export async function readPredictionsFile(
  full: string,
  shown: string,
  spec: PredictionsSpec,
): Promise<PredictionsRead> {
  const format = predictionsFormat(full, spec);
  if (format === undefined) {
    return {
      ok: false,
      error: `${shown}: cannot tell the predictions file's format from its name; set file: csv | jsonl | parquet`,
    };
  }
  let fd: number;
  try {
    fd = openSync(full, "r");
  } catch (error) {
    return { ok: false, error: describeFsError(shown, error) };
  }
  try {
    return { ok: true, table: await readOpen(fd, shown, spec, format) };
  } catch (error) {
    if (error instanceof PredictionsReadError) return { ok: false, error: error.message };
    if (typeof (error as NodeJS.ErrnoException).code === "string") {
      return { ok: false, error: describeFsError(shown, error) };
    }
    return { ok: false, error: `${shown}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    closeSync(fd);
  }
}
