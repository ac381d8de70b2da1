// Synthetic predictions tables for tests: deterministic (a seeded generator), with a label, a
// score that separates the classes by `skill`, ids and one slice column.
import type { PredictionsSpec } from "../../../../src/core/config/types.js";
import { evaluatePredictions, type PredictionsResult } from "../../../../src/core/predictions/evaluate.js";
import type { PredictionTable } from "../../../../src/core/predictions/table.js";
import { predictionValues } from "../../../../src/core/predictions/values.js";
import type { MetricSource } from "../../../../src/core/metrics/types.js";

export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export interface BinaryOptions {
  rows: number;
  seed?: number;
  /** How far the scores of positives sit above those of negatives. */
  skill?: number;
  /** Slice values, assigned round-robin; the last gets only `small` rows when given. */
  regions?: string[];
  small?: number;
  file?: string;
}

/** Labels and slices depend on `seed` only, so two tables with one seed are the same examples. */
export function binaryTable(o: BinaryOptions, scoreSeed = o.seed ?? 1): PredictionTable {
  const labels = new Float64Array(o.rows);
  const scores = new Float64Array(o.rows);
  const regions = o.regions ?? ["north", "south"];
  const codes = new Uint32Array(o.rows);
  const random = lcg(o.seed ?? 1);
  const noise = lcg(scoreSeed + 1000);
  const skill = o.skill ?? 0.3;
  for (let i = 0; i < o.rows; i++) {
    labels[i] = random() < 0.4 ? 1 : 0;
    scores[i] = Math.min(1, Math.max(0, labels[i]! * skill + noise() * (1 - skill)));
    const last = regions.length - 1;
    codes[i] =
      o.small !== undefined && i < o.small
        ? last
        : i % Math.max(1, o.small !== undefined ? last : regions.length);
  }
  return {
    file: o.file ?? "preds.csv",
    task: "binary",
    rows: o.rows,
    labels,
    scores,
    ids: Array.from({ length: o.rows }, (_, i) => `ex-${i}`),
    slices: [{ column: "region", values: regions, codes }],
  };
}

export function spec(overrides: Partial<PredictionsSpec> = {}): PredictionsSpec {
  return {
    task: "binary",
    label: "y",
    score: "p",
    id: "id",
    slices: ["region"],
    threshold: 0.5,
    minSliceCount: 100,
    calibrationBins: 10,
    bootstrap: { resamples: 200, seed: 0, confidence: 0.95 },
    ...overrides,
  };
}

export function evaluated(table: PredictionTable, baseline?: PredictionTable, s = spec()): PredictionsResult {
  const result = evaluatePredictions(s, table, baseline);
  if (!result.ok) throw new Error(result.error);
  return result.result;
}

export function predictionsSource(result: PredictionsResult, name = "preds"): MetricSource {
  return {
    name,
    file: "preds.csv",
    format: "predictions",
    values: predictionValues(result),
    predictions: result,
  };
}
