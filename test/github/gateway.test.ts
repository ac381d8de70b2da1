import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubGateway, STICKY_MARKER, serverUrlOf } from "../../src/github/gateway.js";
import { GitHubError, isForbidden } from "../../src/github/errors.js";
import { BoundedCache } from "../../src/github/bounded-cache.js";
import type { Comparison } from "../../src/github/rest/pulls.js";
import { ReviewsUnread } from "../../src/github/graphql/pull-request.js";
import { handlers } from "../../src/local-github/routes.js";
import { createActionOctokit } from "../../src/github/octokit.js";
import {
  DEFAULT_TOKEN,
  GRAPHQL_ROUTE,
  startFakeGitHub,
  type FakeGitHub,
} from "../../src/local-github/index.js";

const REPO = "acme/models";
const HEAD = "a".repeat(40);
const FORK_TOKEN = "fork-token";
const APP_TOKEN = "app-token";

let gh: FakeGitHub;

function gateway(token = DEFAULT_TOKEN, identity = {}): GitHubGateway {
  const octokit = createActionOctokit(token, { baseUrl: gh.url, retryAfterBaseValue: 1 });
  return new GitHubGateway(octokit, { owner: "acme", repo: "models" }, identity);
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  const { state } = gh;
  state.addRepo(REPO, { collaborators: ["alice", "bob", "carol"] });
  state.commit(REPO, { branch: "main", files: { ".github/model-approval.yml": "steps: []\n" } });
  state.addPullRequest(REPO, { number: 7, author: "carol", headSha: HEAD, files: ["models/model.pkl"] });
  state.addToken(FORK_TOKEN, {
    login: "github-actions[bot]",
    type: "Bot",
    appSlug: "github-actions",
    readOnly: true,
  });
  state.addToken(APP_TOKEN, { login: "model-approval[bot]", type: "Bot", appSlug: "model-approval" });
});

afterEach(async () => {
  gh.assertNoContractViolations();
  await gh.close();
});

