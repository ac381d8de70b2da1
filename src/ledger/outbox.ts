// Notifications of state transitions (Slack, webhooks) go through a table in the ledger's database
// before they are sent: one row per record and destination. Enqueueing twice (two instances
// handling the same transition) leaves one row; sending takes a row with a claim that expires, so
// no two instances send it at once and a row whose sender died is taken again later; a failed send
// stays pending for a retry at a time the caller chose, and every outcome is kept for the details
// page. Times are the caller's clock, never the database's.
import type { SqlClient } from "./sql.js";

export type OutboxStatus = "pending" | "delivered" | "failed";

export interface OutboxKey {
  repositoryId: number;
  recordSequence: number;
  /** Where it goes: a name the caller's configuration gives (e.g. "slack:#ml-approvals"). */
  destination: string;
}

export interface OutboxItem extends OutboxKey {
  pr?: number;
  event: string;
  deliveryId: string;
  /** The notification's JSON, as the caller built it. */
  payload: string;
}

export interface OutboxRow extends OutboxKey {
  pr: number | undefined;
  event: string;
  deliveryId: string;
  payload: string;
  status: OutboxStatus;
  /** Sends tried so far, as the caller last reported them. */
  attempts: number;
  lastError: string | undefined;
  /** A pending row that failed is not taken before this. */
  nextAttemptAt: Date | undefined;
  /** Taken by an instance sending it until then. */
  claimedUntil: Date | undefined;
  /** The holder that last took it. */
  claimedBy: string | undefined;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutboxFailure {
  attempts: number;
  error: string;
  /** When to try again; without it the row is given up ('failed'). */
  nextAttemptAt?: Date;
}

interface Row {
  repository_id: number | string;
  record_sequence: number | string;
  destination: string;
  pr: number | string | null;
  event: string;
  delivery_id: string;
  payload: string;
  status: OutboxStatus;
  attempts: number | string;
  last_error: string | null;
  next_attempt_at: Date | string | null;
  claimed_until: Date | string | null;
  claimed_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = `repository_id, record_sequence, destination, pr, event, delivery_id, payload, status, attempts,
  last_error, next_attempt_at, claimed_until, claimed_by, created_at, updated_at`;

const date = (value: Date | string): Date => new Date(value);
const optionalDate = (value: Date | string | null): Date | undefined =>
  value === null ? undefined : new Date(value);

// pg answers bigint as a string (it may not fit a number); the ids here do.
function fromRow(row: Row): OutboxRow {
  return {
    repositoryId: Number(row.repository_id),
    recordSequence: Number(row.record_sequence),
    destination: row.destination,
    pr: row.pr === null ? undefined : Number(row.pr),
    event: row.event,
    deliveryId: row.delivery_id,
    payload: row.payload,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error ?? undefined,
    nextAttemptAt: optionalDate(row.next_attempt_at),
    claimedUntil: optionalDate(row.claimed_until),
    claimedBy: row.claimed_by ?? undefined,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  };
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${what} must be a positive integer, not ${value}`);
  return value;
}

export class SqlOutbox {
  constructor(private readonly sql: SqlClient) {}

  /** Adds the items not there yet (an item's key already there keeps its row as it is); how many were new. */
  async enqueue(items: OutboxItem[], now: Date): Promise<number> {
    if (items.length === 0) return 0;
    // One statement over arrays: the items land together or not at all, in one round trip.
    const rows = await this.sql.query<{ destination: string }>(
      `INSERT INTO notification_outbox
         (repository_id, record_sequence, destination, pr, event, delivery_id, payload, status, attempts,
          created_at, updated_at)
       SELECT repository_id, record_sequence, destination, pr, event, delivery_id, payload, 'pending', 0, $8, $8
       FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[])
         AS item (repository_id, record_sequence, destination, pr, event, delivery_id, payload)
       ON CONFLICT (repository_id, record_sequence, destination) DO NOTHING
       RETURNING destination`,
      [
        items.map((i) => i.repositoryId),
        items.map((i) => i.recordSequence),
        items.map((i) => i.destination),
        items.map((i) => i.pr ?? null),
        items.map((i) => i.event),
        items.map((i) => i.deliveryId),
        items.map((i) => i.payload),
        now.toISOString(),
      ],
    );
    return rows.length;
  }

  /**
   * Takes up to `limit` due pending rows, oldest first, for `holder` until `now` + `leaseMs`; a
   * row another holder took is skipped until its claim expires. `only`: just one record's rows.
   */
  async claim(
    holder: string,
    now: Date,
    leaseMs: number,
    limit: number,
    only?: { repositoryId: number; recordSequence: number },
  ): Promise<OutboxRow[]> {
    positiveInteger(limit, "a claim's limit");
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
      throw new Error(`a claim lasts a positive time, not ${leaseMs} ms`);
    const params: unknown[] = [
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
      holder,
      limit,
    ];
    let record = "";
    if (only) {
      params.push(only.repositoryId, only.recordSequence);
      record = "AND repository_id = $5 AND record_sequence = $6";
    }
    // Rows another claimer has locked are skipped rather than waited for; a row it has claimed and
    // committed meanwhile is re-checked as it is now (PostgreSQL re-evaluates the WHERE of a row
    // locked after a concurrent update), so its claimed_until excludes it. Either way no row is
    // returned to two claimers.
    const rows = await this.sql.query<Row>(
      `WITH due AS (
         SELECT repository_id, record_sequence, destination FROM notification_outbox
         WHERE status = 'pending'
           AND (next_attempt_at IS NULL OR next_attempt_at <= $1::timestamptz)
           AND (claimed_until IS NULL OR claimed_until <= $1::timestamptz)
           ${record}
         ORDER BY created_at, repository_id, record_sequence, destination
         LIMIT $4
         FOR UPDATE SKIP LOCKED
       )
       UPDATE notification_outbox AS o SET claimed_until = $2::timestamptz, claimed_by = $3
       FROM due
       WHERE o.repository_id = due.repository_id AND o.record_sequence = due.record_sequence
         AND o.destination = due.destination
       RETURNING o.*`,
      params,
    );
    return rows
      .map(fromRow)
      .sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          a.repositoryId - b.repositoryId ||
          a.recordSequence - b.recordSequence ||
          (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0),
      );
  }

  /**
   * The row was sent. False when it was no longer pending (a sender whose claim expired reporting
   * after another sent it): a row's outcome is never taken back.
   */
  async delivered(key: OutboxKey, attempts: number, now: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE notification_outbox
       SET status = 'delivered', attempts = $4, next_attempt_at = NULL, claimed_until = NULL, updated_at = $5
       WHERE repository_id = $1 AND record_sequence = $2 AND destination = $3 AND status = 'pending'
       RETURNING destination`,
      [key.repositoryId, key.recordSequence, key.destination, attempts, now.toISOString()],
    );
    return rows.length === 1;
  }

  /**
   * A send failed: with `nextAttemptAt` the row stays pending and is due again then; without it the
   * row is given up ('failed'). False when it was no longer pending.
   */
  async failed(key: OutboxKey, failure: OutboxFailure, now: Date): Promise<boolean> {
    const retry = failure.nextAttemptAt !== undefined;
    const rows = await this.sql.query(
      `UPDATE notification_outbox
       SET status = $4, attempts = $5, last_error = $6, next_attempt_at = $7::timestamptz, claimed_until = NULL,
           updated_at = $8
       WHERE repository_id = $1 AND record_sequence = $2 AND destination = $3 AND status = 'pending'
       RETURNING destination`,
      [
        key.repositoryId,
        key.recordSequence,
        key.destination,
        retry ? "pending" : "failed",
        failure.attempts,
        failure.error,
        failure.nextAttemptAt?.toISOString() ?? null,
        now.toISOString(),
      ],
    );
    return rows.length === 1;
  }

  /** A PR's notifications, newest first, for its details page. */
  async forPullRequest(repositoryId: number, pr: number, limit = 50): Promise<OutboxRow[]> {
    positiveInteger(limit, "a page's limit");
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM notification_outbox WHERE repository_id = $1 AND pr = $2
       ORDER BY created_at DESC, record_sequence DESC, destination
       LIMIT $3`,
      [repositoryId, pr, limit],
    );
    return rows.map(fromRow);
  }
}
