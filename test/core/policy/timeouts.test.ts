// An approval's timeout, read against an injected clock: waiting, escalated, overdue, timed out.
import { describe, expect, it } from "@jest/globals";
import { decide } from "../../../src/core/policy/index.js";
import type { ApprovalTimeout } from "../../../src/core/config/types.js";
import type { Candidate } from "../../../src/core/candidate/types.js";
import { approvalStep, config, DEPLOY, input, pr, review, TRAIN, testStep } from "./build.js";

const H = 3_600_000;
const RECORDED = "2026-12-01T10:00:00.000Z";
const after = (hours: number) => new Date(Date.parse(RECORDED) + hours * H).toISOString();

function timeout(onTimeout: ApprovalTimeout["onTimeout"], escalateTo: string[] = []): ApprovalTimeout {
  return {
    ms: 72 * H,
    text: "72h",
    onTimeout,
    escalateTo: {
      users: escalateTo.filter((e) => !e.includes("/")),
      teams: escalateTo.filter((e) => e.includes("/")),
    },
  };
}

function at(
  hours: number,
  t: ApprovalTimeout,
  reviews = [] as ReturnType<typeof review>[],
  extra = {},
): Candidate {
  const cfg = config([TRAIN, testStep(["accuracy >= 0.9"]), approvalStep({ timeout: t }), DEPLOY]);
  return {
    ...input(cfg, { pr: pr(reviews), recordedAt: RECORDED, ...extra }),
    decidedAt: after(hours),
  };
}

const approvalOf = (result: ReturnType<typeof decide>) => result.steps.find((s) => s.type === "approval")!;

describe("on_timeout: reject", () => {
  it("waits, saying when it times out", () => {
    const result = decide(at(70, timeout("reject")));
    expect(result.decision).toBe("pending");
    expect(result.timing).toEqual({
      phase: "waiting",
      step: "approve_model",
      since: RECORDED,
      deadline: after(72),
    });
    const clock = approvalOf(result).reasons.find((r) => r.data?.rule === "timeout");
    expect(clock?.message).toContain("2026-12-04 10:00 UTC");
  });

  it("is rejected at the deadline, and the deploy job with it", () => {
    const result = decide(at(72, timeout("reject")));
    expect(result.decision).toBe("rejected");
    expect(result.failPipeline).toBe(true);
    expect(approvalOf(result).status).toBe("timed_out");
    expect(result.summary).toMatch(
      /^approve_model timed out at 2026-12-04 10:00 UTC: not approved within its timeout 72h/,
    );
    expect(result.steps.find((s) => s.type === "deploy")?.status).toBe("rejected");
    expect(result.timing?.phase).toBe("timed_out");
  });

  it("under on_reject: block keeps the deploy blocked instead of failing it", () => {
    const cfg = config([TRAIN, approvalStep({ timeout: timeout("reject"), onReject: "block" }), DEPLOY]);
    const result = decide({ ...input(cfg, { pr: pr(), recordedAt: RECORDED }), decidedAt: after(100) });
    expect(result.decision).toBe("rejected");
    expect(result.failPipeline).toBe(false);
  });

  it("counts an approval given in time, whenever the App looks", () => {
    expect(decide(at(100, timeout("reject"), [review("alice", "APPROVED", { at: after(1) })])).decision).toBe(
      "approved",
    );
  });

  it("is over once timed out: a later approval does not reopen it, seen before or after", () => {
    const late = [review("alice", "APPROVED", { at: after(90) })];
    expect(decide(at(100, timeout("reject"), late)).decision).toBe("rejected");
    expect(decide(at(72, timeout("reject"))).decision).toBe("rejected");
  });

  it("is not judged without a clock or before the model is recorded", () => {
    const unclocked = { ...at(100, timeout("reject")), decidedAt: undefined } as Candidate;
    const result = decide(unclocked);
    expect(result.decision).toBe("pending");
    expect(approvalOf(result).reasons.some((r) => r.data?.rule === "timeout-unknown")).toBe(true);
    const missing = decide(
      at(100, timeout("reject"), [], {
        evidence: { kind: "missing", why: "training run 3 is in progress", recordings: [] },
      }),
    );
    expect(missing.decision).toBe("pending");
  });

  it("starts from a re-trained model's recording, not the first one's", () => {
    const retrained = at(80, timeout("reject"), [], {
      earlier: [{ key: "sha256:old", known: true, recordedAt: "2026-11-01T00:00:00Z" }],
    });
    expect(decide(retrained).decision).toBe("rejected");
    const fresh = decide({ ...retrained, decidedAt: after(10) });
    expect(fresh.timing?.since).toBe(RECORDED);
  });

  it("with no evidence to wait for, starts when the commit was pushed (GitHub's clock)", () => {
    const cfg = config([approvalStep({ timeout: timeout("reject") })], { metrics: [] });
    const seed = input(cfg, { pr: pr([], { pushedAt: RECORDED }) });
    expect(decide({ ...seed, decidedAt: after(71) }).decision).toBe("pending");
    expect(decide({ ...seed, decidedAt: after(73) }).decision).toBe("rejected");
    const fork = input(cfg, { pr: pr() });
    const forked = decide({ ...fork, decidedAt: after(1000) });
    expect(forked.decision).toBe("pending");
    expect(JSON.stringify(forked.steps)).toContain("a fork's pushes are not in this repository's activity");
  });
});

