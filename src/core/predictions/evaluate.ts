// Metrics computed from a predictions table, for every example and for each slice, with bootstrap
// intervals; and, given the baseline's predictions on the same examples, the paired intervals of
// candidate − baseline (and candidate / baseline) that change checks are judged by.
//
// Point values are the exact functions' (scikit-learn's definitions, golden-tested); the intervals
// come from resamples (Poisson bootstrap, random.ts) evaluated by binary-resample.ts or resample.ts.
// A baseline is paired by id: both files must hold the same examples with the same labels, or
// nothing is compared (a baseline scored on other or relabelled examples says nothing about this
// candidate).
import type { PredictionsSpec } from "../config/types.js";
import { BINARY_RESAMPLED, binaryResampler, type Resampler } from "./binary-resample.js";
import { binaryMetrics } from "./binary.js";
import { expectedCalibrationError } from "./calibration.js";
import { percentileInterval, type Interval } from "./interval.js";
import { gather, gatherCodes, identity } from "./gather.js";
import { contentKey } from "./content.js";
import { resampleKey } from "./random.js";
import { cellMembers, computeOf, exactResampler } from "./resample.js";
import type { PredictionTable } from "./table.js";

export interface Comparison {
  /** The baseline's value of each metric on the same examples. */
  baseline: Record<string, number | null>;
  /** The paired interval of candidate − baseline. */
  difference: Record<string, Interval | null>;
  /** The paired interval of candidate / baseline; null where a resampled baseline is not positive. */
  ratio: Record<string, Interval | null>;
}

export interface CellResult {
  /** Absent for the cell of every example. */
  slice?: { column: string; value: string };
  count: number;
  weight: number;
  /** Whether conditions judge it: every example's cell always, a slice with at least minSliceCount examples. */
  judged: boolean;
  metrics: Record<string, number | null>;
  intervals: Record<string, Interval | null>;
  /**
   * The weighted confusion counts: binary, `tp`, `fp`, `tn` and `fn` at the threshold; multiclass,
   * by true class and then predicted class (`confusion.cat.dog`: cats predicted dogs).
   */
  confusion?: Record<string, number> | Record<string, Record<string, number>>;
  comparison?: Comparison;
}

export interface PredictionsResult {
  task: PredictionTable["task"];
  rows: number;
  threshold?: number;
  classes?: string[];
  bootstrap: { method: "poisson"; resamples: number; seed: number; confidence: number };
  /** binary: the calibration error's bins. */
  calibrationBins?: number;
  minSliceCount: number;
  /** Cell 0 is every example; then each slice column's values, in `slices` order. */
  cells: CellResult[];
  slices: { column: string; values: string[] }[];
  /** The baseline paired with, when one was. */
  paired?: { file: string; examples: number };
}

export type Evaluated = { ok: true; result: PredictionsResult } | { ok: false; error: string };

/**
 * Past this many values a column does not slice, it identifies (an id, a timestamp): every value
 * would be a cell with its own metrics, intervals and report row.
 */
export const MAX_SLICE_VALUES = 250;
/**
 * At most this many cells in all: each is about 1.6 KB of the snapshot the App reads (which may
 * hold 8 MiB) and a row of every report.
 */
export const MAX_CELLS = 1000;

/**
 * How many examples a cell's weights amount to (Kish's effective sample size, (Σw)² / Σw²): a
 * hundred rows whose weight sits on one example are one example's worth of evidence.
 */
