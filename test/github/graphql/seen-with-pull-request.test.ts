// The PR's query also brings the head's check runs, the PR's comments and the PRs from its head, so
// the writes after it need not read them again; anything GitHub did not give whole is read by REST.
import { MAX_HEAD_PULL_REQUESTS } from "../../../src/github/rest/pulls.js";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubGateway, STICKY_MARKER } from "../../../src/github/gateway.js";
import { createActionOctokit } from "../../../src/github/octokit.js";
import { handlers } from "../../../src/local-github/routes.js";
import type { FakeCheckRun } from "../../../src/local-github/state.js";
import { GRAPHQL_ROUTE, startFakeGitHub, type FakeGitHub } from "../../../src/local-github/index.js";

const REPO = "acme/models";
const HEAD = "a".repeat(40);
const APP_TOKEN = "app-token";
const CHECK_RUNS = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
const COMMENTS = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";

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

function setRun(commit: CommitNode, fields: Record<string, unknown>): void {
  Object.assign(commit.checkSuites.nodes[0]!.decision.nodes[0] as Record<string, unknown>, fields);
}

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

type Answer = {
  status: number;
  body: { data: { repository: { pullRequest: Record<string, unknown> } }; errors?: unknown[] };
};

/** Serves the local GitHub's own answer to the `nth` query, changed by `edit`. */
function editAnswer(edit: (pullRequest: Record<string, unknown>, answer: Answer) => void, nth = 1): void {
  let queries = 0;
  gh.handle(GRAPHQL_ROUTE, (ctx) => {
    const answer = handlers[GRAPHQL_ROUTE]!(ctx) as Answer;
    if (++queries === nth) edit(answer.body.data.repository.pullRequest, answer);
    return answer;
  });
}

type SuiteNode = { decision: { pageInfo: { hasNextPage: boolean }; nodes: unknown[] } };
type CommitNode = { oid: string; checkSuites: { pageInfo: { hasNextPage: boolean }; nodes: SuiteNode[] } };
const headIn = (pr: Record<string, unknown>): CommitNode =>
  (pr.commits as { nodes: { commit: CommitNode }[] }).nodes[0]!.commit;

