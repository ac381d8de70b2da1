// Named leases in the ledger's database, so that of several App instances sharing it only one does
// a periodic job (the approval timeout sweep) at a time. A lease expires by itself, so an instance
// that dies holding one stops the job only until then. Times are the caller's clock, not the
// database's: the App's clock is the one its tests control, and every instance compares against
// the same stored instant whichever clock wrote it.
import type { SqlClient } from "./sql.js";

export class SqlLeases {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Takes the lease `name` for `holder` until `now` + `ttlMs`, or renews it when `holder` holds it
   * already. False when another holder's lease has not expired by `now`.
   */
  async acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0)
      throw new Error(`a lease lasts a positive time, not ${ttlMs} ms`);
    const until = new Date(now.getTime() + ttlMs);
    // One statement, so no other instance acts between the check and the write: a first taker's
    // insert makes a racing one wait for it and then take the DO UPDATE path, whose WHERE is judged
    // on the row as it is then (locked), not as the statement's snapshot saw it. RETURNING gives a
    // row only when this holder's insert or update happened.
    const rows = await this.sql.query<{ holder: string }>(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3::timestamptz)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE leases.expires_at <= $4::timestamptz OR leases.holder = EXCLUDED.holder
       RETURNING holder`,
      [name, holder, until.toISOString(), now.toISOString()],
    );
    return rows[0]?.holder === holder;
  }

  /** Gives the lease up early, if `holder` still holds it (after it expired another may). */
  async release(name: string, holder: string): Promise<void> {
    await this.sql.query("DELETE FROM leases WHERE name = $1 AND holder = $2", [name, holder]);
  }
}
