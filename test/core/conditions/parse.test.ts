import { describe, expect, it } from "@jest/globals";
import { parseCondition } from "../../../src/core/conditions/parse.js";

function ok(input: unknown) {
  const result = parseCondition(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.message}`);
  return result.condition;
}

describe("parseCondition: text form", () => {
  it.each([
    ["accuracy >= 0.80", ["accuracy"], ">=", { kind: "number", value: 0.8 }, "accuracy >= 0.8"],
    ["  f1<0.5  ", ["f1"], "<", { kind: "number", value: 0.5 }, "f1 < 0.5"],
    ["drift > -0.25", ["drift"], ">", { kind: "number", value: -0.25 }, "drift > -0.25"],
    ["loss <= 1e-3", ["loss"], "<=", { kind: "number", value: 0.001 }, "loss <= 0.001"],
    ["loss <= .5", ["loss"], "<=", { kind: "number", value: 0.5 }, "loss <= 0.5"],
    ["accuracy > 90%", ["accuracy"], ">", { kind: "number", value: 0.9 }, "accuracy > 90%"],
    ["n == 3", ["n"], "==", { kind: "number", value: 3 }, "n == 3"],
    ["n != 3", ["n"], "!=", { kind: "number", value: 3 }, "n != 3"],
    ["eval.accuracy > 0.9", ["eval", "accuracy"], ">", { kind: "number", value: 0.9 }, "eval.accuracy > 0.9"],
    ["val/loss < 0.3", ["val/loss"], "<", { kind: "number", value: 0.3 }, "val/loss < 0.3"],
    ["f1 >= baseline", ["f1"], ">=", { kind: "baseline" }, "f1 >= baseline"],
    [
      "f1 >= baseline - 0.01",
      ["f1"],
      ">=",
      { kind: "baseline", adjust: { op: "-", amount: 0.01 } },
      "f1 >= baseline - 0.01",
    ],
    [
      "f1>=baseline+0.01",
      ["f1"],
      ">=",
      { kind: "baseline", adjust: { op: "+", amount: 0.01 } },
      "f1 >= baseline + 0.01",
    ],
    [
      "latency < baseline * 1.05",
      ["latency"],
      "<",
      { kind: "baseline", adjust: { op: "*", amount: 1.05 } },
      "latency < baseline * 1.05",
    ],
    [
      "f1 >= baseline - 1%",
      ["f1"],
      ">=",
      { kind: "baseline", adjust: { op: "-", amount: 0.01 } },
      "f1 >= baseline - 1%",
    ],
    [
      "report.`macro avg`.`f1-score` >= 0.7",
      ["report", "macro avg", "f1-score"],
      ">=",
      { kind: "number", value: 0.7 },
      "report.`macro avg`.`f1-score` >= 0.7",
    ],
    ["`accuracy` > 0.5", ["accuracy"], ">", { kind: "number", value: 0.5 }, "accuracy > 0.5"],
    ["baseline_acc > 0.5", ["baseline_acc"], ">", { kind: "number", value: 0.5 }, "baseline_acc > 0.5"],
  ])("%s", (input, segments, op, value, text) => {
    const condition = ok(input);
    expect(condition.metric.segments).toEqual(segments);
    expect(condition.op).toBe(op);
    expect(condition.value).toMatchObject(value);
    expect(condition.text).toBe(text);
  });

  it("round-trips: the normalised text parses to the same condition", () => {
    for (const input of ["a.`b c`.d >= baseline * 2", "x > 90%", "y != -1e-3"]) {
      const first = ok(input);
      const second = ok(first.text);
      expect(second.metric).toEqual(first.metric);
      expect(second.value).toEqual(first.value);
    }
  });

  it("keeps the location it is given", () => {
    const location = { file: "c.yml", line: 3, column: 9 };
    expect(ok("a > 1").location).toBeUndefined();
    const result = parseCondition("a > 1", location);
    expect(result.ok && result.condition.location).toEqual(location);
  });
});

describe("parseCondition: errors point at the offending character", () => {
  it.each([
    ["accuracy >>= 0.9", 10, "invalid operator '>>='"],
    ["accuracy = 0.9", 10, "did you mean '=='?"],
    ["accuracy => 0.9", 10, "did you mean '>='?"],
    ["accuracy 0.9", 10, "expected a comparison operator"],
    ["accuracy >= ", 13, "expected a number"],
    ["accuracy >= high", 13, "expected a number, a percentage or 'baseline'"],
    ["accuracy >= 0.9 and f1 > 0.5", 17, "unexpected 'a' after the value"],
    ["f1 >= baseline ± 0.01", 16, "'±' is not an operator"],
    ["f1 >= baseline / 2", 16, "expected '+', '-' or '*'"],
    ["f1 >= baseline -", 17, "expected a number"],
    [">= 0.8", 1, "expected a metric name"],
    ["", 1, "empty condition"],
    ["   ", 4, "empty condition"],
    ["f1-score > 0.5", 3, "back-quote"],
    ["`macro avg.f1 > 0.5", 1, "unterminated back-quoted"],
    ["`` > 0.5", 1, "empty back-quoted"],
    ["eval. > 0.5", 6, "back-quote"],
    ["a > 1e999", 5, "out of range"],
  ])("%s", (input, column, message) => {
    const result = parseCondition(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.column).toBe(column);
  });
});

describe("parseCondition: object form", () => {
  it("is equivalent to the text form", () => {
    expect(ok({ metric: "accuracy", op: ">=", value: 0.8 })).toEqual(ok("accuracy >= 0.8"));
    expect(ok({ metric: "f1", op: ">", value: "baseline - 0.01" })).toEqual(ok("f1 > baseline - 0.01"));
    expect(ok({ metric: "`macro avg`.precision", op: "<", value: "90%" })).toEqual(
      ok("`macro avg`.precision < 90%"),
    );
  });

  it.each([
    [{ metric: 3, op: ">", value: 1 }, "metric"],
    [{ metric: "f1 score", op: ">", value: 1 }, "metric"],
    [{ metric: "f1", op: "=", value: 1 }, "op"],
    [{ metric: "f1", op: ">" }, "value"],
    [{ metric: "f1", op: ">", value: "high" }, "value"],
    [{ metric: "f1", op: ">", value: Number.NaN }, "value"],
    [{ metric: "f1", op: ">", value: true }, "value"],
  ])("rejects %j naming the field", (input, field) => {
    const result = parseCondition(input);
    expect(result).toMatchObject({ ok: false, field });
  });

  it.each([[null], [42], [["a > 1"]], [undefined]])("rejects %j", (input) => {
    expect(parseCondition(input).ok).toBe(false);
  });
});
