import { describe, expect, it } from "@jest/globals";
import type { Config } from "../../src/core/config/types.js";
import type { DecisionResult } from "../../src/core/policy/types.js";
import { deployAnswer, isGatedEnvironment, undecidedAnswer } from "../../src/app/deploy-answer.js";
import { GITHUB_LIMITS } from "../../src/core/github-limits.js";
import { oneAtATime } from "../../src/app/serialize.js";
import { serverEnvProblems } from "../../src/app/server-env.js";
import { approvalStep, config as buildConfig, testStep } from "../core/policy/build.js";

function config(onReject: "fail_pipeline" | "block" = "fail_pipeline", checks = ["accuracy >= 0.8"]): Config {
  return buildConfig([
    testStep(checks),
    approvalStep({ onReject }),
    { type: "deploy", name: "deploy", environment: "Production" },
  ]);
}

function result(partial: Partial<DecisionResult>): DecisionResult {
  return {
    schemaVersion: 1,
    decision: "pending",
    autoApproved: false,
    failPipeline: false,
    steps: [],
    metrics: [],
    pendingApprovers: [],
    diagnostics: [],
    summary: "summary",
    ...partial,
  };
}

describe("deployAnswer", () => {
  it("approves only an approved decision", () => {
    expect(deployAnswer(result({ decision: "approved" }), "PR #1").state).toBe("approved");
    expect(deployAnswer(result({ decision: "approved", autoApproved: true }), "PR #1").comment).toContain(
      "auto-approved",
    );
    for (const decision of ["pending", "error"] as const)
      expect(deployAnswer(result({ decision }), "PR #1").state).toBeUndefined();
  });

  it("rejects a rejection that fails the pipeline, and keeps a blocked one waiting", () => {
    expect(deployAnswer(result({ decision: "rejected", failPipeline: true }), "x").state).toBe("rejected");
    const blocked = deployAnswer(result({ decision: "rejected", failPipeline: false }), "x");
    expect(blocked.state).toBeUndefined();
    expect(blocked.comment).toContain("blocked");
  });

  it("says who is still needed, under GitHub's length limit", () => {
    const pending = deployAnswer(result({ pendingApprovers: ["alice", "org/leads"] }), "PR #3");
    expect(pending.comment).toContain("@alice, @org/leads");
    const long = deployAnswer(result({ summary: "x".repeat(5000) }), "PR #3");
    expect(long.comment.length).toBeLessThanOrEqual(GITHUB_LIMITS.deploymentComment);
    expect(undecidedAnswer("s", "y".repeat(5000)).comment.length).toBeLessThanOrEqual(
      GITHUB_LIMITS.deploymentComment,
    );
  });

  it("matches environments case-insensitively", () => {
    expect(isGatedEnvironment(config(), "production")).toBe(true);
    expect(isGatedEnvironment(config(), "staging")).toBe(false);
  });
});

describe("oneAtATime", () => {
  it("runs work for the same key one after the other, other keys alongside", async () => {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} end`);
      if (name === "b") throw new Error("b failed");
      return name;
    };
    const all = await Promise.allSettled([
      oneAtATime("k", step("a")),
      oneAtATime("k", step("b")),
      oneAtATime("k", step("c")),
    ]);
    expect(all.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });
});

describe("serverEnvProblems", () => {
  const ok = { APP_ID: "1", PRIVATE_KEY: "key", WEBHOOK_SECRET: "s3cret" };
  it("accepts a complete environment", () => {
    expect(serverEnvProblems(ok)).toEqual([]);
    expect(serverEnvProblems({ ...ok, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "key.pem" })).toEqual([]);
  });
  it("refuses an empty or default webhook secret, whatever NODE_ENV says", () => {
    expect(serverEnvProblems({ ...ok, WEBHOOK_SECRET: "" })[0]).toMatch(/WEBHOOK_SECRET is not set/);
    expect(serverEnvProblems({ ...ok, WEBHOOK_SECRET: "development", NODE_ENV: "production" })[0]).toMatch(
      /default 'development'/,
    );
    expect(serverEnvProblems({ ...ok, WEBHOOK_SECRET: "development", NODE_ENV: "test" })[0]).toMatch(
      /default 'development'/,
    );
  });
  it("names missing credentials", () => {
    expect(serverEnvProblems({ WEBHOOK_SECRET: "s" }).join("\n")).toMatch(/APP_ID[\s\S]*PRIVATE_KEY/);
  });
});
