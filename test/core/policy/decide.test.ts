import { describe, expect, it } from "@jest/globals";
import { configErrorResult, decide } from "../../../src/core/policy/index.js";
import type { DecisionResult } from "../../../src/core/policy/types.js";
import type { TestStep } from "../../../src/core/config/types.js";
import { approvalStep, config, DEPLOY, input, pr, review, source, testStep, TRAIN } from "./build.js";

const statusOf = (result: DecisionResult, name: string) => result.steps.find((s) => s.name === name)?.status;

describe("test steps and on_fail", () => {
  const cases: {
    onFail: TestStep["onFail"];
    accuracy: number;
    status: string;
    decision: DecisionResult["decision"];
    failPipeline: boolean;
  }[] = [
    { onFail: "fail_pipeline", accuracy: 0.85, status: "passed", decision: "approved", failPipeline: false },
    { onFail: "fail_pipeline", accuracy: 0.75, status: "failed", decision: "rejected", failPipeline: true },
    { onFail: "warn", accuracy: 0.75, status: "warned", decision: "approved", failPipeline: false },
    {
      onFail: "require_approval",
      accuracy: 0.75,
      status: "needs_approval",
      decision: "pending",
      failPipeline: false,
    },
  ];
  it.each(cases)("on_fail $onFail with accuracy $accuracy → $status, $decision", (c) => {
    const cfg = config([TRAIN, testStep(["accuracy >= 0.8"], c.onFail), DEPLOY]);
    const result = decide(input(cfg, { metrics: [source({ accuracy: c.accuracy })] }));
    expect(statusOf(result, "accuracy_check")).toBe(c.status);
    expect(result.decision).toBe(c.decision);
    expect(result.failPipeline).toBe(c.failPipeline);
    expect(statusOf(result, "deploy")).toBe(
      { approved: "ready", rejected: "rejected", pending: "blocked", error: "blocked" }[c.decision],
    );
  });

  it("require_approval forbids auto-approval even when auto_approve_if holds", () => {
    const cfg = config([
      testStep(["f1 >= 0.9"], "require_approval"),
      approvalStep({ autoApproveIf: ["accuracy > 0.9"] }),
      DEPLOY,
    ]);
    const pending = decide(input(cfg, { pr: pr() }));
    expect(pending.decision).toBe("pending");
    expect(statusOf(pending, "approve_model")).toBe("pending");
    expect(JSON.stringify(pending.steps)).toMatch(/on_fail: require_approval/);

    const approved = decide(input(cfg, { pr: pr([review("alice", "APPROVED")]) }));
    expect(approved.decision).toBe("approved");
    expect(approved.autoApproved).toBe(false);
    expect(statusOf(approved, "accuracy_check")).toBe("approved");
    expect(statusOf(approved, "deploy")).toBe("ready");
  });

  it("reports every failing check with its value and threshold", () => {
    const cfg = config([testStep(["accuracy >= 0.95", "f1 >= 0.5", "latency < 100"])]);
    const result = decide(input(cfg));
    expect(result.metrics.map((r) => [r.condition, r.passed, r.value, r.threshold])).toEqual([
      ["accuracy >= 0.95", false, 0.93, 0.95],
      ["f1 >= 0.5", true, 0.8, 0.5],
      ["latency < 100", false, undefined, undefined],
    ]);
    expect(result.metrics[2]!.reason).toMatch(
      /latency.*not found in eval \(metrics\/eval\.json\).*accuracy, f1/,
    );
    // Each reason names the metric, its value and the bound: the condition's text would only repeat them.
    expect(result.summary).toBe(
      "accuracy_check failed: accuracy = 0.93 fails: needs >= 0.95; `latency` not found in eval (metrics/eval.json); available: accuracy, f1",
    );
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a string", "0.99"],
    ["null", null],
  ])("a metric that is %s fails the check", (_label, value) => {
    const cfg = config([testStep(["accuracy >= 0.8"])]);
    const result = decide(input(cfg, { metrics: [source({ accuracy: value, f1: 0.9 })] }));
    expect(result.decision).toBe("rejected");
    expect(result.metrics[0]!.reason).toMatch(/metrics\/eval\.json/);
  });

  it("a metric source that failed to load is an input error, and fails the checks that read it", () => {
    const cfg = config([testStep(["accuracy >= 0.8"]), approvalStep({ autoApproveIf: ["accuracy > 0.9"] })]);
    const result = decide(
      input(cfg, {
        metrics: [],
        metricErrors: { eval: "metrics/eval.json:3:1: unexpected token" },
        pr: pr(),
      }),
    );
    expect(result).toMatchObject({ decision: "error", failPipeline: true, autoApproved: false });
    expect(result.summary).toContain("metrics/eval.json:3:1: unexpected token");
    expect(result.metrics.every((r) => !r.passed)).toBe(true);
    expect(result.metrics[0]!.reason).toMatch(/metrics\/eval\.json:3:1: unexpected token/);
  });

  it("an unqualified metric fails when any source failed, even if another source has it", () => {
    const cfg = config([testStep(["accuracy >= 0.8", "eval.accuracy >= 0.8"])]);
    const result = decide(
      input(cfg, { metrics: [source({ accuracy: 0.9 })], metricErrors: { other: "other.json: missing" } }),
    );
    expect(result.decision).toBe("error");
    expect(result.metrics.map((r) => [r.condition, r.passed])).toEqual([
      ["accuracy >= 0.8", false],
      ["eval.accuracy >= 0.8", true],
    ]);
  });

  it("an unreadable metrics file is never waved through by on_fail: warn", () => {
    const cfg = config([testStep(["accuracy >= 0.8"], "warn"), DEPLOY]);
    const result = decide(input(cfg, { metrics: [], metricErrors: { eval: "metrics/eval.json: missing" } }));
    expect(result.decision).toBe("error");
  });

  it("a config without approval steps is approved by its checks, not 'auto-approved'", () => {
    const result = decide(input(config([testStep(["accuracy >= 0.8"])])));
    expect(result).toMatchObject({ decision: "approved", autoApproved: false });
  });
});

