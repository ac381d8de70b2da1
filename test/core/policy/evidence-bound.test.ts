// The rules that bind a decision to its candidate (issue: evidence-bound decisions), each as the
// case an attacker or an unlucky timing would produce.
import { describe, expect, it } from "@jest/globals";
import { decide } from "../../../src/core/policy/index.js";
import type { DecisionResult } from "../../../src/core/policy/types.js";
import type { Recording } from "../../../src/core/candidate/types.js";
import { modelKey } from "../../../src/core/candidate/model-key.js";
import {
  approvalStep,
  config,
  DEPLOY,
  HEAD,
  input,
  OLD,
  pr,
  review,
  source,
  testStep,
  TRAIN,
} from "./build.js";

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, "0")}:00Z`;
const statusOf = (result: DecisionResult, name: string) => result.steps.find((s) => s.name === name)?.status;
/** Why `login`'s latest review did not count. */
const whyOf = (result: DecisionResult, login: string) =>
  [...JSON.stringify(result.steps).matchAll(new RegExp(`"login":"${login}"[^}]*"why":"([^"]*)"`, "g"))].at(
    -1,
  )?.[1];

const reviewed = config([TRAIN, approvalStep(), DEPLOY]);
const auto = config([
  TRAIN,
  testStep(["accuracy >= 0.8"]),
  approvalStep({ autoApproveIf: ["accuracy > 0.9"] }),
  DEPLOY,
]);

describe("latest vote wins, whatever its commit", () => {
  it("a changes-requested on an older commit replaces the same user's approval of the head", () => {
    const result = decide(
      input(reviewed, {
        pr: pr([
          review("alice", "APPROVED", { commit: HEAD, at: at(1) }),
          // A review started before a push and submitted after the approval.
          review("alice", "CHANGES_REQUESTED", { commit: OLD, at: at(2) }),
        ]),
      }),
    );
    expect(result.decision).toBe("pending");
    expect(whyOf(result, "alice")).toMatch(/no vote for this one/);
  });

  it("an approval on an older commit neither approves nor rejects the head", () => {
    const result = decide(
      input(reviewed, {
        pr: pr([
          review("alice", "CHANGES_REQUESTED", { commit: HEAD, at: at(1) }),
          review("alice", "APPROVED", { commit: OLD, at: at(2) }),
        ]),
      }),
    );
    expect(result.decision).toBe("pending");
  });
});

describe("a human approval is bound to the model it approved", () => {
  const retrained = (accuracy: number) => [source({ accuracy, f1: 0.8 })];
  const earlierModel = (accuracy: number, minute: number): Recording => ({
    recordedAt: at(minute),
    key: modelKey({ metrics: retrained(accuracy), baseline: [], metricErrors: {}, baselineErrors: {} }),
    known: true,
  });

  it("re-training on the same commit to a different model needs a new vote", () => {
    const result = decide(
      input(reviewed, {
        metrics: retrained(0.95),
        earlier: [earlierModel(0.85, 1)],
        recordedAt: at(5),
        pr: pr([review("alice", "APPROVED", { at: at(2) })]),
      }),
    );
    expect(result.decision).toBe("pending");
    expect(whyOf(result, "alice")).toMatch(/a re-trained model needs a new vote/);
  });

  it("re-recording the same model does not", () => {
    const result = decide(
      input(reviewed, {
        metrics: retrained(0.95),
        earlier: [earlierModel(0.95, 1)],
        recordedAt: at(5),
        pr: pr([review("alice", "APPROVED", { at: at(2) })]),
      }),
    );
    expect(result.decision).toBe("approved");
  });

  it("a digest identifies the model when there is one: equal digests, different metrics, same model", () => {
    const model = { name: "m", digest: "ab".repeat(32), artifacts: [] };
    const result = decide(
      input(reviewed, {
        model,
        metrics: retrained(0.95),
        earlier: [{ recordedAt: at(1), key: `sha256:${"ab".repeat(32)}`, known: true }],
        recordedAt: at(5),
        pr: pr([review("alice", "APPROVED", { at: at(2) })]),
      }),
    );
    expect(result.decision).toBe("approved");
    expect(JSON.stringify(result.steps)).toContain(`"model":"sha256:${"ab".repeat(32)}"`);
  });

  it("an approval given before any model was recorded does not approve the model recorded later", () => {
    const result = decide(
      input(reviewed, { recordedAt: at(5), pr: pr([review("alice", "APPROVED", { at: at(2) })]) }),
    );
    expect(result.decision).toBe("pending");
    expect(whyOf(result, "alice")).toMatch(/cast on no recorded model/);
  });

  it("an approval cast while an unreadable recording was current does not count", () => {
    const result = decide(
      input(reviewed, {
        earlier: [{ recordedAt: at(1), known: false }],
        recordedAt: at(5),
        pr: pr([review("alice", "APPROVED", { at: at(2) })]),
      }),
    );
    expect(result.decision).toBe("pending");
    expect(whyOf(result, "alice")).toMatch(/could not be read/);
  });
});