describe("the server's web address", () => {
  it.each([
    ["https://api.github.com", "https://github.com"],
    ["https://ghe.example.com/api/v3", "https://ghe.example.com"],
    ["https://api.acme.ghe.com", "https://acme.ghe.com"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["not a url", undefined],
  ])("of the API at %s is %s", (api, server) => {
    expect(serverUrlOf(api)).toBe(server);
  });
  it("is kept without a trailing slash", () => {
    const octokit = createActionOctokit(DEFAULT_TOKEN, { baseUrl: "http://127.0.0.1:1" });
    expect(
      new GitHubGateway(octokit, { owner: "a", repo: "b" }, {}, { serverUrl: "https://x.test/" }).serverUrl,
    ).toBe("https://x.test");
  });
});

describe("reads", () => {
  it("reads a file at a ref as text, and null when it is absent", async () => {
    const g = gateway();
    expect(await g.getFileText(".github/model-approval.yml", "main")).toBe("steps: []\n");
    expect(await g.getFileText("missing.yml", "main")).toBeNull();
    // With the git blob sha, so a decision can name the rules it read.
    expect(await g.getFile(".github/model-approval.yml", "refs/heads/main")).toEqual({
      text: "steps: []\n",
      blobSha: "c8030c3bbc887b17826efe42191a4c133d61fb56", // git hash-object
    });
  });

  it("resolves a ref to the commit it names now, and null when it names none", async () => {
    const g = gateway();
    const main = gh.state.resolveRef(gh.state.repo(REPO), "main");
    expect(await g.commitAt("main")).toBe(main);
    expect(await g.commitAt(main!)).toBe(main);
    expect(await g.commitAt("no-such-branch")).toBeNull();
  });

  it("reads a pull request's facts and its reviews in one GraphQL request", async () => {
    gh.state.pull(REPO, 7).labels.push("model-approval: pending");
    gh.state.pull(REPO, 7).requestedReviewers.push("alice");
    gh.state.pull(REPO, 7).requestedTeams.push("ml-leads");
    gh.state.addReview(REPO, 7, { user: "bob", state: "APPROVED" });
    const { pullRequest: pr, reviews } = await gateway().pullRequestWithReviews(7);
    expect(pr).toEqual({
      number: 7,
      author: "carol",
      headSha: HEAD,
      headRef: gh.state.pull(REPO, 7).headRef,
      baseRef: "main",
      baseSha: gh.state.pull(REPO, 7).baseSha,
      state: "open",
      merged: false,
      draft: false,
      title: gh.state.pull(REPO, 7).title,
      labels: ["model-approval: pending"],
      requestedReviewers: ["alice"],
      requestedTeams: ["ml-leads"],
      baseRepoFullName: REPO,
      defaultBranch: "main",
      headRepoFullName: REPO,
      changedFilesCount: 1,
      updatedAt: gh.state.pull(REPO, 7).updatedAt,
    });
    const stored = gh.state.pull(REPO, 7).reviews[0]!;
    expect(reviews).toEqual([
      {
        id: stored.id,
        user: { login: "bob" },
        state: "APPROVED",
        commit_id: HEAD,
        submitted_at: stored.submittedAt,
        body: "",
      },
    ]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
    expect(gh.writes()).toEqual([]);
  });

  it("names a bot as REST does, with [bot], so that logins compare across both APIs", async () => {
    gh.state.addPullRequest(REPO, { number: 8, author: "dependabot[bot]", headSha: HEAD, files: ["a"] });
    gh.state.addReview(REPO, 8, { user: "model-approval[bot]", state: "COMMENTED" });
    const { pullRequest, reviews } = await gateway().pullRequestWithReviews(8);
    expect(pullRequest.author).toBe("dependabot[bot]");
    expect(reviews[0]?.user).toEqual({ login: "model-approval[bot]" });
  });

  it("reads every page of reviews: a review past the first hundred is not hidden", async () => {
    for (let i = 0; i < 230; i++) gh.state.addReview(REPO, 7, { user: `user${i}`, state: "COMMENTED" });
    gh.state.addReview(REPO, 7, { user: "alice", state: "CHANGES_REQUESTED", body: "no" });
    const { reviews } = await gateway().pullRequestWithReviews(7);
    expect(reviews).toHaveLength(231);
    expect(reviews.at(-1)).toMatchObject({
      user: { login: "alice" },
      state: "CHANGES_REQUESTED",
      commit_id: HEAD,
    });
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE, GRAPHQL_ROUTE, GRAPHQL_ROUTE]);
  });

  describe("reviews GitHub does not list whole are unread, with the PR as read, never fewer reviews", () => {
    type Answer = {
      status: number;
      body: { data: { repository: { pullRequest: { reviews: Record<string, unknown> | null } } } };
    };
    /** Serves the local GitHub's own answer, changed by `edit` on the `nth` query. */
    const editAnswer = (edit: (answer: Answer) => void, nth = 1) => {
      let queries = 0;
      gh.handle(GRAPHQL_ROUTE, (ctx) => {
        const answer = handlers[GRAPHQL_ROUTE]!(ctx) as Answer;
        if (++queries === nth) edit(answer);
        return answer;
      });
    };
    const unread = async () => {
      const error = await gateway()
        .pullRequestWithReviews(7)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReviewsUnread);
      expect((error as ReviewsUnread).pullRequest).toMatchObject({ number: 7, headSha: HEAD });
      return (error as ReviewsUnread).message;
    };

    it("a null connection", async () => {
      gh.state.addReview(REPO, 7, { user: "alice", state: "CHANGES_REQUESTED", body: "no" });
      editAnswer((a) => (a.body.data.repository.pullRequest.reviews = null));
      expect(await unread()).toMatch(/left the reviews out/);
    });

    it("a review without its id", async () => {
      gh.state.addReview(REPO, 7, { user: "alice", state: "CHANGES_REQUESTED", body: "no" });
      editAnswer((a) => {
        const reviews = a.body.data.repository.pullRequest.reviews as {
          nodes: { fullDatabaseId: unknown }[];
        };
        reviews.nodes[0]!.fullDatabaseId = null;
      });
      expect(await unread()).toMatch(/left a review out/);
    });

    it("a later page that fails", async () => {
      for (let i = 0; i < 150; i++) gh.state.addReview(REPO, 7, { user: `user${i}`, state: "COMMENTED" });
      let queries = 0;
      // The first page is answered; every later one fails, retries included.
      gh.handle(GRAPHQL_ROUTE, (ctx) =>
        ++queries === 1 ? handlers[GRAPHQL_ROUTE]!(ctx) : { status: 502, body: { message: "Bad gateway" } },
      );
      expect(await unread()).toMatch(/502/);
    });
  });

  it("lists at most as many open PRs as asked for, newest first, reading no page past the one that shows more", async () => {
    for (let n = 100; n < 260; n++)
      gh.state.addPullRequest(REPO, { number: n, author: "bob", headSha: HEAD });
    const listing = () => gh.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/pulls").length;
    const few = await gateway().openPullRequests(50);
    expect(few).toEqual({ numbers: Array.from({ length: 50 }, (_, i) => 259 - i), more: true });
    expect(listing()).toBe(1);
    gh.clearRequests();
    // 161 open PRs: exactly that many is all of them; one fewer leaves one more.
    expect(await gateway().openPullRequests(161)).toMatchObject({ more: false });
    expect((await gateway().openPullRequests(160)).more).toBe(true);
    expect(listing()).toBe(4);
  });

  it("reads what a reviewer wrote", async () => {
    gh.state.addReview(REPO, 7, { user: "alice", state: "CHANGES_REQUESTED", body: "re-run the eval" });
    gh.state.addReview(REPO, 7, { user: "bob", state: "APPROVED" });
    const { reviews } = await gateway().pullRequestWithReviews(7);
    expect(reviews.map((r) => r.body)).toEqual(["re-run the eval", ""]);
  });

  it("gives a missing pull request REST's 404, naming what was read", async () => {
    const error = await gateway()
      .pullRequestWithReviews(99)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(404);
    expect((error as GitHubError).message).toMatch(
      /reading pull request #99.*Could not resolve to a PullRequest/,
    );
  });

  it("lists the files of exactly one commit against the merge base, and says when GitHub's cap cut the list", async () => {
    const main = gh.state.repo(REPO).branches.main!;
    const first = gh.state.commit(REPO, { branch: "feature", parent: main, files: { "train/a.py": "1" } });
    const second = gh.state.commit(REPO, { branch: "feature", files: { "eval/b.py": "2" } });
    const g = gateway();
    expect(await g.changedFiles(main, first)).toEqual({ known: true, files: ["train/a.py"], complete: true });
    expect(await g.changedFiles(main, second)).toMatchObject({
      files: ["eval/b.py", "train/a.py"],
      complete: true,
    });
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`data/f${i}.csv`, "x"]));
    const big = gh.state.commit(REPO, { parent: main, files: many });
    expect(await g.changedFiles(main, big)).toMatchObject({ complete: false, limit: 300 });
  });

  it("keeps a comparison of two commits named by sha, per repository, and asks about a branch every time", async () => {
    const main = gh.state.repo(REPO).branches.main!;
    const head = gh.state.commit(REPO, { branch: "feature", parent: main, files: { "train/a.py": "1" } });
    const kept = {
      artifactFiles: new BoundedCache<string>(1 << 20, 1 << 20, () => 1),
      comparisons: new BoundedCache<Comparison>(1 << 20, 1 << 20, () => 1),
    };
    const keeping = (repo = "models") =>
      new GitHubGateway(
        createActionOctokit(DEFAULT_TOKEN, { baseUrl: gh.url, retryAfterBaseValue: 1 }),
        { owner: "acme", repo },
        {},
        { kept },
      );
    const compares = () =>
      gh.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/compare/{basehead}").length;
    const files = await keeping().changedFiles(main, head);
    expect(files).toMatchObject({ files: ["train/a.py"] });
    expect(await keeping().changedFiles(main, head)).toEqual(files);
    expect(compares()).toBe(1);
    // A branch's name can point elsewhere next time.
    await keeping().branchContains("main", head);
    await keeping().branchContains("main", head);
    expect(compares()).toBe(3);
    // Another repository's answer is its own, even for the same shas.
    gh.state.addRepo("acme/other", { collaborators: ["alice"] });
    await expect(keeping("other").changedFiles(main, head)).rejects.toThrow(GitHubError);
    expect(compares()).toBe(4);
  });

  it("knows whether the default branch contains a commit, and who pushed one", async () => {
    const main = gh.state.repo(REPO).branches.main!;
    const side = gh.state.commit(REPO, {
      branch: "side",
      parent: main,
      files: { x: "1" },
      pusher: "mallory",
    });
    const g = gateway();
    expect(await g.branchContains("main", main)).toBe(true);
    expect(await g.branchContains("main", side)).toBe(false);
    expect(await g.branchContains("main", "f".repeat(40))).toBe(false);
    expect(await g.pusherOf("side", side)).toBe("mallory");
    expect(await g.pusherOf("side", main)).toBeUndefined();
  });

  it("reads a snapshot file out of a run's artifact zip, and nothing from a deleted or expired one", async () => {
    const run = gh.state.addWorkflowRun(REPO, { headSha: HEAD, status: "completed", conclusion: "success" });
    const artifact = gh.state.addArtifact(REPO, {
      runId: run.id,
      name: "model-approval-snapshot-1",
      files: { "s.json": "{}" },
    });
    const g = gateway();
    expect(await g.runArtifacts(run.id)).toEqual([
      expect.objectContaining({
        id: artifact.id,
        name: "model-approval-snapshot-1",
        runId: run.id,
        headSha: HEAD,
        expired: false,
      }),
    ]);
    expect(await g.readArtifactFile(artifact.id, "s.json", 1000)).toBe("{}");
    expect(await g.readArtifactFile(artifact.id, "other.json", 1000)).toBeNull();
    await expect(g.readArtifactFile(artifact.id, "s.json", 10)).rejects.toThrow(/larger than 10 bytes/);
    gh.state.expireArtifact(REPO, artifact.id);
    expect(await g.readArtifactFile(artifact.id, "s.json", 1000)).toBeNull();
    expect((await g.workflowRunsForCommit(HEAD)).map((r) => r.id)).toEqual([run.id]);
    expect(await g.getWorkflowRun(run.id)).toMatchObject({
      id: run.id,
      headSha: HEAD,
      workflow: ".github/workflows/model.yml",
    });
  });

  it("lists team members, and surfaces an unreadable team as a 403 GitHubError", async () => {
    gh.state.setTeam("acme", "ml-leads", ["alice", "dave"]);
    expect(await gateway().listTeamMembers("acme", "ml-leads")).toEqual(["alice", "dave"]);
    const missing = await gateway()
      .listTeamMembers("acme", "nobody")
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitHubError);
    expect((missing as GitHubError).status).toBe(404);
    gh.state.addToken("no-org", { login: "github-actions[bot]", type: "Bot", noOrgRead: true });
    const refused = await gateway("no-org")
      .listTeamMembers("acme", "ml-leads")
      .catch((e: unknown) => e);
    expect(isForbidden(refused)).toBe(true);
  });

  it("finds the open PRs of a commit and the newest check run of a name", async () => {
    gh.state.addPullRequest(REPO, { number: 8, author: "bob", headSha: HEAD });
    gh.state.pull(REPO, 8).state = "closed";
    const g = gateway();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7]);
    expect(await g.findCheckRun(HEAD, "model-approval/metrics")).toBeNull();
    gh.state.addCheckRun(REPO, {
      name: "model-approval/metrics",
      headSha: HEAD,
      appSlug: "github-actions",
      text: "old",
    });
    gh.state.addCheckRun(REPO, {
      name: "model-approval/metrics",
      headSha: HEAD,
      appSlug: "forger",
      text: "new",
    });
    const run = await g.findCheckRun(HEAD, "model-approval/metrics");
    expect(run).toMatchObject({ head_sha: HEAD, app: { slug: "forger" }, output: { text: "new" } });
  });
});

