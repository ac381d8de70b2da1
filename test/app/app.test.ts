// The App end to end against the fake GitHub: events in, GitHub state and API calls out.
import { describe, expect, it } from "@jest/globals";
import {
  APP_SLUG,
  AUTO_CONFIG,
  DECISION_CHECK,
  REPO,
  CONFIG,
  decisionCheck,
  harnessPerTest,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import {
  checkRunEvent,
  deploymentRuleEvent,
  dismiss,
  labelEvent,
  prEvent,
  review,
} from "./support/events.js";

const harness = harnessPerTest({ waitingOn: ["production"] });

function answers(harness: Harness) {
  return harness.run?.answers ?? [];
}

describe("a review by a listed approver", () => {
  it("turns a waiting deploy job into an approved one", async () => {
    const h = await harness();
    await h.deliver(...prEvent(h, "opened"));
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    // Nothing final to tell the waiting job yet; when GitHub asks, it hears who is missing.
    expect(answers(h)).toEqual([]);
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(answers(h)).toEqual([
      expect.objectContaining({ environment: "production", comment: expect.stringContaining("@alice") }),
    ]);
    expect(answers(h)[0]?.state).toBeUndefined();
    expect(h.pull.requestedReviewers).toEqual(["alice"]);
    expect(h.pull.requestedTeams).toEqual(["ml-leads"]);

    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "success" });
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    expect(answers(h).at(-1)).toMatchObject({
      environment: "production",
      state: "approved",
      by: "model-approval[bot]",
    });
    expect(h.run?.status).toBe("in_progress");
    expect(h.comments()).toHaveLength(1);
    expect(h.comments()[0]?.body).toContain("alice");
  });

  it("rejects the waiting deploy job when changes are requested", async () => {
    const h = await harness();
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    expect(answers(h)).toEqual([expect.objectContaining({ environment: "production", state: "rejected" })]);
    expect(h.run?.status).toBe("completed");
  });

  it("keeps a blocked rejection waiting when on_reject is block", async () => {
    const h = await harness({ config: CONFIG.replace("on_reject: fail_pipeline", "on_reject: block") });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    expect(answers(h)).toEqual([]);
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(answers(h)).toHaveLength(1);
    expect(answers(h)[0]?.state).toBeUndefined();
    expect(answers(h)[0]?.comment).toContain("blocked");
    expect(h.run?.status).toBe("waiting");
  });
});

describe("attacks leave the model unapproved", () => {
  it("the author approving their own PR", async () => {
    const h = await harness({ author: "alice" });
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("a reviewer who is not an approver", async () => {
    const h = await harness();
    await h.deliver(...review(h, "mallory", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("an approval of an older commit, after a push", async () => {
    const h = await harness();
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    const newHead = h.push();
    h.addMetrics(newHead, 0.85);
    await h.deliver(...prEvent(h, "synchronize"));
    expect(decisionCheck(h, newHead)).toMatchObject({ status: "in_progress" });
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });

  it("approve, then request changes, then dismiss", async () => {
    const h = await harness();
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    await h.deliver(...dismiss(h, "alice"));
    // The dismissal removes alice's vote; her earlier approval does not come back.
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
  });

  it("a COMMENTED review changes nothing: it neither clears a rejection nor an approval", async () => {
    const h = await harness({ waitingOn: undefined });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    await h.deliver(...review(h, "alice", "COMMENTED"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    await h.deliver(...review(h, "carol", "APPROVED"));
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.deliver(...review(h, "alice", "COMMENTED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  });

  it("an approved label added by hand is put back", async () => {
    const h = await harness();
    await h.deliver(...prEvent(h, "opened"));
    h.pull.labels.push("model-approval: approved");
    await h.deliver(...labelEvent(h, "labeled", "model-approval: approved", "mallory"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("a PR that edits the config: the base branch's config applies", async () => {
    const loosened = CONFIG.replace("approvers: [alice, acme/ml-leads]", "approvers: [mallory]");
    const h = await harness({ headFiles: { ".github/model-approval.yml": loosened } });
    await h.deliver(...review(h, "mallory", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("a PR that touches a protected path gets no auto-approval", async () => {
    const auto = AUTO_CONFIG.replace("version: 1\n", "version: 1\nprotected_paths: [train/**]\n");
    const touching = await harness({
      config: auto,
      accuracy: 0.95,
      headFiles: { "train/train.py": "print(1)" },
    });
    await touching.deliver(...prEvent(touching, "opened"));
    expect(stateLabels(touching)).toEqual(["model-approval: pending"]);

    const clean = await harness({ config: auto, accuracy: 0.95 });
    await clean.deliver(...prEvent(clean, "opened"));
    expect(stateLabels(clean)).toEqual(["model-approval: auto-approved"]);
    expect(answers(clean).at(-1)?.state).toBe("approved");
  });

  it("metrics in a check run, or recorded by a workflow the PR adds, are not evidence", async () => {
    const h = await harness({ config: AUTO_CONFIG, accuracy: null });
    // Anyone with an Actions token can create this check run; it is only ever a display.
    h.gh.state.addCheckRun(REPO, {
      name: "model-approval/metrics",
      headSha: h.pull.headSha,
      appSlug: "github-actions",
      text: '{"format":"model-approval-snapshot","accuracy":0.99}',
    });
    h.addMetrics(h.pull.headSha, 0.99, { path: ".github/workflows/evil.yml" });
    await h.deliver(...checkRunEvent(h, "completed", "model-approval/metrics"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    // The deploy job's run (the training workflow) recorded nothing; the other workflow's recording is ignored.
    expect(decisionCheck(h)?.summary).toMatch(/finished without recording a model-approval snapshot/);
    expect(decisionCheck(h)?.summary).toMatch(
      /ignored: run \d+ of \.github\/workflows\/evil\.yml is not a workflow on the default branch that uses the model-approval Action/,
    );
    await h.deliver(...review(h, "alice", "APPROVED"));
    // Even a human approval waits for the training run's evidence.
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("a team member removed before the evaluation", async () => {
    const h = await harness({ teamMembers: ["carol"] });
    const event = review(h, "carol", "APPROVED");
    h.gh.state.setTeam("acme", "ml-leads", []);
    await h.deliver(...event);
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });
});

describe("a forged model-approval check run from another app", () => {
  it("does not stop the App from keeping its own decision check run", async () => {
    const h = await harness();
    h.gh.state.addCheckRun(REPO, {
      name: DECISION_CHECK,
      headSha: h.pull.headSha,
      appSlug: "evil-app",
      status: "completed",
      conclusion: "success",
    });
    await h.deliver(...prEvent(h, "opened"));
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress", appSlug: APP_SLUG });
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });

  it("takes its identity from APP_SLUG when not given one", async () => {
    process.env.APP_SLUG = APP_SLUG;
    try {
      const h = await harness({ identity: null });
      h.gh.state.addCheckRun(REPO, { name: DECISION_CHECK, headSha: h.pull.headSha, appSlug: "evil-app" });
      await h.deliver(...prEvent(h, "opened"));
      expect(decisionCheck(h)).toMatchObject({ status: "in_progress", appSlug: APP_SLUG });
    } finally {
      delete process.env.APP_SLUG;
    }
  });
});

describe("a deploy job of a pull_request workflow", () => {
  it("is approved when its run is on the PR head, whatever commit the deployment names (merge commits)", async () => {
    const h = await harness();
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id, sha: "f".repeat(40) }));
    expect(answers(h)).toEqual([expect.objectContaining({ environment: "production", state: "approved" })]);
  });
});
