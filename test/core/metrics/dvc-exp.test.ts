import { describe, expect, it } from "@jest/globals";
import { parseMetricsFile } from "../../../src/core/metrics/parse.js";

// No genuine committed `dvc exp show --json` output was found (see the report's notes), so these
// documents are written here, in the two shapes DVC's own tests (tests/func/experiments/
// test_show.py) and iterative/vscode-dvc's reader (extension/src/cli/dvc/contract.ts) describe.
// They are not fixtures and do not stand for a real file.
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