const ownRun = (run: Partial<FakeCheckRun> = {}) =>
  gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "model-approval", ...run });

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
  const rejected = {
    ...desired,
    conclusion: "failure" as const,
    output: { title: "Rejected", summary: "no" },
  };
  const pending = {
    ...desired,
    status: "in_progress" as const,
    conclusion: undefined,
    output: { title: "Pending", summary: "alice must approve" },
  };

  it("write an approval without reading again: the App's own run updated, a newer forged one passed over", async () => {
    const own = ownRun({ conclusion: "failure" });
    gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "forger" });
    const g = await afterQuery();
    expect(await g.upsertCheckRun(desired)).toEqual({ id: own.id, changed: true });
    expect(routes()).toEqual(["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]);
    expect(gh.state.repo(REPO).checkRuns.find((r) => r.id === own.id)?.conclusion).toBe("success");
  });

  it("that already show the approval cost nothing: no read, no write", async () => {
    ownRun({ title: desired.output.title, summary: desired.output.summary });
    const g = await afterQuery();
    expect((await g.upsertCheckRun(desired)).changed).toBe(false);
    expect(routes()).toEqual([]);
  });

  it("decide nothing but an approval when they show a run of ours: a run turned green since the query is taken back", async () => {
    const own = ownRun({ conclusion: "failure", title: "Rejected", summary: "no" });
    const g = await afterQuery();
    // Another instance, deciding from an older read, writes the approval meanwhile.
    Object.assign(
      gh.state.repo(REPO).checkRuns.find((r) => r.id === own.id)!,
      {
        conclusion: "success",
        title: "Approved",
      },
    );
    expect(await g.upsertCheckRun(rejected)).toEqual({ id: own.id, changed: true });
    expect(routes()).toEqual([CHECK_RUNS, "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]);
    expect(gh.state.repo(REPO).checkRuns.find((r) => r.id === own.id)?.conclusion).toBe("failure");
  });

  it("that hold no run of ours let a pending run be created without reading", async () => {
    gh.state.addCheckRun(REPO, { name: "model-approval", headSha: HEAD, appSlug: "forger" });
    const g = await afterQuery();
    expect((await g.upsertCheckRun(pending)).changed).toBe(true);
    expect(routes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
  });

  it("are used once: a second write of the same run reads GitHub again", async () => {
    const g = await afterQuery();
    const created = await g.upsertCheckRun(desired);
    expect(routes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
    expect(await g.upsertCheckRun(desired)).toEqual({ id: created.id, changed: false });
    expect(routes()).toEqual(["POST /repos/{owner}/{repo}/check-runs", CHECK_RUNS]);
  });

  it("past a page are read by REST, which pages them", async () => {
    for (let i = 0; i < 25; i++) ownRun({ conclusion: "failure" });
    const newest = gh.state.repo(REPO).checkRuns.at(-1)!;
    const g = await afterQuery();
    expect(await g.upsertCheckRun(desired)).toEqual({ id: newest.id, changed: true });
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it.each([
    [
      "a run whose id cannot be read from its path",
      (c: CommitNode) => setRun(c, { resourcePath: "/acme/models/runs/" }),
    ],
    [
      "a run whose path is another repository's",
      (c: CommitNode) => setRun(c, { resourcePath: "/acme/other/runs/1" }),
    ],
    ["a run of another name", (c: CommitNode) => setRun(c, { name: "model-approval/metrics" })],
    ["a run GitHub left null", (c: CommitNode) => (c.checkSuites.nodes[0]!.decision.nodes[0] = null)],
    ["check suites past a page", (c: CommitNode) => (c.checkSuites.pageInfo.hasNextPage = true)],
  ])("with %s are read by REST", async (_what, edit) => {
    const own = ownRun({ conclusion: "failure" });
    editAnswer((pr) => edit(headIn(pr)));
    const g = await afterQuery();
    expect((await g.upsertCheckRun(desired)).id).toBe(own.id);
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it("of a commit other than the head the query read say nothing of the head", async () => {
    ownRun({ conclusion: "failure" });
    editAnswer((pr) => (headIn(pr).oid = "b".repeat(40)));
    const g = await afterQuery();
    await g.upsertCheckRun(desired);
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it("are forgotten by the next query: a later answer with a next page leaves the write to REST", async () => {
    const own = ownRun({ conclusion: "failure" });
    editAnswer((pr) => (headIn(pr).checkSuites.nodes[0]!.decision.pageInfo.hasNextPage = true), 2);
    const g = appGateway();
    await g.pullRequestWithReviews(7);
    await g.pullRequestWithReviews(7);
    gh.clearRequests();
    expect((await g.upsertCheckRun(desired)).id).toBe(own.id);
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it("that GitHub refuses to show drop out of the answer, not the PR: the write reads them by REST", async () => {
    const own = ownRun({ conclusion: "failure" });
    editAnswer((pr, answer) => {
      // checkSuites is nullable: GitHub nulls it alone and says why.
      headIn(pr).checkSuites = null as unknown as CommitNode["checkSuites"];
      answer.body.errors = [
        {
          type: "FORBIDDEN",
          path: ["repository", "pullRequest", "commits", "nodes", 0, "commit", "checkSuites"],
          message: "Resource not accessible by integration",
        },
      ];
    });
    const g = appGateway();
    const { pullRequest } = await g.pullRequestWithReviews(7);
    expect(pullRequest).toMatchObject({ number: 7, headSha: HEAD });
    gh.clearRequests();
    expect((await g.upsertCheckRun(desired)).id).toBe(own.id);
    expect(routes()[0]).toBe(CHECK_RUNS);
  });

  it.each([
    ["an error in the reviews", [["reviews", "nodes", 0, "author"]]],
    [
      "errors in the reviews and in the check runs",
      [
        ["commits", "nodes", 0, "commit", "checkSuites"],
        ["reviews", "nodes", 0, "author"],
      ],
    ],
  ])("with %s fail the read: a review GitHub left out is never read as none", async (_what, paths) => {
    gh.state.addReview(REPO, 7, { user: "alice", state: "CHANGES_REQUESTED", body: "no" });
    editAnswer((pr, answer) => {
      (pr.reviews as { nodes: { author: unknown }[] }).nodes[0]!.author = null;
      answer.body.errors = paths.map((path) => ({
        type: "FORBIDDEN",
        path: ["repository", "pullRequest", ...path],
        message: "Resource not accessible by integration",
      }));
    });
    await expect(appGateway().pullRequestWithReviews(7)).rejects.toThrow("Resource not accessible");
  });

  it("are forgotten when the next query fails too", async () => {
    const own = ownRun({ title: desired.output.title, summary: desired.output.summary });
    const g = appGateway();
    await g.pullRequestWithReviews(7);
    gh.fail(GRAPHQL_ROUTE, { status: 502, times: 10 });
    await expect(g.pullRequestWithReviews(7)).rejects.toThrow();
    gh.clearRequests();
    expect(await g.upsertCheckRun(desired)).toEqual({ id: own.id, changed: false });
    expect(routes()).toEqual([CHECK_RUNS]);
  });
});

describe("the config on the default branch, as the PR's query brought it", () => {
  const CONFIG = ".github/model-approval.yml";
  const CONTENTS = "GET /repos/{owner}/{repo}/contents/{path}";
  const brought = async (edit?: (file: Record<string, unknown>) => void) => {
    if (edit)
      editAnswer((pr) => {
        const branch = (
          pr.baseRepository as { defaultBranchRef: { target: { file: Record<string, unknown> } } }
        ).defaultBranchRef;
        edit(branch.target.file);
      });
    const g = appGateway();
    await g.pullRequestWithReviews(7, { file: CONFIG });
    gh.clearRequests();
    return g;
  };

  beforeEach(() => {
    gh.state.commit(REPO, { branch: "main", files: { [CONFIG]: "steps: []\n" } });
  });

  it("is read without asking again, as the contents API gives it, once", async () => {
    const g = await brought();
    const file = await g.getFile(CONFIG, "refs/heads/main");
    expect(routes()).toEqual([]);
    // The same text and blob sha as REST's.
    expect(await g.getFile(CONFIG, "refs/heads/main")).toEqual(file);
    expect(file).toEqual({ text: "steps: []\n", blobSha: "c8030c3bbc887b17826efe42191a4c133d61fb56" });
    expect(routes()).toEqual([CONTENTS]);
  });

  it("is known absent where the default branch has none", async () => {
    const g = appGateway();
    await g.pullRequestWithReviews(7, { file: "missing.yml" });
    gh.clearRequests();
    expect(await g.getFile("missing.yml", "refs/heads/main")).toBeNull();
    expect(routes()).toEqual([]);
  });

  it.each([
    ["a symlink", (f: Record<string, unknown>) => (f.mode = 0o120000)],
    ["a submodule", (f: Record<string, unknown>) => (f.type = "commit")],
    [
      "a truncated text",
      (f: Record<string, unknown>) => ((f.object as Record<string, unknown>).isTruncated = true),
    ],
    [
      "a binary file",
      (f: Record<string, unknown>) => ((f.object as Record<string, unknown>).isBinary = true),
    ],
  ])("that is %s is read by REST", async (_what, edit) => {
    const g = await brought(edit);
    expect(await g.getFile(CONFIG, "refs/heads/main")).toMatchObject({ text: "steps: []\n" });
    expect(routes()).toEqual([CONTENTS]);
  });

  it("whose text is not the blob GitHub names is read by REST", async () => {
    const g = await brought((f) => ((f.object as Record<string, unknown>).text = "steps: [] \n"));
    expect(await g.getFile(CONFIG, "refs/heads/main")).toMatchObject({ text: "steps: []\n" });
    expect(routes()).toEqual([CONTENTS]);
  });

  it("that GitHub nulls with an error is read by REST, never taken for absent", async () => {
    editAnswer((pr, answer) => {
      const branch = (pr.baseRepository as { defaultBranchRef: { target: { file: unknown } } })
        .defaultBranchRef;
      branch.target.file = null;
      answer.body.errors = [
        {
          type: "SERVICE_UNAVAILABLE",
          path: ["repository", "pullRequest", "baseRepository", "defaultBranchRef", "target", "file", "mode"],
          message: "timed out",
        },
      ];
    });
    const g = appGateway();
    await g.pullRequestWithReviews(7, { file: CONFIG });
    gh.clearRequests();
    expect(await g.getFile(CONFIG, "refs/heads/main")).toMatchObject({ text: "steps: []\n" });
    expect(routes()).toEqual([CONTENTS]);
  });

  it("is forgotten by the next query, which did not ask for it", async () => {
    const g = appGateway();
    await g.pullRequestWithReviews(7, { file: CONFIG });
    await g.pullRequestWithReviews(7);
    gh.clearRequests();
    await g.getFile(CONFIG, "refs/heads/main");
    expect(routes()).toEqual([CONTENTS]);
  });

  it("an error beside it, on the PR's own base repository, fails the read", async () => {
    editAnswer((_pr, answer) => {
      answer.body.errors = [
        {
          type: "SERVICE_UNAVAILABLE",
          path: ["repository", "pullRequest", "baseRepository", "nameWithOwner"],
          message: "timed out",
        },
      ];
    });
    await expect(appGateway().pullRequestWithReviews(7, { file: CONFIG })).rejects.toThrow("timed out");
  });

  it("that GitHub errs on is read by REST, and the PR is read as answered", async () => {
    editAnswer((pr, answer) => {
      const branch = (pr.baseRepository as { defaultBranchRef: { target: unknown } }).defaultBranchRef;
      branch.target = null;
      answer.body.errors = [
        {
          type: "SERVICE_UNAVAILABLE",
          path: ["repository", "pullRequest", "baseRepository", "defaultBranchRef", "target"],
          message: "timed out",
        },
      ];
    });
    const g = appGateway();
    const { pullRequest } = await g.pullRequestWithReviews(7, { file: CONFIG });
    expect(pullRequest).toMatchObject({ number: 7, defaultBranch: "main" });
    gh.clearRequests();
    expect(await g.getFile(CONFIG, "refs/heads/main")).toMatchObject({ text: "steps: []\n" });
    expect(routes()).toEqual([CONTENTS]);
  });

  it("is not brought unless asked for, nor for another ref or path", async () => {
    const g = appGateway();
    await g.pullRequestWithReviews(7);
    gh.clearRequests();
    await g.getFile(CONFIG, "refs/heads/main");
    expect(routes()).toEqual([CONTENTS]);
    const h = await brought();
    await h.getFile("other.yml", "refs/heads/main");
    await h.getFile(CONFIG, HEAD);
    expect(routes()).toEqual([CONTENTS, CONTENTS]);
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

  it("with one GitHub gave without its id are read by REST", async () => {
    const ours = ownStickyComment();
    editAnswer((pr) => {
      (pr.comments as { nodes: { fullDatabaseId: unknown }[] }).nodes[0]!.fullDatabaseId = null;
    });
    const g = await afterQuery();
    expect((await g.upsertStickyComment(7, "new")).id).toBe(ours.id);
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

it("a later page of reviews asks only for reviews", async () => {
  for (let i = 0; i < 150; i++) gh.state.addReview(REPO, 7, { user: `user${i}`, state: "COMMENTED" });
  await appGateway().pullRequestWithReviews(7);
  const queries = gh.requests.map((r) => (r.body as { variables: { whole: boolean } }).variables.whole);
  expect(queries).toEqual([true, false]);
});

it("a PR GitHub answers without its base repository's default branch is no read: its rules are read there", async () => {
  for (const edit of [
    (pr: Record<string, unknown>) => (pr.baseRepository = null),
    (pr: Record<string, unknown>) =>
      ((pr.baseRepository as { defaultBranchRef: unknown }).defaultBranchRef = null),
  ]) {
    editAnswer((pr) => edit(pr));
    await expect(appGateway().pullRequestWithReviews(7, { headRef: "feature" })).rejects.toThrow(
      /reading pull request #7.*no default branch of its base repository/,
    );
  }
});

describe("the PRs from the PR's head, as the PR's query brought them", () => {
  const PULLS = "GET /repos/{owner}/{repo}/pulls";
  type FromHead = { pageInfo: { hasNextPage: boolean }; nodes: Record<string, unknown>[] };
  const fromHeadIn = (pr: Record<string, unknown>): FromHead =>
    (pr.headsBase as { fromHead: FromHead }).fromHead;

  beforeEach(() => {
    // From the same branch: another of acme's PRs, into another base and closed since; a fork's
    // branch of the same name; and a branch spelled otherwise.
    const closed = gh.state.addPullRequest(REPO, {
      number: 8,
      author: "carol",
      headSha: HEAD,
      baseRef: "release",
    });
    Object.assign(closed, { state: "closed", closedAt: "2026-01-02T00:00:00Z" });
    gh.state.addPullRequest(REPO, { number: 9, author: "eve", headSha: HEAD, headRepo: "eve/models" });
    gh.state.addPullRequest(REPO, { number: 10, author: "carol", headSha: HEAD, headRef: "Feature" });
  });

  /** What REST lists from `acme:feature`, read by a gateway that has seen no query. */
  const restList = () => appGateway().pullRequestsFromHead("acme", "feature");

  it("are listed without asking again, as REST lists them, once", async () => {
    const expected = await restList();
    expect(expected.map((pr) => pr.number).sort()).toEqual([7, 8]);
    const g = appGateway();
    await g.pullRequestWithReviews(7, { headRef: "feature" });
    gh.clearRequests();
    expect(await g.pullRequestsFromHead("acme", "feature")).toEqual(expected);
    expect(await g.pullRequestsFromHead("ACME", "feature")).toEqual(expected);
    // The first came from the query; the second went to GitHub.
    expect(routes()).toEqual([PULLS]);
  });

  it("are not brought unless the caller names the PR's own head branch, and never for another branch", async () => {
    for (const options of [{}, { headRef: "Feature" }, { headRef: "main" }]) {
      const g = appGateway();
      await g.pullRequestWithReviews(7, options);
      gh.clearRequests();
      await g.pullRequestsFromHead("acme", "feature");
      await g.pullRequestsFromHead("acme", "Feature");
      expect([options, routes()]).toEqual([options, [PULLS, PULLS]]);
    }
  });

  it("past a hundred, or with an owner GitHub does not name (a deleted fork's), are read by REST", async () => {
    const edits: ((list: FromHead) => void)[] = [
      (list) => (list.pageInfo.hasNextPage = true),
      (list) => (list.nodes[1]!.headRepositoryOwner = null),
      (list) => (list.nodes[0] = null as unknown as Record<string, unknown>),
    ];
    for (const edit of edits) {
      editAnswer((pr) => edit(fromHeadIn(pr)));
      const g = appGateway();
      await g.pullRequestWithReviews(7, { headRef: "feature" });
      gh.clearRequests();
      expect((await g.pullRequestsFromHead("acme", "feature")).map((pr) => pr.number).sort()).toEqual([7, 8]);
      expect(routes()).toEqual([PULLS]);
    }
  });

  it("read by REST are read whole, page after page, or not at all", async () => {
    for (let n = 100; n < 250; n++)
      gh.state.addPullRequest(REPO, {
        number: n,
        author: "bob",
        headSha: HEAD,
        baseRef: n === 100 ? "release" : "main",
      });
    const listed = await restList();
    expect(listed).toHaveLength(152);
    // The oldest, past the first page, is the one into another base.
    expect(listed.find((pr) => pr.number === 100)?.baseRef).toBe("release");
    for (let n = 250; n < MAX_HEAD_PULL_REQUESTS + 100; n++)
      gh.state.addPullRequest(REPO, { number: n, author: "bob", headSha: HEAD });
    await expect(restList()).rejects.toThrow(/more than 1000 pull requests come from acme:feature/);
  });

  it("that GitHub errs on are read by REST, and the PR is read as answered", async () => {
    // The list is non-null in GitHub's schema: an error there nulls its nearest nullable parent,
    // the alias of the base repository that holds it alone.
    editAnswer((pr, answer) => {
      pr.headsBase = null;
      answer.body.errors = [
        {
          type: "SERVICE_UNAVAILABLE",
          path: ["repository", "pullRequest", "headsBase", "fromHead"],
          message: "timed out",
        },
      ];
    });
    const g = appGateway();
    const read = await g.pullRequestWithReviews(7, { headRef: "feature" });
    expect(read.pullRequest).toMatchObject({ number: 7, defaultBranch: "main", baseRepoFullName: REPO });
    gh.clearRequests();
    expect((await g.pullRequestsFromHead("acme", "feature")).map((pr) => pr.number).sort()).toEqual([7, 8]);
    expect(routes()).toEqual([PULLS]);
  });
});
