// Multiclass classification metrics computed from predictions, with scikit-learn's definitions
// (1.2): the counterpart of binary.ts for k ≥ 3 classes. Labels are class indices 0..k−1; scores
// are one row per example of k probabilities (row i, column c: the probability of class c), weights
// optional; the predicted class is the argmax of the row, the first maximum on ties (numpy's
// argmax). Precision, recall and F1 are averaged over all k declared classes (scikit-learn's
// `labels=range(k)`), so a class missing from a slice counts.
//
// A metric that is not defined for the data is undefined, never a number that could pass a check:
// where scikit-learn warns (UndefinedMetricWarning, UserWarning) or raises, the whole metric is
// undefined. So precision (macro, weighted) needs every class predicted, recall (macro, weighted)
// every class in the labels, F1 every class in one or the other (a class predicted but never true,
// or true but never predicted, has F1 = 0, as scikit-learn answers without a warning), balanced
// accuracy no predicted class missing from the labels, and ROC AUC (one-vs-rest) every class in
// the labels and rows summing to 1. Sums are plain left-to-right double sums, as numpy's are for
// these sizes up to rounding; tests hold them to scikit-learn's answers within 1e-12 relative
// (test/core/predictions).

import { rocAuc } from "./binary.js";

export interface MulticlassPredictions {
  /** The true class of each example, an integer in 0..classes−1. */
  labels: ArrayLike<number>;
  /** One row per example: the `classes` predicted probabilities, column c for class c. */
  scores: ArrayLike<ArrayLike<number>>;
  weights?: ArrayLike<number>;
  /** k, the number of classes: at least 3 (two classes are binary.ts's). */
  classes: number;
}

export interface MulticlassMetrics {
  count: number;
  /** The sum of the weights (the count without weights). */
  weight: number;
  /** k × k weights: row = true class, column = predicted class. */
  confusion: number[][];
  accuracy: number;
  balanced_accuracy?: number;
  precision_macro?: number;
  recall_macro?: number;
  f1_macro?: number;
  precision_micro?: number;
  recall_micro?: number;
  f1_micro?: number;
  precision_weighted?: number;
  recall_weighted?: number;
  f1_weighted?: number;
  roc_auc_ovr_macro?: number;
  log_loss: number;
}

const weightOf = (p: MulticlassPredictions, i: number) => (p.weights ? Number(p.weights[i]) : 1);

function check(p: MulticlassPredictions): void {
  const k = p.classes;
  if (!Number.isInteger(k) || k < 3) throw new RangeError(`classes must be an integer ≥ 3, got ${k}`);
  if (p.scores.length !== p.labels.length) {
    throw new RangeError(`${p.labels.length} labels but ${p.scores.length} score rows`);
  }
  if (p.weights && p.weights.length !== p.labels.length) {
    throw new RangeError(`${p.labels.length} labels but ${p.weights.length} weights`);
  }
  for (let i = 0; i < p.labels.length; i++) {
    const label = Number(p.labels[i]);
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new RangeError(`label ${i} is ${label}, not a class in 0..${k - 1}`);
    }
    if (p.scores[i]!.length !== k)
      throw new RangeError(`score row ${i} has ${p.scores[i]!.length} values, not ${k}`);
  }
}

/** The predicted class of each example: the first maximum of its row, as numpy's argmax. */
export function predictedClasses(p: MulticlassPredictions): Uint32Array {
  const predicted = new Uint32Array(p.labels.length);
  for (let i = 0; i < predicted.length; i++) {
    const row = p.scores[i]!;
    let best = 0;
    for (let c = 1; c < row.length; c++) if (Number(row[c]) > Number(row[best])) best = c;
    predicted[i] = best;
  }
  return predicted;
}

/** k × k weighted counts, row = true class, column = predicted class. */
export function confusionMatrix(p: MulticlassPredictions, predicted = predictedClasses(p)): number[][] {
  const m = Array.from({ length: p.classes }, () => new Array<number>(p.classes).fill(0));
  for (let i = 0; i < p.labels.length; i++) m[Number(p.labels[i])]![predicted[i]!]! += weightOf(p, i);
  return m;
}

/** numpy's `allclose(1, s)`: |1 − s| ≤ atol + rtol·|s| with rtol = 1e-5, atol = 1e-8. */
const sumsToOne = (s: number) => Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s);

/**
 * The mean over classes of the ROC AUC of class c against the rest, scored by column c
 * (`roc_auc_score(y, scores, multi_class="ovr", average="macro")`). Undefined unless every class is
 * in the labels (with positive weight) and every row sums to 1: scikit-learn raises otherwise.
 */
export function rocAucOvrMacro(p: MulticlassPredictions): number | undefined {
  const n = p.labels.length;
  for (let i = 0; i < n; i++) {
    const row = p.scores[i]!;
    let s = 0;
    for (let c = 0; c < row.length; c++) s += Number(row[c]);
    if (!sumsToOne(s)) return undefined;
  }
  let sum = 0;
  for (let c = 0; c < p.classes; c++) {
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = Number(p.labels[i]) === c ? 1 : 0;
      scores[i] = Number(p.scores[i]![c]);
    }
    const auc = rocAuc({ labels, scores, ...(p.weights ? { weights: p.weights } : {}) });
    if (auc === undefined) return undefined;
    sum += auc;
  }
  return sum / p.classes;
}

