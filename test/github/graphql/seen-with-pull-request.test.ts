// The PR's query also brings the head's check runs, the PR's comments and the head's other PRs, so
// the writes after it need not read them again; anything GitHub did not give whole is read by REST.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubGateway, STICKY_MARKER } from "../../../src/github/gateway.js";
import { createActionOctokit } from "../../../src/github/octokit.js";
import { handlers } from "../../../src/local-github/routes.js";
import { GRAPHQL_ROUTE, startFakeGitHub, type FakeGitHub } from "../../../src/local-github/index.js";

const REPO = "acme/models";
const HEAD = "a".repeat(40);
const APP_TOKEN = "app-token";
const CHECK_RUNS = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
const COMMENTS = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
const COMMIT_PULLS = "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls";

let gh: FakeGitHub;

function appGateway(): GitHubGateway {
  const octokit = createActionOctokit(APP_TOKEN, { baseUrl: gh.url, retryAfterBaseValue: 1 });
  return new GitHubGateway(
    octokit,
    { owner: "acme", repo: "models" },
    { login: "model-approval[bot]", appSlug: "model-approval" },
  );
}

const desired = {
  name: "model-approval",
  headSha: HEAD,
  status: "completed" as const,
  conclusion: "success" as const,
  output: { title: "Approved", summary: "alice approved" },
};

/** A gateway that has read PR 7, with the requests so far forgotten. */
async function afterQuery(): Promise<GitHubGateway> {
  const g = appGateway();
  await g.pullRequestWithReviews(7);
  gh.clearRequests();
  return g;
}

const ownStickyComment = () =>
  gh.state.addComment(REPO, 7, { user: "model-approval[bot]", bot: true, body: `${STICKY_MARKER}\nold` });

const routes = (): string[] => gh.requests.map((r) => r.route ?? r.path);

/** Serves the local GitHub's own answer to the first query, changed by `edit`. */
function editFirstAnswer(edit: (pullRequest: Record<string, unknown>) => void): void {
  let queries = 0;
  gh.handle(GRAPHQL_ROUTE, (ctx) => {
    const answer = handlers[GRAPHQL_ROUTE]!(ctx) as {
      status: number;
      body: { data: { repository: { pullRequest: Record<string, unknown> } } };
    };
    if (++queries === 1) edit(answer.body.data.repository.pullRequest);
    return answer;
  });
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO, { collaborators: ["alice", "carol"] });
  gh.state.commit(REPO, { branch: "main", files: { "README.md": "hi\n" } });
  gh.state.addPullRequest(REPO, { number: 7, author: "carol", headSha: HEAD, files: ["model.pkl"] });
  gh.state.addToken(APP_TOKEN, { login: "model-approval[bot]", type: "Bot", appSlug: "model-approval" });
});

afterEach(async () => {
  gh.assertNoContractViolations();
  await gh.close();
});

