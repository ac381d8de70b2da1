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
