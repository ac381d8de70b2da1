/**
 * An MLflow run directory as the file store writes it (mlruns/<experiment>/<run>/metrics/<key>):
 * one file per metric, keys with `/` in subdirectories, each line `timestamp value step`
 * (MLflow < 1.0 wrote `timestamp value`, step 0). The value used is the one with the highest step,
 * then the latest timestamp, then the last line — what MLflow's UI shows as the run's metric.
 */
import type { MetricSource, MetricTree } from "../types.js";
import { MetricsFormatError, formatLocated, parseNumberText } from "./error.js";
import { setOwnKey } from "../../own-key.js";

export interface MlflowMetricFile {
  /** The metric key: the path under `metrics/`, e.g. "accuracy" or "eval/accuracy". */
  key: string;
  text: string;
}

interface Entry {
  timestamp: number;
  value: number;
  step: number;
}

function latestEntry(text: string): Entry {
  let best: Entry | undefined;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const parts = line.split(/\s+/);
    const [timestamp, value, step] = [parts[0], parts[1], parts[2] ?? "0"].map((p) =>
      parseNumberText(p ?? ""),
    );
    if (parts.length > 3 || timestamp === undefined || value === undefined || step === undefined) {
      throw new MetricsFormatError(`expected 'timestamp value step', got '${line}'`, index + 1);
    }
    const entry = { timestamp, value, step };
    if (!best || step > best.step || (step === best.step && timestamp >= best.timestamp)) best = entry;
  });
  if (!best) throw new MetricsFormatError("no values: the metric file is empty");
  return best;
}

export function parseMlflowRun(
  files: MlflowMetricFile[],
  opts: { name: string; file: string },
): { ok: true; source: MetricSource } | { ok: false; error: string } {
  const values: MetricTree = {};
  for (const { key, text } of [...files].sort((a, b) => a.key.localeCompare(b.key))) {
    try {
      setOwnKey(values, key, latestEntry(text).value);
    } catch (error) {
      if (!(error instanceof MetricsFormatError)) throw error;
      return { ok: false, error: formatLocated(`${opts.file}/metrics/${key}`, error) };
    }
  }
  if (files.length === 0)
    return { ok: false, error: `${opts.file}: no metrics in the run's metrics/ directory` };
  return { ok: true, source: { name: opts.name, file: opts.file, format: "mlflow", values } };
}
