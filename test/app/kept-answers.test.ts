// What the App keeps between events (conditional reads, src/github/conditional-fetch.ts) must never
// hide a change. A list that grows past a full page leaves that page's body, and so its ETag, as it
// was: an attacker padding a PR to exactly 100 reviews must not make the App miss the 101st, a
// changes-requested that takes an approval back.
import { describe, expect, it } from "@jest/globals";
import { REPO, decisionCheck, harnessPerTest, stateLabels } from "./support/harness.js";
import { labelEvent, review } from "./support/events.js";

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
});
