// Break-glass overrides: who may, about what, and how they are marked.
import { describe, expect, it } from "@jest/globals";
import { decide } from "../../../src/core/policy/index.js";
import type { Candidate, OverrideClaim } from "../../../src/core/candidate/types.js";
import { approvalStep, config, DEPLOY, HEAD, input, pr, review, TRAIN, testStep } from "./build.js";

const PUSHED = "2026-12-01T09:00:00Z";
const RECORDED = "2026-12-01T10:00:00Z";

function claim(over: Partial<OverrideClaim> = {}): OverrideClaim {
  return {
    by: "dana",
    reason: "prod is down, hotfix model",
    at: "2026-12-01T11:00:00Z",
    source: { kind: "comment", id: 501 },
    ...over,
  };
}

function candidate(
  claims: OverrideClaim[],
  extra: Parameters<typeof input>[1] = {},
  overrideBy = ["dana", "acme/sre"],
) {
  const cfg = config([
    TRAIN,
    testStep(["accuracy >= 0.99"]),
    approvalStep({
      overrideBy: {
        users: overrideBy.filter((o) => !o.includes("/")),
        teams: overrideBy.filter((o) => o.includes("/")),
      },
    }),
    DEPLOY,
  ]);
  const base = input(cfg, {
    pr: pr([], { pushedAt: PUSHED, pusher: "mallory" }),
    recordedAt: RECORDED,
    teamMembers: { "acme/sre": ["sam"] },
    ...extra,
  });
  return { ...base, overrides: claims } as Candidate;
}