function effectiveCount(table: PredictionTable, rows: Uint32Array): number {
  if (!table.weights) return rows.length;
  let sum = 0;
  let squares = 0;
  for (const i of rows) {
    const w = table.weights[i]!;
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/** The exact (point) metrics of one cell. */
function pointMetrics(
  table: PredictionTable,
  spec: PredictionsSpec,
  rows: Uint32Array,
): Record<string, unknown> {
  const weights = table.weights ? gather(table.weights, rows) : undefined;
  if (table.task !== "binary")
    return computeOf(table).compute(rows, weights ?? new Float64Array(rows.length).fill(1));
  const p = {
    labels: gather(table.labels, rows),
    scores: gather(table.scores!, rows),
    ...(weights ? { weights } : {}),
  };
  return {
    ...binaryMetrics(p, spec.threshold),
    expected_calibration_error: expectedCalibrationError(p, spec.calibrationBins),
  };
}

function resamplerOf(
  table: PredictionTable,
  spec: PredictionsSpec,
  codes: Uint32Array[],
  members: Uint32Array[],
  drawIndex?: Uint32Array,
): Resampler {
  if (table.task !== "binary") return exactResampler(table, members, drawIndex);
  return binaryResampler({
    labels: table.labels,
    scores: table.scores!,
    ...(table.weights ? { weights: table.weights } : {}),
    ...(drawIndex ? { drawIndex } : {}),
    slices: codes.map((c, j) => ({ codes: c, values: table.slices[j]!.values.length })),
    threshold: spec.threshold,
    bins: spec.calibrationBins,
  });
}

/** Per example of the baseline, the candidate's example with its id; or why they do not pair. */
function pair(
  candidate: PredictionTable,
  baseline: PredictionTable,
): { ok: true; index: Uint32Array } | { ok: false; error: string } {
  if (!candidate.ids || !baseline.ids)
    return { ok: false, error: "pairing a baseline's predictions needs an `id` column in both files" };
  const index = sameOrder(candidate.ids, baseline.ids) ?? byIds(candidate.ids, baseline.ids);
  if (!(index instanceof Uint32Array)) return describeMismatch(candidate, baseline, index.extra);
  for (let j = 0; j < baseline.rows; j++) {
    const i = index[j]!;
    if (baseline.labels[j] !== candidate.labels[i])
      return {
        ok: false,
        error: `${baseline.file} and ${candidate.file} disagree on the label of id '${baseline.ids[j]}': the baseline must be scored on the same labelled examples`,
      };
  }
  // A weight is part of the example: a candidate's file that weighs its worst examples 0 leaves
  // them out as surely as dropping them would.
  if ((candidate.weights === undefined) !== (baseline.weights === undefined))
    return {
      ok: false,
      error: `${candidate.weights ? candidate.file : baseline.file} weighs its examples and ${candidate.weights ? baseline.file : candidate.file} does not: both models must be judged on the same weighted examples`,
    };
  if (candidate.weights && baseline.weights)
    for (let j = 0; j < baseline.rows; j++)
      if (baseline.weights[j] !== candidate.weights[index[j]!])
        return {
          ok: false,
          error: `${baseline.file} and ${candidate.file} disagree on the weight of id '${baseline.ids[j]}': both models must be judged on the same weighted examples`,
        };
  return { ok: true, index };
}

/** The identity pairing, when both files list the same ids in the same order (the usual case). */
function sameOrder(candidate: string[], baseline: string[]): Uint32Array | undefined {
  if (candidate.length !== baseline.length) return undefined;
  for (let i = 0; i < candidate.length; i++) if (candidate[i] !== baseline[i]) return undefined;
  return identity(candidate.length);
}

/** Each baseline example's candidate example by id, or the baseline ids the candidate lacks. */
function byIds(candidate: string[], baseline: string[]): Uint32Array | { extra: string[] } {
  const byId = new Map<string, number>();
  candidate.forEach((id, i) => byId.set(id, i));
  const index = new Uint32Array(baseline.length);
  const extra: string[] = [];
  for (let j = 0; j < baseline.length; j++) {
    const i = byId.get(baseline[j]!);
    if (i === undefined) extra.push(baseline[j]!);
    else index[j] = i;
  }
  // Ids are unique in each file, so equal counts and no extra id mean the same examples.
  return extra.length > 0 || candidate.length !== baseline.length ? { extra } : index;
}

function describeMismatch(candidate: PredictionTable, baseline: PredictionTable, extra: string[]) {
  const missing = candidate.rows - (baseline.rows - extra.length);
  const example = extra.length > 0 ? `, e.g. id '${extra[0]}' is only in ${baseline.file}` : "";
  return {
    ok: false as const,
    error: `${baseline.file} and ${candidate.file} are predictions on different examples (${missing} ids only in the candidate's, ${extra.length} only in the baseline's${example}); a change check compares both models on the same examples`,
  };
}

/** A multiclass confusion matrix keyed by the classes' names, true class first. */
function byClass(matrix: number[][], classes: string[]): Record<string, Record<string, number>> {
  // Object.fromEntries defines own properties, so a class named "__proto__" stays a key.
  return Object.fromEntries(
    classes.map((truth, t) => [
      truth,
      Object.fromEntries(classes.map((guess, g) => [guess, matrix[t]![g]!])),
    ]),
  );
}

/** Runs resamples `from` to `to`; `runs[m][r]` holds resampler m's cells × metrics of resample from + r. */
function resampled(
  resamplers: Resampler[],
  seed: number,
  content: number,
  from: number,
  to: number,
): ResampleRuns {
  const runs = resamplers.map(() => [] as Float64Array[]);
  for (let r = from; r < to; r++) {
    const key = resampleKey(seed, r, content);
    resamplers.forEach((resampler, m) => {
      const out = new Float64Array(resampler.cells * resampler.metrics.length);
      resampler.evaluate(key, out);
      runs[m]!.push(out);
    });
  }
  return runs;
}

function series(runs: Float64Array[], at: number, map?: (v: number, r: number) => number): Float64Array {
  return Float64Array.from(runs, (out, r) => (map ? map(out[at]!, r) : out[at]!));
}

const finiteOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** What resampling reads: the tables' cells and, with a baseline, its pairing. */
interface Plan {
  /** The predictions' digest, which keys the draws (content.ts). */
  content: number;
  codes: Uint32Array[];
  members: Uint32Array[];
  /** The baseline with the candidate's slices, its cells and its examples' candidate indices. */
  paired?: { table: PredictionTable; codes: Uint32Array[]; members: Uint32Array[]; index: Uint32Array };
}

function plan(
  table: PredictionTable,
  baseline?: PredictionTable,
): { ok: true; plan: Plan } | { ok: false; error: string } {
  const wide = table.slices.find((s) => s.values.length > MAX_SLICE_VALUES);
  if (wide)
    return {
      ok: false,
      error: `${table.file}: slice column '${wide.column}' has ${wide.values.length} distinct values (at most ${MAX_SLICE_VALUES}); slice by a column that groups examples`,
    };
  const cellCount = 1 + table.slices.reduce((n, s) => n + s.values.length, 0);
  if (cellCount > MAX_CELLS)
    return {
      ok: false,
      error: `${table.file}: the slice columns have ${cellCount - 1} values in all (at most ${MAX_CELLS - 1}); slice by fewer or coarser columns`,
    };
  const codes = table.slices.map((s) => s.codes);
  const members = cellMembers(table, codes);
  if (!baseline) return { ok: true, plan: { content: contentKey(table), codes, members } };
  const pairing = pair(table, baseline);
  if (!pairing.ok) return pairing;
  // The baseline's examples take the candidate's slices (the example's, whichever file says it)
  // and draw the candidate's weights.
  const baselineCodes = codes.map((c) => gatherCodes(c, pairing.index));
  const sliced: PredictionTable = {
    ...baseline,
    slices: table.slices.map((s, j) => ({ ...s, codes: baselineCodes[j]! })),
  };
  const paired = {
    table: sliced,
    codes: baselineCodes,
    members: cellMembers(sliced, baselineCodes),
    index: pairing.index,
  };
  return { ok: true, plan: { content: contentKey(table, baseline), codes, members, paired } };
}

/** Resamples `from` to `to` (exclusive): `runs[0]` the candidate's, `runs[1]` the baseline's, one entry a resample. */
export type ResampleRuns = Float64Array[][];

/**
 * Resamples `from` to `to` of the bootstrap, alone: resample r depends only on (seed, r), so ranges
 * computed apart (in worker threads) and put together in order are the runs computed at once.
 */
export function resamplePredictions(
  spec: PredictionsSpec,
  table: PredictionTable,
  baseline: PredictionTable | undefined,
  from: number,
  to: number,
): { ok: true; runs: ResampleRuns } | { ok: false; error: string } {
  const planned = plan(table, baseline);
  return planned.ok ? { ok: true, runs: resampleByPlan(spec, table, planned.plan, from, to) } : planned;
}

function resampleByPlan(
  spec: PredictionsSpec,
  table: PredictionTable,
  { content, codes, members, paired }: Plan,
  from: number,
  to: number,
) {
  const resamplers = [resamplerOf(table, spec, codes, members)];
  if (paired) resamplers.push(resamplerOf(paired.table, spec, paired.codes, paired.members, paired.index));
  return resampled(resamplers, spec.bootstrap.seed, content, from, to);
}

/** `runs`: every resample, computed elsewhere (resamplePredictions by range); computed here when absent. */
export function evaluatePredictions(
  spec: PredictionsSpec,
  table: PredictionTable,
  baseline?: PredictionTable,
  given?: ResampleRuns,
): Evaluated {
  const planned = plan(table, baseline);
  if (!planned.ok) return planned;
  const { members, paired } = planned.plan;
  const runs = given ?? resampleByPlan(spec, table, planned.plan, 0, spec.bootstrap.resamples);
  const names = table.task === "binary" ? BINARY_RESAMPLED : computeOf(table).metrics;
  const expectedLength = members.length * names.length;
  if (
    runs.length !== (paired ? 2 : 1) ||
    runs.some((r) => r.length !== spec.bootstrap.resamples || r.some((o) => o.length !== expectedLength))
  )
    throw new RangeError("resample runs do not match the predictions and the bootstrap settings");
  const stride = names.length;
  const confidence = spec.bootstrap.confidence;
  const cellSlices = [
    undefined,
    ...table.slices.flatMap((s) => s.values.map((value) => ({ column: s.column, value }))),
  ];

  const cells: CellResult[] = members.map((rows, cell) => {
    const point = rows.length > 0 ? pointMetrics(table, spec, rows) : {};
    const metrics: Record<string, number | null> = {};
    const intervals: Record<string, Interval | null> = {};
    names.forEach((name, m) => {
      metrics[name] = finiteOrNull(point[name]);
      intervals[name] = percentileInterval(series(runs[0]!, cell * stride + m), confidence);
    });
    const result: CellResult = {
      ...(cellSlices[cell] ? { slice: cellSlices[cell] } : {}),
      count: rows.length,
      weight: rows.length > 0 ? Number(point.weight ?? 0) : 0,
      judged:
        cell === 0 ||
        (rows.length >= spec.minSliceCount && effectiveCount(table, rows) >= spec.minSliceCount),
      metrics,
      intervals,
    };
    if (paired) {
      const baseRows = paired.members[cell]!;
      const basePoint = baseRows.length > 0 ? pointMetrics(paired.table, spec, baseRows) : {};
      const comparison: Comparison = { baseline: {}, difference: {}, ratio: {} };
      names.forEach((name, m) => {
        const at = cell * stride + m;
        comparison.baseline[name] = finiteOrNull(basePoint[name]);
        comparison.difference[name] = percentileInterval(
          series(runs[0]!, at, (v, r) => v - runs[1]![r]![at]!),
          confidence,
        );
        comparison.ratio[name] = percentileInterval(
          series(runs[0]!, at, (v, r) => {
            const b = runs[1]![r]![at]!;
            return b > 0 ? v / b : NaN;
          }),
          confidence,
        );
      });
      result.comparison = comparison;
    }
    const confusion = point.confusion;
    if (table.task === "binary" && confusion) result.confusion = confusion as Record<string, number>;
    if (table.task === "multiclass" && Array.isArray(confusion))
      result.confusion = byClass(confusion as number[][], table.classes!);
    return result;
  });
  return {
    ok: true,
    result: {
      task: table.task,
      rows: table.rows,
      ...(table.task === "binary"
        ? { threshold: spec.threshold, calibrationBins: spec.calibrationBins }
        : {}),
      ...(table.classes ? { classes: table.classes } : {}),
      bootstrap: { method: "poisson", ...spec.bootstrap },
      minSliceCount: spec.minSliceCount,
      cells,
      slices: table.slices.map((s) => ({ column: s.column, values: s.values })),
      ...(baseline ? { paired: { file: baseline.file, examples: baseline.rows } } : {}),
    },
  };
}
