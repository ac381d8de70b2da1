// The notification outbox and migration 3, on both drivers: the embedded PGlite and a PostgreSQL
// server, where concurrent claimers really run on separate connections.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { MIGRATIONS, migrate } from "../../src/ledger/migrations.js";
import { SqlOutbox, type OutboxItem, type OutboxKey } from "../../src/ledger/outbox.js";
import { pgClient, type SqlClient } from "../../src/ledger/sql.js";
import { freshPglite, postgresDatabase } from "../support/ledger-databases.js";

const drivers: [string, () => Promise<SqlClient>][] = [
  ["embedded PostgreSQL (PGlite)", freshPglite],
  ["a PostgreSQL server", async () => pgClient(await postgresDatabase())],
];

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

// A repository id past 32 bits: pg answers bigint as a string, which must come back a number.
const REPO = 5_000_000_001;

function item(over: Partial<OutboxItem> = {}): OutboxItem {
  const recordSequence = over.recordSequence ?? 1;
  const destination = over.destination ?? "slack";
  return {
    repositoryId: REPO,
    recordSequence,
    destination,
    pr: 7,
    event: "approved",
    deliveryId: `delivery-${recordSequence}-${destination}`,
    payload: JSON.stringify({ text: `record ${recordSequence} to ${destination}` }),
    ...over,
  };
}

const keyOf = (row: OutboxKey) => `${row.repositoryId}/${row.recordSequence}/${row.destination}`;

describe.each(drivers)("migration 3 on %s", (_name, open) => {
  let sql: SqlClient;
  beforeAll(async () => {
    sql = await open();
  });
  afterAll(() => sql.close());

  it("applies on a database at version 2, keeping its reports", async () => {
    expect(await migrate(sql, MIGRATIONS.slice(0, 2))).toEqual([1, 2]);
    await sql.query(
      `INSERT INTO decision_reports (repository_id, pr, commit_sha, record_sequence, report, report_hash, updated_at)
       VALUES (1, 2, 'c', 3, '{}', 'h', $1)`,
      [T0.toISOString()],
    );
    expect(await migrate(sql)).toEqual([3]);
    expect(await migrate(sql)).toEqual([]);
    const [report] = await sql.query<{ deadline: unknown; record_sequence: number }>(
      "SELECT deadline, record_sequence FROM decision_reports WHERE repository_id = 1 AND pr = 2",
    );
    expect(report).toEqual({ deadline: null, record_sequence: 3 });
    await sql.query("UPDATE decision_reports SET deadline = $1 WHERE repository_id = 1", [
      at(60_000).toISOString(),
    ]);
    const due = await sql.query<{ pr: number }>("SELECT pr FROM decision_reports WHERE deadline <= $1", [
      at(60_000).toISOString(),
    ]);
    expect(due).toEqual([{ pr: 2 }]);
    await sql.query("INSERT INTO leases (name, holder, expires_at) VALUES ('sweep', 'a', $1)", [
      T0.toISOString(),
    ]);
    await expect(
      sql.query(
        `INSERT INTO notification_outbox (repository_id, record_sequence, destination, event, delivery_id, payload,
           status, created_at, updated_at)
         VALUES (1, 1, 'slack', 'approved', 'd', '{}', 'sent', $1, $1)`,
        [T0.toISOString()],
      ),
    ).rejects.toThrow(/check constraint/);
    const versions = await sql.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2, 3]);
  });
});

