// What the code that writes the predictions files could try (found by an attacker's review of
// this feature): place the examples where the draws favour the candidate, weigh its worst examples
// out, or lean a slice on one example. None gets a worse model through.
import { describe, expect, it } from "@jest/globals";
import { evaluateCondition } from "../../../src/core/conditions/evaluate.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import { evaluatePredictions } from "../../../src/core/predictions/evaluate.js";
import { poissonWeight, resampleKey } from "../../../src/core/predictions/random.js";
import type { PredictionTable } from "../../../src/core/predictions/table.js";
import { evaluated, lcg, predictionsSource, spec } from "./support/tables.js";

const N = 10_000;
const RESAMPLES = 100;

/**
 * A candidate right on 78.5% of the examples and a baseline right on 80% (the candidate is worse),
 * as files whose row `position` holds example `order[position]`.
 */
function files(order: number[]): { candidate: PredictionTable; baseline: PredictionTable } {
  const random = lcg(5);
  const truth = Array.from({ length: N }, () => (random() < 0.5 ? 1 : 0));
  const baseRight = truth.map(() => random() < 0.8);
  // The candidate differs from the baseline on 10% of the examples: wins on 4%, losses on 5.5%.
  const candRight = baseRight.map((right) => {
    const u = random();
    return right ? u >= 0.0687 : u < 0.2;
  });
  const table = (right: boolean[], file: string): PredictionTable => ({
    file,
    task: "binary",
    rows: N,
    labels: Float64Array.from(order, (i) => truth[i]!),
    scores: Float64Array.from(order, (i) => (right[i] ? truth[i]! * 0.6 + 0.2 : 0.8 - truth[i]! * 0.6)),
    ids: order.map((i) => `ex-${i}`),
    slices: [],
  });
  return { candidate: table(candRight, "cand.csv"), baseline: table(baseRight, "base.csv") };
}

const honest = Array.from({ length: N }, (_, i) => i);
const settings = spec({ slices: [], bootstrap: { resamples: RESAMPLES, seed: 0, confidence: 0.95 } });

function accuracyChange(order: number[]) {
  const { candidate, baseline } = files(order);
  const result = evaluatePredictions(settings, candidate, baseline);
  if (!result.ok) throw new Error(result.error);
  return result.result.cells[0]!.comparison!.difference.accuracy!;
}

describe("placing the examples where the draws are heavy", () => {
  it("does not move the interval: the draws are keyed by the files' content", () => {
    const [lo, hi] = accuracyChange(honest);
    expect(hi).toBeLessThan(0);
    // What an attacker can compute from the seed alone: each position's weight over the resamples
    // (were the draws keyed by position and seed). Wins go where that is heaviest, losses lightest.
    const heaviness = honest.map((p) => {
      let sum = 0;
      for (let r = 0; r < RESAMPLES; r++) sum += poissonWeight(resampleKey(0, r), p);
      return sum;
    });
    const { candidate, baseline } = files(honest);
    const gain = honest.map((i) => {
      const right = (t: PredictionTable) => (t.scores![i]! >= 0.5 ? 1 : 0) === t.labels[i];
      return Number(right(candidate)) - Number(right(baseline));
    });
    const byGain = [...honest].sort((a, b) => gain[b]! - gain[a]!);
    const byWeight = [...honest].sort((a, b) => heaviness[b]! - heaviness[a]!);
    const placed = new Array<number>(N);
    byWeight.forEach((position, rank) => (placed[position] = byGain[rank]!));
    const [alo, ahi] = accuracyChange(placed);
    expect(ahi).toBeLessThan(0);
    // The same data in another order: the interval moves by resampling noise only.
    expect(Math.abs(alo - lo)).toBeLessThan((hi - lo) / 4);
  });
});

describe("weights", () => {
  it("must be the same in both files: zero weights on the candidate's losses are refused", () => {
    const { candidate, baseline } = files(honest);
    const weights = Float64Array.from(honest, (i) =>
      (candidate.scores![i]! >= 0.5 ? 1 : 0) === candidate.labels[i] ? 1 : 0,
    );
    const result = evaluatePredictions(
      settings,
      { ...candidate, weights },
      { ...baseline, weights: new Float64Array(N).fill(1) },
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining("disagree on the weight of id 'ex-"),
    });
    const oneSided = evaluatePredictions(settings, { ...candidate, weights }, baseline);
    expect(oneSided).toEqual({
      ok: false,
      error: expect.stringContaining("cand.csv weighs its examples and base.csv does not"),
    });
  });

  it("that sit on one example leave a slice unjudged, however many rows it has", () => {
    const { candidate } = files(honest);
    const codes = Uint32Array.from(honest, (i) => (i < 150 ? 1 : 0));
    const weights = Float64Array.from(honest, (i) => (i === 0 ? 1000 : i < 150 ? 0.001 : 1));
    const result = evaluated(
      { ...candidate, weights, slices: [{ column: "region", values: ["big", "leaning"], codes }] },
      undefined,
      spec({ bootstrap: { resamples: 100, seed: 0, confidence: 0.95 } }),
    );
    const leaning = result.cells.find((c) => c.slice?.value === "leaning")!;
    expect(leaning.count).toBe(150);
    expect(leaning.judged).toBe(false);
    const check = parseCondition('preds[slice region="leaning"].accuracy >= 0');
    if (!check.ok) throw new Error(check.message);
    const judged = evaluateCondition(check.condition, { metrics: [predictionsSource(result)], baseline: [] });
    expect(judged.inconclusive).toBe(true);
    expect(judged.reason).toContain(
      "has 150 examples whose weights amount to fewer than min_slice_count 100",
    );
  });
});

describe("a slice spelt out as a path in the values", () => {
  it("is judged as [slice …] is: not at all when it is small", () => {
    const { candidate } = files(honest);
    const codes = Uint32Array.from(honest, (i) => (i < 40 ? 1 : 0));
    const result = evaluated(
      { ...candidate, slices: [{ column: "region", values: ["big", "tiny"], codes }] },
      undefined,
      spec({ bootstrap: { resamples: 100, seed: 0, confidence: 0.95 } }),
    );
    for (const text of [
      "preds.slices.region.tiny.accuracy >= 0",
      "preds.slices.region.tiny.confusion.tp >= 0",
    ]) {
      const check = parseCondition(text);
      if (!check.ok) throw new Error(check.message);
      const judged = evaluateCondition(check.condition, {
        metrics: [predictionsSource(result)],
        baseline: [],
      });
      expect(judged).toMatchObject({ passed: false, inconclusive: true });
    }
    const big = parseCondition("preds.slices.region.big.accuracy >= 0");
    if (!big.ok) throw new Error(big.message);
    expect(
      evaluateCondition(big.condition, { metrics: [predictionsSource(result)], baseline: [] }),
    ).toMatchObject({
      passed: true,
      interval: result.cells.find((c) => c.slice?.value === "big")!.intervals.accuracy,
    });
  });
});
