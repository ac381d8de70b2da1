// Which open PRs a commit is the head of, read from the open PRs' heads: the list that decides
// whether an approval is shared (src/github/candidate/commit.ts), so nothing may be left out.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubGateway } from "../../../src/github/gateway.js";
import { MAX_OPEN_PULL_REQUEST_PAGES } from "../../../src/github/graphql/open-pull-requests.js";
import { createActionOctokit } from "../../../src/github/octokit.js";
import { handlers } from "../../../src/local-github/routes.js";
import {
  DEFAULT_TOKEN,
  GRAPHQL_ROUTE,
  startFakeGitHub,
  type FakeGitHub,
} from "../../../src/local-github/index.js";

const REPO = "acme/models";
const HEAD = "a".repeat(40);
let gh: FakeGitHub;

function gateway(): GitHubGateway {
  const octokit = createActionOctokit(DEFAULT_TOKEN, { baseUrl: gh.url, retryAfterBaseValue: 1 });
  return new GitHubGateway(octokit, { owner: "acme", repo: "models" });
}

type Answer = {
  status: number;
  body: {
    data: {
      repository: {
        pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] };
      };
    };
  };
};

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO, { collaborators: ["alice"] });
  gh.state.commit(REPO, { branch: "main", files: { "README.md": "hi\n" } });
  gh.state.addPullRequest(REPO, { number: 7, author: "carol", headSha: HEAD });
});

afterEach(async () => {
  gh.assertNoContractViolations();
  await gh.close();
});

describe("the open PRs whose head a commit is", () => {
  it("are every open PR with that head, a fork's among them, and no closed one", async () => {
    gh.state.addPullRequest(REPO, {
      number: 8,
      author: "mallory",
      headSha: HEAD,
      headRepo: "mallory/models",
    });
    gh.state.addPullRequest(REPO, { number: 9, author: "bob", headSha: HEAD });
    gh.state.pull(REPO, 9).state = "closed";
    gh.state.addPullRequest(REPO, { number: 10, author: "bob", headSha: "b".repeat(40) });
    expect(await gateway().pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
  });

  it("are found past the first hundred open PRs", async () => {
    for (let n = 100; n < 250; n++)
      gh.state.addPullRequest(REPO, { number: n, author: "bob", headSha: "c".repeat(40) });
    gh.state.addPullRequest(REPO, { number: 300, author: "mallory", headSha: HEAD });
    expect(await gateway().pullRequestsForCommit(HEAD)).toEqual([7, 300]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE, GRAPHQL_ROUTE]);
  });

  it("cannot be told past the page cap: an error, never a shorter list", async () => {
    gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const answer = handlers[GRAPHQL_ROUTE]!(ctx) as Answer;
      answer.body.data.repository.pullRequests.pageInfo = {
        hasNextPage: true,
        endCursor: "Y3Vyc29yOnYyOjA=",
      };
      return answer;
    });
    await expect(gateway().pullRequestsForCommit(HEAD)).rejects.toThrow(
      `more than ${MAX_OPEN_PULL_REQUEST_PAGES * 100} open pull requests`,
    );
    expect(gh.requests).toHaveLength(MAX_OPEN_PULL_REQUEST_PAGES);
  });

  it("with an open PR GitHub's answer leaves null: an error, never a shorter list", async () => {
    gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const answer = handlers[GRAPHQL_ROUTE]!(ctx) as Answer;
      answer.body.data.repository.pullRequests.nodes.push(null);
      return answer;
    });
    await expect(gateway().pullRequestsForCommit(HEAD)).rejects.toThrow("left open pull requests out");
  });
});

describe("the open PRs' heads brought by the read of a PR that confirms an approval", () => {
  beforeEach(() => {
    gh.state.addPullRequest(REPO, {
      number: 8,
      author: "mallory",
      headSha: HEAD,
      headRepo: "mallory/models",
    });
    gh.state.addPullRequest(REPO, { number: 9, author: "bob", headSha: "b".repeat(40) });
  });

  /** A gateway that has read PR 7 with the open PRs' heads, the requests so far forgotten. */
  async function afterRead(): Promise<GitHubGateway> {
    const g = gateway();
    await g.pullRequestWithReviews(7, { openHeads: true });
    gh.clearRequests();
    return g;
  }

  it("answer which PRs share the head without asking again, once", async () => {
    const g = await afterRead();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(gh.requests).toEqual([]);
    // Taken once: a second question is asked of GitHub.
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
  });

  it("are not brought unless asked for", async () => {
    const g = gateway();
    await g.pullRequestWithReviews(7);
    gh.clearRequests();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
  });

  it("past the first hundred, or with a node GitHub left null, are read page by page", async () => {
    for (const edit of [
      (list: Answer["body"]["data"]["repository"]["pullRequests"]) => (list.pageInfo.hasNextPage = true),
      (list: Answer["body"]["data"]["repository"]["pullRequests"]) => (list.nodes[1] = null),
    ]) {
      let queries = 0;
      gh.handle(GRAPHQL_ROUTE, (ctx) => {
        const answer = handlers[GRAPHQL_ROUTE]!(ctx) as {
          status: number;
          body: { data: { repository: Record<string, unknown> } };
        };
        const heads = answer.body.data.repository
          .openHeads as Answer["body"]["data"]["repository"]["pullRequests"];
        if (++queries === 1) edit(heads);
        return answer;
      });
      const g = await afterRead();
      expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
      expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
    }
  });

  it("that GitHub errs on drop out, not the PR: they are read on their own", async () => {
    gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const answer = handlers[GRAPHQL_ROUTE]!(ctx) as {
        status: number;
        body: { data: { repository: Record<string, unknown> }; errors?: unknown[] };
      };
      if ("openHeads" in answer.body.data.repository) {
        answer.body.data.repository.openHeads = null;
        answer.body.errors = [
          { type: "SERVICE_UNAVAILABLE", path: ["repository", "openHeads"], message: "timed out" },
        ];
      }
      return answer;
    });
    const g = gateway();
    expect((await g.pullRequestWithReviews(7, { openHeads: true })).pullRequest.number).toBe(7);
    gh.clearRequests();
    expect(await g.pullRequestsForCommit(HEAD)).toEqual([7, 8]);
    expect(gh.requests.map((r) => r.route)).toEqual([GRAPHQL_ROUTE]);
  });
});
