/**
 * Reading metric sources from disk for the CLI and the Action. Every failure (missing file,
 * unreadable, malformed, an unknown format) becomes an entry in `errors` keyed by source name,
 * with the path in the message; nothing here throws for bad input, so the decision can fail
 * the checks that need the source and say why.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { MetricFormat, MetricSourceSpec } from "../core/config/types.js";
import { METRIC_FORMATS } from "../core/config/types.js";
import { parseMetricsFile, parseMlflowRun } from "../core/metrics/parse.js";
import { isTensorboardEventFile, parseTensorboardEvents } from "../core/metrics/formats/tensorboard.js";
import type { MetricSource } from "../core/metrics/types.js";
import { isDvcYaml, loadDvcYaml } from "./dvc.js";

/** Metrics files are small; anything bigger is a wrong path (a model, a dataset), not metrics. */
const MAX_METRICS_BYTES = 32 * 1024 * 1024;

function tooLarge(shown: string, size: number): string {
  return `${shown}: ${size} bytes is too large for a metrics file (limit ${MAX_METRICS_BYTES}); is the path right?`;
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
    if (info.size > MAX_METRICS_BYTES) return { ok: false, error: tooLarge(shown, info.size) };
    return { ok: true, text: await readFile(full, "utf8") };
  } catch (error) {
    return { ok: false, error: describeFsError(shown, error) };
  }
}

async function loadOne(spec: MetricSourceSpec, cwd: string): Promise<Loaded> {
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
      if (await isDirectory(join(full, "metrics"))) return await loadMlflowRun(spec, full);
      return {
        ok: false,
        error: `${spec.path}: is a directory, and not an MLflow run directory (it has no metrics/ inside)`,
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
        error: `${spec.path}: 'step:' applies to TensorBoard event files (events.out.tfevents.*) only; remove it or set format: tensorboard`,
      };
    }
    if (tensorboard) {
      if (info.size > MAX_METRICS_BYTES) return { ok: false, error: tooLarge(spec.path, info.size) };
      // Event files are binary (TFRecords of protobufs): read bytes, not text.
      const bytes = await readFile(full);
      return parseTensorboardEvents(bytes, {
        name: spec.name,
        file: spec.path,
        ...(spec.step !== undefined ? { step: spec.step } : {}),
      });
    }
    const text = await readMetricsText(full, spec.path);
    if (!text.ok) return text;
    return parseMetricsFile(text.text, {
      name: spec.name,
      file: spec.path,
      format: spec.format,
      checkpoint: spec.checkpoint,
    });
  } catch (error) {
    return { ok: false, error: describeFsError(spec.path, error) };
  }
}

export async function loadMetricSources(
  specs: MetricSourceSpec[],
  opts: { cwd: string },
): Promise<{ sources: MetricSource[]; errors: Record<string, string> }> {
  const sources: MetricSource[] = [];
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const loaded = await loadOne(spec, opts.cwd);
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
