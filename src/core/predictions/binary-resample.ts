// Binary metrics of many bootstrap resamples, each in one pass over the examples per view (all
// examples, and each slice column). A view holds the examples ordered by cell (the slice value),
// then by score, highest first, so that within a cell every metric is a running sum:
//   - ROC AUC and average precision close one group of tied scores at a time, exactly as the
//     curves of binary.ts step through distinct thresholds;
//   - the confusion counts sum the examples at or above the threshold; the calibration bins are
//     runs of the order (a bin is a range of scores), closed as the bin changes;
//   - log loss and the Brier score are weighted sums of per-example terms computed once.
// A resample only changes the weights: an example's weight is its own times its Poisson draw
// (random.ts), computed in the pass. With every draw 1 this gives binary.ts's and calibration.ts's
// values up to the order of summation (tests hold it to 1e-12 relative).
import { clippedLogLoss } from "./binary.js";
import { binOf, innerEdges } from "./calibration.js";
import { byScoreDescending } from "./order.js";
import { poissonWeight } from "./random.js";

export const BINARY_RESAMPLED = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier_score",
  "expected_calibration_error",
] as const;

export interface ResampleInput {
  labels: ArrayLike<number>;
  scores: ArrayLike<number>;
  weights?: ArrayLike<number>;
  /**
   * Per example: the index its Poisson draw is keyed by (default: its own index). A baseline gives
   * each example its candidate's index, so that both draw the same weight for it.
   */
  drawIndex?: Uint32Array;
  /** Per slice column, per example: its value's index (0..values − 1). */
  slices: { codes: Uint32Array; values: number }[];
  threshold: number;
  bins: number;
}

/**
 * Evaluates resamples: `out[cell · metrics.length + m]` is metric m of a cell, NaN where it is not
 * defined. Cell 0 is every example; then each slice column's values in order.
 */
export interface Resampler {
  readonly metrics: readonly string[];
  readonly cells: number;
  /**
   * `key`: the resample's (random.ts's resampleKey); undefined: every example once.
   */
  evaluate(key: number | undefined, out: Float64Array): void;
}

// Flags of an example in a view's order. Ties are never split: the threshold and the calibration
// bins depend on the score alone, so each change comes with a new group of tied scores.
const NEW_GROUP = 1;
/** The first example of its cell below the threshold. */
const BELOW_THRESHOLD = 2;
/** The first example of its cell in another calibration bin. */
const NEW_BIN = 4;
const NEW_CELL = 8;

/** One view's examples, in its order, with what a pass reads of each. */
interface View {
  /** The first cell's index in the output. */
  firstCell: number;
  draw: Uint32Array;
  positive: Uint8Array;
  flags: Uint8Array;
  /** Always present (1 without weights): a branch on whether it is would double a pass's time. */
  weight: Float64Array;
  loss: Float64Array;
  score: Float64Array;
  /** The cell of each run of examples, in order, and where each run starts (and, last, the end). */
  cellAt: Uint32Array;
  cellStart: Uint32Array;
}

/** `order` regrouped by cell, keeping its order within each cell (a counting sort). */
function byCell(order: Uint32Array, codes: Uint32Array, values: number): Uint32Array {
  const starts = new Uint32Array(values + 1);
  for (let i = 0; i < codes.length; i++) starts[codes[i]! + 1]!++;
  for (let v = 0; v < values; v++) starts[v + 1]! += starts[v]!;
  const out = new Uint32Array(order.length);
  for (const i of order) out[starts[codes[i]!]!++] = i;
  return out;
}

/** What every view reads of an example, computed once (a log and a bin search each). */
interface Examples {
  rankOf: Uint32Array;
  scores: Float64Array;
  loss: Float64Array;
  bin: Uint8Array;
}

