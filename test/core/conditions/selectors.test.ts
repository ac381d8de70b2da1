import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import { parseConfig } from "../../../src/core/config/parse.js";
import type { TestStep } from "../../../src/core/config/types.js";

function ok(input: unknown) {
  const result = parseCondition(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.message}`);
  return result.condition;
}

function bad(input: string) {
  const result = parseCondition(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return { message: result.message, column: result.column };
}

describe("parseCondition: list selectors", () => {
  it('reads [key="value"] with any characters but an unescaped quote in the value', () => {
    const c = ok('drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share <= 0.3');
    expect(c.metric.segments).toEqual([
      "drift",
      "metrics",
      { kind: "match", key: "metric_id", value: "DriftedColumnsCount(drift_share=0.5)", column: 14 },
      "value",
      "share",
    ]);
    expect(c.metric.text).toBe('drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share');
    expect(c.text).toBe('drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share <= 0.3');
  });

  it("reads [N] as a 0-based index, and selectors in a row", () => {
    const c = ok("report.results[0].value > 0.5");
    expect(c.metric.segments).toEqual([
      "report",
      "results",
      { kind: "index", index: 0, column: 15 },
      "value",
    ]);
    expect(ok("m.grid[1][2] < 3").metric.segments).toEqual([
      "m",
      "grid",
      { kind: "index", index: 1, column: 7 },
      { kind: "index", index: 2, column: 10 },
    ]);
  });

  it('unescapes \\" and \\\\ and writes them back escaped, so the text reads back the same', () => {
    const c = ok('r.checks[name="say \\"hi\\" \\\\ bye"].value >= 1');
    expect(c.metric.segments[2]).toMatchObject({ key: "name", value: 'say "hi" \\ bye' });
    expect(ok(c.text).metric.segments).toEqual(c.metric.segments);
  });

  it("takes a back-quoted key and keeps ']' and '.' inside the quoted value", () => {
    const c = ok('r.items[`check-name`="a.b]c"].score > 0');
    expect(c.metric.segments[2]).toMatchObject({ key: "check-name", value: "a.b]c" });
    expect(c.metric.text).toBe('r.items[`check-name`="a.b]c"].score');
  });

  it("works in the object form", () => {
    const r = parseCondition({
      metric: 'm.metrics[metric="DatasetDriftMetric"].result.drift_share',
      op: "<",
      value: 1,
    });
    expect(r.ok).toBe(true);
  });

  it.each([
    ['m.list[metric_id="abc].value > 1', "unterminated", 18],
    ["m.list[metric_id='abc'].value > 1", "use double quotes", 18],
    ['m.list[metric_id=="abc"].value > 1', "one '='", 18],
    ['m.list[metric_id "abc"].value > 1', "expected '='", 17],
    ["m.list[].value > 1", 'expected an index or key="value"', 8],
    ["m.list[-1].value > 1", "negative indexes", 8],
    ["m.list[0.value > 1", "expected ']' to close the '[' at column 7", 9],
    ['m.list[k="a\\nb"] > 1', "unknown escape '\\n'", 12],
    ["m.list[99999999999999999999] > 1", "too large", 8],
  ])("rejects %s, pointing at the offending character", (input, message, column) => {
    const r = bad(input);
    expect(r.message).toContain(message);
    expect(r.column).toBe(column);
  });
});

describe("list selectors in a config", () => {
  it("parses the docs' examples as written in YAML, keeping the text for reports", () => {
    const file = "test/fixtures/config/valid/list-selectors.yml";
    const result = parseConfig(readFileSync(file, "utf8"), file);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const step = result.config.steps[0] as TestStep;
    expect(step.checks.map((c) => c.text)).toEqual([
      'drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share <= 0.3',
      'drift.metrics[metric_id="ValueDrift(column=age)"].value < 0.1',
      "report.results[0].value >= 0.9",
      'old.metrics[metric="DatasetDriftMetric"].result.share_of_drifted_columns < 0.5',
      'report.checks[`check-name`="say \\"hi\\""].score > 0',
    ]);
  });
});
