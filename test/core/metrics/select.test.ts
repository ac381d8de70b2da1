import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { evaluateCondition } from "../../../src/core/conditions/evaluate.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import type { Condition } from "../../../src/core/conditions/types.js";
import { lookupMetric } from "../../../src/core/metrics/lookup.js";
import { parseMetricsFile } from "../../../src/core/metrics/parse.js";
import type { MetricSource, MetricTree } from "../../../src/core/metrics/types.js";

const EVIDENTLY = "test/fixtures/metrics/real/evidently/data_drift.json";

function load(name: string, file: string): MetricSource {
  const result = parseMetricsFile(readFileSync(file, "utf8"), { name, file });
  if (!result.ok) throw new Error(result.error);
  return result.source;
}

function condition(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.message);
  return result.condition;
}

const source = (name: string, values: MetricTree): MetricSource => ({
  name,
  file: `${name}.json`,
  format: "json",
  values,
});

const drift = load("drift", EVIDENTLY);

describe("list selectors on a genuine Evidently 0.7 report", () => {
  it("picks an item by metric_id, whatever characters the id holds", () => {
    const ref = condition(
      'drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share <= 0.3',
    ).metric;
    expect(lookupMetric(ref, [drift])).toEqual({
      ok: true,
      value: 1,
      source: "drift",
      file: EVIDENTLY,
      key: 'metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share',
      path: ["metrics", ref.segments[2], "value", "share"],
    });
    const count = condition(
      'metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.count < 3',
    ).metric;
    expect(lookupMetric(count, [drift])).toMatchObject({ ok: true, value: 6 });
  });

  it("picks an item by index", () => {
    expect(lookupMetric(condition("drift.metrics[6].value < 1").metric, [drift])).toMatchObject({
      ok: true,
      value: 1.9497165592407786e-9,
    });
  });

  it("fails the check with the report's reference and value as written", () => {
    const c = condition('drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share <= 0.3');
    const result = evaluateCondition(c, { metrics: [drift], baseline: [] });
    expect(result.passed).toBe(false);
    expect(result.inputError).toBeUndefined();
    expect(result.reason).toBe(
      'drift.metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share = 1 fails: needs <= 0.3',
    );
  });

  it("names the ids the list has when none matches", () => {
    const r = lookupMetric(
      condition('drift.metrics[metric_id="ValueDrift(column=salary)"].value < 1').metric,
      [drift],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.ambiguous).toBeUndefined();
    expect(r.reason).toContain(
      `\`metrics\` in drift (${EVIDENTLY}) has no item with metric_id="ValueDrift(column=salary)" (the list has: metric_id="DriftedColumnsCount(drift_share=0.5)", metric_id="ValueDrift(column=age)",`,
    );
    expect(r.reason).toContain('metric_id="ValueDrift(column=debt_to_income)"');
  });

  it("says how long the list is when an index is past its end", () => {
    const r = lookupMetric(condition("drift.metrics[7].value < 1").metric, [drift]);
    expect(r.ok ? "" : r.reason).toContain("has 7 items; [7] is past its end (indexes count from 0)");
  });

  it("lists a report's list items by index when a name is not found", () => {
    const r = lookupMetric(condition("drift.share < 1").metric, [drift]);
    expect(r.ok ? [] : r.availableKeys).toEqual([
      "metrics[0].id",
      "metrics[0].metric_id",
      "metrics[0].value.count",
      "metrics[0].value.share",
      "metrics[1].id",
      "metrics[1].metric_id",
      "metrics[1].value",
      "metrics[2].id",
      "metrics[2].metric_id",
      "metrics[2].value",
      "metrics[3].id",
      "metrics[3].metric_id",
      "metrics[3].value",
      "metrics[4].id",
      "metrics[4].metric_id",
      "metrics[4].value",
      "metrics[5].id",
      "metrics[5].metric_id",
      "metrics[5].value",
      "metrics[6].id",
      "metrics[6].metric_id",
      "metrics[6].value",
      "tests",
    ]);
  });

  it("says when the source itself is picked from", () => {
    const r = lookupMetric(condition("drift[0] < 1").metric, [drift]);
    expect(r.ok ? "" : r.reason).toContain(
      `not found: drift (${EVIDENTLY}) is a group of metrics, not a list`,
    );
    expect(r.ok ? "" : r.reason).not.toContain("``");
  });

  it("says when the selected value is not a list", () => {
    const r = lookupMetric(condition("drift.metrics[0].value[0] < 1").metric, [drift]);
    expect(r.ok ? "" : r.reason).toContain("`metrics[0].value` in drift");
    expect(r.ok ? "" : r.reason).toContain("is a group of metrics, not a list, so [0] cannot pick from it");
  });
});

describe("list selectors on a genuine older Evidently report (items named by `metric`)", () => {
  const FILE = "test/fixtures/metrics/real/evidently/drift_report-legacy.json";
  const old = load("old", FILE);

  it("reads a result by the metric's name", () => {
    const share = condition('old.metrics[metric="DatasetDriftMetric"].result.share_of_drifted_columns < 0.5');
    expect(lookupMetric(share.metric, [old])).toMatchObject({ ok: true, value: 0.7142857142857143 });
    const f0 = condition('old.metrics[metric="DataDriftTable"].result.drift_by_columns.f0.drift_score < 0.1');
    expect(lookupMetric(f0.metric, [old])).toMatchObject({ ok: true, value: 0.3584133141484581 });
  });

  it("fails a check on a boolean result rather than reading it as a number", () => {
    const drift = condition('old.metrics[metric="DatasetDriftMetric"].result.dataset_drift == 0');
    const r = lookupMetric(drift.metric, [old]);
    expect(r.ok ? "" : r.reason).toContain("is the boolean true, not a number");
  });
});

describe("list selectors: input errors", () => {
  const dup = source("report", {
    results: [
      { name: "Accuracy", value: 0.9 },
      { name: "Accuracy", value: 0.7 },
      { name: "F1", value: 0.8 },
    ],
  });

  it("makes several matching items an input error naming how many, even under on_fail: warn", () => {
    const result = evaluateCondition(condition('report.results[name="Accuracy"].value > 0.5'), {
      metrics: [dup],
      baseline: [],
    });
    expect(result.passed).toBe(false);
    expect(result.inputError).toBe(
      '`report.results[name="Accuracy"].value`: `results` in report (report.json) has 2 items with name="Accuracy" (at indexes 0, 1); pick one by index, e.g. [0]',
    );
  });

  it("keeps an unqualified reference found in two sources ambiguous", () => {
    const other = source("other", { results: [{ name: "F1", value: 0.6 }] });
    const result = evaluateCondition(condition('results[name="F1"].value > 0.5'), {
      metrics: [dup, other],
      baseline: [],
    });
    expect(result.inputError).toBe(
      'ambiguous: `results[name="F1"].value` is in report (report.json) and other (other.json); qualify it as report.results[name="F1"].value',
    );
  });

  it("reads the one source that has the item when the other's list lacks it", () => {
    const other = source("other", { results: [{ name: "Recall", value: 0.6 }] });
    expect(lookupMetric(condition('results[name="F1"].value > 0.5').metric, [dup, other])).toMatchObject({
      ok: true,
      value: 0.8,
      source: "report",
    });
  });

  it("matches string values only: a number is not the string that spells it", () => {
    const runs = source("runs", { epochs: [{ epoch: 3, loss: 0.2 }] });
    const r = lookupMetric(condition('runs.epochs[epoch="3"].loss < 1').metric, [runs]);
    expect(r.ok ? "" : r.reason).toContain("no item has a string 'epoch' (1 items)");
  });
});
