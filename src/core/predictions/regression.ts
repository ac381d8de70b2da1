// Regression metrics computed from predictions, with scikit-learn's definitions (1.2): MAE, RMSE,
// R² and MAPE, with sample weights (averages are Σw·x / Σw, as numpy's average). R² of a constant
// target is undefined (scikit-learn forces it to 1 or 0 unless asked not to; a check must not pass
// on a placeholder). Held to scikit-learn's answers in test/core/predictions/regression-golden.test.ts.

export interface RegressionPredictions {
  targets: ArrayLike<number>;
  predictions: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

export interface RegressionMetrics {
  count: number;
  weight: number;
  mae: number;
  rmse: number;
  /** undefined with fewer than two examples or a constant target. */
  r2?: number;
  mape: number;
}

/** numpy's float64 eps: MAPE divides by max(|y|, eps), as scikit-learn does. */
const EPS = 2.220446049250313e-16;

export function regressionMetrics(p: RegressionPredictions): RegressionMetrics {
  const n = p.targets.length;
  const w = (i: number) => (p.weights ? Number(p.weights[i]) : 1);
  let weight = 0;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let targetSum = 0;
  for (let i = 0; i < n; i++) {
    const y = Number(p.targets[i]);
    const e = Number(p.predictions[i]) - y;
    const wi = w(i);
    weight += wi;
    absolute += wi * Math.abs(e);
    squared += wi * e * e;
    percentage += wi * (Math.abs(e) / Math.max(Math.abs(y), EPS));
    targetSum += wi * y;
  }
  const mean = targetSum / weight;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const d = Number(p.targets[i]) - mean;
    spread += w(i) * d * d;
  }
  const r2 = n >= 2 && spread > 0 ? 1 - squared / spread : undefined;
  return {
    count: n,
    weight,
    mae: absolute / weight,
    rmse: Math.sqrt(squared / weight),
    ...(r2 === undefined ? {} : { r2 }),
    mape: percentage / weight,
  };
}
