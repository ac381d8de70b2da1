/**
 * Metrics files to MetricSources. The syntax (JSON, YAML, CSV) comes from the extension, or from
 * the text when the extension says nothing; the format (which tool wrote it) from an explicit
 * `format:`, else the file name and shape. Never throws on file content.
 */
import type { MetricRef } from "../conditions/types.js";
import type { CheckpointChoice, MetricFormat } from "../config/types.js";
import type { MetricSource, MetricTree, MetricValue } from "./types.js";
import { parseCsvChunks, parseCsvMetrics } from "./formats/csv.js";
import { MetricsFormatError, formatLocated } from "./formats/error.js";
import { parseJsonChunks, parseJsonDocument } from "./formats/json.js";
import { keepForRefs } from "./keep.js";
import { type NextChunk, textChunks, withFirst } from "./stream/chunks.js";
import { refuseLfsPointer } from "./formats/lfs.js";
import { detectShape, isTrainerState, isTree, unwrapDvc } from "./formats/shapes.js";
import { isTensorboardEventFile } from "./formats/tensorboard-name.js";
import { readTrainerState } from "./formats/trainer-state.js";
import { parseYamlDocument } from "./formats/yaml.js";

export { parseMlflowRun, type MlflowMetricFile } from "./formats/mlflow.js";

type Syntax = "json" | "yaml" | "csv" | "tsv";

export interface ParseOptions {
  name: string;
  file: string;
  format?: MetricFormat;
  checkpoint?: CheckpointChoice;
  /** A file larger than is read whole: JSON keeps only what `refs` can reach. */
  streamed?: StreamedFile;
}

export interface StreamedFile {
  bytes: number;
  /** The largest file read whole (and kept whole). */
  wholeLimit: number;
  /** Every metric reference of the config's conditions. */
  refs: readonly MetricRef[];
}

export type ParseMetricsResult = { ok: true; source: MetricSource } | { ok: false; error: string };

function syntaxOf(fileName: string, text: string): Syntax {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "yaml" || ext === "yml") return "yaml";
  if (ext === "csv") return "csv";
  if (ext === "tsv") return "tsv";
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "json";
  const firstLine = trimmed.split("\n")[0] ?? "";
  if (firstLine.includes("\t")) return "tsv";
  if (firstLine.includes(",") && !firstLine.includes(":")) return "csv";
  return "yaml";
}

function parseSyntax(syntax: Syntax, text: string): MetricValue {
  if (syntax === "json") return parseJsonDocument(text);
  if (syntax === "yaml") return parseYamlDocument(text);
  return parseCsvMetrics(text, syntax === "tsv" ? "\t" : ",");
}

/** Whether a streamed file will be read as a trainer_state.json (whose reader never indexes log_history). */
function isTrainerStateFile(opts: ParseOptions): boolean {
  if (opts.format !== undefined) return opts.format === "huggingface";
  return /(^|[\\/])trainer_state\.json$/i.test(opts.file);
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

/** The document from its pieces; a streamed one is read as far as its syntax allows. */
function parseChunks(syntax: Syntax, next: NextChunk, opts: ParseOptions): MetricValue {
  const { streamed } = opts;
  if (syntax === "csv" || syntax === "tsv") return parseCsvChunks(next, syntax === "tsv" ? "\t" : ",");
  if (streamed && (syntax === "yaml" || opts.format === "dvc")) {
    const what = syntax === "yaml" ? "YAML" : "DVC output";
    throw new MetricsFormatError(
      `${streamed.bytes} bytes: ${what} is read whole, up to ${streamed.wholeLimit} bytes (${mib(streamed.wholeLimit)}); write the metrics as JSON or CSV, or fewer of them`,
    );
  }
  if (syntax === "yaml") {
    let text = "";
    for (let chunk = next(); chunk !== undefined; chunk = next()) text += chunk;
    return parseYamlDocument(text);
  }
  if (!streamed) return parseJsonChunks(next);
  return parseJsonChunks(next, keepForRefs(streamed.refs, { trainerState: isTrainerStateFile(opts) }));
}

function plainFormat(syntax: Syntax): MetricFormat {
  return syntax === "tsv" ? "csv" : syntax;
}

/** The format a file would be read as when the config gives none. */
export function detectFormat(fileName: string, text: string): MetricFormat {
  if (isTensorboardEventFile(fileName)) return "tensorboard";
  const syntax = syntaxOf(fileName, text);
  if (syntax === "csv" || syntax === "tsv") return "csv";
  try {
    return detectShape(fileName, parseSyntax(syntax, text)) ?? plainFormat(syntax);
  } catch {
    return detectShape(fileName, null) ?? plainFormat(syntax);
  }
}

function describeTop(value: MetricValue): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing (the document is empty or null)";
  return `a ${typeof value}`;
}