describe("check runs", () => {
  const desired = {
    name: "model-approval",
    headSha: HEAD,
    status: "completed" as const,
    conclusion: "success" as const,
    output: { title: "Approved", summary: "alice approved" },
  };

  it("creates once, then writes only when something differs", async () => {
    const g = gateway();
    const first = await g.upsertCheckRun(desired);
    expect(first.changed).toBe(true);
    gh.clearRequests();
    expect(await g.upsertCheckRun(desired)).toEqual({ id: first.id, changed: false });
    expect(gh.writes()).toEqual([]);
    const updated = await g.upsertCheckRun({
      ...desired,
      conclusion: "failure",
      output: { title: "Rejected", summary: "no" },
    });
    expect(updated).toEqual({ id: first.id, changed: true });
    expect(gh.writes().map((r) => r.route)).toEqual([
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    ]);
    expect(gh.state.repo(REPO).checkRuns).toHaveLength(1);
    expect(gh.state.repo(REPO).checkRuns[0]).toMatchObject({ conclusion: "failure", title: "Rejected" });
  });

  it("sends annotations 50 per request", async () => {
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: ".github/model-approval.yml",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "failure" as const,
      message: `problem ${i}`,
    }));
    await gateway().upsertCheckRun({
      ...desired,
      conclusion: "failure",
      output: { ...desired.output, annotations },
    });
    const sizes = gh
      .writes()
      .map((r) => (r.body as { output: { annotations?: unknown[] } }).output.annotations?.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(gh.state.repo(REPO).checkRuns[0]?.annotations).toHaveLength(120);
  });

  it("starts a new run rather than reopening a completed one", async () => {
    const g = gateway();
    const done = await g.upsertCheckRun(desired);
    const pending = await g.upsertCheckRun({ ...desired, status: "in_progress", conclusion: undefined });
    expect(pending.id).not.toBe(done.id);
    expect((await g.findCheckRun(HEAD, "model-approval"))?.status).toBe("in_progress");
  });

  it("without a known identity, replaces a newer run it may not change by one of its own", async () => {
    await gateway().upsertCheckRun(desired);
    const forged = gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "forger" });
    const result = await gateway().upsertCheckRun({ ...desired, conclusion: "failure" });
    expect(result.changed).toBe(true);
    expect(result.id).toBeGreaterThan(forged.id);
    expect((await gateway().findCheckRun(HEAD, "model-approval"))?.app?.slug).toBe("github-actions");
  });

  it("updates its own run, not a newer one made by another app", async () => {
    const own = await gateway(APP_TOKEN, { appSlug: "model-approval" }).upsertCheckRun(desired);
    gh.state.addCheckRun(REPO, {
      name: "model-approval",
      headSha: HEAD,
      appSlug: "forger",
      conclusion: "success",
    });
    const again = await gateway(APP_TOKEN, { appSlug: "model-approval" }).upsertCheckRun({
      ...desired,
      conclusion: "failure",
    });
    expect(again).toEqual({ id: own.id, changed: true });
  });
});

