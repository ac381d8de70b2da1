// A predictions file as the metrics read it: one typed column per field the source's spec names,
// one entry per example, in file order. Readers (src/node/predictions/) build it; everything that
// computes from it is pure.

export const PREDICTION_TASKS = ["binary", "multiclass", "regression"] as const;
export type PredictionTask = (typeof PREDICTION_TASKS)[number];

/** A slice column: each example's value as an index into `values` (the distinct values, first seen first). */
export interface SliceColumn {
  column: string;
  values: string[];
  codes: Uint32Array;
}

export interface PredictionTable {
  /** The file as the config names it, for messages. */
  file: string;
  task: PredictionTask;
  rows: number;
  /** binary: 0 or 1; multiclass: the class's index in the spec's class list; regression: the target. */
  labels: Float64Array;
  /** binary: the predicted probability of class 1. */
  scores?: Float64Array;
  /** multiclass: row-major, `rows × classes` probabilities (row i, column c at i·classes + c). */
  classScores?: Float64Array;
  /** multiclass: the class names, in the spec's order. */
  classes?: string[];
  /** regression: the predicted value. */
  predictions?: Float64Array;
  weights?: Float64Array;
  /** The example ids, as text, when the spec names an id column; unique. */
  ids?: string[];
  slices: SliceColumn[];
}
