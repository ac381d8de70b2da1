// Attacks through a second pull request from the same head commit into another base branch.
// A decision is per PR (its base, its changed files, its reviews), but the `model-approval` check
// run and the waiting deploy jobs belong to a commit. Anyone with push access can create a base
// branch and open a second PR from the same head.
import { describe, expect, it } from "@jest/globals";
import type { FakePull } from "../../src/local-github/index.js";
import {
  AUTO_CONFIG,
  REPO,
  decisionCheck,
  harnessPerTest,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import { prEvent } from "./support/events.js";
import { SIBLINGS } from "../../src/github/candidate/commit.js";
import { MAX_OPEN_PULL_REQUEST_PAGES } from "../../src/github/graphql/open-pull-requests.js";
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { handlers } from "../../src/local-github/routes.js";

const harness = harnessPerTest();

/** AUTO_CONFIG, plus a protected training folder. */
const PROTECTED = AUTO_CONFIG.replace("steps:", "protected_paths: [train/**]\nsteps:");

/** pull_request.<action> for another PR than the harness's own. */
function eventFor(h: Harness, pull: FakePull, action: string) {
  return prEvent(h, action, {
    number: pull.number,
    pull_request: {
      number: pull.number,
      head: { sha: pull.headSha, ref: pull.headRef },
      base: { ref: pull.baseRef, sha: pull.baseSha },
    },
  });
}

/**
 * PR #7: feature -> main changes train/model.py (protected: needs a human). The attacker pushes
 * `staging` = main + that same train/model.py, and rebases feature onto it, then opens PR #8:
 * feature -> staging, whose own diff is only README.md.
 */
async function twoPullRequests() {
  const h = await harness({ config: PROTECTED, accuracy: null });
  const { state } = h.gh;
  const main = state.repo(REPO).branches.main!;
  const staging = state.commit(REPO, {
    branch: "staging",
    parent: main,
    files: { "train/model.py": "lr = 10  # whatever the PR wants\n" },
    pusher: "bob",
  });
  const head = state.commit(REPO, {
    branch: "feature",
    parent: staging,
    files: { "README.md": "typo\n" },
    pusher: "bob",
  });
  h.pull.headSha = head;
  state.touchPull(h.pull);
  const second = state.addPullRequest(REPO, {
    number: 8,
    author: "bob",
    headSha: head,
    headRef: "feature",
    baseRef: "staging",
  });
  // PR #7's training run, whose deploy job waits on production.
  const run7 = h.addMetrics(head, 0.95, { pullRequests: [7], waitingOn: ["production"] });
  // PR #8's training run (its snapshot says PR #8, as the Action writes it).
  h.addMetrics(head, 0.95, { pullRequests: [8], claims: { pullRequest: 8 } });
  return { h, head, second, run7 };
}

describe("a second PR from the same head into another base", () => {
  it("is not approved, and does not turn the first PR's model-approval check green", async () => {
    const { h, head, second } = await twoPullRequests();
    await h.deliver(...prEvent(h, "synchronize"));
    // PR #7 touches a protected path: it waits for a human.
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h, head)).toMatchObject({ status: "in_progress" });
    // PR #8 targets staging: its rules would come from a branch anyone with push access writes.
    await h.deliver(...eventFor(h, second, "opened"));
    expect(second.labels).not.toContain("model-approval: auto-approved");
    expect(second.labels).not.toContain("model-approval: approved");
    expect(decisionCheck(h, head)?.conclusion).not.toBe("success");
  });

  it("does not release the first PR's waiting deploy job", async () => {
    const { h, second, run7 } = await twoPullRequests();
    await h.deliver(...prEvent(h, "synchronize"));
    expect(run7.answers.some((a) => a.state === "approved")).toBe(false);
    await h.deliver(...eventFor(h, second, "opened"));
    expect(run7.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});

/**
 * Two PRs into main from one head commit: PR #7 (feature) and PR #9 (feature2, opened by the
 * attacker). Alice approves #9, Carol requests changes on #7. Each PR's own decision is right; the
 * commit's check run and the commit's waiting deploy job are shared.
 */
async function twoPullRequestsIntoMain() {
  const h = await harness({ config: PROTECTED, accuracy: null, teamMembers: ["carol"] });
  const { state } = h.gh;
  const head = state.commit(REPO, {
    branch: "feature",
    parent: state.repo(REPO).branches.main!,
    files: { "train/model.py": "lr = 10\n" },
    pusher: "bob",
  });
  h.pull.headSha = head;
  state.touchPull(h.pull);
  state.repo(REPO).branches.feature2 = head;
  const other = state.addPullRequest(REPO, {
    number: 9,
    author: "bob",
    headSha: head,
    headRef: "feature2",
    baseRef: "main",
  });
  // Each PR's own training run (pull_request runs are per PR); #7's deploy job waits.
  const run = h.addMetrics(head, 0.95, { pullRequests: [7], waitingOn: ["production"] });
  h.addMetrics(head, 0.95, { pullRequests: [9], headBranch: "feature2", claims: { pullRequest: 9 } });
  state.addReview(REPO, 7, { user: "carol", state: "CHANGES_REQUESTED", commitId: head });
  state.addReview(REPO, 9, { user: "alice", state: "APPROVED", commitId: head });
  return { h, head, other, run };
}

describe("a second PR from the same head into the same base", () => {
  it("its approval does not turn the commit's check green while the first PR objects", async () => {
    const { h, head, other } = await twoPullRequestsIntoMain();
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    await h.deliver(...eventFor(h, other, "synchronize"));
    // PR #9 on its own is approved: its surfaces say so.
    expect(other.labels).toContain("model-approval: approved");
    // The commit both PRs share carries the most conservative of their decisions.
    expect(decisionCheck(h, head)?.conclusion).toBe("failure");
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
  });

  it("its approval does not release the deploy job waiting on the shared commit", async () => {
    const { h, other, run } = await twoPullRequestsIntoMain();
    await h.deliver(...eventFor(h, other, "synchronize"));
    await h.deliver(...prEvent(h, "synchronize"));
    expect(run.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});

describe("many PRs on one head", () => {
  it("past the open PRs that are read, the commit waits: not shared, and not an error", async () => {
    const { h, head, other } = await twoPullRequestsIntoMain();
    // GitHub always says there is another page of open PRs.
    h.gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const answer = handlers[GRAPHQL_ROUTE]!(ctx) as {
        status: number;
        body: { data?: { repository?: Record<string, { pageInfo: unknown } | undefined> } };
      };
      // Their own query's list, and the one the re-check before a release brings along.
      for (const key of ["pullRequests", "openHeads"]) {
        const list = answer.body.data?.repository?.[key];
        if (list) list.pageInfo = { hasNextPage: true, endCursor: "Y3Vyc29yOnYyOjA=" };
      }
      return answer;
    });
    await h.deliver(...eventFor(h, other, "synchronize"));
    expect(other.labels).toContain("model-approval: approved");
    expect(decisionCheck(h, head)).toMatchObject({ status: "in_progress" });
    expect(decisionCheck(h, head)?.summary).toMatch(
      new RegExp(`more than ${MAX_OPEN_PULL_REQUEST_PAGES * 100} open PRs`),
    );
  });

  it("past the number decided together, the commit waits rather than leave some undecided", async () => {
    const { h, head, other } = await twoPullRequestsIntoMain();
    // Carol's objection on #7 would be found; more siblings than are decided must not hide it.
    for (let n = 10; n < 10 + SIBLINGS; n++) {
      h.gh.state.repo(REPO).branches[`copy${n}`] = head;
      h.gh.state.addPullRequest(REPO, {
        number: n,
        author: "bob",
        headSha: head,
        headRef: `copy${n}`,
        baseRef: "main",
      });
    }
    await h.deliver(...eventFor(h, other, "synchronize"));
    expect(other.labels).toContain("model-approval: approved");
    expect(decisionCheck(h, head)).toMatchObject({ status: "in_progress" });
    expect(`${decisionCheck(h, head)?.title} ${decisionCheck(h, head)?.summary}`).toMatch(
      /other open PRs have/,
    );
  });
});

describe("an approval of a head that another open PR approves too", () => {
  async function bothApproved() {
    const shared = await twoPullRequestsIntoMain();
    shared.h.gh.state.addReview(REPO, 7, { user: "carol", state: "APPROVED", commitId: shared.head });
    return shared;
  }

  it("releases the deploy job waiting on the shared commit", async () => {
    const { h, run } = await bothApproved();
    await h.deliver(...prEvent(h, "synchronize"));
    expect(run.answers.filter((a) => a.state === "approved")).toHaveLength(1);
  });

  it("is confirmed by a read of its own once the other PR is read: a review withdrawn meanwhile releases nothing", async () => {
    const { h, head, run } = await bothApproved();
    let withdrawn = false;
    h.gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const { number } = (ctx.body as { variables: { number?: number } }).variables;
      if (number === 9 && !withdrawn) {
        withdrawn = true;
        h.gh.state.addReview(REPO, 7, { user: "carol", state: "CHANGES_REQUESTED", commitId: head });
      }
      return handlers[GRAPHQL_ROUTE]!(ctx);
    });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(withdrawn).toBe(true);
    expect(run.answers.filter((a) => a.state === "approved")).toEqual([]);
    expect(run.status).toBe("waiting");
  });
});