function toSource(next: NextChunk, opts: ParseOptions): MetricSource {
  // The file's start says its syntax when the name does not; it is read once and put back.
  const start = next() ?? "";
  // Checked before any syntax, so every format says the same useful thing instead of "invalid JSON".
  refuseLfsPointer(start);
  if (opts.format === "mlflow") {
    throw new MetricsFormatError(
      "format mlflow reads a run directory (one that contains metrics/), not a file",
    );
  }
  if (opts.format === "tensorboard" || (opts.format === undefined && isTensorboardEventFile(opts.file))) {
    // Text here has lost bytes already; event files are read as bytes by parseTensorboardEvents.
    throw new MetricsFormatError(
      "a TensorBoard event file is binary and is read from the workspace only (not as text, e.g. a baseline at a git ref)",
    );
  }
  const syntax = syntaxOf(opts.file, start);
  const parsed = parseChunks(syntax, withFirst(start, next), opts);
  // `dvc exp show --json` (DVC 3) is a list; read as DVC output, never as a list of metrics.
  if (syntax === "json" && (opts.format ?? detectShape(opts.file, parsed)) === "dvc") {
    return { name: opts.name, file: opts.file, format: "dvc", values: unwrapDvc(parsed) };
  }
  if (!isTree(parsed)) {
    throw new MetricsFormatError(
      `expected a mapping of metric names to values at the top level, found ${describeTop(parsed)}`,
    );
  }
  const format =
    opts.format ??
    (syntax === "csv" || syntax === "tsv" ? "csv" : (detectShape(opts.file, parsed) ?? plainFormat(syntax)));
  const streamedNote = opts.streamed && {
    note: `${mib(opts.streamed.bytes)}, over the ${mib(opts.streamed.wholeLimit)} read whole: read as a stream, keeping only the keys the conditions name`,
  };
  if (format === "huggingface" && isTrainerState(parsed)) {
    const { values, note } = readTrainerState(parsed, opts.checkpoint);
    return {
      name: opts.name,
      file: opts.file,
      format,
      values,
      note: streamedNote ? `${note}; ${streamedNote.note}` : note,
    };
  }
  if (opts.checkpoint !== undefined) {
    throw new MetricsFormatError(
      `checkpoint: ${opts.checkpoint} applies to a Hugging Face trainer_state.json (with log_history); this file is read as ${format}`,
    );
  }
  const values: MetricTree = format === "dvc" ? unwrapDvc(parsed) : parsed;
  const csvNote = syntax === "csv" || syntax === "tsv" ? undefined : streamedNote;
  return { name: opts.name, file: opts.file, format, values, ...(csvNote ?? {}) };
}

export function parseMetricsFile(text: string, opts: ParseOptions): ParseMetricsResult {
  return parseMetricsChunks(textChunks(text), opts);
}

/** A metrics file from its pieces (see NextChunk); a `streamed` one is never held whole. */
export function parseMetricsChunks(next: NextChunk, opts: ParseOptions): ParseMetricsResult {
  try {
    return { ok: true, source: toSource(next, opts) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(opts.file, error) };
    return { ok: false, error: `${opts.file}: could not read metrics: ${(error as Error).message}` };
  }
}
