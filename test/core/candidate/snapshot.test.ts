import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { decodeSnapshot, encodeSnapshot, type Snapshot } from "../../../src/core/candidate/snapshot.js";
import { modelKey } from "../../../src/core/candidate/model-key.js";

const snapshot: Snapshot = {
  claims: {
    repository: "acme/models",
    commit: "a".repeat(40),
    pullRequest: 7,
    run: { id: 12, attempt: 2, workflow: ".github/workflows/train.yml", event: "pull_request" },
  },
  metrics: [
    {
      name: "eval",
      file: "metrics/eval.json",
      format: "json",
      values: {
        accuracy: 0.93,
        loss: Number.NaN,
        up: Number.POSITIVE_INFINITY,
        down: Number.NEGATIVE_INFINITY,
        note: "NaN",
        "macro avg": { "f1-score": 0.7 },
        list: [1, null, true],
      },
    },
  ],
  baseline: [{ name: "eval", file: "base.json", format: "wandb", values: { "eval/acc": 0.9 } }],
  metricErrors: { other: "other.json:3: bad JSON" },
  baselineErrors: {},
  model: {
    name: "m",
    digest: "ab".repeat(32),
    artifacts: [{ path: "model.pkl", sha256: "cd".repeat(32), bytes: 12 }],
    errors: ["x.pkl does not exist"],
  },
};

const body = (extra: Record<string, unknown>) =>
  JSON.stringify({
    format: "model-approval-snapshot",
    version: 2,
    claims: { repository: "a/b", commit: "c" },
    metrics: [],
    baseline: [],
    ...extra,
  });

describe("snapshot", () => {
  it("round-trips as a JSON file, NaN and infinities included", () => {
    const text = encodeSnapshot(snapshot);
    expect(JSON.parse(text)).toMatchObject({ format: "model-approval-snapshot", version: 2 });
    const decoded = decodeSnapshot(text);
    expect(decoded).toEqual({ ok: true, snapshot });
    if (!decoded.ok) return;
    const values = decoded.snapshot.metrics[0]!.values;
    expect(Number.isNaN(values.loss)).toBe(true);
    expect(values.note).toBe("NaN");
  });

  it("round-trips without a model, a run or a pull request", () => {
    const { model: _model, ...rest } = snapshot;
    const bare = { ...rest, claims: { repository: "acme/models", commit: "b".repeat(40) } };
    expect(decodeSnapshot(encodeSnapshot(bare))).toEqual({ ok: true, snapshot: bare });
  });

  it("keeps where a baseline was read from git, and refuses a malformed origin", () => {
    const base = { name: "eval", file: "metrics/eval.json", format: "json" as const, values: { f1: 0.5 } };
    const pinned: Snapshot = {
      ...snapshot,
      baseline: [
        { ...base, at: { ref: "main", commit: "c".repeat(40) } },
        { ...base, name: "tagged", at: { ref: "v1" } },
      ],
    };
    expect(decodeSnapshot(encodeSnapshot(pinned))).toEqual({ ok: true, snapshot: pinned });
    const bad = JSON.parse(encodeSnapshot(pinned));
    bad.baseline[0].at = { ref: 3 };
    expect(decodeSnapshot(JSON.stringify(bad))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at is not/),
    });
  });

  it("keeps a __proto__ key as data", () => {
    const odd: Snapshot = {
      ...snapshot,
      metrics: [{ name: "e", file: "e.json", format: "json", values: JSON.parse('{"__proto__": {"x": 1}}') }],
    };
    const decoded = decodeSnapshot(encodeSnapshot(odd));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(Object.getPrototypeOf(decoded.snapshot.metrics[0]!.values)).toBe(Object.prototype);
  });

  it.each([
    ["empty", ""],
    ["not JSON", "hello"],
    ["another format", body({ format: "something-else" })],
    ["the old check-run version", body({ version: 1 })],
    ["no claims", body({ claims: undefined })],
    [
      "a claimed run without an attempt",
      body({ claims: { repository: "a/b", commit: "c", run: { id: 1 } } }),
    ],
    ["a negative pull request", body({ claims: { repository: "a/b", commit: "c", pullRequest: -1 } })],
    ["metrics not a list", body({ metrics: {} })],
    ["bad format", body({ metrics: [{ name: "a", file: "b", format: "xml", values: {} }] })],
    ["values not an object", body({ metrics: [{ name: "a", file: "b", format: "json", values: 3 }] })],
    ["errors not strings", body({ metricErrors: { a: 1 } })],
    ["bad model", body({ model: { artifacts: [{ path: 1 }] } })],
    ["a digest that is not sha256", body({ model: { artifacts: [], digest: "xyz" } })],
    ["a JSON array", "[1,2]"],
  ])("rejects %s", (_label, text) => {
    const decoded = decodeSnapshot(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.length).toBeGreaterThan(0);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), fc.json(), (s, json) => {
        decodeSnapshot(s);
        decodeSnapshot(json);
        return true;
      }),
    );
  });
});

describe("model key", () => {
  const measured = (accuracy: number, digest?: string) => ({
    metrics: [{ name: "eval", file: "m.json", format: "json" as const, values: { accuracy, loss: 0.1 } }],
    baseline: [],
    metricErrors: {},
    baselineErrors: {},
    ...(digest ? { model: { digest, artifacts: [] } } : {}),
  });

  it("is the digest when the model has one, whatever the metrics", () => {
    expect(modelKey(measured(0.9, "ab".repeat(32)))).toBe(`sha256:${"ab".repeat(32)}`);
    expect(modelKey(measured(0.5, "ab".repeat(32)))).toBe(modelKey(measured(0.9, "ab".repeat(32))));
  });

  it("without a digest is the metrics, independent of key order", () => {
    const a = measured(0.9);
    const b = { ...a, metrics: [{ ...a.metrics[0]!, values: { loss: 0.1, accuracy: 0.9 } }] };
    expect(modelKey(a)).toMatch(/^metrics:[0-9a-f]{64}$/);
    expect(modelKey(a)).toBe(modelKey(b));
    expect(modelKey(measured(0.91))).not.toBe(modelKey(a));
  });

  it("is undefined when nothing identifies a model", () => {
    expect(modelKey({ metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} })).toBeUndefined();
    expect(modelKey(undefined)).toBeUndefined();
  });
});