describe("on_timeout: escalate", () => {
  const t = timeout("escalate", ["carol", "acme/oncall"]);

  it("asks only the listed approvers before the timeout", () => {
    const result = decide(at(10, t, [], { teamMembers: { "acme/oncall": ["olga"] } }));
    expect(result.pendingApprovers).toEqual(["alice"]);
    expect(decide(at(10, t, [review("carol", "APPROVED", { at: after(5) })])).decision).toBe("pending");
  });

  it("then counts escalate_to's approvals too, and asks them", () => {
    const result = decide(at(80, t, [], { teamMembers: { "acme/oncall": ["olga"] } }));
    expect(result.decision).toBe("pending");
    expect(result.timing).toMatchObject({ phase: "escalated", deadline: after(144) });
    expect(result.pendingApprovers).toEqual(["alice", "carol", "acme/oncall"]);
    expect(decide(at(80, t, [review("carol", "APPROVED", { at: after(75) })])).decision).toBe("approved");
    expect(
      decide(
        at(80, t, [review("olga", "APPROVED", { at: after(79) })], {
          teamMembers: { "acme/oncall": ["olga"] },
        }),
      ).decision,
    ).toBe("approved");
  });

  it("counts an escalate_to approval given before the second timeout, seen after it", () => {
    expect(decide(at(200, t, [review("carol", "APPROVED", { at: after(100) })])).decision).toBe("approved");
    expect(decide(at(200, t, [review("carol", "APPROVED", { at: after(150) })])).decision).toBe("rejected");
  });

  it("and is rejected after the second timeout", () => {
    const result = decide(at(144, t));
    expect(result.decision).toBe("rejected");
    expect(approvalOf(result).status).toBe("timed_out");
    expect(result.summary).toContain("twice its timeout 72h");
  });
});

describe("on_timeout: wait", () => {
  it("reports the approval overdue and keeps waiting", () => {
    const result = decide(at(500, timeout("wait")));
    expect(result.decision).toBe("pending");
    expect(result.timing).toEqual({ phase: "overdue", step: "approve_model", since: RECORDED });
    expect(approvalOf(result).reasons.some((r) => r.data?.rule === "timeout-overdue")).toBe(true);
  });
});

describe("what the attacker's review found", () => {
  it("an objection after the deadline still rejects an approval given in time", () => {
    const reviews = [
      review("alice", "APPROVED", { at: after(1) }),
      review("carol", "CHANGES_REQUESTED", { at: after(80) }),
    ];
    const cfg = config([
      TRAIN,
      approvalStep({ users: ["alice", "carol"], timeout: timeout("reject") }),
      DEPLOY,
    ]);
    const result = decide({ ...input(cfg, { pr: pr(reviews), recordedAt: RECORDED }), decidedAt: after(81) });
    expect(result.decision).toBe("rejected");
    expect(approvalOf(result).status).toBe("rejected");
  });

  it("an approval given in time and taken back after the deadline does not count", () => {
    const reviews = [
      review("alice", "APPROVED", { at: after(1) }),
      review("alice", "CHANGES_REQUESTED", { at: after(80) }),
    ];
    expect(decide(at(81, timeout("reject"), reviews)).decision).toBe("rejected");
  });

  it("escalate_to's approval from before the escalation does not count", () => {
    const t = timeout("escalate", ["erin"]);
    expect(decide(at(80, t, [review("erin", "APPROVED", { at: after(10) })])).decision).toBe("pending");
    expect(decide(at(80, t, [review("erin", "APPROVED", { at: after(73) })])).decision).toBe("approved");
  });

  it("a re-run that records the same model again does not restart the clock", () => {
    const c = at(80, timeout("reject"));
    const key = c.evidence.kind === "present" ? c.evidence.recordings.at(-1)?.key : undefined;
    const rerun: Candidate = {
      ...c,
      evidence:
        c.evidence.kind === "present"
          ? {
              ...c.evidence,
              recordings: [
                { key, known: true, recordedAt: RECORDED },
                { key, known: true, recordedAt: after(79) },
              ],
            }
          : c.evidence,
    };
    expect(decide(rerun).decision).toBe("rejected");
  });
});