describe("the sticky comment", () => {
  it("is created once and then updated in place, never duplicated", async () => {
    const g = gateway();
    const created = await g.upsertStickyComment(7, "pending: alice must approve");
    expect(created).toMatchObject({ created: true, changed: true });
    gh.state.addComment(REPO, 7, { user: "alice", body: "looks good" });
    expect(await g.upsertStickyComment(7, "pending: alice must approve")).toEqual({
      id: created.id,
      created: false,
      changed: false,
    });
    const updated = await g.upsertStickyComment(7, "approved by alice");
    expect(updated).toEqual({ id: created.id, created: false, changed: true });
    const comments = gh.state.repo(REPO).comments;
    expect(comments).toHaveLength(2);
    expect(comments[0]?.body).toBe(`${STICKY_MARKER}\napproved by alice`);
  });

  it("is found beyond the first page, and a human's comment quoting the marker is left alone", async () => {
    gh.state.addComment(REPO, 7, { user: "alice", body: `> ${STICKY_MARKER} quoted` });
    for (let i = 0; i < 120; i++) gh.state.addComment(REPO, 7, { user: "bob", body: `comment ${i}` });
    const ours = gh.state.addComment(REPO, 7, {
      user: "github-actions[bot]",
      bot: true,
      body: `${STICKY_MARKER}\nold`,
    });
    const result = await gateway().upsertStickyComment(7, "new");
    expect(result).toEqual({ id: ours.id, created: false, changed: true });
    expect(gh.state.repo(REPO).comments[0]?.body).toBe(`> ${STICKY_MARKER} quoted`);
  });
});

