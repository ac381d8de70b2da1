// `model-approval history` and `model-approval ledger verify` against the App's API on loopback,
// and `history` without an App against GitHub's attestations API (the local GitHub's).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { decisionStatement } from "../../src/core/ledger/attestation.js";
import { decisionDraft, deployDraft } from "../../src/core/ledger/entry.js";
import { decide } from "../../src/core/policy/decide.js";
import { startLedgerApi, type LedgerApiWorld } from "../support/ledger-api-server.js";
import { approvalStep, config, HEAD, input, pr, review, TRAIN } from "../core/policy/build.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./support.js";
import { freePort } from "../support/free-port.js";

let world: LedgerApiWorld;
const DIGEST = "a1".repeat(32);
const MODEL = {
  name: "churn",
  digest: DIGEST,
  artifacts: [{ path: "models/churn.pkl", sha256: DIGEST, bytes: 9 }],
};
const at = new Date("2026-12-01T12:00:00Z");

function approved() {
  const cfg = config([TRAIN, approvalStep({ users: ["alice"] })]);
  return decide(input(cfg, { pr: pr([review("alice", "APPROVED", { id: 77 })]), model: MODEL }));
}

beforeAll(async () => {
  world = await startLedgerApi();
  world.gh.state.addRepo("acme/models", { private: true, collaborators: ["alice"] });
  world.gh.state.addRepo("acme/other", { private: true, collaborators: ["alice"] });
  world.gh.state.addToken("alice-token", { login: "alice", type: "User" });
  for (const repository of ["acme/models", "acme/other"]) {
    const repositoryId = world.gh.state.repo(repository).id;
    await world.ledger.append(decisionDraft(approved(), { repository, repositoryId, commit: HEAD, at }));
    await world.ledger.append(
      deployDraft(
        approved(),
        { environment: "production", run: 9, attempt: 1, answer: "approved" },
        { repository, repositoryId, commit: HEAD, at, summary: "released" },
      ),
    );
  }
});
afterAll(() => world.close());

const ALICE = { GITHUB_TOKEN: "alice-token" };

