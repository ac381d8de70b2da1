// The Action's client against the local GitHub's injected failures: GitHub's rate limits are
// waited out as GitHub says, 5xx retried with backoff, writes sent one at a time, and nothing
// waits when nothing failed (the old throttling plugin spaced every write 1-3 s).
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createActionOctokit } from "../../src/github/octokit.js";
import { applyRequestPolicy, newWriteQueue, type Hookable } from "../../src/github/request-policy.js";
import { getOctokit } from "@actions/github";
import {
  DEFAULT_TOKEN,
  GRAPHQL_ROUTE,
  startFakeGitHub,
  type FakeGitHub,
} from "../../src/local-github/index.js";

const REPO = "acme/models";
const PULL = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
const LABELS = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels";
let gh: FakeGitHub;
let waits: number[];

function client(options: { rateLimitRetries?: number } = {}) {
  return createActionOctokit(DEFAULT_TOKEN, {
    baseUrl: gh.url,
    retryAfterBaseValue: 100,
    ...options,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

const readPull = (octokit = client()) =>
  octokit.request(PULL, { owner: "acme", repo: "models", pull_number: 7 }).then((r) => r.status);

const label = (octokit: ReturnType<typeof client>, name: string) =>
  octokit.request(LABELS, { owner: "acme", repo: "models", issue_number: 7, labels: [name] });

beforeEach(async () => {
  waits = [];
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO);
  gh.state.commit(REPO, { branch: "main", files: { "x.txt": "x" } });
  gh.state.addPullRequest(REPO, { number: 7, author: "carol", headSha: "a".repeat(40), files: ["x.txt"] });
});

afterEach(async () => {
  gh.assertNoContractViolations();
  await gh.close();
});

describe("the Action's request policy", () => {
  it("waits for nothing when nothing fails, writes included", async () => {
    const octokit = client();
    await readPull(octokit);
    for (const name of ["a", "b", "c", "d"]) await label(octokit, name);
    expect(waits).toEqual([]);
  });

  it("retries a 5xx with quadratic backoff, then gives up with GitHub's answer", async () => {
    gh.fail(PULL, { status: 502, times: 2 });
    expect(await readPull()).toBe(200);
    expect(waits).toEqual([100, 400]);
    waits = [];
    gh.fail(PULL, { status: 500, times: 10 });
    await expect(readPull()).rejects.toMatchObject({ status: 500 });
    expect(waits).toEqual([100, 400, 900]);
  });

  it("does not retry what retrying cannot fix (404, 422)", async () => {
    gh.fail(PULL, { status: 404 });
    await expect(readPull()).rejects.toMatchObject({ status: 404 });
    gh.fail(PULL, { status: 422 });
    await expect(readPull()).rejects.toMatchObject({ status: 422 });
    expect(waits).toEqual([]);
  });

  it("waits out a secondary rate limit for its retry-after, or a minute when it names none", async () => {
    gh.fail(PULL, {
      status: 403,
      message: "You have exceeded a secondary rate limit.",
      headers: { "retry-after": "3" },
    });
    expect(await readPull()).toBe(200);
    gh.fail(PULL, { status: 403, message: "You have exceeded a secondary rate limit." });
    expect(await readPull()).toBe(200);
    gh.fail(PULL, { status: 429 });
    expect(await readPull()).toBe(200);
    expect(waits).toEqual([3000, 60_000, 60_000]);
  });

  it("waits for the primary limit's reset, one second past it", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 10;
    gh.fail(PULL, {
      status: 403,
      message: "API rate limit exceeded",
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    });
    expect(await readPull()).toBe(200);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(10_000);
    expect(waits[0]).toBeLessThanOrEqual(12_000);
  });

  it("fails after its rate-limit retries, and at once when the wait is longer than it will wait", async () => {
    gh.fail(PULL, { status: 429, times: 5, headers: { "retry-after": "1" } });
    await expect(readPull(client({ rateLimitRetries: 2 }))).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([1000, 1000]);
    waits = [];
    gh.fail(PULL, { status: 429, headers: { "retry-after": "3600" } });
    await expect(readPull()).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([]);
  });

  it("sends writes one at a time: a retried write finishes before the next one starts", async () => {
    gh.fail(LABELS, { status: 502 });
    const octokit = client();
    await Promise.all([label(octokit, "first"), label(octokit, "second")]);
    const sent = gh.requests
      .filter((r) => r.route === LABELS)
      .map((r) => `${(r.body as { labels: string[] }).labels[0]} ${r.status}`);
    expect(sent).toEqual(["first 502", "first 200", "second 200"]);
  });

  it("does not queue a GraphQL query behind writes: it reads, though it is a POST", async () => {
    gh.fail(LABELS, { status: 502 });
    const octokit = client();
    const query = `{ repository(owner: "acme", name: "models") { pullRequest(number: 7) { number } } }`;
    await Promise.all([label(octokit, "first"), label(octokit, "second"), octokit.graphql(query)]);
    // The query went out while the first write was still being retried, not after the second.
    const order = gh.requests.map((r) =>
      r.route === GRAPHQL_ROUTE ? "query" : `${(r.body as { labels: string[] }).labels[0]} ${r.status}`,
    );
    expect(order.indexOf("query")).toBeLessThan(order.indexOf("second 200"));
    expect(order.filter((o) => o !== "query")).toEqual(["first 502", "first 200", "second 200"]);
  });

  it("shares a write queue between clients that share it (the App's per installation), and only them", async () => {
    const shared = newWriteQueue();
    const make = (queue = shared) => {
      const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: gh.url });
      applyRequestPolicy(octokit as unknown as Hookable, {
        writeQueue: queue,
        retryBaseMs: 1,
        sleep: async () => {
          waits.push(0);
        },
      });
      return octokit as unknown as ReturnType<typeof client>;
    };
    const sentOrder = () =>
      gh.requests
        .filter((r) => r.route === LABELS)
        .map((r) => `${(r.body as { labels: string[] }).labels[0]} ${r.status}`);
    gh.fail(LABELS, { status: 502 });
    await Promise.all([label(make(), "one"), label(make(), "two")]);
    expect(sentOrder()).toEqual(["one 502", "one 200", "two 200"]);
    gh.clearRequests();
    gh.fail(LABELS, { status: 502 });
    await Promise.all([label(make(newWriteQueue()), "three"), label(make(newWriteQueue()), "four")]);
    // Another installation's write does not wait for this one's retry.
    expect(sentOrder()).toEqual(["three 502", "four 200", "three 200"]);
  });
});