describe("the sticky comment, when someone else carries the marker", () => {
  it("writes its own comment rather than editing a human's", async () => {
    const human = gh.state.addComment(REPO, 7, { user: "mallory", body: `${STICKY_MARKER}\napproved!` });
    const result = await gateway().upsertStickyComment(7, "pending: alice must approve");
    expect(result).toMatchObject({ created: true, changed: true });
    const comments = gh.state.repo(REPO).comments;
    expect(comments).toHaveLength(2);
    expect(comments.find((c) => c.id === human.id)?.body).toBe(`${STICKY_MARKER}\napproved!`);
  });

  it("with a known identity, edits only its own comment, not another bot's", async () => {
    const other = gh.state.addComment(REPO, 7, {
      user: "other-app[bot]",
      bot: true,
      body: `${STICKY_MARKER}\nold`,
    });
    const g = gateway(DEFAULT_TOKEN, { login: "github-actions[bot]" });
    const first = await g.upsertStickyComment(7, "new");
    expect(first).toMatchObject({ created: true });
    expect(gh.state.repo(REPO).comments.find((c) => c.id === other.id)?.body).toBe(`${STICKY_MARKER}\nold`);
    expect(await g.upsertStickyComment(7, "newer")).toEqual({ id: first.id, created: false, changed: true });
  });
});

