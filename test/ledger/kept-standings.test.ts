// The embedded ledger, its database's only writer, keeps what `unchanged` read: an event that
// changes nothing then reads nothing, and what is kept is always what the database holds.
import { afterEach, describe, expect, it } from "@jest/globals";
import type { LedgerDraft } from "../../src/core/ledger/entry.js";
import type { SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger, reportHash } from "../../src/ledger/store.js";
import { freshPglite } from "../support/ledger-databases.js";

const REPOSITORY_ID = 4711;
const PR = 3;

function draft(fingerprint: string): LedgerDraft {
  return {
    subject: `pr:${PR}`,
    fingerprint,
    entry: {
      kind: "decision",
      repository: "acme/kept",
      repositoryId: REPOSITORY_ID,
      at: "2026-12-03T10:00:00.000Z",
      candidate: { commit: "c".repeat(40), pr: PR },
      decision: fingerprint === "approved" ? "approved" : "pending",
      automatic: false,
      summary: fingerprint,
      approvers: [],
    },
  };
}

/** `sql` with its statements counted, and a read of records that can be held open. */
function watched(sql: SqlClient, soleWriter = sql.soleWriter) {
  const seen = { reads: 0, hold: undefined as Promise<void> | undefined };
  const client: SqlClient = {
    ...sql,
    soleWriter,
    description: sql.description,
    async query<Row>(text: string, params?: unknown[]) {
      if (text.includes("kept.report_hash")) {
        seen.reads += 1;
        const rows = await sql.query<Row>(text, params);
        await seen.hold;
        return rows;
      }
      return sql.query<Row>(text, params);
    },
    transaction: (work) => sql.transaction(work),
    close: () => sql.close(),
  };
  return { client, seen };
}

let ledger: SqlLedger | undefined;
afterEach(async () => {
  await ledger?.close();
  ledger = undefined;
});

async function recorded(open: SqlLedger, fingerprint: string, report: string) {
  const { record } = await open.append(draft(fingerprint));
  await open.saveReport({
    repositoryId: REPOSITORY_ID,
    pr: PR,
    commit: "c".repeat(40),
    sequence: record.sequence,
    report,
    at: new Date(),
  });
  return record;
}

const asked = (open: SqlLedger, fingerprint: string, report: string) =>
  open.unchanged(draft(fingerprint), { pr: PR, hash: reportHash(report) });

describe("the embedded ledger's kept standings", () => {
  it("answers an unchanged event again without reading the database", async () => {
    const { client, seen } = watched(await freshPglite());
    ledger = await SqlLedger.open(client);
    const record = await recorded(ledger, "pending", "report 1");
    expect(await asked(ledger, "pending", "report 1")).toEqual(record);
    expect(await asked(ledger, "pending", "report 1")).toEqual(record);
    expect(await asked(ledger, "approved", "report 1")).toBeUndefined();
    expect(seen.reads).toBe(1);
  });

  it("forgets what it kept at every write: a new state, a new report", async () => {
    const { client, seen } = watched(await freshPglite());
    ledger = await SqlLedger.open(client);
    await recorded(ledger, "pending", "report 1");
    expect(await asked(ledger, "pending", "report 1")).toBeDefined();
    const approved = await recorded(ledger, "approved", "report 2");
    expect(await asked(ledger, "pending", "report 1")).toBeUndefined();
    expect(await asked(ledger, "approved", "report 2")).toEqual(approved);
    expect(seen.reads).toBe(2);
    // A report alone (a new review that changes no decision) is a write too.
    await ledger.saveReport({
      repositoryId: REPOSITORY_ID,
      pr: PR,
      commit: "c".repeat(40),
      sequence: approved.sequence,
      report: "report 3",
      at: new Date(),
    });
    expect(await asked(ledger, "approved", "report 2")).toBeUndefined();
    expect(await asked(ledger, "approved", "report 3")).toEqual(approved);
  });

  it("keeps no read that a write overlapped", async () => {
    const { client, seen } = watched(await freshPglite());
    ledger = await SqlLedger.open(client);
    await recorded(ledger, "pending", "report 1");
    let release!: () => void;
    seen.hold = new Promise((done) => (release = done));
    // The read sees "pending"; the state changes before it returns.
    const slow = asked(ledger, "pending", "report 1");
    await new Promise((done) => setTimeout(done, 20));
    const approved = await recorded(ledger, "approved", "report 2");
    release();
    seen.hold = undefined;
    expect(await slow).toBeDefined();
    // Had the overlapped read been kept, this would be answered "unchanged" from it.
    expect(await asked(ledger, "pending", "report 1")).toBeUndefined();
    expect(await asked(ledger, "approved", "report 2")).toEqual(approved);
  });

  it("hands out a frozen record", async () => {
    ledger = await SqlLedger.open(await freshPglite());
    await recorded(ledger, "pending", "report 1");
    const record = await asked(ledger, "pending", "report 1");
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record?.entry.candidate)).toBe(true);
  });

  it("keeps nothing for a database that others write too", async () => {
    const { client, seen } = watched(await freshPglite(), false);
    ledger = await SqlLedger.open(client);
    await recorded(ledger, "pending", "report 1");
    for (let i = 0; i < 3; i++) expect(await asked(ledger, "pending", "report 1")).toBeDefined();
    expect(seen.reads).toBe(3);
  });
});