describe("evidence without a model digest", () => {
  const withArtifacts = config([TRAIN, approvalStep({ autoApproveIf: ["accuracy > 0.9"] })], {
    model: { artifacts: ["models/model.pkl"] },
  });

  it("approves nothing when the config lists model.artifacts: no approval may bind to no model", () => {
    const approved = review("alice", "APPROVED");
    const result = decide(
      input(withArtifacts, { metrics: [source({ accuracy: 0.95 })], pr: pr([approved]) }),
    );
    expect(result.decision).toBe("error");
    expect(result.failure).toEqual({
      code: "model_unreadable",
      message: expect.stringMatching(
        /lists model\.artifacts \(models\/model\.pkl\), but the evidence names no model digest/,
      ),
    });
  });

  it("decides as before once the evidence names the model", () => {
    const model = {
      digest: "cd".repeat(32),
      artifacts: [{ path: "models/model.pkl", sha256: "cd".repeat(32), bytes: 1 }],
    };
    const result = decide(input(withArtifacts, { metrics: [source({ accuracy: 0.95 })], pr: pr(), model }));
    expect(result.decision).toBe("approved");
  });
});

describe("who may approve", () => {
  it("the user who pushed the commit under review cannot approve it, but can still object", () => {
    const approving = decide(input(reviewed, { pr: pr([review("alice", "APPROVED")], { pusher: "alice" }) }));
    expect(approving.decision).toBe("pending");
    expect(whyOf(approving, "alice")).toMatch(/pushed the commit under review/);
    expect(approving.pendingApprovers).toEqual([]);
    const objecting = decide(
      input(reviewed, { pr: pr([review("alice", "CHANGES_REQUESTED")], { pusher: "alice" }) }),
    );
    expect(objecting.decision).toBe("rejected");
    const allowed = decide(
      input(config([approvalStep({ allowSelfApproval: true })]), {
        pr: pr([review("alice", "APPROVED")], { pusher: "alice" }),
      }),
    );
    expect(allowed.decision).toBe("approved");
  });
});

describe("what the PR touches", () => {
  it.each([
    ["the config's metrics file", "metrics/eval.json"],
    ["a file inside an artifact folder", "models/saved/weights.bin"],
    ["the model artifact", "models/model.pkl"],
    ["a local baseline file", "baseline/eval.json"],
  ])("committing %s stops auto-approval", (_label, file) => {
    const cfg = {
      ...auto,
      model: { artifacts: ["models/model.pkl", "models/saved"] },
      baseline: [{ name: "prod", path: "baseline/eval.json" }],
    };
    // The evidence names the model, as it does whenever the config lists its artifacts.
    const model = {
      digest: "ef".repeat(32),
      artifacts: [{ path: "models/model.pkl", sha256: "ef".repeat(32), bytes: 1 }],
    };
    const result = decide(input(cfg, { model, pr: pr([], { changedFiles: ["README.md", file] }) }));
    expect(result).toMatchObject({ decision: "pending", autoApproved: false });
    expect(JSON.stringify(result.steps)).toContain("changes-evidence");
  });

  it("an event file committed into a TensorBoard run directory the config names is guarded", () => {
    const cfg = { ...auto, metrics: [{ name: "tb", path: "lightning_logs/version_0" }] };
    const result = decide(
      input(cfg, {
        pr: pr([], { changedFiles: ["lightning_logs/version_0/events.out.tfevents.9999999999.evil.1.0"] }),
      }),
    );
    expect(result).toMatchObject({ decision: "pending", autoApproved: false });
    expect(JSON.stringify(result.steps)).toContain("changes-evidence");
  });

  it("a metrics file the run read from its inputs (not the config) is guarded too", () => {
    const result = decide(
      input(auto, {
        metrics: [source({ accuracy: 0.95 }, "eval", "out/eval.json")],
        pr: pr([], { changedFiles: ["out/eval.json"] }),
      }),
    );
    expect(result.autoApproved).toBe(false);
  });

  it("a metrics file a dvc.yaml source pointed at is guarded like the dvc.yaml itself", () => {
    const dvc = { ...source({ accuracy: 0.95 }, "eval", "dvc.yaml"), files: ["eval/metrics.json"] };
    const result = decide(
      input(auto, { metrics: [dvc], pr: pr([], { changedFiles: ["eval/metrics.json"] }) }),
    );
    expect(result.autoApproved).toBe(false);
    expect(JSON.stringify(result.steps)).toContain("changes-evidence");
  });

  it("a baseline pinned to a git ref is not read from the PR, so touching that path is allowed", () => {
    const cfg = { ...auto, baseline: [{ name: "prod", path: "baseline/eval.json", ref: "base" }] };
    const result = decide(input(cfg, { pr: pr([], { changedFiles: ["baseline/eval.json"] }) }));
    expect(result).toMatchObject({ decision: "approved", autoApproved: true });
  });

  it.each([
    ["*.py", "src/deep/train.py", true],
    ["*.py", "train.py", true],
    ["train.py", "pipelines/a/train.py", true],
    ["train.py", "train.pyc", false],
    ["data/", "sub/data/x.csv", true],
    ["/train.py", "pipelines/train.py", false],
    ["/train.py", "train.py", true],
    ["eval/*.py", "nested/eval/x.py", false],
    ["eval/*.py", "eval/x.py", true],
    ["**/secrets", "a/b/secrets/key", true],
  ])("protected path %s against %s: guarded = %s (gitignore meaning)", (pattern, file, guarded) => {
    const cfg = { ...auto, protectedPaths: [pattern] };
    const result = decide(input(cfg, { pr: pr([], { changedFiles: [file] }) }));
    expect(result.autoApproved).toBe(!guarded);
  });
});