function examplesOf(input: ResampleInput, scores: Float64Array, order: Uint32Array): Examples {
  const n = scores.length;
  const edges = innerEdges(input.bins);
  const rankOf = new Uint32Array(n);
  for (let k = 0; k < n; k++) rankOf[order[k]!] = k;
  const loss = new Float64Array(n);
  const bin = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    loss[i] = clippedLogLoss(input.labels[i] === 1, scores[i]!);
    bin[i] = binOf(scores[i]!, edges);
  }
  return { rankOf, scores, loss, bin };
}

function view(
  input: ResampleInput,
  examples: Examples,
  order: Uint32Array,
  cellOf: (i: number) => number,
  firstCell: number,
): View {
  const n = order.length;
  const { rankOf, scores } = examples;
  const v: View = {
    firstCell,
    draw: new Uint32Array(n),
    positive: new Uint8Array(n),
    flags: new Uint8Array(n),
    weight: new Float64Array(n),
    loss: new Float64Array(n),
    score: new Float64Array(n),
    cellAt: new Uint32Array(0),
    cellStart: new Uint32Array(0),
  };
  const starts: number[] = [];
  const cells: number[] = [];
  let previousBin = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const s = scores[i]!;
    const isPositive = input.labels[i] === 1;
    v.draw[k] = rankOf[i]!;
    v.positive[k] = isPositive ? 1 : 0;
    v.weight[k] = input.weights ? Number(input.weights[i]) : 1;
    v.loss[k] = examples.loss[i]!;
    v.score[k] = s;
    const cell = cellOf(i);
    const newCell = k === 0 || cell !== cellOf(order[k - 1]!);
    const bin = examples.bin[i]!;
    let f = newCell || s !== scores[order[k - 1]!] ? NEW_GROUP : 0;
    if (newCell) {
      cells.push(cell);
      starts.push(k);
      f |= NEW_CELL;
    } else if (bin !== previousBin) f |= NEW_BIN;
    if (s < input.threshold && (newCell || scores[order[k - 1]!]! >= input.threshold)) f |= BELOW_THRESHOLD;
    previousBin = bin;
    v.flags[k] = f;
  }
  v.cellAt = Uint32Array.from(cells);
  v.cellStart = Uint32Array.from([...starts, n]);
  return v;
}

export function binaryResampler(input: ResampleInput): Resampler {
  if (input.bins > 255) throw new RangeError("at most 255 calibration bins");
  const scores = Float64Array.from(input.scores, Number);
  const order = byScoreDescending(scores);
  const examples = examplesOf(input, scores, order);
  const views = [view(input, examples, order, () => 0, 0)];
  let firstCell = 1;
  for (const slice of input.slices) {
    const codes = slice.codes;
    views.push(view(input, examples, byCell(order, codes, slice.values), (i) => codes[i]!, firstCell));
    firstCell += slice.values;
  }
  const cells = firstCell;
  const stride = BINARY_RESAMPLED.length;

  // The draws of a resample, by rank: computed once in rank order, then read nearly in order by
  // every view (within a cell, ranks increase).
  const drawKey = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++)
    drawKey[k] = input.drawIndex ? input.drawIndex[order[k]!]! : order[k]!;
  const draws = new Uint8Array(order.length);
  const once = new Uint8Array(order.length).fill(1);
  function evaluate(key: number | undefined, out: Float64Array): void {
    out.fill(NaN);
    if (key !== undefined) for (let k = 0; k < draws.length; k++) draws[k] = poissonWeight(key, drawKey[k]!);
    for (const v of views) pass(v, key === undefined ? once : draws, out, stride);
  }
  return { metrics: BINARY_RESAMPLED, cells, evaluate };
}

/** Writes a cell's metrics from its sums (all weights: tp at the threshold, positives in all). */
function emit(
  out: Float64Array,
  o: number,
  positives: number,
  negatives: number,
  tpAt: number,
  fpAt: number,
  area: number,
  precisionSum: number,
  lossSum: number,
  squaredSum: number,
  calibration: number,
): void {
  const total = positives + negatives;
  const fn = positives - tpAt;
  const tn = negatives - fpAt;
  const recall = tpAt / positives;
  out[o] = (tpAt + tn) / total;
  out[o + 1] = (recall + tn / negatives) / 2;
  out[o + 2] = tpAt / (tpAt + fpAt);
  out[o + 3] = recall;
  out[o + 4] = (2 * tpAt) / (2 * tpAt + fpAt + fn);
  out[o + 5] = positives > 0 && negatives > 0 ? area / (positives * negatives) : NaN;
  out[o + 6] = positives > 0 ? precisionSum / positives : NaN;
  out[o + 7] = lossSum / total;
  out[o + 8] = squaredSum / total;
  out[o + 9] = calibration / total;
}

