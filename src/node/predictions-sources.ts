// Predictions sources (metrics sources with format: predictions), read from disk for the CLI and
// the Action. Their readers and the bootstrap are a tenth of a bundle and start node:worker_threads,
// so they load only when a config has such a source, not at every start (src/node/predictions/sources.ts).
import type { MetricSourceSpec } from "../core/config/types.js";
import type { MetricSource } from "../core/metrics/types.js";

export interface PredictionSources {
  metrics: MetricSource[];
  baseline: MetricSource[];
  metricErrors: Record<string, string>;
  baselineErrors: Record<string, string>;
}

export async function loadPredictionSources(
  metricSpecs: MetricSourceSpec[],
  baselineSpecs: MetricSourceSpec[],
  cwd: string,
): Promise<PredictionSources> {
  // A baseline is only ever paired with a candidate's source of the same name.
  if (!metricSpecs.some((spec) => spec.format === "predictions" && spec.predictions))
    return { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };
  const { computePredictionSources } = await import("./predictions/sources.js");
  return computePredictionSources(metricSpecs, baselineSpecs, cwd);
}
