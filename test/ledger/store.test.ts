// The ledger in PostgreSQL, run against both drivers: the embedded PGlite and a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { verifyChain } from "../../src/core/ledger/chain.js";
import type { LedgerDraft } from "../../src/core/ledger/entry.js";
import { MIGRATIONS, migrate } from "../../src/ledger/migrations.js";
import { pgClient, type SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger } from "../../src/ledger/store.js";
import { freshPglite, postgresDatabase } from "../support/ledger-databases.js";

let n = 0;
function draft(
  over: {
    subject?: string;
    fingerprint?: string;
    repository?: string;
    model?: string;
    key?: string;
    environment?: string;
    artifacts?: { path: string; sha256: string }[];
  } = {},
): LedgerDraft {
  n++;
  return {
    subject: over.subject ?? `pr:${n}`,
    fingerprint: over.fingerprint ?? `state ${n}`,
    entry: {
      kind: over.environment ? "deploy" : "decision",
      repository: over.repository ?? "Acme/Models",
      at: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
      candidate: {
        commit: "c".repeat(40),
        pr: n,
        model: {
          name: over.model ?? "churn",
          key: over.key ?? `sha256:${"ab".repeat(32)}`,
          ...(over.artifacts ? { artifacts: over.artifacts } : {}),
        },
      },
      decision: "approved",
      automatic: false,
      summary: `record ${n}`,
      approvers: [{ login: "alice", review: n, commit: "c".repeat(40) }],
      ...(over.environment
        ? { deploy: { environment: over.environment, run: n, answer: "approved" as const } }
        : {}),
    },
  };
}

const drivers: [string, () => Promise<SqlClient>][] = [
  ["embedded PostgreSQL (PGlite)", async () => (await freshPglite()).client],
  ["a PostgreSQL server", async () => pgClient(await postgresDatabase())],
];

describe.each(drivers)("the ledger on %s", (_name, open) => {
  let sql: SqlClient;
  let ledger: SqlLedger;
  beforeAll(async () => {
    sql = await open();
    ledger = await SqlLedger.open(sql);
  });
  afterAll(() => ledger.close());

  it("migrates once: a second open applies nothing", async () => {
    expect(await migrate(sql)).toEqual([]);
    const rows = await sql.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("refuses a database newer than it knows", async () => {
    await expect(migrate(sql, [])).rejects.toThrow(
      /schema version 1, newer than this version of model-approval knows \(0\)/,
    );
  });

  it("appends a chain per repository, and does not append an unchanged state again", async () => {
    const first = await ledger.append(
      draft({ repository: "acme/chain", subject: "pr:1", fingerprint: "pending" }),
    );
    const again = await ledger.append(
      draft({ repository: "ACME/chain", subject: "pr:1", fingerprint: "pending" }),
    );
    const changed = await ledger.append(
      draft({ repository: "acme/chain", subject: "pr:1", fingerprint: "approved" }),
    );
    const other = await ledger.append(
      draft({ repository: "acme/chain", subject: "pr:2", fingerprint: "pending" }),
    );
    expect([first.status, again.status, changed.status, other.status]).toEqual([
      "appended",
      "unchanged",
      "appended",
      "appended",
    ]);
    expect(again.record).toEqual(first.record);
    const chain = await ledger.chain("acme/chain");
    expect(chain.map((r) => r.sequence)).toEqual([1, 2, 3]);
    expect(verifyChain("acme/chain", chain)).toEqual([]);
    expect(await ledger.repositories()).toContain("acme/chain");
  });

  it("finds a row edited in the database", async () => {
    for (let i = 0; i < 3; i++) await ledger.append(draft({ repository: "acme/tampered" }));
    const [row] = await sql.query<{ entry: string }>(
      "SELECT entry FROM ledger_records WHERE repository = 'acme/tampered' AND sequence = 2",
    );
    const entry = JSON.parse(row!.entry) as { approvers: unknown[] };
    entry.approvers = [{ login: "mallory", review: 1, commit: null }];
    await sql.query(
      "UPDATE ledger_records SET entry = $1 WHERE repository = 'acme/tampered' AND sequence = 2",
      [JSON.stringify(entry)],
    );
    await sql.query("DELETE FROM ledger_records WHERE repository = 'acme/tampered' AND sequence = 3");
    const problems = verifyChain("acme/tampered", await ledger.chain("acme/tampered"));
    expect(problems).toEqual([
      { repository: "acme/tampered", sequence: 2, problem: expect.stringMatching(/does not match its hash/) },
    ]);
  });

  it("answers history by repository, model, digest and environment, newest first", async () => {
    const repo = "acme/history";
    await ledger.append(draft({ repository: repo, model: "Churn", key: `sha256:${"01".repeat(32)}` }));
    await ledger.append(
      draft({
        repository: repo,
        model: "fraud",
        key: `sha256:${"02".repeat(32)}`,
        artifacts: [{ path: "fraud.onnx", sha256: "0F".repeat(32) }],
      }),
    );
    await ledger.append(
      draft({
        repository: repo,
        model: "churn",
        key: `sha256:${"01".repeat(32)}`,
        environment: "Production",
      }),
    );
    const summaries = (records: { entry: { summary: string } }[]) => records.map((r) => r.entry.summary);
    const all = await ledger.history({ repository: repo });
    expect(all).toHaveLength(3);
    expect(all[0]!.entry.deploy?.environment).toBe("Production");
    expect(summaries(await ledger.history({ repository: repo, model: "CHURN" }))).toEqual([
      all[0]!.entry.summary,
      all[2]!.entry.summary,
    ]);
    expect(await ledger.history({ repository: repo, digest: "02".repeat(32) })).toEqual([all[1]]);
    // One artifact file's digest finds the decisions about the model it belongs to.
    expect(await ledger.history({ repository: repo, digest: `sha256:${"0f".repeat(32)}` })).toEqual([all[1]]);
    expect(await ledger.history({ repository: repo, environment: "production" })).toEqual([all[0]]);
    expect(await ledger.history({ repositories: [] })).toEqual([]);
    expect(await ledger.history({ repositories: ["ACME/History"], limit: 1 })).toEqual([all[0]]);
  });
});

describe("two App instances on one PostgreSQL server", () => {
  it("append concurrently into one unforked chain, and record a shared state once", async () => {
    const url = await postgresDatabase();
    const [a, b] = [await SqlLedger.open(await pgClient(url)), await SqlLedger.open(await pgClient(url))];
    try {
      const appends = [];
      for (let i = 0; i < 40; i++) {
        appends.push(
          a.append(draft({ repository: "acme/shared" })),
          b.append(draft({ repository: "acme/shared" })),
        );
        // Both see the same event: the same subject and state, delivered to each instance.
        const same = draft({
          repository: "acme/shared",
          subject: `deploy:${i}:production`,
          fingerprint: "approved",
        });
        appends.push(a.append(same), b.append(same));
      }
      const results = await Promise.all(appends);
      expect(results.filter((r) => r.status === "appended")).toHaveLength(120);
      const chain = await a.chain("acme/shared");
      expect(chain.map((r) => r.sequence)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(verifyChain("acme/shared", chain)).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("migrate together: the schema is applied once", async () => {
    const url = await postgresDatabase();
    const clients = await Promise.all([pgClient(url), pgClient(url), pgClient(url)]);
    try {
      const ran = await Promise.all(clients.map((c) => migrate(c)));
      expect(ran.flat()).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
