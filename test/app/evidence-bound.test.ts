// The App's side of evidence-bound decisions: each case an attacker or bad timing would produce,
// played through the App's handlers against the fake GitHub.
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { describe, expect, it } from "@jest/globals";
import {
  AUTO_CONFIG,
  CONFIG,
  REPO,
  decisionCheck,
  harnessPerTest,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import { deploymentRuleEvent, prEvent, review, reviewEvent } from "./support/events.js";

const harness = harnessPerTest({ waitingOn: ["production"] });
const answers = (h: Harness) => h.run?.answers ?? [];

describe("latest vote wins, whatever its commit", () => {
  it("a changes-requested on an older commit takes back the same user's approval of the head", async () => {
    const h = await harness();
    const old = h.pull.headSha;
    const head = h.push();
    h.addMetrics(head, 0.85);
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    // alice had started a review on the old commit before the push, and submits it now.
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED", old));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
  });
});

describe("who may approve", () => {
  it("the user who pushed the commit under review cannot approve it", async () => {
    const h = await harness();
    // alice pushes to bob's PR, then approves her own push.
    const sha = h.gh.state.commit(REPO, { branch: "feature", files: { "train.py": "x" }, pusher: "alice" });
    h.pull.headSha = sha;
    h.gh.state.touchPull(h.pull);
    h.addMetrics(sha, 0.85);
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)?.text).toMatch(/pushed the commit under review/);
    // carol, a member of the listed team, may.
    await h.deliver(...review(h, "carol", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  });
});

describe("an event is a lower bound", () => {
  it("a review list that lacks the event's review is re-read, then the decision fails closed", async () => {
    const h = await harness();
    // The event names a review GitHub's API does not show (a lagging replica).
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    const [name, payload] = reviewEvent(h, "alice", "approved");
    const ghost = { ...payload, review: { ...(payload.review as object), id: 999_999 } };
    h.gh.clearRequests();
    await h.deliver(name, ghost);
    const reads = h.gh.requests.filter((r) => r.route === GRAPHQL_ROUTE);
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(decisionCheck(h)?.summary).toMatch(/older than the event/);
    expect(answers(h).some((a) => a.state === "approved")).toBe(false);
  });
});

describe("a write that takes back success must land", () => {
  it("retries taking back an approval, then writes a new check run rather than leave the green one", async () => {
    const h = await harness();
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(decisionCheck(h)).toMatchObject({ conclusion: "success" });
    const green = decisionCheck(h)!.id;
    // Updating the check run keeps failing; creating one works.
    h.gh.fail("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { status: 502, times: 10 });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    const patches = h.gh.requests.filter(
      (r) => r.route === "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    );
    expect(patches.length).toBeGreaterThanOrEqual(2);
    const newest = decisionCheck(h)!;
    expect(newest.id).not.toBe(green);
    expect(newest).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("when nothing can be written, nothing is approved: the waiting deploy job is not released", async () => {
    const h = await harness();
    h.gh.fail("POST /repos/{owner}/{repo}/check-runs", { status: 502, times: 10 });
    h.gh.fail("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { status: 502, times: 10 });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(decisionCheck(h)).toBeUndefined();
    expect(answers(h).every((a) => a.state !== "approved")).toBe(true);
  });
});

describe("nothing approves a closed PR", () => {
  it("a deploy job of a closed PR is rejected", async () => {
    const h = await harness({ config: AUTO_CONFIG, accuracy: 0.95 });
    h.pull.state = "closed";
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(answers(h)).toEqual([expect.objectContaining({ state: "rejected" })]);
  });
});

describe("binding to the model", () => {
  it("an approval of one model does not approve a re-recorded different one", async () => {
    const h = await harness({ config: CONFIG, accuracy: null });
    const sha = h.pull.headSha;
    h.addMetrics(sha, 0.85, { digest: "a".repeat(64) });
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    expect(h.comments().at(-1)?.body).toMatch(
      /alice approved commit `[0-9a-f]{7}` \(model `sha256:aaaaaaaaaaaa`\)/,
    );
    // Re-trained on the same commit: a new model.
    h.addMetrics(sha, 0.85, { digest: "b".repeat(64) });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    // The same model recorded again keeps the approval.
    const again = await harness({ config: CONFIG, accuracy: null });
    again.addMetrics(again.pull.headSha, 0.85, { digest: "a".repeat(64) });
    await again.deliver(...review(again, "alice", "APPROVED"));
    again.addMetrics(again.pull.headSha, 0.85, { digest: "a".repeat(64) });
    await again.deliver(...prEvent(again, "synchronize"));
    expect(stateLabels(again)).toEqual(["model-approval: approved"]);
  });
});