/** scikit-learn's eps="auto" for float64 input. */
const EPS = 2.220446049250313e-16;

/** Cross-entropy: each row clipped to [eps, 1 − eps] and renormalised, the mean of −log p(true). */
export function multiclassLogLoss(p: MulticlassPredictions): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    const row = p.scores[i]!;
    let sum = 0;
    for (let c = 0; c < row.length; c++) sum += Math.min(Math.max(Number(row[c]), EPS), 1 - EPS);
    const chosen = Math.min(Math.max(Number(row[Number(p.labels[i])]), EPS), 1 - EPS) / sum;
    loss += -Math.log(chosen) * w;
    total += w;
  }
  return loss / total;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Σ x·w / Σ w, numpy's `average(x, weights=w)`. */
function weightedMean(xs: number[], ws: number[]): number {
  let sum = 0;
  let total = 0;
  for (let c = 0; c < xs.length; c++) {
    sum += xs[c]! * ws[c]!;
    total += ws[c]!;
  }
  return sum / total;
}

/** 2·P·R / (P + R), 0 when both are 0: scikit-learn's F1 from its (placeholder-filled) P and R. */
const f1Of = (precision: number, recall: number) => {
  const denominator = precision + recall;
  return denominator === 0 ? 0 : (2 * precision * recall) / denominator;
};

/** Throws a RangeError on malformed input (a label out of range, a row of the wrong length, k < 3). */
export function multiclassMetrics(p: MulticlassPredictions): MulticlassMetrics {
  check(p);
  const k = p.classes;
  const predicted = predictedClasses(p);
  const confusion = confusionMatrix(p, predicted);
  // Per class: weighted true positives, predictions and labels; and whether the class occurs at all
  // among the labels or predictions, whatever its weight (scikit-learn's `unique_labels`).
  const tp: number[] = [];
  const predictedSum = new Array<number>(k).fill(0);
  const trueSum = new Array<number>(k).fill(0);
  const occurs = new Array<boolean>(k).fill(false);
  for (let i = 0; i < p.labels.length; i++) {
    occurs[Number(p.labels[i])] = true;
    occurs[predicted[i]!] = true;
  }
  for (let c = 0; c < k; c++) {
    tp.push(confusion[c]![c]!);
    for (let d = 0; d < k; d++) {
      trueSum[c]! += confusion[c]![d]!;
      predictedSum[c]! += confusion[d]![c]!;
    }
  }
  const weight = trueSum.reduce((a, b) => a + b, 0);
  const tpTotal = tp.reduce((a, b) => a + b, 0);

  // scikit-learn warns (and fills in 0) for a class with no prediction in precision, with no label
  // in recall, and for F1 only for a class with neither.
  const precisionDefined = predictedSum.every((s) => s !== 0);
  const recallDefined = trueSum.every((s) => s !== 0);
  const f1Defined = predictedSum.every((s, c) => s !== 0 || trueSum[c] !== 0);
  const precision = tp.map((t, c) => (predictedSum[c] === 0 ? 0 : t / predictedSum[c]!));
  const recall = tp.map((t, c) => (trueSum[c] === 0 ? 0 : t / trueSum[c]!));
  const f1 = precision.map((x, c) => f1Of(x, recall[c]!));

  // Micro averages pool the counts: with every class declared, they are the accuracy.
  const precisionMicro = predictedSum.reduce((a, b) => a + b, 0);
  const recallMicro = trueSum.reduce((a, b) => a + b, 0);
  const pMicro = precisionMicro > 0 ? tpTotal / precisionMicro : undefined;
  const rMicro = recallMicro > 0 ? tpTotal / recallMicro : undefined;
  const fMicro = pMicro !== undefined && rMicro !== undefined ? f1Of(pMicro, rMicro) : undefined;

  // Balanced accuracy: the mean recall over the classes that occur (scikit-learn has no `labels`
  // here); undefined when one of them has no label weight ("y_pred contains classes not in y_true").
  const occurring = [...occurs.keys()].filter((c) => occurs[c]);
  const balanced = occurring.every((c) => trueSum[c] !== 0)
    ? mean(occurring.map((c) => tp[c]! / trueSum[c]!))
    : undefined;

  const auc = rocAucOvrMacro(p);
  const defined = (ok: boolean, compute: () => number) => (ok ? compute() : undefined);
  const optional: Partial<MulticlassMetrics> = {
    balanced_accuracy: balanced,
    precision_macro: defined(precisionDefined, () => mean(precision)),
    recall_macro: defined(recallDefined, () => mean(recall)),
    f1_macro: defined(f1Defined, () => mean(f1)),
    precision_micro: pMicro,
    recall_micro: rMicro,
    f1_micro: fMicro,
    precision_weighted: defined(precisionDefined, () => weightedMean(precision, trueSum)),
    recall_weighted: defined(recallDefined, () => weightedMean(recall, trueSum)),
    f1_weighted: defined(f1Defined, () => weightedMean(f1, trueSum)),
    roc_auc_ovr_macro: auc,
  };
  return {
    count: p.labels.length,
    weight,
    confusion,
    accuracy: tpTotal / weight,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    log_loss: multiclassLogLoss(p),
  };
}
