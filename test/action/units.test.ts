import { describe, it, expect } from "@jest/globals";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configErrorResult } from "../../src/core/policy/index.js";
import type { DecisionResult } from "../../src/core/policy/types.js";
import type { CheckRun } from "../../src/github/types.js";
import { expandMetricArgs } from "../../src/action/metric-args.js";
import { metricsConclusion, withSnapshot } from "../../src/action/publish.js";
import { labelState, reviewRequests } from "../../src/github/surfaces.js";
import { checkGate } from "../../src/action/gate.js";
import { loadConfigText } from "../../src/action/load-config.js";

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

  it("keeps the snapshot whole when the report must be cut to GitHub's limit", () => {
    const snapshot = "<!-- model-approval:snapshot QUJD -->";
    const text = withSnapshot(snapshot, "x".repeat(70_000));
    expect(text.length).toBeLessThanOrEqual(65_535);
    expect(text.startsWith(snapshot)).toBe(true);
    expect(text).toContain("report truncated");
    expect(withSnapshot(snapshot, "short")).toBe(`${snapshot}\n\nshort`);
  });
});

describe("checkGate", () => {
  const run = (over: Partial<CheckRun>): CheckRun => ({
    id: 1,
    name: "model-approval",
    head_sha: "abc",
    status: "completed",
    conclusion: "success",
    external_id: null,
    details_url: null,
    app: { slug: "github-actions" },
    output: { title: "approved", summary: "accuracy 0.95", text: null },
    ...over,
  });
  const gateway = (found: CheckRun | null) => ({ findCheckRun: async () => found });

  it("passes a completed success by GitHub Actions", async () => {
    expect(await checkGate(gateway(run({})), "abc")).toEqual({
      pass: true,
      message: "approved: approved: accuracy 0.95",
    });
  });

  it("fails everything else with a reason", async () => {
    expect(await checkGate(gateway(null), "abc")).toMatchObject({
      pass: false,
      decision: "error",
      reason: expect.stringContaining("no decision recorded for abc"),
    });
    expect(await checkGate(gateway(run({ app: { slug: "other" } })), "abc")).toMatchObject({
      pass: false,
      decision: "error",
    });
    expect(await checkGate(gateway(run({ status: "in_progress", conclusion: null })), "abc")).toMatchObject({
      pass: false,
      decision: "pending",
    });
    expect(
      await checkGate(
        gateway(
          run({ conclusion: "failure", output: { title: "rejected", summary: "by alice", text: null } }),
        ),
        "abc",
      ),
    ).toEqual({
      pass: false,
      decision: "rejected",
      reason: "not approved (failure): rejected: by alice",
    });
  });
});

describe("loadConfigText", () => {
  const pr = { number: 1, headSha: "h", baseSha: "b", baseRef: "main", author: "x", fromFork: false };

  it("reads a PR's config from its base commit", async () => {
    const asked: string[] = [];
    const gateway = {
      getFileText: async (path: string, ref: string) => (asked.push(`${path}@${ref}`), "steps: []"),
    };
    expect(await loadConfigText("c.yml", { workspace: "/nowhere", pr, gateway })).toMatchObject({
      text: "steps: []",
      warnings: [],
    });
    expect(asked).toEqual(["c.yml@b"]);
  });

  it("falls back to the workspace copy with a warning when the base has none", async () => {
    const ws = workspace(["c.yml"]);
    const loaded = await loadConfigText("c.yml", {
      workspace: ws,
      pr,
      gateway: { getFileText: async () => null },
    });
    expect(loaded.text).toBe("{}");
    expect(loaded.warnings).toEqual([expect.stringContaining("does not exist on the base branch main")]);
  });

  it("reads the workspace without a PR, and says when there is nothing", async () => {
    const loaded = await loadConfigText("missing.yml", {
      workspace: workspace([]),
      gateway: { getFileText: async () => "unused" },
    });
    expect(loaded).toEqual({ text: null, origin: "the workspace", warnings: [] });
  });

  it("names what it was reading when the API fails", async () => {
    const gateway = { getFileText: async () => Promise.reject(new Error("503 unavailable")) };
    await expect(loadConfigText("c.yml", { workspace: "/", pr, gateway })).rejects.toThrow(
      "could not read c.yml at the PR's base commit b: 503 unavailable",
    );
  });
});
