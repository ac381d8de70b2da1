import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseConfig } from "../../../src/core/config/parse.js";
import type { ApprovalStep, Config, TestStep } from "../../../src/core/config/types.js";

function valid(text: string, file = "c.yml"): Config {
  const result = parseConfig(text, file);
  if (!result.ok)
    throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return result.config;
}

const SEED = readFileSync("test/fixtures/config/valid/seed.yml", "utf8");

describe("parseConfig: normalisation", () => {
  it("applies the defaults to the seed format", () => {
    const config = valid(SEED, ".github/model-approval.yml");
    expect(config).toMatchObject({
      file: ".github/model-approval.yml",
      version: 1,
      model: { artifacts: [] },
      metrics: [],
      baseline: [],
      protectedPaths: [],
    });
    expect(config.steps.map((s) => [s.name, s.type])).toEqual([
      ["train_model", "training"],
      ["approve_model", "approval"],
    ]);
    expect(config.steps[1]).toMatchObject({
      users: ["alice"],
      teams: [],
      minApprovals: 1,
      autoApproveIf: [],
      allowSelfApproval: false,
      onReject: "fail_pipeline",
    });
  });

  it("expands the full v1 example", () => {
    const config = valid(readFileSync("examples/full.yml", "utf8"), "examples/full.yml");
    expect(config.model).toEqual({ name: "fraud-detector", artifacts: ["models/model.pkl"] });
    expect(config.metrics).toMatchObject([{ name: "eval", path: "metrics/eval.json" }]);
    expect(config.metrics[0]?.format).toBeUndefined();
    expect(config.baseline).toMatchObject([{ name: "eval", path: "metrics/eval.json", ref: "base" }]);
    expect(config.protectedPaths).toEqual(["train/**", "eval/**"]);
    const test = config.steps[1] as TestStep;
    expect(test.onFail).toBe("fail_pipeline");
    expect(test.checks.map((c) => c.text)).toEqual([
      "accuracy >= 0.8",
      "f1 >= baseline - 0.01",
      "latency_p95_ms < 120",
    ]);
    const approval = config.steps[2] as ApprovalStep;
    expect(approval).toMatchObject({ users: ["alice"], teams: ["my-org/ml-leads"], minApprovals: 1 });
    expect(approval.autoApproveIf.map((c) => c.text)).toEqual(["accuracy > 0.9"]);
    expect(config.steps[3]).toMatchObject({ type: "deploy", environment: "production" });
  });

  it("locates steps, sources and conditions in the file", () => {
    const config = valid(readFileSync("examples/full.yml", "utf8"), "examples/full.yml");
    expect(config.steps[1]?.location).toMatchObject({ file: "examples/full.yml", line: 14, column: 5 });
    expect(config.metrics[0]?.location).toMatchObject({ line: 7, column: 9 });
    expect((config.steps[1] as TestStep).checks[1]?.location).toMatchObject({ line: 19, column: 11 });
  });

  it("reads the object forms of metric sources and conditions", () => {
    const config = valid(
      [
        "metrics:",
        "  report: { path: r.json, format: sklearn }",
        "steps:",
        "  - name: t",
        "    type: test",
        "    inputs:",
        "      checks: [{ metric: report.accuracy, op: '>=', value: 0.5 }]",
        "    on_fail: require_approval",
      ].join("\n"),
    );
    expect(config.metrics).toMatchObject([{ name: "report", path: "r.json", format: "sklearn" }]);
    const test = config.steps[0] as TestStep;
    expect(test.onFail).toBe("require_approval");
    expect(test.checks[0]?.text).toBe("report.accuracy >= 0.5");
  });

  it("reads a bare path as one source named 'metrics', in metrics and baseline alike", () => {
    const config = valid(
      [
        "metrics: metrics/eval.json",
        "baseline: metrics/production.json",
        "steps:",
        "  - name: t",
        "    type: test",
        "    inputs:",
        "      checks: [accuracy >= baseline]",
      ].join("\n"),
    );
    expect(config.metrics).toMatchObject([{ name: "metrics", path: "metrics/eval.json" }]);
    expect(config.baseline).toMatchObject([{ name: "metrics", path: "metrics/production.json" }]);
    expect(config.metrics[0]?.location).toMatchObject({ line: 1 });
  });

  it("accepts min_approvals above the listed users when a team can supply them", () => {
    const config = valid(
      "steps:\n  - name: a\n    type: approval\n    inputs:\n      approvers: [alice, org/leads]\n      min_approvals: 3\n",
    );
    expect(config.steps[0]).toMatchObject({ users: ["alice"], teams: ["org/leads"], minApprovals: 3 });
  });

  it("warns about an approver listed twice but still accepts", () => {
    const result = parseConfig(
      "steps:\n  - name: a\n    type: approval\n    inputs:\n      approvers: [alice, Alice]\n",
      "c.yml",
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toMatchObject([
      { severity: "warning", line: 5, column: 26, message: expect.stringContaining("listed twice") },
    ]);
  });
});

describe("parseConfig: robustness", () => {
  it("reports every problem, sorted by position", () => {
    const result = parseConfig(
      readFileSync("test/fixtures/config/invalid/several-errors.yml", "utf8"),
      "x.yml",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const positions = result.diagnostics.map((d) => d.line * 1000 + d.column);
    expect(positions.length).toBeGreaterThan(3);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("treats a non-string input as text instead of throwing", () => {
    expect(() => parseConfig(undefined as unknown as string, "x.yml")).not.toThrow();
    expect(parseConfig(undefined as unknown as string, "x.yml").ok).toBe(false);
  });

  it("rejects a deeply nested alias expansion without expanding it", () => {
    const lines = ["steps: [{name: a, type: training}]", "l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 30; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    const result = parseConfig(lines.join("\n"), "bomb.yml");
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ line: 3, message: expect.stringContaining("aliases") }],
    });
  });
});
