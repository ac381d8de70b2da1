import { describe, expect, it } from "@jest/globals";
import { evaluateCondition } from "../../../src/core/conditions/evaluate.js";
import { cond, source } from "../policy/build.js";

const metrics = [source({ accuracy: 0.8, f1: 0.1 + 0.2, nested: { "macro avg": { "f1-score": 0.7 } } })];

describe("evaluateCondition", () => {
  it.each([
    ["accuracy >= 0.8", true],
    ["accuracy > 0.8", false],
    ["accuracy <= 0.8", true],
    ["accuracy < 0.8", false],
    ["accuracy == 0.8", true],
    ["accuracy != 0.8", false],
    ["accuracy >= 80%", true],
    // Plain IEEE comparison, no epsilon: 0.1 + 0.2 is 0.30000000000000004.
    ["f1 == 0.3", false],
    ["f1 > 0.3", true],
    ["nested.`macro avg`.`f1-score` >= 0.7", true],
  ])("%s → %s", (text, passed) => {
    const result = evaluateCondition(cond(text), { metrics, baseline: [] });
    expect(result.passed).toBe(passed);
    expect(result.file).toBe("metrics/eval.json");
  });

  it("reports value and threshold in its reason", () => {
    const result = evaluateCondition(cond("accuracy >= 0.9"), { metrics, baseline: [] });
    expect(result).toMatchObject({ passed: false, value: 0.8, threshold: 0.9 });
    expect(result.reason).toBe("accuracy = 0.8 fails: needs >= 0.9");
  });

  it("a missing metric fails, naming the file and the keys that exist", () => {
    const result = evaluateCondition(cond("precision >= 0.5"), { metrics, baseline: [] });
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/metrics\/eval\.json/);
    expect(result.availableKeys).toEqual(expect.arrayContaining(["accuracy", "f1"]));
  });

  it("computes the delta against the baseline even for plain thresholds", () => {
    const result = evaluateCondition(cond("accuracy >= 0.5"), {
      metrics,
      baseline: [source({ accuracy: 0.75 }, "eval", "base.json")],
    });
    expect(result.baseline).toBe(0.75);
    expect(result.delta).toBeCloseTo(0.05);
  });

  it.each([
    ["accuracy >= baseline", 0.8, true],
    ["accuracy >= baseline + 0.01", 0.8, false],
    ["accuracy >= baseline - 0.01", 0.805, true],
    ["accuracy >= baseline * 0.5", 1.6, true],
    ["accuracy >= baseline * 0.5", 1.7, false],
  ])("%s with baseline %s → %s", (text, base, passed) => {
    const result = evaluateCondition(cond(text), {
      metrics,
      baseline: [source({ accuracy: base }, "eval", "base.json")],
    });
    expect(result.passed).toBe(passed);
  });

  it("a NaN baseline fails a baseline condition", () => {
    const result = evaluateCondition(cond("accuracy >= baseline"), {
      metrics,
      baseline: [source({ accuracy: Number.NaN }, "eval", "base.json")],
    });
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/no baseline value for accuracy.*NaN/);
  });
});