describe("the head's check runs, as the PR's query saw them", () => {
  it("are written without reading them again: the App's own run updated, a newer forged one passed over", async () => {
    const own = gh.state.addCheckRun(REPO, {
      name: "model-approval",
      headSha: HEAD,
      appSlug: "model-approval",
    });
    gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "forger" });
    const g = await afterQuery();
    expect(await g.upsertCheckRun({ ...desired, conclusion: "failure" })).toEqual({
      id: own.id,
      changed: true,
    });
    expect(routes()).toEqual(["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]);
    expect(gh.state.repo(REPO).checkRuns.find((r) => r.id === own.id)?.conclusion).toBe("failure");
  });

  it("that already show what is wanted cost nothing: no read, no write", async () => {
    gh.state.addCheckRun(REPO, {
      name: "model-approval",
      headSha: HEAD,
      appSlug: "model-approval",
      status: "in_progress",
      conclusion: null,
      title: "Pending",
      summary: "alice must approve",
    });
    const g = await afterQuery();
    const pending = {
      ...desired,
      status: "in_progress" as const,
      conclusion: undefined,
      output: { title: "Pending", summary: "alice must approve" },
    };
    expect((await g.upsertCheckRun(pending)).changed).toBe(false);
    expect(routes()).toEqual([]);
  });

  it("are used once: a second write of the same run reads GitHub again", async () => {
    const g = await afterQuery();
    const created = await g.upsertCheckRun(desired);
    expect(routes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
    expect(await g.upsertCheckRun(desired)).toEqual({ id: created.id, changed: false });
    expect(routes()).toEqual(["POST /repos/{owner}/{repo}/check-runs", CHECK_RUNS]);
  });

  it("past a page are read by REST, which pages them", async () => {
    for (let i = 0; i < 25; i++)
      gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "model-approval" });
    const newest = gh.state.repo(REPO).checkRuns.at(-1)!;
    const g = await afterQuery();
    expect(await g.upsertCheckRun({ ...desired, conclusion: "failure" })).toEqual({
      id: newest.id,
      changed: true,
    });
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it.each([
    [
      "a run whose id cannot be read from its path",
      (run: Record<string, unknown>) => (run.resourcePath = "/acme/models/runs/"),
    ],
    ["a run GitHub left null", (_run: Record<string, unknown>, nodes: unknown[]) => (nodes[0] = null)],
  ])("with %s are read by REST", async (_what, edit) => {
    const own = gh.state.addCheckRun(REPO, {
      name: "model-approval",
      headSha: HEAD,
      appSlug: "model-approval",
    });
    editFirstAnswer((pr) => {
      const commit = (
        pr.commits as {
          nodes: { commit: { checkSuites: { nodes: { decision: { nodes: unknown[] } }[] } } }[];
        }
      ).nodes[0]!.commit;
      const nodes = commit.checkSuites.nodes[0]!.decision.nodes;
      edit(nodes[0] as Record<string, unknown>, nodes);
    });
    const g = await afterQuery();
    expect((await g.upsertCheckRun({ ...desired, conclusion: "failure" })).id).toBe(own.id);
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it("of a commit other than the head the query read say nothing of the head", async () => {
    gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "model-approval" });
    editFirstAnswer((pr) => {
      (pr.commits as { nodes: { commit: { oid: string } }[] }).nodes[0]!.commit.oid = "b".repeat(40);
    });
    const g = await afterQuery();
    await g.upsertCheckRun({ ...desired, conclusion: "failure" });
    await g.pullRequestsForCommit(HEAD);
    expect(routes().slice(0, 1)).toEqual([CHECK_RUNS]);
    expect(routes()).toContain(COMMIT_PULLS);
  });
});

describe("the PR's comments, as the PR's query saw them", () => {
  it("find the App's own sticky comment, a bot's login as REST names it, and a human's marker is left alone", async () => {
    gh.state.addComment(REPO, 7, { user: "mallory", body: `${STICKY_MARKER}\napproved!` });
    const ours = ownStickyComment();
    const g = await afterQuery();
    expect(await g.upsertStickyComment(7, "new")).toEqual({ id: ours.id, created: false, changed: true });
    expect(routes()).toEqual(["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"]);
    expect(gh.state.repo(REPO).comments[0]?.body).toBe(`${STICKY_MARKER}\napproved!`);
  });

  it("past the first hundred are read by REST, where the sticky comment is found", async () => {
    for (let i = 0; i < 120; i++) gh.state.addComment(REPO, 7, { user: "bob", body: `comment ${i}` });
    const ours = ownStickyComment();
    const g = await afterQuery();
    expect(await g.upsertStickyComment(7, "new")).toEqual({ id: ours.id, created: false, changed: true });
    expect(routes()[0]).toBe(COMMENTS);
  });

  it("are used once: the comment created, a second write finds it by REST and does not duplicate it", async () => {
    const g = appGateway();
    await g.pullRequestWithReviews(7);
    const created = await g.upsertStickyComment(7, "first");
    expect(await g.upsertStickyComment(7, "second")).toEqual({
      id: created.id,
      created: false,
      changed: true,
    });
    expect(gh.state.repo(REPO).comments).toHaveLength(1);
  });
});

describe("the head's other open PRs, as the PR's query saw them", () => {
  it("are the open PRs whose head the commit is, read without REST", async () => {
    gh.state.addPullRequest(REPO, { number: 8, author: "bob", headSha: HEAD });
    gh.state.addPullRequest(REPO, { number: 9, author: "bob", headSha: HEAD });
    gh.state.pull(REPO, 9).state = "closed";
    const g = await afterQuery();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(routes()).toEqual([]);
    // Once: a second ask reads GitHub.
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(routes()).toEqual([COMMIT_PULLS]);
  });

  it("past a page are read by REST", async () => {
    editFirstAnswer((pr) => {
      const commit = (
        pr.commits as {
          nodes: { commit: { associatedPullRequests: { pageInfo: { hasNextPage: boolean } } } }[];
        }
      ).nodes[0]!.commit;
      commit.associatedPullRequests.pageInfo.hasNextPage = true;
    });
    const g = await afterQuery();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7]);
    expect(routes()).toEqual([COMMIT_PULLS]);
  });
});

it("a later page of reviews asks only for reviews", async () => {
  for (let i = 0; i < 150; i++) gh.state.addReview(REPO, 7, { user: `user${i}`, state: "COMMENTED" });
  await appGateway().pullRequestWithReviews(7);
  const queries = gh.requests.map((r) => (r.body as { variables: { whole: boolean } }).variables.whole);
  expect(queries).toEqual([true, false]);
});
