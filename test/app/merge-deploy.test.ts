// Attacks through a deploy job whose run built something other than the commit GitHub names as
// its head. A `pull_request` run checks out (and takes its workflow file from) the merge of the
// PR's head into its base; its head_sha is the PR's head. When that head is a commit the default
// branch contains and GitHub lists no open PR for the deployment (the PR was closed before the
// deploy job started waiting, or it comes from a fork), the App answers it as a push of that commit.
import { describe, expect, it } from "@jest/globals";
import { AUTO_CONFIG, REPO, harnessPerTest } from "./support/harness.js";
import { deploymentRuleEvent } from "./support/events.js";

const harness = harnessPerTest();

describe("a deploy job of a pull_request run whose head is on the default branch", () => {
  it("is not released on the default branch's push-run evidence for that head", async () => {
    const h = await harness({ config: AUTO_CONFIG, accuracy: null });
    const { state } = h.gh;
    const older = state.repo(REPO).branches.main!;
    const main = state.commit(REPO, { branch: "main", files: { "README.md": "v2\n" } });
    // main's own push run on its head auto-approves (0.95).
    h.addMetrics(main, 0.95, { event: "push", headBranch: "main", pullRequests: [] });
    // A collaborator pushes `loose` (a workflow with a production job that runs anything) and
    // branch `b` at main's head, opens b -> loose (loose forks from an older main, so the PR has a
    // diff) and closes it at once: the run goes on, and GitHub lists no open PR for it.
    const loose = state.commit(REPO, {
      branch: "loose",
      parent: older,
      files: {
        ".github/workflows/evil.yml": "on: pull_request\njobs: { deploy: { environment: production } }\n",
      },
      pusher: "bob",
    });
    const merge = state.commit(REPO, { parents: [loose, main], files: {} });
    const evil = state.addWaitingRun(REPO, {
      headSha: main,
      headBranch: "b",
      event: "pull_request",
      path: ".github/workflows/evil.yml",
      pullRequests: [],
      environments: ["production"],
    });
    await h.deliver(
      ...deploymentRuleEvent(h, {
        runId: evil.id,
        sha: merge,
        ref: "refs/pull/9/merge",
        pullRequests: false,
      }),
    );
    expect(evil.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});