describe("an override", () => {
  it("approves the candidate despite failed checks, marked as an override", () => {
    const result = decide(candidate([claim()]));
    expect(result.decision).toBe("approved");
    expect(result.autoApproved).toBe(false);
    expect(result.override).toEqual({
      by: "dana",
      reason: "prod is down, hotfix model",
      at: "2026-12-01T11:00:00Z",
      source: { kind: "comment", id: 501 },
      said: "comment",
    });
    expect(result.summary).toBe("overridden by dana: prod is down, hotfix model");
    const steps = Object.fromEntries(result.steps.map((s) => [s.name, s.status]));
    // The failed check still says it failed.
    expect(steps).toEqual({
      train_model: "passed",
      accuracy_check: "failed",
      approve_model: "overridden",
      deploy: "ready",
    });
  });

  it("counts from a member of a listed team", () => {
    expect(decide(candidate([claim({ by: "sam" })])).decision).toBe("approved");
  });

  it("overrides a rejection by an approver", () => {
    const c = candidate([claim()], {
      pr: pr([review("alice", "CHANGES_REQUESTED", { at: "2026-12-01T10:30:00Z" })], { pushedAt: PUSHED }),
    });
    expect(decide(c).decision).toBe("approved");
  });

  const refused: [string, OverrideClaim[], Parameters<typeof input>[1], string][] = [
    ["by someone not listed", [claim({ by: "eve" })], {}, "not listed under override_by"],
    ["by the PR's author", [claim({ by: "mallory" })], {}, "author cannot override"],
    ["with no reason", [claim({ reason: "   " })], {}, "needs a reason"],
    ["said before the commit was pushed", [claim({ at: "2026-12-01T08:00:00Z" })], {}, "before"],
    [
      "said while another model was recorded",
      [claim({ at: "2026-12-01T09:30:00Z" })],
      { earlier: [{ key: "sha256:older", known: true, recordedAt: "2026-12-01T09:10:00Z" }] },
      "re-trained model needs a new override",
    ],
    ["under untrusted rules", [claim()], { untrustedConfig: "the PR adds the config" }, "not trusted"],
    [
      "recorded for another commit",
      [claim({ source: { kind: "record", id: 4 }, commit: "c".repeat(40) })],
      {},
      "recorded for",
    ],
  ];

  it.each(refused)("does not count %s", (_, claims, extra, why) => {
    const result = decide(candidate(claims, extra));
    expect(result.decision).not.toBe("approved");
    expect(result.override).toBeUndefined();
    const shown = result.steps.flatMap((s) => s.reasons).find((r) => r.kind === "override");
    expect(shown?.data?.counted).toBe(false);
    expect(String(shown?.data?.why)).toContain(why);
  });

  it("does not count while the evidence is missing: nothing identifies the model", () => {
    const result = decide(
      candidate([claim()], { evidence: { kind: "missing", why: "training run 12 failed", recordings: [] } }),
    );
    expect(result.decision).not.toBe("approved");
    expect(JSON.stringify(result.steps)).toContain("nothing identifies the model to override for");
  });

  it("is not bound without GitHub's push time of the commit (a fork's), whatever was recorded", () => {
    // A fork pushes Y (model M recorded), then X (overridden, about X), then Y again (M recorded again).
    const c = candidate([claim({ at: "2026-12-01T10:30:00Z" })], {
      pr: pr([], {}),
      earlier: [{ key: undefined, known: true, recordedAt: "2026-12-01T08:00:00Z" }],
    });
    expect(decide(c).override).toBeUndefined();
  });

  it("kept by the ledger is not bound to a commit pushed again after it was said", () => {
    const c = candidate([], { pr: pr([], { pushedAt: "2026-12-01T12:00:00Z" }) });
    const key = c.evidence.kind === "present" ? c.evidence.recordings.at(-1)?.key : undefined;
    const recorded = claim({
      source: { kind: "record", id: 12 },
      commit: HEAD,
      ...(key ? { model: key } : {}),
    });
    expect(decide({ ...c, overrides: [recorded] }).override).toBeUndefined();
  });

  it("in a review's text as submitted, is bound to the reviewed commit, a fork's PR's included", () => {
    const review = claim({ source: { kind: "review", id: 9 }, commit: HEAD, at: "2026-12-01T11:00:00Z" });
    const fork = candidate([review], { pr: pr([], {}) });
    expect(decide(fork).override).toMatchObject({ by: "dana", said: "review" });
    const other = claim({ source: { kind: "review", id: 9 }, commit: "c".repeat(40) });
    expect(String(JSON.stringify(decide(candidate([other])).steps))).toContain("not of the candidate");
    // Kept by the ledger, a review's override stays bound to its commit, not to a push time.
    const key = fork.evidence.kind === "present" ? fork.evidence.recordings.at(-1)?.key : undefined;
    const kept = claim({
      source: { kind: "record", id: 3 },
      said: "review",
      commit: HEAD,
      ...(key ? { model: key } : {}),
    });
    expect(decide({ ...fork, overrides: [kept] }).override).toMatchObject({ said: "review" });
    const keptComment = { ...kept, said: "comment" as const };
    expect(decide({ ...fork, overrides: [keptComment] }).override).toBeUndefined();
  });

  it("by the pusher of the commit does not count either", () => {
    const c = candidate([claim({ by: "pete" })], { pr: pr([], { pushedAt: PUSHED, pusher: "pete" }) }, [
      "pete",
    ]);
    expect(decide(c).override).toBeUndefined();
  });

  it("kept by the ledger still counts after the comment is gone, for the same commit and model", () => {
    const c = candidate([]);
    const key = c.evidence.kind === "present" ? c.evidence.recordings.at(-1)?.key : undefined;
    const recorded = claim({
      source: { kind: "record", id: 12 },
      commit: HEAD,
      ...(key ? { model: key } : {}),
    });
    expect(decide({ ...c, overrides: [recorded] }).decision).toBe("approved");
    expect(decide({ ...c, overrides: [{ ...recorded, model: "sha256:other" }] }).decision).not.toBe(
      "approved",
    );
  });

  it("does not approve what cannot be identified, a closed PR or a superseded head", () => {
    const unreadable = candidate([claim()], {
      model: { artifacts: [], errors: ["models/model.pkl: missing"] },
    });
    expect(decide(unreadable).decision).toBe("error");
    const closed = candidate([claim()], { pr: pr([], { pushedAt: PUSHED, state: "closed" }) });
    expect(decide(closed).decision).toBe("rejected");
  });

  it("without override_by, nobody can override", () => {
    expect(decide(candidate([claim()], {}, [])).decision).toBe("rejected");
  });
});
