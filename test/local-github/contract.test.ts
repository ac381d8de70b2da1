import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { DEFAULT_TOKEN, startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";

let gh: FakeGitHub;

async function call(method: string, path: string, body?: unknown, token = DEFAULT_TOKEN): Promise<Response> {
  return fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo("acme/models");
  gh.state.addPullRequest("acme/models", { number: 1, author: "carol", headSha: "a".repeat(40) });
});

afterEach(async () => {
  await gh.close();
});

describe("contract checks", () => {
  it("flags a request body missing a required field and answers 422", async () => {
    const response = await call("POST", "/repos/acme/models/check-runs", { name: "model-approval" });
    expect(response.status).toBe(422);
    expect(gh.violations).toEqual([
      expect.objectContaining({
        direction: "request",
        route: "POST /repos/{owner}/{repo}/check-runs",
        problem: expect.stringContaining("must have required property 'head_sha'"),
      }),
    ]);
    expect(() => gh.assertNoContractViolations()).toThrow(/head_sha/);
    expect(gh.state.repo("acme/models").checkRuns).toEqual([]);
  });

  it("flags a wrong enum value, an unknown query parameter and a route outside the subset", async () => {
    await call("PATCH", "/repos/acme/models/check-runs/1", { status: "done" });
    await call("GET", "/repos/acme/models/pulls/1/reviews?perpage=100");
    await call("GET", "/repos/acme/models/branches");
    const problems = gh.violations.map((v) => v.problem);
    expect(problems).toEqual([
      expect.stringMatching(/^request body: .*\/status must be equal to one of the allowed values/),
      "unknown query parameter perpage",
      "no operation in the OpenAPI subset matches GET /repos/acme/models/branches",
    ]);
  });

  it("flags a response that does not match the documented schema", async () => {
    gh.handle("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", () => ({
      status: 200,
      items: [{ id: "not a number", state: "APPROVED" }],
    }));
    await call("GET", "/repos/acme/models/pulls/1/reviews");
    expect(gh.violations).toEqual([
      expect.objectContaining({
        direction: "response",
        problem: expect.stringContaining("/0/id must be integer"),
      }),
    ]);
  });

  it("accepts well-formed traffic and fills responses to the documented shape", async () => {
    const response = await call("GET", "/repos/acme/models/pulls/1");
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ number: 1, user: { login: "carol" }, head: { sha: "a".repeat(40) } });
    expect(body).toHaveProperty("mergeable_state");
    gh.assertNoContractViolations();
  });
});

describe("behaviour", () => {
  it("paginates with Link headers", async () => {
    for (let i = 0; i < 5; i++) gh.state.addReview("acme/models", 1, { user: `u${i}`, state: "COMMENTED" });
    const first = await call("GET", "/repos/acme/models/pulls/1/reviews?per_page=2");
    expect(((await first.json()) as unknown[]).length).toBe(2);
    expect(first.headers.get("link")).toMatch(/[?&]page=2>; rel="next".*[?&]page=3>; rel="last"/);
    const last = await call("GET", "/repos/acme/models/pulls/1/reviews?per_page=2&page=3");
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(last.headers.get("link")).not.toMatch(/rel="next"/);
  });

  it("refuses unknown tokens and injects faults a given number of times", async () => {
    expect((await call("GET", "/repos/acme/models/pulls/1", undefined, "stolen")).status).toBe(401);
    gh.fail("GET /repos/{owner}/{repo}/pulls/{pull_number}", { status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call("GET", "/repos/acme/models/pulls/1")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(gh.calls((r) => r.status === 503)).toEqual([
      "GET /repos/acme/models/pulls/1",
      "GET /repos/acme/models/pulls/1",
    ]);
  });

  it("only lets the app that created a check run change it", async () => {
    gh.state.addToken("other", { login: "other[bot]", type: "Bot", appSlug: "other" });
    const run = gh.state.addCheckRun("acme/models", {
      name: "model-approval",
      headSha: "a".repeat(40),
      appSlug: "github-actions",
    });
    const response = await call(
      "PATCH",
      `/repos/acme/models/check-runs/${run.id}`,
      { conclusion: "success" },
      "other",
    );
    expect(response.status).toBe(403);
    gh.assertNoContractViolations();
  });
});

// The contract's validators compiled once for the test run (precompiled-validators.ts): every
// schema of every operation is there under the name the contract looks up, and judges as ajv does.
describe("the contract validators compiled once for the test run", () => {
  it("cover every schema and agree with ajv on GitHub's answers and broken ones", async () => {
    const { readFileSync } = await import("node:fs");
    const { Ajv } = await import("ajv");
    const { Contract, loadContract, subsetPath } = await import("../../src/local-github/contract.js");
    const { AJV_OPTIONS, contractExportName, contractPointers, contractValidatorsPath, loadValidators } =
      await import("../../src/local-github/precompiled-validators.js");
    const precompiled = loadValidators(contractValidatorsPath(readFileSync(subsetPath(), "utf8")));
    expect(precompiled).toBeDefined();
    const subset = loadContract().subset;
    const ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(subset);
    // A contract that can only use what was precompiled: a missing name would fall back to ajv.
    const contract = new Contract(subset, precompiled);
    let compared = 0;
    subset.operations.forEach((operation, index) => {
      for (const pointer of contractPointers(operation)) {
        const compiled = ajv.compile({ $ref: `${subset.$id}#/operations/${index}/${pointer}` });
        for (const value of [{}, [], "x", 1, null, { id: "not a number", name: 1 }]) {
          expect([operation.key, pointer, compiled(value)]).toEqual([
            operation.key,
            pointer,
            precompiled![contractExportName(index, pointer)]!(value),
          ]);
          compared += 1;
        }
      }
      for (const status of Object.keys(operation.responses))
        contract.checkResponse(operation, Number(status), {});
    });
    expect(compared).toBeGreaterThan(500);
    // Nothing was compiled by the contract itself: every lookup found its precompiled validator.
    expect((contract as unknown as { ajv?: unknown }).ajv).toBeUndefined();
  });
});