describe("the state label", () => {
  it("swaps labels instead of accumulating them, and makes no call when already right", async () => {
    const pull = gh.state.pull(REPO, 7);
    pull.labels = ["model-approval: pending", "Model-Approval: approved", "bug"];
    const g = gateway();
    expect(await g.setStateLabel(7, "rejected")).toEqual({
      added: ["model-approval: rejected"],
      removed: ["model-approval: pending", "Model-Approval: approved"],
    });
    expect(pull.labels).toEqual(["bug", "model-approval: rejected"]);
    gh.clearRequests();
    expect(await g.setStateLabel(7, "rejected", { currentLabels: pull.labels })).toEqual({
      added: [],
      removed: [],
    });
    expect(gh.requests).toEqual([]);
    expect(await g.setStateLabel(7, null)).toEqual({ added: [], removed: ["model-approval: rejected"] });
    expect(pull.labels).toEqual(["bug"]);
  });

  it("treats a label already removed by someone else as removed", async () => {
    await gateway().setStateLabel(7, "approved", { currentLabels: ["model-approval: pending"] });
    expect(gh.state.pull(REPO, 7).labels).toEqual(["model-approval: approved"]);
  });
});

describe("review requests", () => {
  it("asks only those not yet asked, never the author, and reports refusals", async () => {
    gh.state.pull(REPO, 7).requestedReviewers.push("bob");
    gh.state.pull(REPO, 7).labels.push("model-approval: pending");
    gh.state.setTeam("acme", "ml-leads", ["alice"]);
    const result = await gateway().requestReviewers(
      7,
      { users: ["alice", "bob", "carol", "mallory"], teams: ["ml-leads"] },
      { author: "carol" },
    );
    expect(result).toEqual({
      requested: { users: ["alice"], teams: ["ml-leads"] },
      refused: { users: ["mallory"], teams: [] },
    });
    expect(gh.state.pull(REPO, 7).requestedReviewers).toEqual(["bob", "alice"]);
    gh.clearRequests();
    await gateway().requestReviewers(7, { users: ["alice", "bob"], teams: [] });
    expect(gh.writes()).toEqual([]);
  });
});

