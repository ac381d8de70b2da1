// Binary metrics of many bootstrap resamples, each in one pass over the examples per view (all
// examples, and each slice column). A view holds the examples ordered by cell (the slice value),
// then by score, highest first, so that within a cell every metric is a running sum:
//   - ROC AUC and average precision close one group of tied scores at a time, exactly as the
//     curves of binary.ts step through distinct thresholds;
//   - the confusion counts sum the examples at or above the threshold; the calibration bins are
//     runs of the order (a bin is a range of scores), closed as the bin changes;
//   - log loss and the Brier score are weighted sums of per-example terms computed once.
// A resample only changes the weights: an example's weight is its own times its Poisson draw
// (random.ts). The pass itself runs in WebAssembly (wasm/cell.wat). With every draw 1 this gives
// binary.ts's and calibration.ts's values: the counting metrics to 1e-12 relative, those that sum
// scores and losses (read in single precision) to 1e-6 (test/core/predictions/bootstrap.test.ts).
import { clippedLogLoss } from "./binary.js";
import { binOf, innerEdges } from "./calibration.js";
import { byScoreDescending } from "./order.js";
import { Arena } from "./wasm/arena.js";

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
/** Label 1 (in the same byte, so that a pass reads one byte less per example). */
const POSITIVE = 128;

/**
 * One view's examples, in its order, with what a pass reads of each, in WebAssembly's memory
 * (wasm/arena.ts). A pass streams these arrays once per resample, so they are as small as they can
 * be: the loss and score in single precision (a resample's metrics feed an interval, and 1e-7 of
 * a score moves no quantile), the label in the flags' byte, no weights unless there are any.
 */
interface View {
  /** The first cell's index in the output. */
  firstCell: number;
  draw: Uint32Array;
  flags: Uint8Array;
  weight: Float64Array | undefined;
  loss: Float32Array;
  score: Float32Array;
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
  arena: Arena,
  input: ResampleInput,
  examples: Examples,
  order: Uint32Array,
  /** Each example's cell within the view; undefined: one cell of every example. */
  codes: Uint32Array | undefined,
  firstCell: number,
): View {
  const n = order.length;
  const { rankOf, scores, loss: lossOf, bin: binOf } = examples;
  const loss = arena.f32(n);
  const score = arena.f32(n);
  const weight = input.weights ? arena.f64(n) : undefined;
  const draw = arena.u32(n);
  const flags = arena.u8(n);
  const labels = input.labels;
  const threshold = input.threshold;
  const starts: number[] = [];
  const cells: number[] = [];
  let previousBin = -1;
  let previousCell = -1;
  let previousScore = NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const s = scores[i]!;
    draw[k] = rankOf[i]!;
    if (weight) weight[k] = Number(input.weights![i]);
    loss[k] = lossOf[i]!;
    score[k] = s;
    const cell = codes ? codes[i]! : 0;
    const newCell = k === 0 || cell !== previousCell;
    const bin = binOf[i]!;
    let f = newCell || s !== previousScore ? NEW_GROUP : 0;
    if (newCell) {
      cells.push(cell);
      starts.push(k);
    } else if (bin !== previousBin) f |= NEW_BIN;
    if (s < threshold && (newCell || previousScore >= threshold)) f |= BELOW_THRESHOLD;
    previousBin = bin;
    previousCell = cell;
    previousScore = s;
    flags[k] = labels[i] === 1 ? f | POSITIVE : f;
  }
  return {
    firstCell,
    draw,
    flags,
    weight,
    loss,
    score,
    cellAt: Uint32Array.from(cells),
    cellStart: Uint32Array.from([...starts, n]),
  };
}

/** The bytes a view takes in the arena: loss, score, draw and flags, and the weights if any. */
const VIEW_BYTES = (n: number, weighted: boolean) => [4 * n, 4 * n, 4 * n, n, ...(weighted ? [8 * n] : [])];

/** Throws a RangeError when the views would not fit in WebAssembly's memory. */
export function binaryResampler(input: ResampleInput): Resampler {
  if (input.bins > 255) throw new RangeError("at most 255 calibration bins");
  const scores = Float64Array.from(input.scores, Number);
  const n = scores.length;
  const order = byScoreDescending(scores);
  const examples = examplesOf(input, scores, order);
  const viewCount = 1 + input.slices.length;
  const arena = new Arena(
    Arena.size([
      ...Array.from({ length: viewCount }, () => VIEW_BYTES(n, input.weights !== undefined)).flat(),
      4 * n, // the draws' keys
      n, // a resample's draws
      n, // every example once
      9 * 8, // a cell's sums
    ]),
  );
  const views = [view(arena, input, examples, order, undefined, 0)];
  let firstCell = 1;
  for (const slice of input.slices) {
    const codes = slice.codes;
    views.push(view(arena, input, examples, byCell(order, codes, slice.values), codes, firstCell));
    firstCell += slice.values;
  }
  const cells = firstCell;
  const stride = BINARY_RESAMPLED.length;

  // The draws of a resample, by rank: computed once in rank order, then read nearly in order by
  // every view (within a cell, ranks increase).
  const drawKey = arena.u32(n);
  for (let k = 0; k < n; k++) drawKey[k] = input.drawIndex ? input.drawIndex[order[k]!]! : order[k]!;
  const draws = arena.u8(n);
  const once = arena.u8(n).fill(1);
  const sums = arena.f64(9);
  function evaluate(key: number | undefined, out: Float64Array): void {
    out.fill(NaN);
    if (key !== undefined) arena.draws(key, drawKey, draws);
    const drawn = key === undefined ? once : draws;
    for (const v of views)
      for (let run = 0; run < v.cellAt.length; run++) {
        (v.weight ? arena.cellWeighted : arena.cell)(
          v.cellStart[run]!,
          v.cellStart[run + 1]!,
          v.draw.byteOffset,
          drawn.byteOffset,
          v.flags.byteOffset,
          v.loss.byteOffset,
          v.score.byteOffset,
          v.weight?.byteOffset ?? 0,
          sums.byteOffset,
        );
        const [tpBefore, fpBefore, tpAt, fpAt, area, precisionSum, lossSum, squaredSum, calibration] = sums;
        const o = (v.firstCell + v.cellAt[run]!) * stride;
        emit(
          out,
          o,
          tpBefore!,
          fpBefore!,
          tpAt!,
          fpAt!,
          area!,
          precisionSum!,
          lossSum!,
          squaredSum!,
          calibration!,
        );
      }
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
