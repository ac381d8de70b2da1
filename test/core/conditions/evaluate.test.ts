import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
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

describe("bounds computed from the baseline", () => {
  const withBaseline = (text: string, value: number, base: number) =>
    evaluateCondition(cond(text), {
      metrics: [source({ f1: value })],
      baseline: [source({ f1: base }, "eval", "base.json")],
    });

  // 0.52 - 0.05 is 0.47000000000000003 in binary floating point; in decimal it is 0.47.
  it("f1 0.47 against baseline 0.52 - 0.05 holds, and the bound shown is the bound compared", () => {
    const result = withBaseline("f1 >= baseline - 0.05", 0.47, 0.52);
    expect(result).toMatchObject({ passed: true, threshold: 0.47, baseline: 0.52, delta: -0.05 });
    expect(result.reason).toBe("f1 = 0.47 holds (>= 0.47, from baseline 0.52)");
  });

  it("f1 0.469 against the same bound fails, saying it needs >= 0.47", () => {
    const result = withBaseline("f1 >= baseline - 0.05", 0.469, 0.52);
    expect(result).toMatchObject({ passed: false, threshold: 0.47, delta: -0.051 });
    expect(result.reason).toBe("f1 = 0.469 fails: needs >= 0.47, from baseline 0.52");
  });

  it.each([
    // 0.1 + 0.2 is 0.30000000000000004 in binary.
    ["f1 <= baseline + 0.2", 0.3, 0.1, true, 0.3],
    ["f1 > baseline + 0.2", 0.3, 0.1, false, 0.3],
    ["f1 >= baseline * 1.02", 0.5304, 0.52, true, 0.5304],
    ["f1 >= baseline * 1.02", 0.5303, 0.52, false, 0.5304],
    // 1.1 * 1.1 is 1.2100000000000002 in binary.
    ["f1 >= baseline * 1.1", 1.21, 1.1, true, 1.21],
    ["f1 > baseline * 1.1", 1.21, 1.1, false, 1.21],
    // 0.7 * 0.1 is 0.06999999999999999 in binary.
    ["f1 <= baseline * 0.1", 0.07, 0.7, true, 0.07],
  ])("%s with f1 %s and baseline %s → %s (bound %s)", (text, value, base, passed, bound) => {
    const result = withBaseline(text, value, base);
    expect(result).toMatchObject({ passed, threshold: bound });
    expect(result.reason).toContain(`${text.split(" ")[1]} ${bound}, from baseline ${base}`);
  });

  it("a percentage is the decimal written: 0.07% is 0.0007", () => {
    const result = evaluateCondition(cond("f1 <= 0.07%"), {
      metrics: [source({ f1: 0.0007 })],
      baseline: [],
    });
    expect(result).toMatchObject({ passed: true, threshold: 0.0007 });
  });

  it("shows a value with the digits it takes not to look like the bound", () => {
    const result = evaluateCondition(cond("f1 >= 0.47"), {
      metrics: [source({ f1: 0.46999999 })],
      baseline: [],
    });
    expect(result.reason).toBe("f1 = 0.46999999 fails: needs >= 0.47");
  });

  /** A decimal with up to `digits` digits after the point, as a double. */
  const decimal = (max: number, digits: number) =>
    fc
      .tuple(fc.integer({ min: -max, max }), fc.integer({ min: 0, max: digits }))
      .map(([units, scale]) => Number(`${units}e-${scale}`));
  const OPS = [">", ">=", "<", "<=", "==", "!="] as const;

  it("the bound shown, read back, gives the verdict the comparison gave (property)", () => {
    fc.assert(
      fc.property(
        decimal(10_000, 4),
        decimal(10_000, 4),
        decimal(500, 3),
        fc.constantFrom(...OPS),
        fc.constantFrom("+", "-", "*"),
        fc.boolean(),
        (value, base, amount, op, adjust, onTheBound) => {
          const text = `f1 ${op} baseline ${adjust} ${Math.abs(amount)}`;
          const probe = withBaseline(text, value, base);
          // Half the time the value sits exactly on the bound, where binary arithmetic goes wrong.
          const result = onTheBound ? withBaseline(text, probe.threshold!, base) : probe;
          const shown = /= (\S+) (?:holds \(|fails: needs )(\S+) (\S+), from baseline ([^\s)]+)\)?$/.exec(
            result.reason,
          );
          expect(shown).not.toBeNull();
          const [, shownValue, shownOp, shownBound, shownBase] = shown!;
          expect(shownOp).toBe(op);
          expect(Number(shownBound)).toBe(result.threshold);
          expect(Number(shownBase)).toBe(base);
          const holds = (v: number, b: number) =>
            ({ ">": v > b, ">=": v >= b, "<": v < b, "<=": v <= b, "==": v === b, "!=": v !== b })[op];
          expect(holds(result.value!, Number(shownBound))).toBe(result.passed);
          expect(holds(Number(shownValue), Number(shownBound))).toBe(result.passed);
          // The bound is the decimal the operands make (units of 10^-7 cover every case here).
          const exact = (n: number) => BigInt(Math.round(n * 1e7));
          const a = exact(base);
          const d = exact(Math.abs(amount));
          const bound = adjust === "+" ? a + d : adjust === "-" ? a - d : (a * d) / 10_000_000n;
          if (adjust !== "*" || (a * d) % 10_000_000n === 0n)
            expect(result.threshold).toBe(Number(`${bound}e-7`));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