describe.each(drivers)("the notification outbox on %s", (_name, open) => {
  let sql: SqlClient;
  let outbox: SqlOutbox;
  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
    outbox = new SqlOutbox(sql);
  });
  afterAll(() => sql.close());
  // claim takes from the whole table: each test starts with none.
  beforeEach(async () => {
    await sql.query("DELETE FROM notification_outbox");
  });

  it("enqueues an item once: the row already there is kept as it was", async () => {
    expect(await outbox.enqueue([item(), item({ destination: "webhook" })], T0)).toBe(2);
    expect(
      await outbox.enqueue(
        [
          item({ payload: '{"text":"changed"}' }),
          item({ destination: "email" }),
          item({ destination: "email" }),
        ],
        at(1_000),
      ),
    ).toBe(1);
    expect(await outbox.enqueue([], at(2_000))).toBe(0);
    const rows = await outbox.forPullRequest(REPO, 7);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.destination === "slack")).toEqual({
      repositoryId: REPO,
      recordSequence: 1,
      destination: "slack",
      pr: 7,
      event: "approved",
      deliveryId: "delivery-1-slack",
      payload: JSON.stringify({ text: "record 1 to slack" }),
      status: "pending",
      attempts: 0,
      lastError: undefined,
      nextAttemptAt: undefined,
      claimedUntil: undefined,
      claimedBy: undefined,
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it("keeps an item of no PR", async () => {
    expect(await outbox.enqueue([item({ pr: undefined, recordSequence: 9 })], T0)).toBe(1);
    const [row] = await outbox.claim("a", T0, 60_000, 10);
    expect(row).toMatchObject({ recordSequence: 9, pr: undefined });
  });

  it("claims due rows oldest first, and skips another holder's claim until it expires", async () => {
    for (let sequence = 1; sequence <= 5; sequence++)
      await outbox.enqueue([item({ recordSequence: sequence })], at(sequence));
    const a = await outbox.claim("a", at(10), 60_000, 2);
    expect(a.map((r) => r.recordSequence)).toEqual([1, 2]);
    expect(a[0]).toMatchObject({ claimedBy: "a", claimedUntil: at(60_010), status: "pending" });
    const b = await outbox.claim("b", at(20), 60_000, 10);
    expect(b.map((r) => r.recordSequence)).toEqual([3, 4, 5]);
    expect(await outbox.claim("c", at(60_009), 60_000, 10)).toEqual([]);
    // a's claim expired (it died mid-send): its rows are taken again; b's still hold.
    const c = await outbox.claim("c", at(60_010), 60_000, 10);
    expect(c.map((r) => r.recordSequence)).toEqual([1, 2]);
    expect(c[0]).toMatchObject({ claimedBy: "c", claimedUntil: at(120_010) });
  });

  it("claims only one record's rows when asked", async () => {
    await outbox.enqueue([item({ recordSequence: 1 }), item({ recordSequence: 2 })], T0);
    await outbox.enqueue([item({ recordSequence: 2, destination: "webhook" })], at(1));
    await outbox.enqueue([item({ recordSequence: 2, repositoryId: 42 })], at(2));
    const mine = await outbox.claim("a", at(5), 60_000, 10, { repositoryId: REPO, recordSequence: 2 });
    expect(mine.map(keyOf)).toEqual([`${REPO}/2/slack`, `${REPO}/2/webhook`]);
    const rest = await outbox.claim("b", at(5), 60_000, 10);
    expect(rest.map(keyOf).sort()).toEqual([`${REPO}/1/slack`, "42/2/slack"].sort());
  });

  it("marks a row delivered, never to be claimed again nor taken back", async () => {
    await outbox.enqueue([item()], T0);
    const [row] = await outbox.claim("a", at(1), 60_000, 10);
    expect(await outbox.delivered(row!, 1, at(2))).toBe(true);
    const [kept] = await outbox.forPullRequest(REPO, 7);
    expect(kept).toMatchObject({
      status: "delivered",
      attempts: 1,
      claimedUntil: undefined,
      updatedAt: at(2),
      createdAt: T0,
    });
    expect(await outbox.claim("b", at(120_000), 60_000, 10)).toEqual([]);
    // A sender whose claim had expired reporting late changes nothing.
    expect(await outbox.failed(row!, { attempts: 1, error: "timeout", nextAttemptAt: at(3) }, at(3))).toBe(
      false,
    );
    expect(await outbox.delivered(row!, 2, at(4))).toBe(false);
    expect((await outbox.forPullRequest(REPO, 7))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("retries a failed send at its next attempt time, and gives up when told to", async () => {
    await outbox.enqueue([item()], T0);
    const [first] = await outbox.claim("a", at(1), 60_000, 10);
    expect(
      await outbox.failed(first!, { attempts: 1, error: "HTTP 500", nextAttemptAt: at(30_000) }, at(2)),
    ).toBe(true);
    expect((await outbox.forPullRequest(REPO, 7))[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "HTTP 500",
      nextAttemptAt: at(30_000),
      claimedUntil: undefined,
      updatedAt: at(2),
    });
    // Its claim was given back, but it is not due before its next attempt.
    expect(await outbox.claim("b", at(29_999), 60_000, 10)).toEqual([]);
    const [second] = await outbox.claim("b", at(30_000), 60_000, 10);
    expect(second).toMatchObject({ attempts: 1, claimedBy: "b" });
    expect(await outbox.failed(second!, { attempts: 2, error: "HTTP 403" }, at(30_001))).toBe(true);
    expect((await outbox.forPullRequest(REPO, 7))[0]).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "HTTP 403",
      nextAttemptAt: undefined,
      claimedUntil: undefined,
    });
    expect(await outbox.claim("c", at(10_000_000), 60_000, 10)).toEqual([]);
  });

  it("lists a PR's notifications newest first", async () => {
    await outbox.enqueue(
      [item({ recordSequence: 1 }), item({ recordSequence: 1, destination: "webhook" })],
      T0,
    );
    await outbox.enqueue([item({ recordSequence: 3 })], at(2_000));
    await outbox.enqueue([item({ recordSequence: 2 })], at(1_000));
    await outbox.enqueue(
      [item({ recordSequence: 4, pr: 8 }), item({ recordSequence: 5, repositoryId: 42 })],
      at(3_000),
    );
    const rows = await outbox.forPullRequest(REPO, 7);
    expect(rows.map(keyOf)).toEqual([
      `${REPO}/3/slack`,
      `${REPO}/2/slack`,
      `${REPO}/1/slack`,
      `${REPO}/1/webhook`,
    ]);
    expect(rows.map((r) => r.createdAt)).toEqual([at(2_000), at(1_000), T0, T0]);
    expect((await outbox.forPullRequest(REPO, 7, 2)).map(keyOf)).toEqual([
      `${REPO}/3/slack`,
      `${REPO}/2/slack`,
    ]);
    expect((await outbox.forPullRequest(REPO, 8)).map(keyOf)).toEqual([`${REPO}/4/slack`]);
  });

  it("never gives one row to two claimers running at once", async () => {
    for (let round = 0; round < 3; round++) {
      await sql.query("DELETE FROM notification_outbox");
      const items = Array.from({ length: 40 }, (_, i) =>
        item({ recordSequence: i + 1, destination: i % 2 ? "slack" : "webhook" }),
      );
      expect(await outbox.enqueue(items, T0)).toBe(40);
      const claimer = async (holder: string) => {
        const taken: string[] = [];
        for (;;) {
          const rows = await outbox.claim(holder, at(1), 60_000, 3);
          if (rows.length === 0) return taken;
          taken.push(...rows.map(keyOf));
        }
      };
      const taken = await Promise.all(["a", "b", "c", "d"].map(claimer));
      const all = taken.flat();
      expect(all).toHaveLength(40);
      expect(new Set(all).size).toBe(40);
      const holders = await sql.query<{ claimed_by: string; n: number | string }>(
        "SELECT claimed_by, count(*) AS n FROM notification_outbox GROUP BY claimed_by",
      );
      expect(Object.fromEntries(holders.map((h) => [h.claimed_by, Number(h.n)]))).toEqual(
        Object.fromEntries(taken.map((t, i) => [["a", "b", "c", "d"][i], t.length]).filter(([, n]) => n)),
      );
    }
  });

  it("refuses a claim of no rows or no time", async () => {
    await expect(outbox.claim("a", T0, 60_000, 0)).rejects.toThrow(/positive integer/);
    await expect(outbox.claim("a", T0, 0, 10)).rejects.toThrow(/positive time/);
  });
});
