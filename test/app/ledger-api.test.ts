// The ledger's HTTP API over real HTTP, checking callers' tokens against the local GitHub: a
// repository's records go only to a token GitHub would show the repository to.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { decisionDraft, deployDraft } from "../../src/core/ledger/entry.js";
import { verifyChain, type LedgerRecord } from "../../src/core/ledger/chain.js";
import { decide } from "../../src/core/policy/decide.js";
import { ACCESS_TTL_MS } from "../../src/app/ledger-api.js";
import { startLedgerApi, type LedgerApiWorld } from "../support/ledger-api-server.js";
import { approvalStep, config, HEAD, input, pr, review, TRAIN } from "../core/policy/build.js";

let world: LedgerApiWorld;

const DIGEST = "e".repeat(64);
const MODEL = { name: "churn", digest: DIGEST, artifacts: [{ path: "m.pkl", sha256: DIGEST, bytes: 1 }] };

function approved() {
  const cfg = config([TRAIN, approvalStep({ users: ["alice"] })]);
  return decide(input(cfg, { pr: pr([review("alice", "APPROVED")]), model: MODEL }));
}

beforeAll(async () => {
  world = await startLedgerApi();
  const { gh, ledger } = world;
  gh.state.addRepo("acme/secret", { private: true, collaborators: ["alice"] });
  gh.state.addRepo("acme/open");
  gh.state.addToken("alice-token", { login: "alice", type: "User" });
  gh.state.addToken("eve-token", { login: "eve", type: "User" });
  const at = new Date("2026-12-01T12:00:00Z");
  for (const repository of ["acme/secret", "acme/open"]) {
    const repositoryId = gh.state.repo(repository).id;
    await ledger.append(decisionDraft(approved(), { repository, repositoryId, commit: HEAD, at }));
    await ledger.append(
      deployDraft(
        approved(),
        { environment: "production", run: 5, attempt: 1, answer: "approved" },
        { repository, repositoryId, commit: HEAD, at, summary: "released" },
      ),
    );
  }
});
afterAll(async () => {
  world.gh.assertNoContractViolations();
  await world.close();
});

async function get(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    `${world.url}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const repositoriesOf = (body: Record<string, unknown>) =>
  [...new Set((body.records as LedgerRecord[]).map((r) => r.entry.repository))].sort();

describe("the ledger's API", () => {
  it("wants a token GitHub accepts", async () => {
    expect(await get("/api/history")).toEqual({
      status: 401,
      body: { error: expect.stringMatching(/send a GitHub token/) },
    });
    expect(await get("/api/history?repo=acme/open", "forged")).toEqual({
      status: 401,
      body: { error: "GitHub does not accept this token" },
    });
  });

  it("shows a private repository's records only to who may read it", async () => {
    expect(repositoriesOf((await get("/api/history", "alice-token")).body)).toEqual([
      "acme/open",
      "acme/secret",
    ]);
    expect(repositoriesOf((await get("/api/history", "eve-token")).body)).toEqual(["acme/open"]);
    expect((await get("/api/history?repo=acme/secret", "eve-token")).body).toEqual({ records: [] });
    expect((await get("/api/ledger?repo=acme/secret", "eve-token")).body).toEqual({
      repository: "acme/secret",
      records: [],
    });
    expect((await get("/api/repositories", "eve-token")).body).toEqual({
      repositories: [{ repository: "acme/open", repositoryId: world.gh.state.repo("acme/open").id }],
    });
  });

  it("gives the whole chain of a repository, which verifies", async () => {
    const { body } = await get("/api/ledger?repo=ACME/secret", "alice-token");
    const records = body.records as LedgerRecord[];
    expect(records.map((r) => r.sequence)).toEqual([1, 2]);
    expect(verifyChain("acme/secret", records)).toEqual([]);
  });

  it("gives a chain in pages, each saying where the next starts", async () => {
    const first = (await get("/api/ledger?repo=acme/secret&limit=1", "alice-token")).body;
    expect(first).toMatchObject({ records: [{ sequence: 1 }], next: 1 });
    const second = (await get("/api/ledger?repo=acme/secret&after=1&limit=1", "alice-token")).body;
    expect(second).toMatchObject({ records: [{ sequence: 2 }], next: 2 });
    const rest = (await get("/api/ledger?repo=acme/secret&after=2", "alice-token")).body;
    expect(rest).toEqual({ repository: "acme/secret", repositoryId: expect.any(Number), records: [] });
  });

  it("shows nothing of a chain to a repository created under a reused name", async () => {
    // acme/secret's records belong to its id; a new repository that took the name has another.
    const { gh } = world;
    const old = gh.state.repo("acme/secret");
    gh.state.repos.delete("acme/secret");
    gh.state.addRepo("acme/secret", { private: false });
    gh.state.addToken("newcomer-token", { login: "newcomer", type: "User" });
    try {
      expect((await get("/api/ledger?repo=acme/secret", "newcomer-token")).body).toMatchObject({
        records: [],
      });
      expect((await get("/api/history?repo=acme/secret", "newcomer-token")).body).toEqual({ records: [] });
      expect(repositoriesOf((await get("/api/history", "newcomer-token")).body)).toEqual(["acme/open"]);
    } finally {
      gh.state.repos.set("acme/secret", old);
    }
  });

  it("answers by model, digest and environment", async () => {
    const kinds = async (query: string) =>
      ((await get(`/api/history?repo=acme/open&${query}`, "eve-token")).body.records as LedgerRecord[]).map(
        (r) => r.entry.kind,
      );
    expect(await kinds("model=Churn")).toEqual(["deploy", "decision"]);
    expect(await kinds(`digest=sha256:${DIGEST}`)).toEqual(["deploy", "decision"]);
    expect(await kinds(`digest=${"f".repeat(64)}`)).toEqual([]);
    expect(await kinds("environment=PRODUCTION")).toEqual(["deploy"]);
    expect(await kinds("environment=staging&limit=1")).toEqual([]);
  });

  it.each([
    ["/api/history?digest=abc", /query parameter 'digest': 'abc' is not sha256:<64 hex digits>/],
    ["/api/history?limit=0", /query parameter 'limit': '0' is not a whole number from 1 to 1000/],
    ["/api/history?repo=nope", /query parameter 'repo': 'nope' is not owner\/name/],
    ["/api/history?colour=red", /unknown query parameter 'colour'/],
    ["/api/history?model=a&model=b", /query parameter 'model' is given twice/],
    ["/api/ledger", /query parameter 'repo' must name a repository/],
  ])("refuses %s with a located error", async (path, message) => {
    expect(await get(path, "alice-token")).toEqual({
      status: 400,
      body: { error: expect.stringMatching(message) },
    });
  });

  it("believes a token's access for a minute, then asks GitHub again", async () => {
    const { gh, clock } = world;
    const asked = () =>
      gh.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}" && r.login === "alice").length;
    gh.state.addToken("alice-token", { login: "alice", type: "User" });
    clock.now += ACCESS_TTL_MS + 1;
    await get("/api/history?repo=acme/secret", "alice-token");
    const first = asked();
    await get("/api/history?repo=acme/secret", "alice-token");
    expect(asked()).toBe(first);
    // alice loses access; within the minute she still sees, after it she does not.
    gh.state.repo("acme/secret").collaborators = [];
    clock.now += ACCESS_TTL_MS + 1;
    expect((await get("/api/history?repo=acme/secret", "alice-token")).body).toEqual({ records: [] });
    expect(asked()).toBe(first + 1);
  });
});
