// The local GitHub's GraphQL endpoint: queries are validated against GitHub's published schema (the
// committed subset), answered from the same state as REST, and errors come back as GitHub gives them.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import {
  DEFAULT_TOKEN,
  GRAPHQL_ROUTE,
  startFakeGitHub,
  type FakeGitHub,
} from "../../src/local-github/index.js";

const REPO = "acme/models";
const HEAD = "a".repeat(40);
let gh: FakeGitHub;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO);
  gh.state.commit(REPO, { branch: "main", files: { "README.md": "hi\n" } });
  gh.state.addPullRequest(REPO, { number: 7, author: "carol", headSha: HEAD, files: ["a.py"] });
});

afterEach(async () => {
  await gh.close();
});

async function post(body: unknown, { path = "/graphql", token = DEFAULT_TOKEN } = {}) {
  const response = await fetch(`${gh.url}${path}`, {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface ReviewsPage {
  headRefOid: string;
  reviews: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { state: string; author: { __typename: string; login: string } }[];
  };
}
const pullOf = (body: Record<string, unknown>): ReviewsPage =>
  (body.data as { repository: { pullRequest: ReviewsPage } }).repository.pullRequest;

const REVIEWS = `query($after: String) { repository(owner: "acme", name: "models") { pullRequest(number: 7) {
  headRefOid reviews(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { state author { __typename login } } } } } }`;

describe("POST /graphql", () => {
  it("answers a query from the state REST shows, page by page, and counts it as a read", async () => {
    for (const user of ["alice", "bob", "model-approval[bot]"])
      gh.state.addReview(REPO, 7, { user, state: "COMMENTED" });
    const first = await post({ query: REVIEWS });
    expect(first.status).toBe(200);
    const pr = pullOf(first.body);
    expect(pr.headRefOid).toBe(HEAD);
    expect(pr.reviews.nodes.map((n) => n.author.login)).toEqual(["alice", "bob"]);
    expect(pr.reviews.pageInfo.hasNextPage).toBe(true);
    const second = await post({ query: REVIEWS, variables: { after: pr.reviews.pageInfo.endCursor } });
    const rest = pullOf(second.body).reviews;
    // GraphQL names a bot by its slug, without REST's "[bot]".
    expect(rest.nodes).toEqual([
      { state: "COMMENTED", author: { __typename: "Bot", login: "model-approval" } },
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(gh.requests.map((r) => [r.route, r.graphql, r.rateLimited])).toEqual([
      [GRAPHQL_ROUTE, "query", true],
      [GRAPHQL_ROUTE, "query", true],
    ]);
    expect(gh.writes()).toEqual([]);
    gh.assertNoContractViolations();
  });

  it("serves GitHub Enterprise Server's path too", async () => {
    const answer = await post({ query: REVIEWS }, { path: "/api/graphql" });
    expect(answer.body.data).toBeDefined();
    gh.assertNoContractViolations();
  });

  it("reports a missing pull request as GitHub does: NOT_FOUND in a 200 answer", async () => {
    const answer = await post({
      query: `{ repository(owner: "acme", name: "models") { pullRequest(number: 99) { number } } }`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { repository: { pullRequest: null } },
      errors: [
        expect.objectContaining({
          type: "NOT_FOUND",
          path: ["repository", "pullRequest"],
          message: "Could not resolve to a PullRequest with the number of 99.",
        }),
      ],
    });
    gh.assertNoContractViolations();
  });

  it("refuses a connection without `first` or with more than 100, as GitHub does", async () => {
    const without = await post({
      query: `{ repository(owner: "acme", name: "models") { pullRequest(number: 7) { reviews { pageInfo { hasNextPage } } } } }`,
    });
    expect(without.body.errors).toEqual([expect.objectContaining({ type: "MISSING_PAGINATION_BOUNDARIES" })]);
    const tooMany = await post({
      query: `{ repository(owner: "acme", name: "models") { pullRequest(number: 7) { reviews(first: 101) { pageInfo { hasNextPage } } } } }`,
    });
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ type: "EXCESSIVE_PAGINATION" })]);
  });

  it("records a query the schema does not allow as a contract violation, and answers with GitHub's error", async () => {
    const answer = await post({
      query: `{ repository(owner: "acme", name: "models") { pullRequest(number: 7) { headSha } } }`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "headSha" on type "PullRequest".' }),
    ]);
    expect(() => gh.assertNoContractViolations()).toThrow(/headSha.*PullRequest/);
  });

  it("records a mutation as a violation: the local GitHub implements none", async () => {
    await post({ query: `mutation { addComment(input: {subjectId: "x", body: "y"}) { clientMutationId } }` });
    expect(() => gh.assertNoContractViolations()).toThrow(/implements no GraphQL mutation/);
    expect(gh.requests[0]?.graphql).toBe("mutation");
    expect(gh.writes()).toHaveLength(1);
  });

  it("needs a token, and injects faults like any route", async () => {
    const anonymous = await fetch(`${gh.url}/graphql`, {
      method: "POST",
      body: JSON.stringify({ query: REVIEWS }),
    });
    expect(anonymous.status).toBe(401);
    gh.fail(GRAPHQL_ROUTE, { status: 502 });
    expect((await post({ query: REVIEWS })).status).toBe(502);
    expect((await post({ query: REVIEWS })).status).toBe(200);
  });
});

describe("the committed schema subset", () => {
  it("is what scripts/gen-graphql-subset.mjs cuts from the installed @octokit/graphql-schema", () => {
    expect(() => execFileSync(process.execPath, ["scripts/gen-graphql-subset.mjs", "--check"])).not.toThrow();
  });
});
