// Conditions on metrics computed from predictions: the slice syntax, change checks judged by the
// paired interval (pass, fail, inconclusive), and "every slice".
import { describe, expect, it } from "@jest/globals";
import { evaluateCondition } from "../../../src/core/conditions/evaluate.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import { judgeInterval } from "../../../src/core/conditions/predictions.js";
import type { Condition } from "../../../src/core/conditions/types.js";
import type { MetricSource } from "../../../src/core/metrics/types.js";
import { binaryTable, evaluated, predictionsSource } from "../predictions/support/tables.js";

function cond(text: string): Condition {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.condition;
}

const candidate = binaryTable({ rows: 3000, skill: 0.5, regions: ["north", "south", "islands"], small: 30 });
const baseline = {
  ...binaryTable({ rows: 3000, skill: 0.3, regions: ["north", "south", "islands"], small: 30 }),
  file: "base.csv",
};
const paired = evaluated(candidate, baseline);
const preds = predictionsSource(paired);
const basePreds: MetricSource = { name: "preds", file: "base.csv", format: "predictions", values: {} };
const sources = { metrics: [preds], baseline: [basePreds] };
const all = paired.cells[0]!;
const delta = all.metrics.roc_auc! - all.comparison!.baseline.roc_auc!;
const [lo, hi] = all.comparison!.difference.roc_auc!;

describe("the slice syntax", () => {
  it('reads [slice column="value"] and every slice … by …: and writes them back', () => {
    expect(cond('preds[slice region="north"].recall >= 0.8').text).toBe(
      'preds[slice region="north"].recall >= 0.8',
    );
    const every = cond("every  slice of preds by region :  f1 >= 0.8");
    expect(every.every).toEqual({ source: "preds", column: "region" });
    expect(every.text).toBe("every slice of preds by region: f1 >= 0.8");
    expect(every.metric.text).toBe("f1");
  });

  it("says what is missing in a malformed every slice", () => {
    expect(parseCondition("every slice preds by region: f1 >= 0.8")).toMatchObject({
      ok: false,
      message: expect.stringContaining("expected 'of'"),
    });
    expect(parseCondition("every slice of preds by region f1 >= 0.8")).toMatchObject({
      ok: false,
      message: expect.stringContaining("expected ':'"),
    });
  });
});

describe("judgeInterval", () => {
  it.each([
    [[0.02, 0.05], ">=", 0, "pass"],
    [[-0.01, 0.05], ">=", 0, "inconclusive"],
    [[-0.05, -0.01], ">=", 0, "fail"],
    [[0, 0.05], ">", 0, "inconclusive"],
    [[0, 0.05], ">=", 0, "pass"],
    [[-0.03, -0.02], "<", -0.01, "pass"],
    [[0.01, 0.02], "<=", 0, "fail"],
    [[0, 0], "==", 0, "pass"],
    [[-0.1, 0.1], "!=", 0, "inconclusive"],
    [[0.1, 0.2], "!=", 0, "pass"],
  ] as const)("%j %s %d → %s", (interval, op, margin, outcome) => {
    expect(judgeInterval([interval[0], interval[1]], op, margin)).toBe(outcome);
  });
});

