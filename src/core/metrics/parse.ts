/**
 * Metrics files to MetricSources. The syntax (JSON, YAML, CSV) comes from the extension, or from
 * the text when the extension says nothing; the format (which tool wrote it) from an explicit
 * `format:`, else the file name and shape. Never throws on file content.
 */
import type { CheckpointChoice, MetricFormat } from "../config/types.js";
import type { MetricSource, MetricTree, MetricValue } from "./types.js";
import { parseCsvMetrics } from "./formats/csv.js";
import { MetricsFormatError, formatLocated } from "./formats/error.js";
import { parseJsonDocument } from "./formats/json.js";
import { refuseLfsPointer } from "./formats/lfs.js";
import { detectShape, isTrainerState, isTree, unwrapDvc } from "./formats/shapes.js";
import { isTensorboardEventFile } from "./formats/tensorboard.js";
import { readTrainerState } from "./formats/trainer-state.js";
import { parseYamlDocument } from "./formats/yaml.js";

export { parseMlflowRun, type MlflowMetricFile } from "./formats/mlflow.js";

type Syntax = "json" | "yaml" | "csv" | "tsv";

export interface ParseOptions {
  name: string;
  file: string;
  format?: MetricFormat;
  checkpoint?: CheckpointChoice;
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

function toSource(text: string, opts: ParseOptions): MetricSource {
  // Checked before any syntax, so every format says the same useful thing instead of "invalid JSON".
  refuseLfsPointer(text);
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
  const syntax = syntaxOf(opts.file, text);
  const parsed = parseSyntax(syntax, text);
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
  if (format === "huggingface" && isTrainerState(parsed)) {
    const { values, note } = readTrainerState(parsed, opts.checkpoint);
    return { name: opts.name, file: opts.file, format, values, note };
  }
  if (opts.checkpoint !== undefined) {
    throw new MetricsFormatError(
      `checkpoint: ${opts.checkpoint} applies to a Hugging Face trainer_state.json (with log_history); this file is read as ${format}`,
    );
  }
  const values: MetricTree = format === "dvc" ? unwrapDvc(parsed) : parsed;
  return { name: opts.name, file: opts.file, format, values };
}

export function parseMetricsFile(text: string, opts: ParseOptions): ParseMetricsResult {
  try {
    return { ok: true, source: toSource(text, opts) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(opts.file, error) };
    return { ok: false, error: `${opts.file}: could not read metrics: ${(error as Error).message}` };
  }
}