describe("model-approval history from the App", () => {
  it("lists who approved which model and what was deployed, newest first", async () => {
    const { code, stdout, stderr } = await cli(
      ["history", "--app", world.url, "--repo", "acme/models"],
      undefined,
      ALICE,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      `2026-12-01T12:00:00.000Z  acme/models #2  deploy to production (run 9): approved · PR #7 at ${HEAD.slice(0, 7)} · model churn sha256:a1a1a1a1a1a1 · approved by alice (review 77)`,
      `2026-12-01T12:00:00.000Z  acme/models #1  approved · PR #7 at ${HEAD.slice(0, 7)} · model churn sha256:a1a1a1a1a1a1 · approved by alice (review 77)`,
    ]);
  });

  it("answers by environment in JSON, with MODEL_APPROVAL_APP_URL naming the App", async () => {
    const { code, stdout } = await cli(
      ["history", "--environment", "production", "--format", "json"],
      undefined,
      {
        ...ALICE,
        MODEL_APPROVAL_APP_URL: world.url,
      },
    );
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as {
      source: string;
      records: { entry: { repository: string; kind: string } }[];
    };
    expect(body.source).toBe("app");
    expect(body.records.map((r) => [r.entry.repository, r.entry.kind]).sort()).toEqual([
      ["acme/models", "deploy"],
      ["acme/other", "deploy"],
    ]);
  });

  it.each([
    [
      ["history", "--app", "http://models.example.com"],
      ALICE,
      /refusing to send a GitHub token to models.example.com over http: use https:\/\//,
    ],
    [["history", "--app", "not a url"], ALICE, /--app: 'not a url' is not a URL/],
    [
      ["history", "--colour"],
      ALICE,
      /Unknown option '--colour'.*\(model-approval history --help lists the options\)/,
    ],
    [["history", "--format", "yaml"], ALICE, /--format must be text or json, not 'yaml'/],
    [["history"], {}, /without --app, name --repo OWNER\/NAME and --digest/],
    [["history", "--app", "URL"], {}, /is not a URL/],
    [["history", "--app", "http://localhost:1"], {}, /set GITHUB_TOKEN \(or GH_TOKEN\)/],
  ])("%j fails with exit 2 and says why", async (args, env, message) => {
    const { code, stderr } = await cli(args as string[], undefined, env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("says when the App cannot be reached", async () => {
    const app = `http://127.0.0.1:${await freePort()}`;
    const { code, stderr } = await cli(["history", "--app", app], undefined, ALICE);
    expect(code).toBe(2);
    expect(stderr).toBe(`model-approval history: could not reach the App at ${app}: ECONNREFUSED\n`);
  });

  it("passes on the App's own refusal", async () => {
    const { code, stderr } = await cli(["history", "--app", world.url, "--digest", "nope"], undefined, ALICE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the App answered 400: query parameter 'digest': 'nope' is not sha256/);
  });
});

describe("model-approval ledger verify", () => {
  it("finds every chain the token can read whole", async () => {
    const { code, stdout } = await cli(["ledger", "verify", "--app", world.url], undefined, ALICE);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^acme\/models: 2 record\(s\), the chain is whole \(head #2 [0-9a-f]{16}\)\nacme\/other: 2 record/,
    );
  });

  it("finds a record edited in the App's database, and exits 1", async () => {
    const [row] = await world.sql.query<{ entry: string }>(
      "SELECT entry FROM ledger_records WHERE repository = 'acme/other' AND sequence = 1",
    );
    const forged = {
      ...(JSON.parse(row!.entry) as object),
      decision: "approved",
      approvers: [{ login: "mallory", commit: null }],
    };
    await world.sql.query(
      "UPDATE ledger_records SET entry = $1 WHERE repository = 'acme/other' AND sequence = 1",
      [JSON.stringify(forged)],
    );
    const { code, stdout } = await cli(
      ["ledger", "verify", "--app", world.url, "--format", "json"],
      undefined,
      ALICE,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      whole: boolean;
      repositories: { repository: string; problems: { sequence: number; problem: string }[] }[];
    };
    expect(report.whole).toBe(false);
    expect(report.repositories.find((r) => r.repository === "acme/models")?.problems).toEqual([]);
    expect(report.repositories.find((r) => r.repository === "acme/other")?.problems).toEqual([
      { repository: "acme/other", sequence: 1, problem: expect.stringMatching(/does not match its hash/) },
    ]);
  });

  it("finds the newest record deleted, against the heads a previous verify kept (--expect)", async () => {
    const kept = await cli(
      ["ledger", "verify", "--app", world.url, "--repo", "acme/models", "--format", "json"],
      undefined,
      ALICE,
    );
    expect(kept.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "heads-")), "heads.json");
    writeFileSync(file, kept.stdout);
    const id = world.gh.state.repo("acme/models").id;
    await world.sql.query("DELETE FROM ledger_records WHERE repository_id = $1 AND sequence = 2", [id]);
    // On its own the shortened chain is whole: only the kept head shows what is gone.
    expect(
      (await cli(["ledger", "verify", "--app", world.url, "--repo", "acme/models"], undefined, ALICE)).code,
    ).toBe(0);
    const { code, stdout } = await cli(
      ["ledger", "verify", "--app", world.url, "--expect", file],
      undefined,
      ALICE,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /acme\/models: BROKEN\n {2}record 2: the chain has 1 record\(s\), fewer than the 2 kept: records were deleted from its end/,
    );
  });

  it("does not call a repository with no records whole", async () => {
    const { code, stdout } = await cli(
      ["ledger", "verify", "--app", world.url, "--repo", "acme/empty"],
      undefined,
      ALICE,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /acme\/empty: BROKEN\n {2}record 0: no records: none were written, they were deleted, or this token cannot read the repository/,
    );
  });

  it("knows only verify", async () => {
    const { code, stderr } = await cli(["ledger", "rewrite"], undefined, ALICE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown action 'rewrite': the ledger command has verify/);
  });
});

describe("model-approval history from GitHub's attestations (no App)", () => {
  it("reads the Action's signed decisions about a model file, and says the signatures are not checked here", async () => {
    const entry = decisionDraft(approved(), { repository: "acme/models", commit: HEAD, at }).entry;
    world.gh.state.addAttestation("acme/models", decisionStatement(entry)!);
    // A statement naming another repository, or not this file, is not this file's decision.
    world.gh.state.addAttestation("acme/models", decisionStatement({ ...entry, repository: "evil/models" })!);
    // Another predicate type about the same file is not a decision.
    world.gh.state.addAttestation("acme/models", {
      ...decisionStatement(entry)!,
      predicateType: "https://slsa.dev/provenance/v1",
    });
    const env = { ...ALICE, GITHUB_API_URL: world.gh.url };
    const { code, stdout, stderr } = await cli(
      ["history", "--repo", "acme/models", "--digest", `sha256:${DIGEST}`],
      undefined,
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      `2026-12-01T12:00:00.000Z  acme/models  approved · PR #7 at ${HEAD.slice(0, 7)} · model churn sha256:a1a1a1a1a1a1 · approved by alice (review 77)\n`,
    );
    expect(stderr).toMatch(/signatures are not checked here: run gh attestation verify/);
    expect(stderr).toMatch(/skipped a statement about another repository \(evil\/models\)/);
    const other = await cli(
      ["history", "--repo", "acme/models", "--digest", "b".repeat(64), "--format", "json"],
      undefined,
      env,
    );
    expect(JSON.parse(other.stdout)).toMatchObject({
      source: "attestations",
      signaturesChecked: false,
      records: [],
    });
    world.gh.assertNoContractViolations();
  });
});
