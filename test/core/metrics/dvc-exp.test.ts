import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseMetricsFile } from "../../../src/core/metrics/parse.js";

const REAL = "test/fixtures/metrics/real/dvc/exp-show";
// The workspace row's results/metrics.json in both recordings, as DVC printed it.
const TITANIC = {
  fit_time: 0.6337410688400269,
  score_time: 0.07778854370117187,
  accuracy: 0.8293632958801498,
  balanced_accuracy: 0.8040020654726536,
  f1: 0.7572265847252886,
  gmpr: 0.7615174102573903,
  jaccard: 0.6113136909663465,
  precision: 0.8361572183378356,
  recall: 0.695546218487395,
  roc_auc: 0.8703211951447246,
};

describe("genuine dvc exp show --json output (kaggle-titanic-dvc)", () => {
  it.each(["kaggle-titanic-dvc-2.json", "kaggle-titanic-dvc-3.json"])(
    "%s: detected as DVC, the workspace row's only metrics file (every row here has the same metrics; the hand-made documents below test which row is read)",
    (name) => {
      const file = `${REAL}/${name}`;
      const result = parseMetricsFile(readFileSync(file, "utf8"), { name: "exp", file });
      expect(result).toEqual({ ok: true, source: { name: "exp", file, format: "dvc", values: TITANIC } });
    },
  );
});

// Genuine output first (DVC's VS Code extension's recordings of `dvc exp show --json` on a public
// project, DVC 2 and DVC 3; test/fixtures/metrics/real/dvc/SOURCES.md), then documents written
// here for the edge cases, in the shapes DVC's own tests (tests/func/experiments/test_show.py)
// and iterative/vscode-dvc's reader (extension/src/cli/dvc/contract.ts) describe.
const dvc2 = {
  workspace: {
    baseline: {
      data: {
        timestamp: null,
        params: { "params.yaml": { data: { lr: 0.001 } } },
        queued: false,
        running: false,
        executor: null,
        metrics: { "eval/metrics.json": { data: { accuracy: 0.91, loss: 0.3 } } },
      },
    },
  },
  a1b2c3: {
    baseline: { data: { params: {}, metrics: { "eval/metrics.json": { data: { accuracy: 0.5 } } } } },
  },
};

const dvc3 = [
  {
    rev: "workspace",
    name: null,
    data: {
      rev: "workspace",
      meta: { has_checkpoints: false },
      timestamp: null,
      params: { "params.yaml": { data: { lr: 0.001 } } },
      deps: {},
      metrics: {
        "eval/metrics.json": { data: { accuracy: 0.91 } },
        "train/metrics.json": { data: { loss: 0.2 } },
      },
      outs: {},
    },
    error: null,
    experiments: null,
  },
  { rev: "a1b2c3", name: "main", data: { rev: "a1b2c3", params: {}, metrics: {} }, experiments: null },
];

function read(doc: unknown) {
  return parseMetricsFile(JSON.stringify(doc), { name: "exp", file: "exp.json" });
}

describe("dvc exp show --json", () => {
  it("reads the DVC 2 workspace row's only metrics file, never another commit's", () => {
    const result = read(dvc2);
    expect(result).toEqual({
      ok: true,
      source: { name: "exp", file: "exp.json", format: "dvc", values: { accuracy: 0.91, loss: 0.3 } },
    });
  });

  it("reads the DVC 3 list's workspace row, several files under their paths", () => {
    const result = read(dvc3);
    expect(result.ok && result.source.values).toEqual({
      "eval/metrics.json": { accuracy: 0.91 },
      "train/metrics.json": { loss: 0.2 },
    });
  });

  it("fails when the workspace has no metrics, or DVC could not read one", () => {
    const none = structuredClone(dvc3);
    (none[0]!.data as { metrics: unknown }).metrics = null;
    expect(read(none)).toEqual({
      ok: false,
      error: "exp.json: dvc shows no metrics files in the workspace of dvc exp show",
    });
    const broken = structuredClone(dvc2);
    broken.workspace.baseline.data.metrics = {
      "eval/metrics.json": { error: { type: "FileNotFoundError" } },
    } as never;
    expect(read(broken)).toEqual({
      ok: false,
      error:
        'exp.json: dvc could not read eval/metrics.json in the workspace of dvc exp show: {"type":"FileNotFoundError"}',
    });
  });

  it("fails when a list has no workspace row", () => {
    expect(read([dvc3[1]])).toMatchObject({ ok: false });
  });
});