describe("metric references are exact", () => {
  it("an unqualified name found in several sources is an input error, whatever on_fail says", () => {
    const cfg = config(
      [testStep(["accuracy >= 0.8"], "warn"), approvalStep({ autoApproveIf: ["accuracy > 0.1"] })],
      {
        metrics: [
          { name: "eval", path: "eval.json" },
          { name: "test", path: "test.json" },
        ],
      },
    );
    const result = decide(
      input(cfg, {
        metrics: [
          source({ accuracy: 0.1 }, "eval", "eval.json"),
          source({ accuracy: 0.99 }, "test", "test.json"),
        ],
        pr: pr(),
      }),
    );
    expect(result).toMatchObject({ decision: "error", autoApproved: false, failPipeline: true });
    expect(result.failure?.code).toBe("ambiguous_metric");
  });
});

describe("candidates nothing can approve", () => {
  it("a closed pull request", () => {
    const result = decide(input(reviewed, { pr: pr([review("alice", "APPROVED")], { state: "closed" }) }));
    expect(result).toMatchObject({ decision: "rejected", failPipeline: true });
    expect(statusOf(result, "deploy")).toBe("rejected");
  });

  it("a commit the pull request has moved on from", () => {
    const result = decide(
      input(auto, { commit: OLD, pr: pr([review("alice", "APPROVED", { commit: OLD })], { headSha: HEAD }) }),
    );
    expect(result).toMatchObject({ decision: "rejected", autoApproved: false });
    expect(result.summary).toMatch(/has moved on to aaaaaaa/);
  });

  it("outside a PR, a commit that is not on the default branch", () => {
    const off = decide(input(auto, { defaultBranch: { name: "main", contains: false } }));
    expect(off).toMatchObject({ decision: "rejected", autoApproved: false });
    expect(off.summary).toMatch(/only commits on the default branch main/);
    const on = decide(input(auto, { defaultBranch: { name: "main", contains: true } }));
    expect(on).toMatchObject({ decision: "approved", autoApproved: true });
  });
});

describe("waiting for the evidence", () => {
  const missing = (why: string, conclusion: string | null = null) => ({
    kind: "missing" as const,
    why,
    recordings: [],
    ...(conclusion
      ? {
          training: {
            run: { id: 12, attempt: 1, workflow: ".github/workflows/train.yml", event: "pull_request" },
            status: "completed",
            conclusion,
          },
        }
      : {}),
  });

  it("is pending with the reason, never judging checks on numbers nobody measured", () => {
    const result = decide(
      input(auto, { evidence: missing("training run 12 (attempt 1) failed", "failure"), pr: pr() }),
    );
    expect(result).toMatchObject({ decision: "pending", autoApproved: false });
    expect(result.summary).toBe(
      "waiting for the training run's evidence: training run 12 (attempt 1) failed",
    );
    expect(statusOf(result, "accuracy_check")).toBe("pending");
    expect(result.metrics).toEqual([]);
    expect(result.candidate?.evidence).toMatchObject({ kind: "missing", run: { id: 12 } });
  });

  it("a human approval does not approve a model that was never recorded", () => {
    const result = decide(
      input(auto, { evidence: missing("no run yet"), pr: pr([review("alice", "APPROVED")]) }),
    );
    expect(result.decision).toBe("pending");
  });

  it("an approver's objection stands on its own", () => {
    const result = decide(
      input(auto, { evidence: missing("no run yet"), pr: pr([review("alice", "CHANGES_REQUESTED")]) }),
    );
    expect(result.decision).toBe("rejected");
  });

  it("a config that judges no evidence (the seed's) does not wait for any", () => {
    const seed = config([TRAIN, approvalStep()], { metrics: [] });
    const result = decide(
      input(seed, { evidence: missing("no run yet"), pr: pr([review("alice", "APPROVED")]) }),
    );
    expect(result.decision).toBe("approved");
  });
});

describe("the report names the candidate", () => {
  it("carries the commit, PR, model, evidence and rules it decided on", () => {
    const result = decide(input(reviewed, { pr: pr([review("alice", "APPROVED")]) }));
    expect(result.candidate).toMatchObject({
      repository: "acme/models",
      commit: HEAD,
      pr: 7,
      modelKey: expect.stringMatching(/^metrics:/),
      evidence: { kind: "measured" },
      config: { path: ".github/model-approval.yml", trusted: true },
    });
  });
});
