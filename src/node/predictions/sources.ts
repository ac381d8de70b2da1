// Predictions sources, read from disk for the CLI and the Action: each metrics source with
// format: predictions is read, paired with the baseline source of the same name when there is one,
// and its metrics, slices and intervals computed (src/core/predictions/evaluate.ts). Failures are
// messages keyed by source name, as loadMetricSources gives them: a baseline that cannot be read or
// paired is a baseline error (the decision is an input error), and the candidate's own metrics are
// still computed, for the report.
import { resolve } from "node:path";
import type { MetricSourceSpec, PredictionsSpec } from "../../core/config/types.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { resampleOnThreads, threadsFor } from "./parallel.js";
import { evaluatePredictions, type PredictionsResult } from "../../core/predictions/evaluate.js";
import { predictionValues } from "../../core/predictions/values.js";
import { readPredictionsFile } from "./read.js";
import type { PredictionSources } from "../predictions-sources.js";

/** The computed metrics, their resamples on worker threads when the work is large enough. */
async function evaluate(spec: PredictionsSpec, table: PredictionTable, baseline?: PredictionTable) {
  const threads = threadsFor(spec, table.rows);
  if (threads <= 1) return evaluatePredictions(spec, table, baseline);
  const resampled = await resampleOnThreads(spec, table, baseline, threads);
  return resampled.ok ? evaluatePredictions(spec, table, baseline, resampled.runs) : resampled;
}

/** The baseline's side of a paired result: its own values on the same examples and slices. */
function baselineSide(result: PredictionsResult): PredictionsResult {
  return {
    ...result,
    cells: result.cells.map((cell) => ({
      ...cell,
      metrics: cell.comparison?.baseline ?? {},
      intervals: {},
      comparison: undefined,
      confusion: undefined,
    })),
  };
}

export async function computePredictionSources(
  metricSpecs: MetricSourceSpec[],
  baselineSpecs: MetricSourceSpec[],
  cwd: string,
): Promise<PredictionSources> {
  const out: PredictionSources = { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };
  for (const spec of metricSpecs) {
    if (spec.format !== "predictions" || !spec.predictions) continue;
    const read = await readPredictionsFile(resolve(cwd, spec.path), spec.path, spec.predictions);
    if (!read.ok) {
      out.metricErrors[spec.name] = read.error;
      continue;
    }
    const baselineSpec = baselineSpecs.find((b) => b.name === spec.name && b.format === "predictions");
    let baseline = undefined;
    if (baselineSpec?.predictions) {
      const baseRead = await readPredictionsFile(
        resolve(cwd, baselineSpec.path),
        baselineSpec.path,
        baselineSpec.predictions,
      );
      if (baseRead.ok) baseline = baseRead.table;
      else out.baselineErrors[spec.name] = baseRead.error;
    }
    let evaluated = await evaluate(spec.predictions, read.table, baseline);
    if (!evaluated.ok && baseline) {
      // The baseline does not pair: an input error; the candidate's metrics stand alone in the report.
      out.baselineErrors[spec.name] = evaluated.error;
      baseline = undefined;
      evaluated = await evaluate(spec.predictions, read.table);
    }
    if (!evaluated.ok) {
      out.metricErrors[spec.name] = evaluated.error;
      continue;
    }
    const result = evaluated.result;
    out.metrics.push({
      name: spec.name,
      file: spec.path,
      format: "predictions",
      values: predictionValues(result),
      predictions: result,
    });
    if (baseline && baselineSpec) {
      const side = baselineSide(result);
      out.baseline.push({
        name: spec.name,
        file: baselineSpec.path,
        format: "predictions",
        values: predictionValues(side),
      });
    }
  }
  return out;
}
