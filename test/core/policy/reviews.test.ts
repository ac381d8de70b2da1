import { describe, expect, it } from "@jest/globals";
import { decide } from "../../../src/core/policy/index.js";
import type { DecisionResult, Reason, Review } from "../../../src/core/policy/types.js";
import type { ApprovalStep } from "../../../src/core/config/types.js";

type StepOverrides = Partial<Omit<ApprovalStep, "autoApproveIf">>;
import { approvalStep, config, DEPLOY, input, OLD, pr, review, TRAIN } from "./build.js";

function run(reviews: Review[], step: StepOverrides = {}, extra: Parameters<typeof input>[1] = {}) {
  return decide(input(config([TRAIN, approvalStep(step), DEPLOY]), { pr: pr(reviews), ...extra }));
}

function approverReasons(result: DecisionResult): Reason[] {
  const all: Reason[] = [];
  const walk = (rs: Reason[]) =>
    rs.forEach((r) => (r.kind === "approver" ? all.push(r) : walk(r.children ?? [])));
  walk(result.steps.find((s) => s.type === "approval")!.reasons);
  return all;
}

const at = (n: number) => `2026-01-01T00:0${n}:00Z`;

describe("review counting", () => {
  const cases: {
    name: string;
    reviews: Review[];
    step?: StepOverrides;
    teams?: Record<string, string[]>;
    decision: DecisionResult["decision"];
    status: string;
  }[] = [
    {
      name: "listed approver approves the head",
      reviews: [review("alice", "APPROVED")],
      decision: "approved",
      status: "approved",
    },
    {
      name: "times compare as instants, not strings (a fraction of a second is later)",
      reviews: [
        review("alice", "APPROVED", { at: "2026-01-01T00:00:00.500Z", id: 9001 }),
        review("alice", "CHANGES_REQUESTED", { at: "2026-01-01T00:00:00Z", id: 9000 }),
      ],
      decision: "approved",
      status: "approved",
    },
    {
      name: "a review without a time is the latest word",
      reviews: [
        review("alice", "CHANGES_REQUESTED", { at: "", id: 9002 }),
        review("alice", "APPROVED", { at: "2026-01-01T00:05:00Z", id: 9003 }),
      ],
      decision: "rejected",
      status: "rejected",
    },
    {
      name: "login case does not matter",
      reviews: [review("ALICE", "APPROVED")],
      decision: "approved",
      status: "approved",
    },
    { name: "no reviews", reviews: [], decision: "pending", status: "pending" },
    {
      name: "self approval by the author",
      reviews: [review("mallory", "APPROVED")],
      step: { users: ["alice", "mallory"] },
      decision: "pending",
      status: "pending",
    },
    {
      name: "self approval allowed",
      reviews: [review("mallory", "APPROVED")],
      step: { users: ["mallory"], allowSelfApproval: true },
      decision: "approved",
      status: "approved",
    },
    {
      name: "non-approver approving",
      reviews: [review("eve", "APPROVED")],
      decision: "pending",
      status: "pending",
    },
    {
      name: "approval on an older commit",
      reviews: [review("alice", "APPROVED", { commit: OLD })],
      decision: "pending",
      status: "pending",
    },
    {
      name: "approve, request changes, dismiss: no vote",
      reviews: [
        review("alice", "APPROVED", { at: at(1) }),
        review("alice", "CHANGES_REQUESTED", { at: at(2) }),
        review("alice", "DISMISSED", { at: at(3) }),
      ],
      decision: "pending",
      status: "pending",
    },
    {
      name: "approve then request changes: rejected",
      reviews: [
        review("alice", "APPROVED", { at: at(1) }),
        review("alice", "CHANGES_REQUESTED", { at: at(2) }),
      ],
      decision: "rejected",
      status: "rejected",
    },
    {
      name: "request changes then approve: approved",
      reviews: [
        review("alice", "CHANGES_REQUESTED", { at: at(1) }),
        review("alice", "APPROVED", { at: at(2) }),
      ],
      decision: "approved",
      status: "approved",
    },
    {
      name: "COMMENTED after APPROVED keeps the approval",
      reviews: [review("alice", "APPROVED", { at: at(1) }), review("alice", "COMMENTED", { at: at(2) })],
      decision: "approved",
      status: "approved",
    },
    {
      name: "order is by submitted_at, not list order",
      reviews: [
        review("alice", "APPROVED", { at: at(5) }),
        review("alice", "CHANGES_REQUESTED", { at: at(2) }),
      ],
      decision: "approved",
      status: "approved",
    },
    {
      name: "same time: the higher id is later",
      reviews: [
        review("alice", "APPROVED", { at: at(1), id: 902 }),
        review("alice", "CHANGES_REQUESTED", { at: at(1), id: 901 }),
      ],
      decision: "approved",
      status: "approved",
    },
    {
      name: "PENDING is ignored",
      reviews: [review("alice", "PENDING")],
      decision: "pending",
      status: "pending",
    },
    {
      name: "changes requested by a non-approver does not reject",
      reviews: [review("eve", "CHANGES_REQUESTED"), review("alice", "APPROVED")],
      decision: "approved",
      status: "approved",
    },
    {
      name: "changes requested by the author does not reject",
      reviews: [review("mallory", "CHANGES_REQUESTED"), review("alice", "APPROVED")],
      step: { users: ["alice", "mallory"] },
      decision: "approved",
      status: "approved",
    },
    {
      name: "min_approvals 2, same user twice",
      reviews: [review("alice", "APPROVED", { at: at(1) }), review("alice", "APPROVED", { at: at(2) })],
      step: { users: ["alice", "bob"], minApprovals: 2 },
      decision: "pending",
      status: "pending",
    },
    {
      name: "min_approvals 2, two users",
      reviews: [review("alice", "APPROVED"), review("bob", "APPROVED")],
      step: { users: ["alice", "bob"], minApprovals: 2 },
      decision: "approved",
      status: "approved",
    },
    {
      name: "one rejection beats two approvals",
      reviews: [review("alice", "APPROVED"), review("bob", "APPROVED"), review("carol", "CHANGES_REQUESTED")],
      step: { users: ["alice", "bob", "carol"], minApprovals: 2 },
      decision: "rejected",
      status: "rejected",
    },
    {
      name: "team member approves",
      reviews: [review("dana", "APPROVED")],
      step: { users: [], teams: ["my-org/ml-leads"] },
      teams: { "my-org/ml-leads": ["Dana"] },
      decision: "approved",
      status: "approved",
    },
    {
      name: "team member not in the team map",
      reviews: [review("dana", "APPROVED")],
      step: { users: [], teams: ["my-org/ml-leads"] },
      teams: {},
      decision: "pending",
      status: "pending",
    },
    {
      name: "member of an unlisted team",
      reviews: [review("dana", "APPROVED")],
      step: { users: [], teams: ["my-org/ml-leads"] },
      teams: { "my-org/other": ["dana"] },
      decision: "pending",
      status: "pending",
    },
    {
      name: "old-commit rejection does not reject the new head",
      reviews: [review("alice", "CHANGES_REQUESTED", { commit: OLD, at: at(1) })],
      decision: "pending",
      status: "pending",
    },
    {
      name: "dismissed approval on the head",
      reviews: [review("alice", "APPROVED", { at: at(1) }), review("alice", "DISMISSED", { at: at(2) })],
      decision: "pending",
      status: "pending",
    },
    {
      name: "a deleted user's review",
      reviews: [{ id: 5, user: null, state: "APPROVED", commit_id: "a".repeat(40), submitted_at: at(1) }],
      decision: "pending",
      status: "pending",
    },
  ];

  it.each(cases)("$name → $decision", ({ reviews, step, teams, decision, status }) => {
    const result = run(reviews, step, { teamMembers: teams ?? {} });
    expect(result.decision).toBe(decision);
    expect(result.steps.find((s) => s.type === "approval")!.status).toBe(status);
    expect(result.steps.find((s) => s.type === "deploy")!.status).toBe(
      decision === "approved" ? "ready" : decision === "rejected" ? "rejected" : "blocked",
    );
  });

  it("explains why each review did or did not count", () => {
    const result = run(
      [
        review("mallory", "APPROVED", { at: at(1) }),
        review("eve", "APPROVED", { at: at(2) }),
        review("alice", "APPROVED", { commit: OLD, at: at(3) }),
        review("bob", "APPROVED", { at: at(4) }),
        review("bob", "COMMENTED", { at: at(5) }),
        review("bob", "APPROVED", { at: at(6) }),
        review("carol", "APPROVED", { at: at(7) }),
        review("carol", "DISMISSED", { at: at(8) }),
      ],
      { users: ["alice", "bob", "carol", "mallory"] },
    );
    const whys = approverReasons(result).map((r) => [r.data!.login, r.data!.counted, r.data!.why]);
    expect(whys).toEqual([
      ["mallory", false, expect.stringContaining("author")],
      ["eve", false, expect.stringContaining("not a listed approver")],
      ["alice", false, expect.stringContaining("a vote on another commit is no vote for this one")],
      ["bob", false, expect.stringContaining("superseded")],
      ["bob", false, expect.stringContaining("comment")],
      ["bob", true, undefined],
      ["carol", false, expect.stringContaining("superseded")],
      ["carol", false, expect.stringContaining("dismissed")],
    ]);
    expect(approverReasons(result)[5]!.data!.commit).toBe("a".repeat(40));
  });

  it("on_reject: fail_pipeline fails the pipeline, block does not", () => {
    const reviews = [review("alice", "CHANGES_REQUESTED")];
    const failing = run(reviews, { onReject: "fail_pipeline" });
    expect(failing).toMatchObject({ decision: "rejected", failPipeline: true });
    const blocking = run(reviews, { onReject: "block" });
    expect(blocking).toMatchObject({ decision: "rejected", failPipeline: false });
    expect(blocking.summary).toMatch(/block/);
  });

  it("lists pending approvers without the author and those who approved", () => {
    const result = run([review("alice", "APPROVED")], {
      users: ["alice", "bob", "mallory"],
      teams: ["my-org/ml-leads"],
      minApprovals: 2,
    });
    expect(result.decision).toBe("pending");
    expect(result.pendingApprovers).toEqual(["bob", "my-org/ml-leads"]);
    expect(result.summary).toMatch(/1 more approval/);
  });

  it("lists no pending approvers once decided", () => {
    expect(run([review("alice", "APPROVED")]).pendingApprovers).toEqual([]);
  });
});
