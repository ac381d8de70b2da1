// The ledger in PostgreSQL, run against both drivers: the embedded PGlite and a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { verifyChain } from "../../src/core/ledger/chain.js";
import type { LedgerDraft } from "../../src/core/ledger/entry.js";
import { MIGRATIONS, migrate } from "../../src/ledger/migrations.js";
import { pgClient, type SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger, reportHash } from "../../src/ledger/store.js";
import { freshPglite, postgresDatabase } from "../support/ledger-databases.js";

/** A stable GitHub-like id per repository name, as the App gets it from each webhook. */
const IDS = new Map<string, number>();
function idOf(repository: string): number {
  const key = repository.toLowerCase();
  if (!IDS.has(key)) IDS.set(key, 1000 + IDS.size);
  return IDS.get(key)!;
}

let n = 0;
function draft(
  over: {
    subject?: string;
    fingerprint?: string;
    repository?: string;
    repositoryId?: number;
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
      repositoryId: over.repositoryId ?? idOf(over.repository ?? "Acme/Models"),
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
        ? { deploy: { environment: over.environment, run: n, attempt: 1, answer: "approved" as const } }
        : {}),
    },
  };
}

const drivers: [string, () => Promise<SqlClient>][] = [
  ["embedded PostgreSQL (PGlite)", freshPglite],
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
      new RegExp(
        `schema version ${MIGRATIONS.at(-1)!.version}, newer than this version of model-approval knows \\(0\\)`,
      ),
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
    const chain = await ledger.chain(idOf("acme/chain"));
    expect(chain.map((r) => r.sequence)).toEqual([1, 2, 3]);
    expect(verifyChain("acme/chain", chain, idOf("acme/chain"))).toEqual([]);
    expect(await ledger.repositories()).toContainEqual({ id: idOf("acme/chain"), name: "acme/chain" });
    // Pages of a chain, oldest first.
    expect((await ledger.chain(idOf("acme/chain"), { after: 1, limit: 1 })).map((r) => r.sequence)).toEqual([
      2,
    ]);
  });

  it("keeps a repository's chain through a rename, and starts another for a freed name reused", async () => {
    const id = idOf("acme/old-name");
    await ledger.append(draft({ repository: "acme/old-name", repositoryId: id }));
    await ledger.append(draft({ repository: "acme/new-name", repositoryId: id }));
    // Someone else's repository, created under the freed old name.
    await ledger.append(draft({ repository: "acme/old-name", repositoryId: 999_999 }));
    expect((await ledger.chain(id)).map((r) => [r.sequence, r.entry.repository])).toEqual([
      [1, "acme/old-name"],
      [2, "acme/new-name"],
    ]);
    expect(verifyChain("acme/new-name", await ledger.chain(id), id)).toEqual([]);
    expect((await ledger.chain(999_999)).map((r) => r.sequence)).toEqual([1]);
    expect(await ledger.repositories()).toEqual(
      expect.arrayContaining([
        { id, name: "acme/new-name" },
        { id: 999_999, name: "acme/old-name" },
      ]),
    );
  });

  it("keeps a PR's report of its newest record, whichever order two instances save in", async () => {
    const at = new Date("2026-12-01T12:00:00Z");
    const report = (sequence: number, text: string) => ({
      repositoryId: 4242,
      pr: 3,
      commit: "c".repeat(40),
      sequence,
      report: text,
      at,
    });
    await ledger.saveReport(report(6, "rejected"));
    await ledger.saveReport(report(5, "approved"));
    expect(await ledger.latestReport(4242, 3)).toMatchObject({ sequence: 6, report: "rejected" });
    await ledger.saveReport(report(6, "rejected, said differently"));
    expect(await ledger.latestReport(4242, 3)).toMatchObject({
      sequence: 6,
      report: "rejected, said differently",
    });
  });

  it("says a decision is unchanged only when its record and its PR's kept report both are", async () => {
    const state = draft({ repository: "Acme/Unchanged" });
    const pr = state.entry.candidate.pr!;
    const repositoryId = state.entry.repositoryId!;
    const asked = (d: LedgerDraft, text: string) => ledger.unchanged(d, { pr, hash: reportHash(text) });
    // Nothing recorded yet.
    expect(await asked(state, "pending")).toBeUndefined();
    const { record } = await ledger.append(state);
    // Recorded, but no report kept for the PR yet.
    expect(await asked(state, "pending")).toBeUndefined();
    const save = (sequence: number, text: string) =>
      ledger.saveReport({ repositoryId, pr, commit: "c".repeat(40), sequence, report: text, at: new Date() });
    await save(record.sequence, "pending");
    expect(await asked(state, "pending")).toEqual(record);
    // Another report of the same state (a new review that changes no decision) is a change.
    expect(await asked(state, "pending, with mallory's comment")).toBeUndefined();
    // Another state of the subject is a change.
    expect(await asked({ ...state, fingerprint: "another state" }, "pending")).toBeUndefined();
    // A report kept from a newer record is never overwritten, so there is nothing to write.
    await save(record.sequence + 1, "a newer record's report");
    expect(await asked(state, "pending")).toEqual(record);
  });

  it("refuses a record without GitHub's repository id", async () => {
    const { entry, ...rest } = draft({ repository: "acme/no-id" });
    const { repositoryId: _dropped, ...withoutId } = entry;
    await expect(ledger.append({ ...rest, entry: withoutId })).rejects.toThrow(
      /names no GitHub repository id/,
    );
  });

  it("finds a row edited in the database, and answers no query from what only the copied columns say", async () => {
    for (let i = 0; i < 3; i++) await ledger.append(draft({ repository: "acme/tampered" }));
    // Moving a record out of an environment's history by its column alone hides nothing, and
    // moving one into another's adds nothing: answers are checked against the hashed entry.
    await sql.query("UPDATE ledger_records SET environment = 'staging' WHERE repository = 'acme/tampered'");
    expect(await ledger.history({ repositoryId: idOf("acme/tampered"), environment: "staging" })).toEqual([]);
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
    const problems = verifyChain(
      "acme/tampered",
      await ledger.chain(idOf("acme/tampered")),
      idOf("acme/tampered"),
    );
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
    const repositoryId = idOf(repo);
    const all = await ledger.history({ repositoryId });
    expect(all).toHaveLength(3);
    expect(all[0]!.entry.deploy?.environment).toBe("Production");
    expect(summaries(await ledger.history({ repositoryId, model: "CHURN" }))).toEqual([
      all[0]!.entry.summary,
      all[2]!.entry.summary,
    ]);
    expect(await ledger.history({ repositoryId, digest: "02".repeat(32) })).toEqual([all[1]]);
    // One artifact file's digest finds the decisions about the model it belongs to.
    expect(await ledger.history({ repositoryId, digest: `sha256:${"0f".repeat(32)}` })).toEqual([all[1]]);
    expect(await ledger.history({ repositoryId, environment: "production" })).toEqual([all[0]]);
    expect(await ledger.history({ repositoryIds: [] })).toEqual([]);
    expect(await ledger.history({ repositoryIds: [repositoryId], limit: 1 })).toEqual([all[0]]);
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
          subject: `deploy:${i}:1:production`,
          fingerprint: "approved",
        });
        appends.push(a.append(same), b.append(same));
      }
      const results = await Promise.all(appends);
      expect(results.filter((r) => r.status === "appended")).toHaveLength(120);
      const chain = await a.chain(idOf("acme/shared"));
      expect(chain.map((r) => r.sequence)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(verifyChain("acme/shared", chain)).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("fails an append that waits too long for another instance's lock, instead of hanging", async () => {
    const url = await postgresDatabase();
    const ledger = await SqlLedger.open(await pgClient(url), { lockMs: 200 });
    const holder = await pgClient(url);
    try {
      const recorded = draft({ repository: "acme/locked", subject: "pr:1", fingerprint: "approved" });
      await ledger.append(recorded);
      // Another session holds the repository's lock, as a stuck append (or anyone with a connection) could.
      await holder.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [idOf("acme/locked")]);
        // A state already recorded is answered without the lock; only a change waits for it.
        expect((await ledger.append(recorded)).status).toBe("unchanged");
        await expect(ledger.append(draft({ repository: "acme/locked" }))).rejects.toThrow(/lock timeout/);
      });
      expect((await ledger.append(draft({ repository: "acme/locked" }))).record.sequence).toBe(2);
    } finally {
      await Promise.all([ledger.close(), holder.close()]);
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
