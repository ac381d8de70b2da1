// What the App keeps between events (conditional reads, src/github/conditional-fetch.ts) must never
// hide a change. A list that grows past a full page leaves that page's body, and so its ETag, as it
// was: an attacker padding a PR to exactly 100 reviews must not make the App miss the 101st, a
// changes-requested that takes an approval back.
import { describe, expect, it } from "@jest/globals";
import { CONFIG, REPO, decisionCheck, harnessPerTest, stateLabels } from "./support/harness.js";
import { deploymentRuleEvent, labelEvent, prEvent, review } from "./support/events.js";

const harness = harnessPerTest();

describe("a kept full page of reviews", () => {
  it("does not hide a changes-requested added as the 101st review", async () => {
    const h = await harness();
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    // mallory pads the PR to exactly 100 reviews: one page of the list (per_page 100).
    for (let i = h.pull.reviews.length; i < 99; i++)
      h.gh.state.addReview(REPO, h.pull.number, { user: "mallory", state: "COMMENTED" });
    await h.deliver(...review(h, "mallory", "COMMENTED"));
    expect(h.pull.reviews).toHaveLength(100);
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);

    // alice takes her approval back; the event the App next sees names no review.
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "CHANGES_REQUESTED" });
    await h.deliver(...labelEvent(h, "labeled", "model-approval: approved", "eve"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    expect(decisionCheck(h)).toMatchObject({ conclusion: "failure" });
  });

  it("does not release a re-run's deploy job after that changes-requested", async () => {
    const config = CONFIG.replace("approvers: [alice, acme/ml-leads]", "approvers: [alice]");
    const h = await harness({ config, waitingOn: ["production"] });
    await h.deliver(...prEvent(h, "opened"));
    await h.deliver(...review(h, "alice", "APPROVED"));
    for (let i = h.pull.reviews.length; i < 99; i++)
      h.gh.state.addReview(REPO, h.pull.number, { user: "bob", state: "COMMENTED" });
    await h.deliver(...review(h, "bob", "COMMENTED"));
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    // The author re-runs training (the same model); its deploy job waits on production.
    const rerun = h.addMetrics(h.pull.headSha, 0.85, { waitingOn: ["production"] });
    await h.deliver(...deploymentRuleEvent(h, { runId: rerun.id }));
    expect(rerun.answers.map((a) => a.state)).toEqual(["rejected"]);
  });
});
