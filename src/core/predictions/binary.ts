// Binary classification metrics computed from predictions, with scikit-learn's definitions (1.2):
// the gate computes the numbers itself instead of trusting what the training code wrote. Labels are
// 0 or 1 (1 is the positive class), scores the predicted probability of 1, weights optional; the
// predicted class is 1 when the score is at or above the threshold. A metric that is not defined
// for the data (precision with no positive prediction, ROC AUC with one class) is undefined, never
// a number that could pass a check: scikit-learn warns and answers 0 (or raises), the gate says so.
// Sums are plain left-to-right double sums, as numpy's are for these sizes up to rounding; tests
// hold them to scikit-learn's answers within 1e-12 relative (test/core/predictions).

import { byScoreDescending } from "./order.js";

export interface BinaryPredictions {
  labels: ArrayLike<number>;
  scores: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface BinaryMetrics {
  count: number;
  /** The sum of the weights (the count without weights). */
  weight: number;
  confusion: Confusion;
  accuracy: number;
  balanced_accuracy?: number;
  precision?: number;
  recall?: number;
  f1?: number;
  roc_auc?: number;
  average_precision?: number;
  log_loss: number;
  brier_score: number;
}

const weightOf = (p: BinaryPredictions, i: number) => (p.weights ? Number(p.weights[i]) : 1);

function ratio(numerator: number, denominator: number): number | undefined {
  return denominator > 0 ? numerator / denominator : undefined;
}

export function confusion(p: BinaryPredictions, threshold = 0.5): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    const positive = Number(p.scores[i]) >= threshold;
    const actual = p.labels[i] === 1;
    if (actual && positive) c.tp += w;
    else if (actual) c.fn += w;
    else if (positive) c.fp += w;
    else c.tn += w;
  }
  return c;
}

/**
 * The cumulative weighted true and false positives at each distinct score, highest first: the
 * points of the ROC and precision-recall curves (scikit-learn's `_binary_clf_curve`).
 */
export function curve(p: BinaryPredictions): Curve {
  const order = byScoreDescending(p.scores);
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const w = weightOf(p, i);
    if (p.labels[i] === 1) tp += w;
    else fp += w;
    const next = order[k + 1];
    if (next === undefined || Number(p.scores[next]) !== Number(p.scores[i])) {
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { tps, fps };
}

/** The points of both curves: cumulative weighted true and false positives at each distinct score. */
export interface Curve {
  tps: number[];
  fps: number[];
}

/**
 * The area under the ROC curve by the trapezoid rule; undefined with only one class present.
 * `points`: the curve, when the caller has it already (it costs a sort).
 */
export function rocAuc(p: BinaryPredictions, points: Curve = curve(p)): number | undefined {
  const { tps, fps } = points;
  const positives = tps.at(-1) ?? 0;
  const negatives = fps.at(-1) ?? 0;
  if (positives <= 0 || negatives <= 0) return undefined;
  let area = 0;
  let x = 0;
  let y = 0;
  for (let k = 0; k < tps.length; k++) {
    const nx = fps[k]! / negatives;
    const ny = tps[k]! / positives;
    area += ((nx - x) * (y + ny)) / 2;
    x = nx;
    y = ny;
  }
  return area;
}

/** Σ (R_n − R_{n−1}) · P_n over the thresholds, highest first; undefined with no positive label. */
export function averagePrecision(p: BinaryPredictions, points: Curve = curve(p)): number | undefined {
  const { tps, fps } = points;
  const positives = tps.at(-1) ?? 0;
  if (positives <= 0) return undefined;
  let ap = 0;
  let recall = 0;
  for (let k = 0; k < tps.length; k++) {
    const r = tps[k]! / positives;
    const precision = tps[k]! / (tps[k]! + fps[k]!);
    ap += (r - recall) * precision;
    recall = r;
  }
  return ap;
}

/** scikit-learn's eps="auto" for float64 input. */
export const EPS_FLOAT64 = 2.220446049250313e-16;

/** One example's cross-entropy: its probabilities clipped to [eps, 1 − eps] and renormalised. */
export function clippedLogLoss(isPositive: boolean, score: number): number {
  const one = Math.min(Math.max(score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  const zero = Math.min(Math.max(1 - score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  return -Math.log((isPositive ? one : zero) / (one + zero));
}

/** Cross-entropy of the predicted probabilities, clipped to [eps, 1 − eps] and renormalised. */
export function logLoss(p: BinaryPredictions): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    loss += clippedLogLoss(p.labels[i] === 1, Number(p.scores[i])) * w;
    total += w;
  }
  return loss / total;
}

export function brierScore(p: BinaryPredictions): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    const d = Number(p.labels[i]) - Number(p.scores[i]);
    sum += d * d * w;
    total += w;
  }
  return sum / total;
}

export function binaryMetrics(p: BinaryPredictions, threshold = 0.5): BinaryMetrics {
  const c = confusion(p, threshold);
  const weight = c.tp + c.fp + c.tn + c.fn;
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const specificity = ratio(c.tn, c.tn + c.fp);
  // 2·TP / (2·TP + FP + FN): defined whenever there is a positive label or prediction, and 0 with
  // no true positive, as scikit-learn answers without a warning.
  const f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
  const balanced = recall !== undefined && specificity !== undefined ? (recall + specificity) / 2 : undefined;
  const points = curve(p);
  const auc = rocAuc(p, points);
  const ap = averagePrecision(p, points);
  return {
    count: p.labels.length,
    weight,
    confusion: c,
    accuracy: (c.tp + c.tn) / weight,
    ...(balanced === undefined ? {} : { balanced_accuracy: balanced }),
    ...(precision === undefined ? {} : { precision }),
    ...(recall === undefined ? {} : { recall }),
    ...(f1 === undefined ? {} : { f1 }),
    ...(auc === undefined ? {} : { roc_auc: auc }),
    ...(ap === undefined ? {} : { average_precision: ap }),
    log_loss: logLoss(p),
    brier_score: brierScore(p),
  };
}
