import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import type { MetricRef } from "../../../src/core/conditions/types.js";
import { parseJsonChunks } from "../../../src/core/metrics/formats/json.js";
import { keepForRefs, referencedKeys } from "../../../src/core/metrics/keep.js";
import { lookupMetric } from "../../../src/core/metrics/lookup.js";
import { textChunks } from "../../../src/core/metrics/stream/chunks.js";
import type { MetricSource, MetricTree } from "../../../src/core/metrics/types.js";

function ref(text: string): MetricRef {
  const parsed = parseCondition(`${text} > 0`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.condition.metric;
}

describe("referencedKeys", () => {
  it("has every run of segments joined as lookup joins them, eval_ variants and pick keys", () => {
    const keys = referencedKeys([ref('drift.metrics[metric_id="Share"].value.share')]);
    for (const key of ["drift", "metrics", "drift.metrics", "drift/metrics", "metric_id", "value", "share"])
      expect(keys).toContain(key);
    expect(keys).toContain("value.share");
    expect(keys).toContain("eval_drift");
    // A pick ends a run: nothing joins across it.
    expect(keys).not.toContain("metrics.value");
  });
});

// Genuine reports: whatever a reference finds in the whole file it finds in the kept part.
const CASES: [string, string, string[]][] = [
  [
    "evidently/report.json",
    "real/evidently/data_drift.json",
    [
      'metrics[metric_id="DriftedColumnsCount(drift_share=0.5)"].value.share',
      "metrics[0].value.count",
      "metrics[99].value",
      'metrics[metric_id="ValueDrift(column=age)"].value',
      "timestamp",
    ],
  ],
  [
    "sklearn",
    "sklearn/binary-report.json",
    ["`macro avg`.`f1-score`", "accuracy", "`weighted avg`.recall", "nope"],
  ],
  ["huggingface", "huggingface/all_results.json", ["accuracy", "eval_loss", "epoch", "train.loss"]],
];

describe("keeping only what the conditions name", () => {
  it.each(CASES)("%s: every reference resolves as in the whole file", (_name, path, texts) => {
    const text = readFileSync(`test/fixtures/metrics/${path}`, "utf8");
    const refs = texts.map(ref);
    const whole = parseJsonChunks(textChunks(text)) as MetricTree;
    const kept = parseJsonChunks(textChunks(text), keepForRefs(refs, { trainerState: false })) as MetricTree;
    const format = path.startsWith("huggingface") ? "huggingface" : "json";
    const as = (values: MetricTree): MetricSource[] => [{ name: "m", file: path, format, values }];
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(whole).length);
    for (const r of refs) {
      const a = lookupMetric(r, as(whole));
      const b = lookupMetric(r, as(kept));
      expect({ ok: b.ok, value: b.ok ? b.value : undefined }).toEqual({
        ok: a.ok,
        value: a.ok ? a.value : undefined,
      });
    }
  });
});