describe("deployment protection rules", () => {
  it("lists waiting runs and answers them, with long comments clipped to GitHub's limit", async () => {
    const run = gh.state.addWaitingRun(REPO, { headSha: HEAD, environments: ["production"] });
    gh.state.addWaitingRun(REPO, { headSha: "b".repeat(40), environments: ["production"] });
    const app = gateway(APP_TOKEN);
    expect(await app.waitingDeploymentsForSha(HEAD)).toEqual([
      {
        runId: run.id,
        environments: ["production"],
        run: expect.objectContaining({
          id: run.id,
          headSha: HEAD,
          workflow: run.path,
          event: "pull_request",
        }),
      },
    ]);
    await app.reviewDeploymentProtectionRule(run.id, {
      environment: "production",
      comment: "x".repeat(5000),
    });
    expect(run.answers[0]?.comment).toHaveLength(1024);
    expect(run.answers[0]?.state).toBeUndefined();
    await app.answerDeploymentCallback(
      `${gh.url}/repos/acme/models/actions/runs/${run.id}/deployment_protection_rule`,
      { environment: "production", state: "approved", comment: "approved by alice" },
    );
    expect(run.answers[1]).toMatchObject({ state: "approved", by: "model-approval[bot]" });
    expect(run.status).toBe("in_progress");
  });

  it("takes the waiting runs from the commit's runs as the event listed them, when each had ended or was waiting", async () => {
    const waiting = gh.state.addWaitingRun(REPO, { headSha: HEAD, environments: ["production"] });
    const app = gateway(APP_TOKEN);
    const [run] = await app.workflowRunsForCommit(HEAD);
    const ended = { ...run!, id: run!.id + 1, status: "completed" };
    gh.clearRequests();
    expect(await app.waitingDeploymentsForSha(HEAD, [ended, run!])).toMatchObject([
      { runId: waiting.id, environments: ["production"] },
    ]);
    expect(gh.requests.map((r) => r.route)).toEqual([
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
    ]);
  });

  it("lists the waiting runs again when a run in the event's list may have started waiting since, or the list may have left some out", async () => {
    const waiting = gh.state.addWaitingRun(REPO, { headSha: HEAD, environments: ["production"] });
    const app = gateway(APP_TOKEN);
    const [run] = await app.workflowRunsForCommit(HEAD);
    const lists = [
      // listed while its train job ran
      [{ ...run!, status: "in_progress" }],
      [{ ...run!, status: "queued" }],
      // a full page of a hundred newer runs: the waiting one may be past it
      Array.from({ length: 100 }, (_, i) => ({ ...run!, id: run!.id + 1000 + i, status: "completed" })),
      [{ ...run!, headSha: "b".repeat(40) }],
    ];
    for (const listed of lists) {
      gh.clearRequests();
      expect(await app.waitingDeploymentsForSha(HEAD, listed)).toMatchObject([{ runId: waiting.id }]);
      expect(gh.requests.map((r) => r.route)).toContain("GET /repos/{owner}/{repo}/actions/runs");
    }
  });

  it("refuses a callback URL of another repository, so the token goes nowhere else", async () => {
    const answer = gateway(APP_TOKEN).answerDeploymentCallback(
      "https://evil.example/repos/other/repo/actions/runs/1/deployment_protection_rule",
      { environment: "production", state: "approved", comment: "" },
    );
    await expect(answer).rejects.toThrow(/not a deployment protection rule of acme\/models/);
    expect(gh.requests).toEqual([]);
  });
});

describe("failures", () => {
  it("surfaces a fork's read-only token as a forbidden GitHubError naming the operation", async () => {
    const error = await gateway(FORK_TOKEN)
      .upsertStickyComment(7, "hello")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(isForbidden(error)).toBe(true);
    expect((error as GitHubError).message).toBe(
      "while writing the comment on #7: 403 Resource not accessible by integration",
    );
  });

  it("retries a 5xx and succeeds", async () => {
    gh.fail(GRAPHQL_ROUTE, { status: 502, times: 2 });
    gh.state.addReview(REPO, 7, { user: "alice", state: "APPROVED" });
    // The client exactly as the Action builds it, rate-limit handling included.
    expect((await gateway().pullRequestWithReviews(7)).reviews).toHaveLength(1);
    expect(gh.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it("gives up after the retries with the status and the operation", async () => {
    gh.fail(GRAPHQL_ROUTE, { status: 500, times: 10, message: "boom" });
    const error = await gateway()
      .pullRequestWithReviews(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(500);
    expect((error as GitHubError).operation).toBe("reading pull request #7 and its reviews");
    expect(gh.requests).toHaveLength(4);
  });
});