describe("change checks on predictions", () => {
  it("pass when the whole paired interval clears the margin", () => {
    expect(lo).toBeGreaterThan(0);
    const r = evaluateCondition(cond("preds.roc_auc >= baseline"), sources);
    expect(r).toMatchObject({ passed: true, change: { kind: "difference", interval: [lo, hi], margin: 0 } });
    expect(r.delta).toBeCloseTo(delta, 12);
  });

  it("are inconclusive when the interval straddles the margin, and fail when it is all below", () => {
    const middle = (lo + hi) / 2;
    const straddle = evaluateCondition(cond(`preds.roc_auc >= baseline + ${middle.toFixed(6)}`), sources);
    expect(straddle).toMatchObject({ passed: false, inconclusive: true });
    expect(straddle.reason).toContain("is inconclusive: the interval straddles the margin");
    const above = evaluateCondition(cond(`preds.roc_auc >= baseline + ${(hi + 0.01).toFixed(6)}`), sources);
    expect(above.passed).toBe(false);
    expect(above.inconclusive).toBeUndefined();
  });

  it("judge baseline * f by the paired ratio", () => {
    const r = evaluateCondition(cond("preds.log_loss <= baseline * 1.0"), sources);
    expect(r.change).toMatchObject({ kind: "ratio", margin: 1 });
    expect(r.change!.interval).toEqual(all.comparison!.ratio.log_loss);
  });

  it("are inconclusive without a paired baseline, and fail when the baseline could not be read", () => {
    const alone = { metrics: [predictionsSource(evaluated(candidate))], baseline: [basePreds] };
    expect(evaluateCondition(cond("preds.f1 >= baseline"), alone)).toMatchObject({
      passed: false,
      inconclusive: true,
    });
    const broken = {
      ...alone,
      baseline: [],
      baselineErrors: { preds: "base.csv: no such file or directory" },
    };
    const failed = evaluateCondition(cond("preds.f1 >= baseline"), broken);
    expect(failed.passed).toBe(false);
    expect(failed.inconclusive).toBeUndefined();
    expect(failed.reason).toContain("base.csv: no such file or directory");
  });
});

describe("absolute checks and slices", () => {
  it("compare the point value and carry its interval", () => {
    const r = evaluateCondition(cond("preds.f1 >= 0.1"), sources);
    expect(r).toMatchObject({ passed: true, value: all.metrics.f1, interval: all.intervals.f1 });
  });

  it("read a slice, and do not judge one below min_slice_count", () => {
    const north = paired.cells.find((c) => c.slice?.value === "north")!;
    expect(evaluateCondition(cond('preds[slice region="north"].accuracy > 0'), sources)).toMatchObject({
      passed: true,
      value: north.metrics.accuracy,
    });
    const islands = evaluateCondition(cond('preds[slice region="islands"].accuracy > 0'), sources);
    expect(islands).toMatchObject({ passed: false, inconclusive: true });
    expect(islands.reason).toContain('region="islands" has 30 examples, fewer than min_slice_count 100');
  });

  it("every slice holds when each judged slice holds, listing the ones it skipped", () => {
    const r = evaluateCondition(cond("every slice of preds by region: accuracy > 0"), sources);
    expect(r.passed).toBe(true);
    expect(r.reason).toBe(
      "holds in all 2 judged slices of region; 1 slice below min_slice_count 100 not judged",
    );
    expect(r.slices!.map((s) => s.outcome)).toEqual(
      ["pass", "pass", "not judged"].sort((a, b) => (a === "not judged" ? 1 : b === "not judged" ? -1 : 0)),
    );
  });

  it("every slice fails when one slice fails, and names it", () => {
    const north = paired.cells.find((c) => c.slice?.value === "north")!.metrics.log_loss!;
    const south = paired.cells.find((c) => c.slice?.value === "south")!.metrics.log_loss!;
    expect(north).not.toBe(south);
    const between = (north + south) / 2;
    const r = evaluateCondition(cond(`every slice of preds by region: log_loss <= ${between}`), sources);
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(/^1 of 2 slices of region fail: region="(north|south)"/);
  });

  it("every slice names what is wrong with its source or column as an input error", () => {
    expect(evaluateCondition(cond("every slice of preds by country: f1 > 0"), sources).inputError).toContain(
      "is not sliced by 'country' (its slices: region)",
    );
    const plain: MetricSource = { name: "eval", file: "eval.json", format: "json", values: { f1: 1 } };
    expect(
      evaluateCondition(cond("every slice of eval by region: f1 > 0"), { metrics: [plain], baseline: [] })
        .inputError,
    ).toContain("is not a predictions source");
  });
});
