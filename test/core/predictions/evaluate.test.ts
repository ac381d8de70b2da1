// Metrics from predictions tables: pairing with a baseline, determinism, the intervals' meaning.
import { describe, expect, it } from "@jest/globals";
import { binaryMetrics } from "../../../src/core/predictions/binary.js";
import { evaluatePredictions, MAX_SLICE_VALUES } from "../../../src/core/predictions/evaluate.js";
import { predictionValues } from "../../../src/core/predictions/values.js";
import type { PredictionTable } from "../../../src/core/predictions/table.js";
import { binaryTable, evaluated, spec } from "./support/tables.js";

describe("evaluatePredictions", () => {
  it("gives scikit-learn's point values for every example and each slice, inside their intervals", () => {
    const table = binaryTable({ rows: 2000 });
    const result = evaluated(table);
    const all = binaryMetrics({ labels: table.labels, scores: table.scores! });
    expect(result.cells[0]!.metrics.f1).toBe(all.f1);
    expect(result.cells[0]!.metrics.roc_auc).toBe(all.roc_auc);
    const [lo, hi] = result.cells[0]!.intervals.f1!;
    expect(lo).toBeLessThan(all.f1!);
    expect(hi).toBeGreaterThan(all.f1!);
    const north = result.cells.find((c) => c.slice?.value === "north")!;
    const rows = [...table.labels.keys()].filter((i) => table.slices[0]!.codes[i] === 0);
    const expected = binaryMetrics({
      labels: rows.map((i) => table.labels[i]!),
      scores: rows.map((i) => table.scores![i]!),
    });
    expect(north.metrics.accuracy).toBe(expected.accuracy);
    expect(north.count).toBe(rows.length);
  });

  it("is deterministic for a seed, and another seed draws other resamples", () => {
    const table = binaryTable({ rows: 500 });
    const once = evaluated(table);
    expect(evaluated(table)).toEqual(once);
    const other = evaluated(
      table,
      undefined,
      spec({ bootstrap: { resamples: 200, seed: 7, confidence: 0.95 } }),
    );
    expect(other.cells[0]!.intervals.f1).not.toEqual(once.cells[0]!.intervals.f1);
    expect(other.cells[0]!.metrics).toEqual(once.cells[0]!.metrics);
  });

  it("pairs a baseline by id: the same predictions differ by exactly nothing in every resample", () => {
    const table = binaryTable({ rows: 600 });
    // The baseline file lists the examples in another order.
    const order = [...table.labels.keys()].reverse();
    const shuffled: PredictionTable = {
      ...table,
      file: "base.csv",
      labels: Float64Array.from(order, (i) => table.labels[i]!),
      scores: Float64Array.from(order, (i) => table.scores![i]!),
      ids: order.map((i) => table.ids![i]!),
      slices: [],
    };
    const result = evaluated(table, shuffled);
    for (const cell of result.cells) {
      expect(cell.comparison!.difference.f1).toEqual([0, 0]);
      expect(cell.comparison!.ratio.roc_auc).toEqual([1, 1]);
      expect(cell.comparison!.baseline.f1).toBeCloseTo(cell.metrics.f1!, 12);
    }
    expect(result.paired).toEqual({ file: "base.csv", examples: 600 });
  });

  it("finds a better candidate better, and the interval of the difference says by how much", () => {
    const candidate = binaryTable({ rows: 3000, skill: 0.5 });
    const baseline = { ...binaryTable({ rows: 3000, skill: 0.3 }), file: "base.csv" };
    const all = evaluated(candidate, baseline).cells[0]!;
    const [lo, hi] = all.comparison!.difference.roc_auc!;
    const delta = all.metrics.roc_auc! - all.comparison!.baseline.roc_auc!;
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(delta);
    expect(hi).toBeGreaterThan(delta);
  });

  it("refuses a baseline on other examples, or with other labels", () => {
    const table = binaryTable({ rows: 100 });
    const fewer = { ...binaryTable({ rows: 99 }), file: "base.csv" };
    const other = evaluatePredictions(spec(), table, fewer);
    expect(other).toEqual({
      ok: false,
      error: expect.stringContaining(
        "predictions on different examples (1 ids only in the candidate's, 0 only in the baseline's)",
      ),
    });
    const relabelled = {
      ...table,
      file: "base.csv",
      labels: table.labels.map((y, i) => (i === 5 ? 1 - y : y)),
    };
    expect(evaluatePredictions(spec(), table, relabelled)).toEqual({
      ok: false,
      error: expect.stringContaining("disagree on the label of id 'ex-5'"),
    });
    const noIds = { ...table, ids: undefined };
    expect(evaluatePredictions(spec(), noIds, { ...table, file: "base.csv" })).toEqual({
      ok: false,
      error: expect.stringContaining("needs an `id` column in both files"),
    });
  });

  it("judges only slices with min_slice_count examples, and refuses a column that identifies examples", () => {
    const result = evaluated(binaryTable({ rows: 1000, regions: ["big", "tiny"], small: 20 }));
    const tiny = result.cells.find((c) => c.slice?.value === "tiny")!;
    expect(tiny.count).toBe(20);
    expect(tiny.judged).toBe(false);
    expect(result.cells.find((c) => c.slice?.value === "big")!.judged).toBe(true);
    const table = binaryTable({ rows: MAX_SLICE_VALUES + 1 });
    const wide = {
      ...table,
      slices: [{ column: "user", values: table.ids!, codes: Uint32Array.from(table.ids!, (_, i) => i) }],
    };
    expect(evaluatePredictions(spec(), wide)).toEqual({
      ok: false,
      error: expect.stringContaining("slice column 'user' has 251 distinct values (at most 250)"),
    });
  });

  it("computes regression and multiclass metrics with intervals", () => {
    const n = 400;
    const targets = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10);
    const regression: PredictionTable = {
      file: "r.csv",
      task: "regression",
      rows: n,
      labels: targets,
      predictions: targets.map((y, i) => y + Math.cos(i * 7)),
      slices: [],
    };
    const r = evaluated(regression, undefined, spec({ task: "regression", slices: [] })).cells[0]!;
    expect(r.metrics.mae).toBeGreaterThan(0);
    expect(r.intervals.mae![0]).toBeLessThan(r.metrics.mae!);
    expect(r.intervals.mae![1]).toBeGreaterThan(r.metrics.mae!);
    const k = 3;
    const labels = Float64Array.from({ length: n }, (_, i) => i % k);
    const classScores = new Float64Array(n * k);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < k; c++)
        classScores[i * k + c] = c === labels[i] ? (i % 5 === 0 ? 0.2 : 0.6) : i % 5 === 0 ? 0.4 : 0.2;
    const multiclass: PredictionTable = {
      file: "m.csv",
      task: "multiclass",
      rows: n,
      labels,
      classScores,
      classes: ["a", "b", "c"],
      slices: [],
    };
    const m = evaluated(multiclass, undefined, spec({ task: "multiclass", slices: [] })).cells[0]!;
    expect(m.metrics.accuracy).toBeCloseTo(0.8, 12);
    // Every fifth example's row favours another class than its own (the next one, by index).
    const confusion = m.confusion as Record<string, Record<string, number>>;
    expect(Object.keys(confusion)).toEqual(["a", "b", "c"]);
    expect(confusion.a!.a! + confusion.a!.b! + confusion.a!.c!).toBe(labels.filter((y) => y === 0).length);
    expect(confusion.a!.a! + confusion.b!.b! + confusion.c!.c!).toBe(0.8 * n);
    expect(m.intervals.accuracy![0]).toBeLessThan(0.8);
    expect(m.intervals.accuracy![1]).toBeGreaterThan(0.8);
  });

  it("writes its values so that conditions find every metric and slice", () => {
    const values = predictionValues(evaluated(binaryTable({ rows: 300 })));
    expect(Object.keys(values)).toEqual(
      expect.arrayContaining(["count", "f1", "roc_auc", "confusion", "slices"]),
    );
    expect(Object.keys((values.slices as Record<string, object>).region!)).toEqual(["north", "south"]);
  });

  it("keeps a slice column named __proto__ as a key, never as the slices' prototype", () => {
    const table = binaryTable({ rows: 300 });
    const renamed = { ...table, slices: table.slices.map((s) => ({ ...s, column: "__proto__" })) };
    const slices = predictionValues(evaluated(renamed)).slices as Record<string, unknown>;
    expect(Object.getPrototypeOf(slices)).toBe(Object.prototype);
    expect(Object.keys(slices)).toEqual(["__proto__"]);
    expect(Object.keys(Object.getOwnPropertyDescriptor(slices, "__proto__")!.value as object)).toEqual([
      "north",
      "south",
    ]);
  });
});
