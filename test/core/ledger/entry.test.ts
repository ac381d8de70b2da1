// What the ledger records of a decision, built from real decisions of the policy engine.
import { describe, expect, it } from "@jest/globals";
import { decisionDraft, deployDraft } from "../../../src/core/ledger/entry.js";
import { decide } from "../../../src/core/policy/decide.js";
import { approvalStep, config, HEAD, input, pr, review, source, TRAIN } from "../policy/build.js";

const AT = new Date("2026-12-01T10:00:00Z");
const CONTEXT = { repository: "acme/models", commit: HEAD, at: AT };
const MODEL = {
  name: "churn",
  digest: "ab".repeat(32),
  artifacts: [{ path: "model.pkl", sha256: "ab".repeat(32), bytes: 3 }],
};

function approvedByAlice() {
  const cfg = config([TRAIN, approvalStep({ users: ["alice"] })]);
  const alice = review("alice", "APPROVED", { id: 41 });
  return decide(input(cfg, { pr: pr([alice]), model: MODEL }));
}

describe("a decision's ledger entry", () => {
  it("names the candidate, the decision and each counted approver with the review and model", () => {
    const { entry, subject } = decisionDraft(approvedByAlice(), CONTEXT);
    expect(subject).toBe("pr:7");
    expect(entry).toMatchObject({
      kind: "decision",
      repository: "acme/models",
      at: "2026-12-01T10:00:00.000Z",
      decision: "approved",
      automatic: false,
      candidate: { commit: HEAD, pr: 7, model: { name: "churn", key: `sha256:${"ab".repeat(32)}` } },
      approvers: [{ login: "alice", review: 41, commit: HEAD, model: `sha256:${"ab".repeat(32)}` }],
    });
  });

  it("lists no approver whose review does not count (the author's own, a comment)", () => {
    const cfg = config([TRAIN, approvalStep({ users: ["alice", "mallory"] })]);
    const reviews = [review("mallory", "APPROVED"), review("alice", "COMMENTED")];
    const { entry } = decisionDraft(decide(input(cfg, { pr: pr(reviews) })), CONTEXT);
    expect(entry.decision).toBe("pending");
    expect(entry.approvers).toEqual([]);
  });

  it("marks an auto-approval as automatic", () => {
    const cfg = config([TRAIN, approvalStep({ autoApproveIf: ["accuracy >= 0.9"] })]);
    const result = decide(input(cfg, { pr: pr(), metrics: [source({ accuracy: 0.95 })] }));
    expect(decisionDraft(result, CONTEXT).entry).toMatchObject({ decision: "approved", automatic: true });
  });

  it("keeps the fingerprint when only the wording changes, and changes it with the state", () => {
    const cfg = config([TRAIN, approvalStep({ users: ["alice"] })]);
    const pending = decisionDraft(decide(input(cfg, { pr: pr([]) })), CONTEXT);
    const commented = decide(input(cfg, { pr: pr([review("bob", "COMMENTED")]) }));
    const sameState = decisionDraft(commented, { ...CONTEXT, at: new Date("2026-12-02T00:00:00Z") });
    expect(sameState.fingerprint).toBe(pending.fingerprint);
    expect(decisionDraft(approvedByAlice(), CONTEXT).fingerprint).not.toBe(pending.fingerprint);
  });

  it("records a deploy answer per run, attempt and environment", () => {
    const draft = deployDraft(
      approvedByAlice(),
      { environment: "Production", run: 9, attempt: 1, answer: "approved" },
      { ...CONTEXT, summary: "model-approval (PR #7): approved" },
    );
    expect(draft.subject).toBe("deploy:9:1:production");
    expect(draft.entry).toMatchObject({
      kind: "deploy",
      deploy: { environment: "Production", run: 9, attempt: 1, answer: "approved" },
      summary: "model-approval (PR #7): approved",
      approvers: [{ login: "alice" }],
    });
    // Re-running the deploy job is a release of its own: another attempt, another record.
    const rerun = deployDraft(
      approvedByAlice(),
      { environment: "Production", run: 9, attempt: 2, answer: "approved" },
      { ...CONTEXT, summary: "model-approval (PR #7): approved" },
    );
    expect(rerun.subject).toBe("deploy:9:2:production");
  });
});
