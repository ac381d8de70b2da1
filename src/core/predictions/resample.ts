// Resampled metrics for the tasks without a one-pass resampler (binary-resample.ts): each cell's
// drawn examples (weight > 0) are gathered and its metrics computed by the exact functions. It
// costs a pass per cell and, for multiclass ROC AUC, k sorts per resample.
import type { Resampler } from "./binary-resample.js";
import { multiclassMetrics, type MulticlassMetrics } from "./multiclass.js";
import { gather, identity } from "./gather.js";
import { poissonWeight } from "./random.js";
import { regressionMetrics, type RegressionMetrics } from "./regression.js";
import type { PredictionTable } from "./table.js";

export const REGRESSION_RESAMPLED = ["mae", "rmse", "r2", "mape"] as const;
export const MULTICLASS_RESAMPLED = [
  "accuracy",
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_micro",
  "recall_micro",
  "f1_micro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "roc_auc_ovr_macro",
  "log_loss",
] as const;

/** The examples of each cell: cell 0 is every example, then each slice column's values in order. */
export function cellMembers(table: PredictionTable, codesOf: Uint32Array[]): Uint32Array[] {
  const members: Uint32Array[] = [identity(table.rows)];
  for (let j = 0; j < codesOf.length; j++) {
    const codes = codesOf[j]!;
    const values = table.slices[j]!.values.length;
    const counts = new Uint32Array(values);
    for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
    const lists = Array.from(counts, (count) => new Uint32Array(count));
    const filled = new Uint32Array(values);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      lists[code]![filled[code]!++] = i;
    }
    members.push(...lists);
  }
  return members;
}

type Compute = (rows: Uint32Array, weights: Float64Array) => Record<string, unknown>;

export function computeOf(table: PredictionTable): { metrics: readonly string[]; compute: Compute } {
  if (table.task === "regression") {
    const targets = table.labels;
    const predictions = table.predictions!;
    return {
      metrics: REGRESSION_RESAMPLED,
      compute: (rows, weights) => {
        const m: RegressionMetrics = regressionMetrics({
          targets: gather(targets, rows),
          predictions: gather(predictions, rows),
          weights,
        });
        return { ...m };
      },
    };
  }
  const k = table.classes!.length;
  const scores = table.classScores!;
  return {
    metrics: MULTICLASS_RESAMPLED,
    compute: (rows, weights) => {
      const m: MulticlassMetrics = multiclassMetrics({
        labels: gather(table.labels, rows),
        scores: Array.from(rows, (i) => scores.subarray(i * k, (i + 1) * k)),
        weights,
        classes: k,
      });
      return { ...m };
    },
  };
}

/** A resampler over the exact functions, for regression and multiclass tables. */
export function exactResampler(
  table: PredictionTable,
  members: Uint32Array[],
  drawIndex: Uint32Array | undefined,
): Resampler {
  const { metrics, compute } = computeOf(table);
  const stride = metrics.length;
  function evaluate(key: number | undefined, out: Float64Array): void {
    out.fill(NaN);
    members.forEach((rows, cell) => {
      const drawn: number[] = [];
      const weights: number[] = [];
      for (const i of rows) {
        const draw = key === undefined ? 1 : poissonWeight(key, drawIndex ? drawIndex[i]! : i);
        if (draw === 0) continue;
        drawn.push(i);
        weights.push((table.weights ? table.weights[i]! : 1) * draw);
      }
      if (drawn.length === 0) return;
      const values = compute(Uint32Array.from(drawn), Float64Array.from(weights));
      metrics.forEach((name, m) => {
        const value = values[name];
        out[cell * stride + m] = typeof value === "number" ? value : NaN;
      });
    });
  }
  return { metrics, cells: members.length, evaluate };
}
