// Attacks on which deploy job an approval releases. An approval binds to the model recorded when
// it was cast (threat 6), but deploy jobs are answered by commit: any workflow run on the approved
// commit that waits on the environment is released, whatever model it trained.
import { describe, expect, it } from "@jest/globals";
import { CONFIG, harnessPerTest, stateLabels } from "./support/harness.js";
import { deploymentRuleEvent, prEvent, review } from "./support/events.js";

const harness = harnessPerTest();

async function approvedModelA() {
  const h = await harness({ config: CONFIG, accuracy: null });
  const sha = h.pull.headSha;
  // The PR's training run recorded model A; alice approves it.
  h.addMetrics(sha, 0.85, { digest: "a".repeat(64) });
  await h.deliver(...review(h, "alice", "APPROVED"));
  expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  return { h, sha };
}

describe("an approval releases only the deploy job of the model it approved", () => {
  it.each([
    ["a workflow_dispatch run", "workflow_dispatch"],
    ["a push run of the branch", "push"],
  ])("not %s on the same commit that trained another model (GitHub asks)", async (_what, event) => {
    const { h, sha } = await approvedModelA();
    // The PR author (push access) dispatches the training workflow on the PR branch: it trains model
    // B and its deploy job waits on production. GitHub lists the PR on the run (same head).
    const other = h.addMetrics(sha, 0.85, {
      digest: "b".repeat(64),
      event,
      waitingOn: ["production"],
    });
    await h.deliver(...deploymentRuleEvent(h, { runId: other.id }));
    expect(other.answers.filter((a) => a.state === "approved")).toEqual([]);
  });

  it("not a dispatch run that trained another model, on the App's next event", async () => {
    const { h, sha } = await approvedModelA();
    const other = h.addMetrics(sha, 0.85, {
      digest: "b".repeat(64),
      event: "workflow_dispatch",
      pullRequests: [],
      waitingOn: ["production"],
    });
    // Any event on the PR (a label, a comment review, a re-request) answers every waiting run on the commit.
    await h.deliver(...prEvent(h, "synchronize"));
    expect(other.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});
