import { describe, expect, it } from "@jest/globals";
import type { MetricFormat } from "../../../src/core/config/types.js";
import type { MetricRef } from "../../../src/core/conditions/types.js";
import { listMetricKeys, lookupMetric } from "../../../src/core/metrics/lookup.js";
import type { MetricSource, MetricTree } from "../../../src/core/metrics/types.js";

const ref = (...segments: string[]): MetricRef => ({
  segments,
  text: segments.map((s) => (/^[A-Za-z0-9_/]+$/.test(s) ? s : `\`${s}\``)).join("."),
});
const source = (name: string, values: MetricTree, format: MetricFormat = "json"): MetricSource => ({
  name,
  file: `metrics/${name}.json`,
  format,
  values,
});

const evalSrc = source("eval", { accuracy: 0.91, loss: 0.2, nested: { f1: 0.8 } });
const testSrc = source("test", { accuracy: 0.88, latency_p95_ms: 110 });

describe("lookupMetric", () => {
  it("finds an unqualified name present in exactly one source", () => {
    expect(lookupMetric(ref("latency_p95_ms"), [evalSrc, testSrc])).toEqual({
      ok: true,
      value: 110,
      source: "test",
      file: "metrics/test.json",
      key: "latency_p95_ms",
      path: ["latency_p95_ms"],
    });
  });

  it("reports an unqualified name present in two sources as ambiguous, naming both files", () => {
    const r = lookupMetric(ref("accuracy"), [evalSrc, testSrc]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(
      "ambiguous: `accuracy` is in eval (metrics/eval.json) and test (metrics/test.json); qualify it as eval.accuracy",
    );
  });

  it("resolves a source-qualified name inside that source only", () => {
    const r = lookupMetric(ref("test", "accuracy"), [evalSrc, testSrc]);
    expect(r).toMatchObject({ ok: true, value: 0.88, source: "test", key: "accuracy" });
  });

  it("resolves nested paths with and without a source qualifier", () => {
    expect(lookupMetric(ref("nested", "f1"), [evalSrc, testSrc])).toMatchObject({ ok: true, value: 0.8 });
    expect(lookupMetric(ref("eval", "nested", "f1"), [evalSrc, testSrc])).toMatchObject({
      ok: true,
      value: 0.8,
      key: "nested.f1",
    });
  });

  it("reads a qualified reference from its source only, never from another source's look-alike key", () => {
    const own = source("eval", { loss: 0.3 });
    // Another file carrying an `eval.accuracy` path must not answer for the source named eval.
    const decoy = source("other", { eval: { accuracy: 0.99 } });
    const r = lookupMetric(ref("eval", "accuracy"), [own, decoy]);
    expect(r).toMatchObject({ ok: false, source: "eval", file: "metrics/eval.json" });
    if (!r.ok) expect(r.reason).toContain("`eval.accuracy` not found in eval (metrics/eval.json)");
    // The full path inside the source still resolves.
    const nested = source("eval", { eval: { accuracy: 0.7 } });
    expect(lookupMetric(ref("eval", "eval", "accuracy"), [nested])).toMatchObject({ ok: true, value: 0.7 });
  });

  it("resolves a path whose first segment names no source in every source", () => {
    const src = source("metrics", { eval: { accuracy: 0.7 } });
    expect(lookupMetric(ref("eval", "accuracy"), [src])).toMatchObject({
      ok: true,
      value: 0.7,
      key: "eval.accuracy",
    });
  });

  it("marks an unqualified name found in several sources as ambiguous, an input error", () => {
    const r = lookupMetric(ref("accuracy"), [evalSrc, testSrc]);
    expect(r).toMatchObject({ ok: false, ambiguous: true });
  });

  it("names the files and lists existing keys when a metric is missing", () => {
    const r = lookupMetric(ref("f1"), [evalSrc, testSrc]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain("`f1` not found in eval (metrics/eval.json), test (metrics/test.json)");
    expect(r.availableKeys).toEqual([
      "eval.accuracy",
      "eval.loss",
      "eval.nested.f1",
      "test.accuracy",
      "test.latency_p95_ms",
    ]);
    expect(r.reason).toContain("available: eval.accuracy, eval.loss");
  });

  it("names only the qualified source's file when a qualified metric is missing", () => {
    const r = lookupMetric(ref("test", "f1"), [evalSrc, testSrc]);
    expect(r).toMatchObject({ ok: false, source: "test", file: "metrics/test.json" });
    if (r.ok) return;
    expect(r.availableKeys).toEqual(["accuracy", "latency_p95_ms"]);
  });

  it("caps the listed keys", () => {
    const many: MetricTree = {};
    for (let i = 0; i < 100; i++) many[`m${i}`] = i;
    const r = lookupMetric(ref("absent"), [source("big", many)]);
    if (r.ok) throw new Error("expected a failure");
    expect(r.availableKeys.length).toBeLessThan(100);
    expect(r.reason).toMatch(/and \d+ more$/);
  });

  it("fails when no sources are loaded", () => {
    expect(lookupMetric(ref("accuracy"), [])).toMatchObject({ ok: false });
  });

  it.each([
    [Number.NaN, "is NaN"],
    [Number.POSITIVE_INFINITY, "is Infinity"],
    [Number.NEGATIVE_INFINITY, "is -Infinity"],
    ["n/a", "is the string 'n/a'"],
    ["0.93", "is the string '0.93'"],
    [true, "is the boolean true"],
    [null, "is null"],
    [[1, 2], "is a list of 2 values"],
    [{ precision: 1, recall: 0.5 }, "is a group of metrics (precision, recall)"],
  ])("fails closed when the value %p is not a finite number", (value, text) => {
    const r = lookupMetric(ref("accuracy"), [source("eval", { accuracy: value })]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain("`accuracy` in eval (metrics/eval.json) " + text);
    expect(r.file).toBe("metrics/eval.json");
  });

  it("matches flat keys that contain slashes or dots", () => {
    const wandb = source("run", { "eval/accuracy": 0.93, "val.loss": 0.4, _wandb: { runtime: 12 } }, "wandb");
    expect(lookupMetric(ref("eval/accuracy"), [wandb])).toMatchObject({ ok: true, value: 0.93 });
    expect(lookupMetric(ref("eval", "accuracy"), [wandb])).toMatchObject({ ok: true, value: 0.93 });
    expect(lookupMetric(ref("val", "loss"), [wandb])).toMatchObject({
      ok: true,
      value: 0.4,
      key: "`val.loss`",
    });
    expect(lookupMetric(ref("val.loss"), [wandb])).toMatchObject({ ok: true, value: 0.4 });
  });

  it("resolves sklearn-style names with spaces and dashes", () => {
    const report = source(
      "report",
      { accuracy: 0.9, "macro avg": { "f1-score": 0.87, support: 50 } },
      "sklearn",
    );
    expect(lookupMetric(ref("macro avg", "f1-score"), [report])).toMatchObject({
      ok: true,
      value: 0.87,
      key: "`macro avg`.`f1-score`",
    });
    expect(listMetricKeys(report)).toEqual(["accuracy", "`macro avg`.`f1-score`", "`macro avg`.support"]);
  });

  it("maps a bare name to the eval_ key of a Hugging Face source only when no exact key exists", () => {
    const hf = source("hf", { epoch: 3, eval_accuracy: 0.92, eval_loss: 0.3, loss: 0.1 }, "huggingface");
    expect(lookupMetric(ref("accuracy"), [hf])).toMatchObject({
      ok: true,
      value: 0.92,
      key: "eval_accuracy",
    });
    expect(lookupMetric(ref("loss"), [hf])).toMatchObject({ ok: true, value: 0.1, key: "loss" });
    const plain = source("plain", { eval_accuracy: 0.92 }, "json");
    expect(lookupMetric(ref("accuracy"), [plain]).ok).toBe(false);
  });

  it("indexes into lists by position", () => {
    expect(lookupMetric(ref("scores", "1"), [source("s", { scores: [0.1, 0.2] })])).toMatchObject({
      ok: true,
      value: 0.2,
    });
  });

  it("does not treat inherited object properties as metrics", () => {
    expect(lookupMetric(ref("constructor"), [source("s", { a: 1 })]).ok).toBe(false);
  });
});
