// Expected calibration error of binary scores: the examples are put in equal-width bins of the
// predicted probability exactly as scikit-learn's calibration_curve(strategy="uniform") bins them
// (edges i/n computed as numpy's linspace does, right-closed bins, the first one holding 0), and the
// ECE is the weighted mean over bins of |observed frequency of the positive class − mean predicted
// probability|, each bin weighing its share of the examples (of their weights, with weights).

export interface CalibrationInput {
  labels: ArrayLike<number>;
  scores: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

export const DEFAULT_CALIBRATION_BINS = 10;

/** The inner edges numpy's linspace(0, 1, bins + 1) gives: i · (1 / bins), for i in 1..bins-1. */
export function innerEdges(bins: number): number[] {
  const step = 1 / bins;
  return Array.from({ length: bins - 1 }, (_, k) => (k + 1) * step);
}

/** The bin of a score: how many inner edges lie strictly below it (numpy's searchsorted, left). */
export function binOf(score: number, edges: number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function expectedCalibrationError(p: CalibrationInput, bins = DEFAULT_CALIBRATION_BINS): number {
  const edges = innerEdges(bins);
  const weight = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const scores = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = p.weights ? Number(p.weights[i]) : 1;
    const score = Number(p.scores[i]);
    const b = binOf(score, edges);
    weight[b]! += w;
    positives[b]! += p.labels[i] === 1 ? w : 0;
    scores[b]! += w * score;
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const wb = weight[b]!;
    if (wb > 0) ece += (wb / total) * Math.abs(positives[b]! / wb - scores[b]! / wb);
  }
  return ece;
}
