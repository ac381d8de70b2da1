import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { decodeSnapshot, encodeSnapshot, type Snapshot } from "../../../src/core/report/snapshot.js";

const snapshot: Snapshot = {
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

describe("snapshot", () => {
  it("round-trips, NaN and infinities included, inside a hidden comment", () => {
    const text = encodeSnapshot(snapshot);
    expect(text).toMatch(/^<!-- model-approval:snapshot [A-Za-z0-9+/=]+ -->$/);
    const decoded = decodeSnapshot(`# Report\n\n${text}\n\nmore text`);
    expect(decoded).toEqual({ ok: true, snapshot });
    if (!decoded.ok) return;
    const values = decoded.snapshot.metrics[0]!.values;
    expect(Number.isNaN(values.loss)).toBe(true);
    expect(values.note).toBe("NaN");
  });

  it("round-trips without a model", () => {
    const { model: _model, ...rest } = snapshot;
    expect(decodeSnapshot(encodeSnapshot(rest))).toEqual({ ok: true, snapshot: rest });
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

  const wrap = (json: string) => `<!-- model-approval:snapshot ${Buffer.from(json).toString("base64")} -->`;
  it.each([
    ["no marker", "hello"],
    ["empty", ""],
    ["not base64 JSON", "<!-- model-approval:snapshot AAAA -->"],
    ["wrong version", wrap('{"version":2,"metrics":[],"baseline":[]}')],
    ["metrics not a list", wrap('{"version":1,"metrics":{},"baseline":[]}')],
    [
      "bad format",
      wrap('{"version":1,"metrics":[{"name":"a","file":"b","format":"xml","values":{}}],"baseline":[]}'),
    ],
    [
      "values not an object",
      wrap('{"version":1,"metrics":[{"name":"a","file":"b","format":"json","values":3}],"baseline":[]}'),
    ],
    ["errors not strings", wrap('{"version":1,"metrics":[],"baseline":[],"metricErrors":{"a":1}}')],
    ["bad model", wrap('{"version":1,"metrics":[],"baseline":[],"model":{"artifacts":[{"path":1}]}}')],
    ["a JSON array", wrap("[1,2]")],
  ])("rejects %s", (_label, text) => {
    const decoded = decodeSnapshot(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.length).toBeGreaterThan(0);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), fc.base64String(), (s, b64) => {
        decodeSnapshot(s);
        decodeSnapshot(`<!-- model-approval:snapshot ${b64} -->`);
        return true;
      }),
    );
  });
});
