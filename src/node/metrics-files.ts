/**
 * Reading metric sources from disk for the CLI and the Action. Every failure (missing file,
 * unreadable, malformed, an unknown format) becomes an entry in `errors` keyed by source name,
 * with the path in the message; nothing here throws for bad input, so the decision can fail
 * the checks that need the source and say why.
 */
import { closeSync, openSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { MetricFormat, MetricSourceSpec } from "../core/config/types.js";
import { METRIC_FORMATS } from "../core/config/types.js";
import type { MetricRef } from "../core/conditions/types.js";
import { type ParseOptions, parseMetricsChunks, parseMlflowRun } from "../core/metrics/parse.js";
import { isTensorboardEventFile } from "../core/metrics/formats/tensorboard-name.js";
import { MetricsFormatError, formatLocated } from "../core/metrics/formats/error.js";
import type { MetricSource } from "../core/metrics/types.js";
import { isDvcYaml, loadDvcYaml } from "./dvc.js";
import { fileBytesReader, fileTextChunks } from "./file-chunks.js";

/**
 * The event-file reader (protobufjs and TensorBoard's Event schema, a ninth of the Action's bundle)
 * is loaded when an event file is read, so that a run without one does not load it.
 */
const eventReader = () => import("../core/metrics/formats/tensorboard.js");

/**
 * Up to this size a metrics file is read whole and all of it kept. Files a tool writes as a
 * whole document (YAML, DVC output, a dvc.yaml's or an MLflow run's files) stop here.
 */
export const MAX_WHOLE_BYTES = 32 * 1024 * 1024;
/**
 * Up to this size JSON, CSV and event files are read as a stream, in memory that follows what is
 * kept (a training log's last values, the keys the conditions name); past it the path is wrong
 * (a model, a dataset), not metrics.
 */
export const MAX_STREAMED_BYTES = 1024 * 1024 * 1024;

function tooLarge(shown: string, size: number, limit: number): string {
  return `${shown}: ${size} bytes is too large for a metrics file (limit ${limit}); is the path right?`;
}

export interface LoadOptions {
  cwd: string;
  /** Every metric reference of the config's conditions: what a streamed JSON file keeps. */
  refs: readonly MetricRef[];
}

/** Opens `full` for the duration of `read`, which pulls from the descriptor. */
function withFile<T>(full: string, read: (fd: number) => T): T {
  const fd = openSync(full, "r");
  try {
    return read(fd);
  } finally {
    closeSync(fd);
  }
}

type Loaded = { ok: true; source: MetricSource } | { ok: false; error: string };

function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${path}: no such file or directory`;
  if (code === "EACCES") return `${path}: permission denied`;
  return `${path}: could not be read: ${(error as Error).message}`;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** An MLflow run directory: every file under metrics/, keyed by its path there ('/'-separated). */
async function loadMlflowRun(spec: MetricSourceSpec, full: string): Promise<Loaded> {
  const metricsDir = join(full, "metrics");
  const entries = await readdir(metricsDir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const key = path.slice(metricsDir.length + 1).replace(/\\/g, "/");
    files.push({ key, text: await readFile(path, "utf8") });
  }
  return parseMlflowRun(files, { name: spec.name, file: spec.path });
}

/** A metrics file's text, or why not: missing, unreadable, a directory, too large for metrics. */
async function readMetricsText(
  full: string,
  shown: string,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const info = await stat(full);
    if (info.isDirectory()) return { ok: false, error: `${shown}: is a directory, not a metrics file` };
    if (info.size > MAX_WHOLE_BYTES) return { ok: false, error: tooLarge(shown, info.size, MAX_WHOLE_BYTES) };
    return { ok: true, text: await readFile(full, "utf8") };
  } catch (error) {
    return { ok: false, error: describeFsError(shown, error) };
  }
}

/**
 * A TensorBoard run directory (Lightning's version_N/, Hugging Face's runs/<date>_<host>/, Keras'
 * validation/): the event files directly in it, as TensorBoard reads a run, so a config names a
 * stable path rather than a file named by time, host and process. Subdirectories are other runs.
 */
async function loadTensorboardRun(spec: MetricSourceSpec, full: string, names: string[]): Promise<Loaded> {
  if (names.length === 0)
    return { ok: false, error: `${spec.path}: no TensorBoard event files (events.out.tfevents.*) in it` };
  const { TensorboardScalars } = await eventReader();
  const scalars = new TensorboardScalars(spec.step);
  const files = names.map((name) => `${spec.path.replace(/[\\/]+$/, "")}/${name}`);
  for (const [i, name] of names.entries()) {
    const path = join(full, name);
    const shown = files[i]!;
    try {
      const size = (await stat(path)).size;
      if (size > MAX_STREAMED_BYTES) return { ok: false, error: tooLarge(shown, size, MAX_STREAMED_BYTES) };
      withFile(path, (fd) => scalars.add(fileBytesReader(fd), size, name));
    } catch (error) {
      if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(shown, error) };
      return { ok: false, error: describeFsError(shown, error) };
    }
  }
  try {
    const options = {
      name: spec.name,
      file: spec.path,
      files,
      ...(spec.step !== undefined ? { step: spec.step } : {}),
    };
    return { ok: true, source: scalars.source(options) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(spec.path, error) };
    throw error;
  }
}

async function loadOne(spec: MetricSourceSpec, { cwd, refs }: LoadOptions): Promise<Loaded> {
  if (spec.format !== undefined && !METRIC_FORMATS.includes(spec.format)) {
    return {
      ok: false,
      error: `${spec.path}: unknown metrics format '${spec.format}'; expected one of ${METRIC_FORMATS.join(", ")}`,
    };
  }
  const full = resolve(cwd, spec.path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      if (spec.format !== "tensorboard" && (await isDirectory(join(full, "metrics")))) {
        if (spec.step !== undefined)
          return {
            ok: false,
            error: `${spec.path}: 'step:' applies to TensorBoard event files and run directories, not an MLflow run`,
          };
        return await loadMlflowRun(spec, full);
      }
      const events = (await readdir(full, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && isTensorboardEventFile(entry.name))
        .map((entry) => entry.name)
        .sort();
      if (spec.format === "tensorboard" || (spec.format === undefined && events.length > 0))
        return await loadTensorboardRun(spec, full, events);
      return {
        ok: false,
        error: `${spec.path}: is a directory, and neither an MLflow run directory (it has no metrics/ inside) nor a TensorBoard run directory (no events.out.tfevents.* files in it)`,
      };
    }
    if (spec.format === "mlflow") {
      return {
        ok: false,
        error: `${spec.path}: format mlflow reads a run directory (one that contains metrics/), not a file`,
      };
    }
    if (isDvcYaml(spec.path) && (spec.format === undefined || spec.format === "dvc")) {
      return await loadDvcYaml(spec, full, readMetricsText);
    }
    const tensorboard =
      spec.format === "tensorboard" || (spec.format === undefined && isTensorboardEventFile(full));
    if (spec.step !== undefined && !tensorboard) {
      return {
        ok: false,
        error: `${spec.path}: 'step:' applies to TensorBoard event files (events.out.tfevents.*) and run directories only; remove it or set format: tensorboard`,
      };
    }
    if (info.size > MAX_STREAMED_BYTES)
      return { ok: false, error: tooLarge(spec.path, info.size, MAX_STREAMED_BYTES) };
    if (tensorboard) {
      // Event files are binary (TFRecords of protobufs): read bytes, a record at a time.
      const { readTensorboardEvents } = await eventReader();
      return withFile(full, (fd) =>
        readTensorboardEvents(fileBytesReader(fd), info.size, {
          name: spec.name,
          file: spec.path,
          ...(spec.step !== undefined ? { step: spec.step } : {}),
        }),
      );
    }
    const options: ParseOptions = {
      name: spec.name,
      file: spec.path,
      format: spec.format,
      checkpoint: spec.checkpoint,
      ...(info.size > MAX_WHOLE_BYTES
        ? { streamed: { bytes: info.size, wholeLimit: MAX_WHOLE_BYTES, refs } }
        : {}),
    };
    return withFile(full, (fd) => parseMetricsChunks(fileTextChunks(fd), options));
  } catch (error) {
    return { ok: false, error: describeFsError(spec.path, error) };
  }
}

export async function loadMetricSources(
  specs: MetricSourceSpec[],
  opts: LoadOptions,
): Promise<{ sources: MetricSource[]; errors: Record<string, string> }> {
  const sources: MetricSource[] = [];
  const errors: Record<string, string> = {};
  // Predictions files are read with their baselines, together (predictions-sources.ts).
  for (const spec of specs.filter((s) => s.format !== "predictions")) {
    const loaded = await loadOne(spec, opts);
    if (loaded.ok) sources.push(loaded.source);
    else errors[spec.name] = loaded.error;
  }
  return { sources, errors };
}

export interface MetricArg {
  /** The name given before `=`, if any. */
  name?: string;
  path: string;
  /** Given as `NAME:FORMAT=PATH`; not checked here (loadMetricSources reports an unknown one). */
  format?: MetricFormat;
  /**
   * The name to use when none is given: the file's base name without its extension
   * (`out/eval.json` → `eval`, an MLflow run directory → its run id), or `metrics` when that is
   * empty. Base names are what users see in their tree, so they can write `eval.accuracy`.
   */
  defaultName: string;
}

/** `NAME=PATH`, `NAME:FORMAT=PATH` or `PATH`, as given to `--metrics` or the Action's inputs. */
export function parseMetricArg(arg: string): MetricArg {
  const trimmed = arg.trim();
  const m = /^([A-Za-z_][\w-]*)(?::([a-z]+))?\s*=\s*(.+)$/.exec(trimmed);
  const path = m ? m[3]!.trim() : trimmed;
  const stem = basename(path.replace(/[\\/]+$/, "")).replace(/\.[^.]*$/, "");
  return {
    ...(m ? { name: m[1]! } : {}),
    path,
    ...(m?.[2] ? { format: m[2] as MetricFormat } : {}),
    defaultName: stem === "" ? "metrics" : stem,
  };
}
