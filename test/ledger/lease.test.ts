// Leases in the ledger's database (the timeout sweep's), on both drivers: the embedded PGlite and a
// PostgreSQL server, where racing acquirers really run on separate connections.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SqlLeases } from "../../src/ledger/lease.js";
import { migrate } from "../../src/ledger/migrations.js";
import { pgClient, type SqlClient } from "../../src/ledger/sql.js";
import { freshPglite, postgresDatabase } from "../support/ledger-databases.js";

const drivers: [string, () => Promise<SqlClient>][] = [
  ["embedded PostgreSQL (PGlite)", freshPglite],
  ["a PostgreSQL server", async () => pgClient(await postgresDatabase())],
];

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(drivers)("leases on %s", (_name, open) => {
  let sql: SqlClient;
  let leases: SqlLeases;
  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
    leases = new SqlLeases(sql);
  });
  afterAll(() => sql.close());

  async function stored(name: string) {
    const [row] = await sql.query<{ holder: string; expires_at: Date | string }>(
      "SELECT holder, expires_at FROM leases WHERE name = $1",
      [name],
    );
    return row && { holder: row.holder, expiresAt: new Date(row.expires_at).toISOString() };
  }

  it("is held by its taker until it expires, renewed by its holder, then free for another", async () => {
    expect(await leases.acquire("sweep", "a", 30_000, T0)).toBe(true);
    expect(await stored("sweep")).toEqual({ holder: "a", expiresAt: at(30_000).toISOString() });
    expect(await leases.acquire("sweep", "b", 30_000, at(29_999))).toBe(false);
    expect(await stored("sweep")).toEqual({ holder: "a", expiresAt: at(30_000).toISOString() });
    // The holder renews: the lease now lasts from the renewal.
    expect(await leases.acquire("sweep", "a", 30_000, at(20_000))).toBe(true);
    expect(await stored("sweep")).toEqual({ holder: "a", expiresAt: at(50_000).toISOString() });
    expect(await leases.acquire("sweep", "b", 30_000, at(49_999))).toBe(false);
    // Expired (at its expiry instant): another takes it, and the former holder is refused.
    expect(await leases.acquire("sweep", "b", 10_000, at(50_000))).toBe(true);
    expect(await stored("sweep")).toEqual({ holder: "b", expiresAt: at(60_000).toISOString() });
    expect(await leases.acquire("sweep", "a", 30_000, at(50_001))).toBe(false);
    // Leases of other names are independent.
    expect(await leases.acquire("other", "a", 30_000, at(50_001))).toBe(true);
  });

  it("is released only by its holder", async () => {
    expect(await leases.acquire("released", "a", 60_000, T0)).toBe(true);
    await leases.release("released", "b");
    expect(await leases.acquire("released", "b", 60_000, at(1))).toBe(false);
    await leases.release("released", "a");
    expect(await stored("released")).toBeUndefined();
    expect(await leases.acquire("released", "b", 60_000, at(2))).toBe(true);
    // Releasing a lease one no longer holds leaves the new holder's alone.
    await leases.release("released", "a");
    expect(await stored("released")).toMatchObject({ holder: "b" });
  });

  it("refuses a lease of no time", async () => {
    await expect(leases.acquire("zero", "a", 0, T0)).rejects.toThrow(/positive time/);
    await expect(leases.acquire("zero", "a", Number.NaN, T0)).rejects.toThrow(/positive time/);
    expect(await stored("zero")).toBeUndefined();
  });

  it("goes to exactly one of holders racing for a new lease", async () => {
    for (let round = 0; round < 8; round++) {
      const name = `race-new-${round}`;
      const holders = ["a", "b", "c", "d"];
      const won = await Promise.all(holders.map((h) => leases.acquire(name, h, 30_000, T0)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await stored(name)).toMatchObject({ holder: holders[won.indexOf(true)] });
    }
  });

  it("goes to exactly one of holders racing for an expired lease", async () => {
    for (let round = 0; round < 8; round++) {
      const name = `race-expired-${round}`;
      expect(await leases.acquire(name, "old", 1_000, T0)).toBe(true);
      const holders = ["a", "b", "c", "d"];
      const won = await Promise.all(holders.map((h) => leases.acquire(name, h, 30_000, at(5_000))));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await stored(name)).toEqual({
        holder: holders[won.indexOf(true)],
        expiresAt: at(35_000).toISOString(),
      });
    }
  });
});