describe("auto-approval", () => {
  const cfg = (protectedPaths: string[] = []) =>
    config(
      [TRAIN, testStep(["accuracy >= 0.8"]), approvalStep({ autoApproveIf: ["accuracy > 0.9"] }), DEPLOY],
      {
        protectedPaths,
      },
    );

  it("auto-approves when every auto_approve_if holds", () => {
    const result = decide(input(cfg(), { pr: pr() }));
    expect(result).toMatchObject({ decision: "approved", autoApproved: true, failPipeline: false });
    expect(statusOf(result, "approve_model")).toBe("auto_approved");
    expect(statusOf(result, "deploy")).toBe("ready");
    expect(result.metrics.map((r) => `${r.step}:${r.condition}`)).toEqual([
      "accuracy_check:accuracy >= 0.8",
      "approve_model:accuracy > 0.9",
    ]);
  });

  it("never approves under a config that came from an untrusted place", () => {
    const why = "the config comes from this pull request; it applies once merged";
    const auto = decide(input(cfg(), { pr: pr(), untrustedConfig: why }));
    expect(auto).toMatchObject({ decision: "pending", autoApproved: false, summary: `not approved: ${why}` });
    expect(statusOf(auto, "deploy")).toBe("blocked");
    const reviewed = decide(
      input(config([approvalStep({ allowSelfApproval: true })]), {
        pr: pr([review("mallory", "APPROVED")]),
        untrustedConfig: why,
      }),
    );
    expect(reviewed.decision).toBe("pending");
    const rejected = decide(input(cfg(), { metrics: [source({ accuracy: 0.5 })], untrustedConfig: why }));
    expect(rejected.decision).toBe("rejected");
  });

  it("an eligible approver's changes-requested outranks auto-approval", () => {
    const result = decide(input(cfg(), { pr: pr([review("alice", "CHANGES_REQUESTED")]) }));
    expect(result).toMatchObject({ decision: "rejected", autoApproved: false });
    expect(statusOf(result, "approve_model")).toBe("rejected");
    expect(statusOf(result, "deploy")).toBe("rejected");
    expect(result.steps.find((s) => s.name === "deploy")?.reasons[0]).toMatchObject({
      outcome: "fail",
      message: "rejected: approve_model rejected; the deploy to production does not proceed",
      data: { rule: "deploy-rejected", environment: "production", failPipeline: true },
    });
  });

  it("under on_reject: block a rejected deploy stays blocked until a new candidate", () => {
    const blocking = config([approvalStep({ onReject: "block" }), DEPLOY]);
    const result = decide(input(blocking, { pr: pr([review("alice", "CHANGES_REQUESTED")]) }));
    expect(result).toMatchObject({ decision: "rejected", failPipeline: false });
    expect(result.steps.find((s) => s.name === "deploy")).toMatchObject({
      status: "rejected",
      reasons: [
        {
          message:
            "rejected: approve_model rejected; the deploy to production stays blocked until a new candidate (on_reject: block)",
        },
      ],
    });
  });

  it("a non-approver's changes-requested does not stop auto-approval", () => {
    const result = decide(input(cfg(), { pr: pr([review("mallory", "CHANGES_REQUESTED")]) }));
    expect(result).toMatchObject({ decision: "approved", autoApproved: true });
  });

  it("waits for a human when auto_approve_if fails", () => {
    const result = decide(input(cfg(), { metrics: [source({ accuracy: 0.85 })], pr: pr() }));
    expect(result.decision).toBe("pending");
    expect(result.pendingApprovers).toEqual(["alice"]);
  });

  it("never auto-approves with an empty auto_approve_if", () => {
    const result = decide(input(config([approvalStep()]), { pr: pr() }));
    expect(result.decision).toBe("pending");
  });

  it.each([
    ["the config", ".github/model-approval.yml", []],
    ["the config with ./", "./.github/model-approval.yml", []],
    ["a workflow", ".github/workflows/train.yml", []],
    ["a nested workflow path", ".github/workflows/sub/x.yaml", []],
    ["a protected path", "train/data/loader.py", ["train/**"]],
    ["a protected dotfile", "eval/.hidden/cfg", ["eval/**"]],
  ])("a PR touching %s is not auto-approved", (_label, file, protectedPaths) => {
    const result = decide(input(cfg(protectedPaths), { pr: pr([], { changedFiles: ["README.md", file] }) }));
    expect(result.decision).toBe("pending");
    expect(result.autoApproved).toBe(false);
    const text = JSON.stringify(result.steps);
    expect(text).toContain(file.replace(/^\.\//, ""));
    // a human can still approve it
    const approved = decide(
      input(cfg(protectedPaths), { pr: pr([review("alice", "APPROVED")], { changedFiles: [file] }) }),
    );
    expect(approved).toMatchObject({ decision: "approved", autoApproved: false });
  });

  it("an incomplete list of changed files stops auto-approval", () => {
    const files = Array.from({ length: 3000 }, (_, i) => `data/part-${i}.csv`);
    const truncated = decide(input(cfg(), { pr: pr([], { changedFiles: files, changedFilesCount: 3001 }) }));
    expect(truncated).toMatchObject({ decision: "pending", autoApproved: false });
    expect(JSON.stringify(truncated.steps)).toContain("changed-files-incomplete");
    const complete = decide(input(cfg(), { pr: pr([], { changedFiles: files, changedFilesCount: 3000 }) }));
    expect(complete).toMatchObject({ decision: "approved", autoApproved: true });
    // Without GitHub's count (review payloads carry none), a list at GitHub's cap may be cut short.
    const atCap = decide(input(cfg(), { pr: pr([], { changedFiles: files }) }));
    expect(atCap).toMatchObject({ decision: "pending", autoApproved: false });
  });

  it.each(["train", "train/", "/train/**", "./train/**", "train/**"])(
    "protected path written as %s guards the folder",
    (pattern) => {
      const result = decide(input(cfg([pattern]), { pr: pr([], { changedFiles: ["train/model.py"] }) }));
      expect(result).toMatchObject({ decision: "pending", autoApproved: false });
      const elsewhere = decide(input(cfg([pattern]), { pr: pr([], { changedFiles: ["training.md"] }) }));
      expect(elsewhere.decision).toBe("approved");
    },
  );

  it("guards a config at a non-default path", () => {
    const custom = { ...cfg(), file: "ops/gate.yml" };
    const result = decide(input(custom, { pr: pr([], { changedFiles: ["ops/gate.yml"] }) }));
    expect(result.decision).toBe("pending");
  });

  it("unprotected changes do not stop auto-approval", () => {
    const result = decide(
      input(cfg(["train/**"]), { pr: pr([], { changedFiles: ["docs/train/notes.md"] }) }),
    );
    expect(result.decision).toBe("approved");
  });

  it("without a PR, auto-approval from metrics is allowed and says so", () => {
    const result = decide(input(cfg()));
    expect(result).toMatchObject({ decision: "approved", autoApproved: true });
    expect(JSON.stringify(result.steps)).toMatch(/no pull request/);
  });

  it("without a PR, a manual approval cannot be given: pending with the reason", () => {
    const result = decide(input(cfg(), { metrics: [source({ accuracy: 0.85 })] }));
    expect(result.decision).toBe("pending");
    expect(result.summary).toMatch(/no pull request/);
    const step = result.steps.find((s) => s.name === "approve_model")!;
    expect(step.reasons.some((r) => r.data?.rule === "no-pull-request" && r.outcome === "pending")).toBe(
      true,
    );
  });
});

describe("baseline conditions", () => {
  const cfg = config([testStep(["f1 >= baseline - 0.01", "accuracy > baseline * 1.01"])], {
    baseline: [{ name: "eval", path: "base/eval.json" }],
  });
  it("compares against the baseline with its adjustment and reports the change", () => {
    const result = decide(
      input(cfg, {
        metrics: [source({ accuracy: 0.93, f1: 0.795 })],
        baseline: [source({ accuracy: 0.925, f1: 0.8 }, "eval", "base/eval.json")],
      }),
    );
    const [f1, acc] = result.metrics;
    expect(f1).toMatchObject({ passed: true, value: 0.795, baseline: 0.8 });
    expect(f1!.threshold).toBeCloseTo(0.79);
    expect(f1!.delta).toBeCloseTo(-0.005);
    expect(acc).toMatchObject({ passed: false, baseline: 0.925 });
    expect(acc!.threshold).toBeCloseTo(0.93425);
  });
  it("fails a baseline condition when no baseline value exists", () => {
    const result = decide(input(cfg, { baseline: [] }));
    expect(result.decision).toBe("rejected");
    expect(result.metrics[0]!.reason).toMatch(/no baseline value for f1/);
  });
  it("fails a baseline condition when the baseline failed to load", () => {
    const result = decide(
      input(cfg, { baseline: [], baselineErrors: { eval: "base/eval.json does not exist" } }),
    );
    expect(result.metrics[0]!.passed).toBe(false);
    expect(result.metrics[0]!.reason).toMatch(/base\/eval\.json does not exist/);
  });
});

describe("overall decision", () => {
  it("rejected beats pending", () => {
    const cfg = config([testStep(["accuracy >= 0.99"]), approvalStep()]);
    const result = decide(input(cfg, { pr: pr() }));
    expect(result.decision).toBe("rejected");
    expect(result.pendingApprovers).toEqual([]);
  });
  it("a training-only config is approved", () => {
    const result = decide(input(config([TRAIN])));
    expect(result).toMatchObject({ decision: "approved", schemaVersion: 1 });
  });
  it("carries the model, head and PR number", () => {
    const model = { name: "m", digest: "f".repeat(64), artifacts: [] };
    const result = decide(input(config([TRAIN]), { model, pr: pr() }));
    expect(result).toMatchObject({ model, headSha: "a".repeat(40), pr: 7 });
  });
  it("a deploy step before a pending approval is blocked, one before nothing is ready", () => {
    const cfg = config([TRAIN, DEPLOY, approvalStep(), { ...DEPLOY, name: "deploy2" }]);
    const result = decide(input(cfg, { pr: pr() }));
    expect(statusOf(result, "deploy")).toBe("ready");
    expect(statusOf(result, "deploy2")).toBe("blocked");
  });
  it("configErrorResult is an error decision carrying the diagnostics", () => {
    const d = { file: "c.yml", line: 3, column: 5, severity: "error" as const, message: "bad", hint: "fix" };
    const result = configErrorResult([d, { ...d, line: 4 }]);
    expect(result).toMatchObject({
      decision: "error",
      diagnostics: [d, { ...d, line: 4 }],
      autoApproved: false,
    });
    expect(result.summary).toBe("invalid config or input: c.yml:3:5: error: bad (and 1 more)");
  });
});

describe("model identity", () => {
  it("an artifact that cannot be hashed is an error decision: nobody could say which model was approved", () => {
    const cfg = config([TRAIN, approvalStep({ autoApproveIf: ["accuracy > 0.9"] }), DEPLOY]);
    const model = { name: "m", artifacts: [], errors: ["model artifact models/model.pkl does not exist"] };
    const result = decide(input(cfg, { model }));
    expect(result).toMatchObject({ decision: "error", autoApproved: false, failPipeline: true });
    expect(result.summary).toContain("models/model.pkl does not exist");
    expect(statusOf(result, "train_model")).toBe("error");
    expect(statusOf(result, "deploy")).toBe("blocked");
  });
});
