import { describe, it, expect } from "@jest/globals";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configErrorResult } from "../../src/core/policy/index.js";
import type { DecisionResult } from "../../src/core/policy/types.js";
import { expandMetricArgs } from "../../src/action/metric-args.js";
import { overrideSources } from "../../src/node/metric-overrides.js";
import { metricsConclusion } from "../../src/github/publish/plan.js";
import { labelState, reviewRequests } from "../../src/github/surfaces.js";

function workspace(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "ws-"));
  for (const file of files) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), "{}");
  }
  return root;
}

describe("expandMetricArgs", () => {
  const ws = workspace(["metrics/eval.json", "metrics/test.json", "metrics/deep/x.csv", "other/eval.json"]);

  it("keeps plain paths and expands an unnamed glob to one line per match", async () => {
    expect(await expandMetricArgs(["eval=metrics/eval.json", "metrics/*.json"], ws, "metrics")).toEqual({
      lines: ["eval=metrics/eval.json", "metrics/eval.json", "metrics/test.json"],
      errors: [],
    });
    expect((await expandMetricArgs(["metrics/**/*.csv"], ws, "metrics")).lines).toEqual([
      "metrics/deep/x.csv",
    ]);
  });

  it("gives a named glob its single match, with its format", async () => {
    expect(await expandMetricArgs(["t:csv=metrics/deep/*.csv"], ws, "metrics")).toEqual({
      lines: ["t:csv=metrics/deep/x.csv"],
      errors: [],
    });
  });

  it("files an unnamed glob names after their base name, so matches that share one collapse: an error", async () => {
    const ws2 = workspace(["runs/a/eval.json", "runs/b/eval.json"]);
    const expanded = await expandMetricArgs(["runs/*/eval.json"], ws2, "metrics");
    expect(expanded.lines).toEqual(["runs/a/eval.json", "runs/b/eval.json"]);
    expect(overrideSources([], expanded.lines).errors).toEqual([
      expect.stringContaining(
        "two files for the metric source 'eval': runs/a/eval.json and runs/b/eval.json",
      ),
    ]);
  });

  it("refuses a glob matching nothing, and a named glob matching several", async () => {
    const result = await expandMetricArgs(["nothing/*.json", "eval=metrics/*.json"], ws, "baseline");
    expect(result.lines).toEqual([]);
    expect(result.errors).toEqual([
      "input 'baseline': 'nothing/*.json' matches no file",
      "input 'baseline': 'eval=metrics/*.json' names one source but matches 2 paths (metrics/eval.json, metrics/test.json)",
    ]);
  });
});

const result = (over: Partial<DecisionResult>): DecisionResult => ({ ...configErrorResult([]), ...over });

describe("publishing helpers", () => {
  it("maps decisions to exactly one label state, none for an error", () => {
    expect(labelState(result({ decision: "approved", autoApproved: true }))).toBe("auto-approved");
    expect(labelState(result({ decision: "approved" }))).toBe("approved");
    expect(labelState(result({ decision: "pending" }))).toBe("pending");
    expect(labelState(result({ decision: "rejected" }))).toBe("rejected");
    expect(labelState(result({ decision: "error" }))).toBeNull();
  });

  it("fails the metrics check when a test step failed or the decision is an error", () => {
    const step = (status: "passed" | "failed" | "needs_approval") => ({
      name: "t",
      type: "test" as const,
      status,
      reasons: [],
    });
    expect(metricsConclusion(result({ decision: "pending", steps: [step("needs_approval")] }))).toBe(
      "success",
    );
    expect(metricsConclusion(result({ decision: "rejected", steps: [step("failed")] }))).toBe("failure");
    expect(metricsConclusion(result({ decision: "error" }))).toBe("failure");
  });

  it("splits approvers into users and team slugs, leaving out the author", () => {
    expect(reviewRequests(["alice", "Bob", "my-org/ml-leads"], "bob")).toEqual({
      users: ["alice"],
      teams: ["ml-leads"],
    });
  });
});
