import { describe, expect, it } from "@jest/globals";
import { parseMlflowRun } from "../../../src/core/metrics/parse.js";

const run = (files: { key: string; text: string }[]) =>
  parseMlflowRun(files, { name: "run", file: "mlruns/0/abc" });

describe("parseMlflowRun", () => {
  it("takes the value with the highest step, then the latest timestamp, whatever the line order", () => {
    const r = run([
      { key: "accuracy", text: "1716300000123 0.71 0\n1716300300456 0.9134 2\n1716300150789 0.84 1\n" },
      { key: "loss", text: "100 0.30 2\n300 0.25 2\n200 0.28 2\n50 0.1 1\n" },
    ]);
    expect(r).toEqual({
      ok: true,
      source: {
        name: "run",
        file: "mlruns/0/abc",
        format: "mlflow",
        values: { accuracy: 0.9134, loss: 0.25 },
      },
    });
  });

  it("keeps keys with / as flat keys and reads old two-column lines as step 0", () => {
    const r = run([
      { key: "eval/f1", text: "1716300300456 0.8871 2\n" },
      { key: "old", text: "100 0.5\n200 0.6\n" },
    ]);
    expect(r.ok && r.source.values).toEqual({ "eval/f1": 0.8871, old: 0.6 });
  });

  it("keeps nan and inf as MLflow writes them, for the check to reject", () => {
    const r = run([
      { key: "grad_norm", text: "1 nan 0\n" },
      { key: "drift", text: "1 -inf 0\n" },
    ]);
    expect(r.ok && r.source.values.grad_norm).toBeNaN();
    expect(r.ok && r.source.values.drift).toBe(Number.NEGATIVE_INFINITY);
  });

  it.each([
    [
      "1 0.5 0\nnot a line\n",
      "mlruns/0/abc/metrics/acc:2: expected 'timestamp value step', got 'not a line'",
    ],
    ["1 0.5 0 extra\n", "mlruns/0/abc/metrics/acc:1: expected 'timestamp value step', got '1 0.5 0 extra'"],
    ["1 0.5 x\n", "mlruns/0/abc/metrics/acc:1: expected 'timestamp value step', got '1 0.5 x'"],
    ["", "mlruns/0/abc/metrics/acc: no values: the metric file is empty"],
  ])("rejects %j naming the metric file and line", (text, error) => {
    expect(run([{ key: "acc", text }])).toEqual({ ok: false, error });
  });

  it("rejects a run without metrics", () => {
    expect(run([])).toEqual({ ok: false, error: "mlruns/0/abc: no metrics in the run's metrics/ directory" });
  });
});
