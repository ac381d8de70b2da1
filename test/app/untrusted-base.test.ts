// Attacks through a base branch that is not the default branch. The rules are read from the
// default branch, but a `pull_request` run builds the PR's merge into its base: the training
// workflow, the training code and `ref: base` baselines are the base's. The changed files are
// `base...head`, so whatever the base already differs in from the default branch is never seen.
import { describe, expect, it } from "@jest/globals";
import {
  AUTO_CONFIG,
  REPO,
  TRAIN_WORKFLOW,
  decisionCheck,
  harnessPerTest,
  stateLabels,
} from "./support/harness.js";
import { deploymentRuleEvent, prEvent } from "./support/events.js";

const harness = harnessPerTest();
const PROTECTED = AUTO_CONFIG.replace("steps:", "protected_paths: [train/**]\nsteps:");

describe("a PR into a base that differs from the default branch in guarded files", () => {
  it.each([
    ["the training workflow", { [TRAIN_WORKFLOW]: "on: pull_request\n# uploads any snapshot it likes\n" }],
    ["a protected path", { "train/model.py": "return 0.99\n" }],
  ])("is not auto-approved when the base changes %s", async (_what, baseFiles) => {
    const h = await harness({ config: PROTECTED, accuracy: null, waitingOn: ["production"] });
    const { state } = h.gh;
    // A collaborator with push access pushes `loose`, then a PR whose own diff is a README fix.
    const loose = state.commit(REPO, {
      branch: "loose",
      parent: state.repo(REPO).branches.main!,
      files: baseFiles,
      pusher: "bob",
    });
    const head = state.commit(REPO, {
      branch: "feature",
      parent: loose,
      files: { "README.md": "typo\n" },
      pusher: "bob",
    });
    Object.assign(h.pull, { headSha: head, baseRef: "loose", baseSha: loose });
    state.touchPull(h.pull);
    // The PR's training run: loose's workflow and code, merged with the head, recorded this.
    const run = h.addMetrics(head, 0.99, { waitingOn: ["production"] });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).not.toEqual(["model-approval: auto-approved"]);
    expect(decisionCheck(h)?.conclusion).not.toBe("success");
    await h.deliver(...deploymentRuleEvent(h, { runId: run.id }));
    expect(run.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});

describe("a run listed for several PRs on one head", () => {
  it("is not the evidence of the PR into the default branch when another listed PR has a base whose workflow differs", async () => {
    // GitHub's runs list every open PR whose head_sha or head_branch matches ("the returned pull
    // requests do not necessarily indicate pull requests that triggered the run"). PR #8
    // (feature -> loose) runs loose's training workflow on the same head as PR #7 (feature -> main).
    const h = await harness({ config: AUTO_CONFIG, accuracy: null });
    const { state } = h.gh;
    const main = state.repo(REPO).branches.main!;
    state.commit(REPO, {
      branch: "loose",
      parent: main,
      files: { [TRAIN_WORKFLOW]: "on: pull_request\n# records a snapshot for PR #7 with accuracy 0.99\n" },
      pusher: "bob",
    });
    const head = state.commit(REPO, {
      branch: "feature",
      parent: main,
      files: { "README.md": "typo\n" },
      pusher: "bob",
    });
    h.pull.headSha = head;
    state.touchPull(h.pull);
    state.addPullRequest(REPO, {
      number: 8,
      author: "bob",
      headSha: head,
      headRef: "feature",
      baseRef: "loose",
    });
    // PR #7's own, honest, run: 0.85 (needs a human).
    h.addMetrics(head, 0.85, { pullRequests: [7] });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    // PR #8's run (loose's workflow) lists both PRs and says it is for #7.
    h.addMetrics(head, 0.99, { pullRequests: [7, 8] });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)?.conclusion).not.toBe("success");
  });
});
