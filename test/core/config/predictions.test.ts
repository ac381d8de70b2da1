// Predictions sources in the config: defaults, a baseline's inheritance, and a located error for
// each combination that cannot work.
import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/core/config/parse.js";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";

const gate = (sources: string, checks = "[preds.f1 >= 0.8]") => `${sources}
steps:
  - name: checks
    type: test
    inputs:
      checks: ${checks}
`;

const PREDS = `metrics:
  preds: { path: eval/preds.parquet, format: predictions, task: binary, label: y, score: p, id: example, slices: [country] }`;

function errors(text: string): string[] {
  const result = parseConfig(text, "gate.yml");
  if (result.ok) throw new Error("expected errors");
  return result.diagnostics.map((d) => formatDiagnostic(d).split("\n")[0]!);
}

describe("predictions sources", () => {
  it("take the documented defaults, and a baseline takes its candidate's columns and settings", () => {
    const result = parseConfig(
      gate(
        `${PREDS}
baseline:
  preds: { path: eval/production.parquet, format: predictions, threshold: 0.7 }`,
        "[preds.f1 >= baseline]",
      ),
      "gate.yml",
    );
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join("\n"));
    const candidate = result.config.metrics[0]!.predictions;
    expect(candidate).toEqual({
      task: "binary",
      label: "y",
      score: "p",
      id: "example",
      slices: ["country"],
      threshold: 0.5,
      minSliceCount: 100,
      calibrationBins: 10,
      bootstrap: { resamples: 1000, seed: 0, confidence: 0.95 },
    });
    expect(result.config.baseline[0]!.predictions).toEqual({ ...candidate, threshold: 0.7 });
  });

  it("needs a task, a label and the task's prediction column", () => {
    expect(errors(gate("metrics:\n  preds: { path: p.csv, format: predictions, label: y }"))).toEqual([
      "gate.yml:2:10: error: predictions source preds needs 'task'",
    ]);
    expect(
      errors(
        gate(
          "metrics:\n  preds: { path: p.csv, format: predictions, task: regression, label: y, score: p, threshold: 0.3 }",
        ),
      ),
    ).toEqual([
      "gate.yml:2:10: error: a regression predictions source needs 'prediction'",
      "gate.yml:2:81: error: 'score' does not apply to a regression task",
      "gate.yml:2:95: error: 'threshold' applies to binary tasks only",
    ]);
  });

  it("admits prediction keys only beside format: predictions", () => {
    expect(errors(gate("metrics:\n  preds: { path: p.json, task: binary }"))).toEqual([
      "gate.yml:2:26: error: unknown key 'task'",
    ]);
  });

  it("pairs a baseline only with a predictions source of the same name, by id, from the workspace", () => {
    expect(
      errors(
        gate(
          "metrics:\n  eval: e.json\nbaseline:\n  preds: { path: b.csv, format: predictions }",
          "[eval.f1 >= 0.8]",
        ),
      ),
    ).toEqual([
      "gate.yml:4:10: error: baseline preds is a predictions source, but no metrics source 'preds' is one",
    ]);
    const noId = "metrics:\n  preds: { path: p.csv, format: predictions, task: binary, label: y, score: p }";
    expect(
      errors(
        gate(
          `${noId}\nbaseline:\n  preds: { path: b.csv, format: predictions, ref: base }`,
          "[preds.f1 >= baseline]",
        ),
      ),
    ).toEqual([
      "gate.yml:4:10: error: pairing baseline preds with metrics.preds needs an 'id' column naming each example",
      "gate.yml:4:51: error: a predictions baseline is read from the training run's workspace, beside the candidate's; 'ref' is not supported",
    ]);
  });

  it("checks that a condition's slices exist", () => {
    expect(errors(gate(PREDS, '["every slice of preds by device: f1 >= 0.8"]'))).toEqual([
      "gate.yml:7:16: error: condition 'every slice of preds by device: f1 >= 0.8': 'every slice of preds by device': preds is not sliced by 'device' (its slices: country)",
    ]);
    expect(errors(gate(PREDS, "['preds[slice device=\"phone\"].f1 >= 0.8']"))).toEqual([
      "gate.yml:7:16: error: condition 'preds[slice device=\"phone\"].f1 >= 0.8': preds is not sliced by 'device' (its slices: country)",
    ]);
  });

  it("bounds the bootstrap", () => {
    expect(
      errors(
        gate(`${PREDS.replace("slices: [country]", "slices: [country], bootstrap: { resamples: 10 }")}`),
      )[0],
    ).toContain("resamples");
  });
});