/**
 * One pass over a view. The state lives in local variables (a closure's would live in memory),
 * and all but the running sums waits for the examples where a group, bin or cell begins: this
 * loop is nearly all of the bootstrap's time. Sums start as 0.0 so that they are doubles from the
 * first iteration.
 */
function pass(v: View, draws: Uint8Array, out: Float64Array, stride: number): void {
  const { cellStart, cellAt } = v;
  for (let run = 0; run < cellAt.length; run++)
    cell(v, draws, cellStart[run]!, cellStart[run + 1]!, out, (v.firstCell + cellAt[run]!) * stride);
}

/**
 * One cell of a view: examples `from` to `to`, sorted by score. Its sums are local variables (a
 * closure's would live in memory), and all but the running sums wait for the examples where a
 * group of tied scores, a bin or the threshold begins: this loop is nearly all of the bootstrap's
 * time. Sums start as 0.0, so that they are doubles from the first iteration.
 */
function cell(v: View, draws: Uint8Array, from: number, to: number, out: Float64Array, o: number): void {
  const { draw, positive, flags, loss, score, weight } = v;
  let tpBefore = 0.5 - 0.5;
  let fpBefore = tpBefore;
  let groupTp = tpBefore;
  let groupFp = tpBefore;
  let area = tpBefore;
  let precisionSum = tpBefore;
  let lossSum = tpBefore;
  let squaredSum = tpBefore;
  let scoreSum = tpBefore;
  let tpAt = tpBefore;
  let fpAt = tpBefore;
  let binTp = tpBefore;
  let binScore = tpBefore;
  let calibration = tpBefore;
  let aboveThreshold = true;
  for (let k = from; k < to; k++) {
    const f = flags[k]!;
    if (f !== 0) {
      area += groupFp * (tpBefore + groupTp / 2);
      // No branch on groupTp > 0 (a coin flip per example): 0 / anything is 0, and a group with no
      // weight so far divides by 1 instead of 0.
      precisionSum += (groupTp * (tpBefore + groupTp)) / (tpBefore + groupTp + fpBefore + groupFp || 1);
      tpBefore += groupTp;
      fpBefore += groupFp;
      groupTp = 0;
      groupFp = 0;
      if ((f & NEW_BIN) !== 0) {
        calibration += Math.abs(tpBefore - binTp - (scoreSum - binScore));
        binTp = tpBefore;
        binScore = scoreSum;
      }
      if ((f & BELOW_THRESHOLD) !== 0) {
        tpAt = tpBefore;
        fpAt = fpBefore;
        aboveThreshold = false;
      }
    }
    const w = weight[k]! * draws[draw[k]!]!;
    const s = score[k]!;
    const p = positive[k]!;
    const wp = w * p;
    groupTp += wp;
    groupFp += w - wp;
    const d = p - s;
    squaredSum += w * d * d;
    lossSum += w * loss[k]!;
    scoreSum += w * s;
  }
  area += groupFp * (tpBefore + groupTp / 2);
  precisionSum += (groupTp * (tpBefore + groupTp)) / (tpBefore + groupTp + fpBefore + groupFp || 1);
  tpBefore += groupTp;
  fpBefore += groupFp;
  calibration += Math.abs(tpBefore - binTp - (scoreSum - binScore));
  if (aboveThreshold) {
    tpAt = tpBefore;
    fpAt = fpBefore;
  }
  emit(out, o, tpBefore, fpBefore, tpAt, fpAt, area, precisionSum, lossSum, squaredSum, calibration);
}
