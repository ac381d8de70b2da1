// The ledger in PostgreSQL (a server or the embedded one). A chain is a repository's, by GitHub's
// repository id (renames keep it, a freed name reused by someone else gets another). An append
// takes that repository's lock for its transaction, so appends to one repository are ordered even
// across App instances sharing the database: each reads the chain's head and writes the next
// record while no other can. The primary key (repository_id, sequence) is the backstop: two
// records can never take the same place. Every statement is bounded in time: a held lock or a
// database that stops answering fails the append (and so holds the deploy) instead of hanging.
import { createHash } from "node:crypto";
import { chainRecord, type LedgerRecord } from "../core/ledger/chain.js";
import type { LedgerDraft, LedgerEntry } from "../core/ledger/entry.js";
import { SqlLeases } from "./lease.js";
import { migrate } from "./migrations.js";
import { SqlOutbox } from "./outbox.js";
import type { SqlClient, SqlQueries } from "./sql.js";
import { BoundedCache, parsedBytes } from "../github/bounded-cache.js";
import { deepFreeze } from "../core/deep-freeze.js";

export interface Appended {
  /** "unchanged": the subject's latest record already holds this state; nothing was written. */
  status: "appended" | "unchanged";
  record: LedgerRecord;
}

export interface HistoryQuery {
  /** GitHub's id of one repository. */
  repositoryId?: number;
  /** Only these repositories (what the caller may read); none at all when empty. */
  repositoryIds?: number[];
  /** Records about this pull request. */
  pr?: number;
  /** The model's name as its config gives it (case-insensitive). */
  model?: string;
  /**
   * The model's key (sha256:<hex> over its artifacts, or metrics:<hex>) or one artifact file's
   * sha256:<hex>; a bare hex digest is taken as sha256.
   */
  digest?: string;
  /** Deploy answers for this environment (case-insensitive). */
  environment?: string;
  /** At most this many records, newest first (default 100, at most 1000). */
  limit?: number;
}

/** The App's latest report of a PR's decision (JSON, docs/report-format.md). */
export interface LatestReport {
  repositoryId: number;
  pr: number;
  commit: string;
  /** The sequence of the ledger record of the decision it reports. */
  sequence: number;
  /** The JSON report's text. */
  report: string;
  updatedAt: string;
}

/** A repository with records: its id, and its name as of its newest record. */
export interface LedgerRepository {
  id: number;
  name: string;
}

/** A PR whose pending approval reached a deadline (a timeout, an escalation): the sweep decides it again. */
export interface DuePullRequest {
  repositoryId: number;
  /** owner/name in lower case, as of its newest record. */
  repository: string;
  pr: number;
  deadline: Date;
}

export interface Ledger {
  readonly description: string;
  append(draft: LedgerDraft): Promise<Appended>;
  /**
   * Keeps a PR's latest report for its details page (written only when it changed), and when it
   * next changes by itself (`deadline`), for the sweep.
   */
  saveReport(report: Omit<LatestReport, "updatedAt"> & { at: Date; deadline?: Date }): Promise<void>;
  /**
   * The subject's newest record when it already holds the draft's state and the PR's kept report
   * is `report` (or a newer record's): then neither `append` nor `saveReport` would write. One read
   * for what most events are, instead of one for each.
   */
  unchanged?(draft: LedgerDraft, report: { pr: number; hash: string }): Promise<LedgerRecord | undefined>;
  /** PRs whose deadline is at or before `now`, earliest first. */
  due?(now: Date, limit: number): Promise<DuePullRequest[]>;
  /**
   * Moves a PR's deadline to `until` if it is still at or before `now`: a PR the sweep could not
   * decide again (its repository gone, its config removed, a failing read) waits its turn again
   * instead of taking every sweep's first places.
   */
  postpone?(repositoryId: number, pr: number, now: Date, until: Date): Promise<boolean>;
  /** The sweep's lease, so only one of several instances sweeps at a time. */
  readonly leases?: SqlLeases;
  /** Notifications to send, sent and given up on. */
  readonly outbox?: SqlOutbox;
  latestReport(repositoryId: number, pr: number): Promise<LatestReport | undefined>;
  /** Records matching the query, newest first. */
  history(query: HistoryQuery): Promise<LedgerRecord[]>;
  /** A repository's records from sequence `after` + 1 on, oldest first, at most `limit`: what `ledger verify` checks. */
  chain(repositoryId: number, page?: { after?: number; limit?: number }): Promise<LedgerRecord[]>;
  repositories(): Promise<LedgerRepository[]>;
  close(): Promise<void>;
}

export const HISTORY_LIMIT = 1000;
export const CHAIN_PAGE_LIMIT = 1000;

export interface LedgerTimeouts {
  /** How long an append waits for the repository's lock (another instance's append). */
  lockMs: number;
  /** How long any one statement may run. */
  statementMs: number;
}

export const DEFAULT_TIMEOUTS: LedgerTimeouts = { lockMs: 5_000, statementMs: 10_000 };

interface Row {
  sequence: number;
  previous: string | null;
  hash: string;
  entry: string;
  fingerprint: string;
}

function fromRow(row: Row): LedgerRecord {
  return {
    sequence: Number(row.sequence),
    previous: row.previous,
    hash: row.hash,
    entry: JSON.parse(row.entry) as LedgerEntry,
  };
}

const COLUMNS = "sequence, previous, hash, entry, fingerprint";

/** What a kept report is known by: a report is sent to the database only when this changes. */
export function reportHash(report: string): string {
  return createHash("sha256").update(report).digest("hex");
}

export function normaliseDigest(digest: string): string {
  const text = digest.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(text) ? `sha256:${text}` : text;
}

async function appendLocked(tx: SqlQueries, draft: LedgerDraft, timeouts: LedgerTimeouts): Promise<Appended> {
  const { entry } = draft;
  const id = entry.repositoryId;
  if (id === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw new Error(`the record of ${entry.repository} names no GitHub repository id`);
  // SET LOCAL takes no parameters; the values are numbers this process chose.
  await tx.query(`SET LOCAL lock_timeout = ${Math.trunc(timeouts.lockMs)}`);
  await tx.query(`SET LOCAL statement_timeout = ${Math.trunc(timeouts.statementMs)}`);
  await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [id]);
  const [latest] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM ledger_records WHERE repository_id = $1 AND subject = $2 ORDER BY sequence DESC LIMIT 1`,
    [id, draft.subject],
  );
  if (latest && latest.fingerprint === draft.fingerprint)
    return { status: "unchanged", record: fromRow(latest) };
  const [head] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM ledger_records WHERE repository_id = $1 ORDER BY sequence DESC LIMIT 1`,
    [id],
  );
  const record = chainRecord(head ? fromRow(head) : undefined, entry);
  await tx.query(
    `INSERT INTO ledger_records
       (repository_id, sequence, repository, previous, hash, subject, fingerprint, entry, kind, recorded_at, pr,
        commit_sha, model_name, model_key, artifact_digests, environment, decision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text[], $16, $17)`,
    [
      id,
      record.sequence,
      entry.repository.toLowerCase(),
      record.previous,
      record.hash,
      draft.subject,
      draft.fingerprint,
      JSON.stringify(entry),
      entry.kind,
      entry.at,
      entry.candidate.pr ?? null,
      entry.candidate.commit,
      entry.candidate.model?.name ?? null,
      entry.candidate.model?.key ?? null,
      (entry.candidate.model?.artifacts ?? []).map((a) => `sha256:${a.sha256.toLowerCase()}`),
      entry.deploy?.environment ?? null,
      entry.decision,
    ],
  );
  return { status: "appended", record };
}

/** What a query's filter columns say must also be what the hashed entry says: a row edited to hide or to match is never answered. */
function entryMatches(record: LedgerRecord, query: HistoryQuery): boolean {
  const { entry } = record;
  if (query.pr !== undefined && entry.candidate.pr !== query.pr) return false;
  if (query.model !== undefined && entry.candidate.model?.name?.toLowerCase() !== query.model.toLowerCase())
    return false;
  if (
    query.environment !== undefined &&
    entry.deploy?.environment.toLowerCase() !== query.environment.toLowerCase()
  )
    return false;
  if (query.digest !== undefined) {
    const digest = normaliseDigest(query.digest);
    const files = (entry.candidate.model?.artifacts ?? []).map((a) => `sha256:${a.sha256.toLowerCase()}`);
    if (entry.candidate.model?.key !== digest && !files.includes(digest)) return false;
  }
  return true;
}

/** What `unchanged` reads of a subject and its PR's kept report. */
interface Standing {
  latest: LedgerRecord;
  fingerprint: string;
  keptHash: string | null;
  keptSequence: number | null;
}

/**
 * What `unchanged` read, kept for a ledger that is its database's only writer (the embedded one):
 * most events change nothing, and that one read was about a sixth of the App's CPU for such an
 * event (bench/app.mjs, profiled). Every write forgets all of it, before and after, and a read
 * is kept only when no write began or ended while it ran: what is kept is always what the
 * database holds. Bounded by the records' size; the least recently read go first.
 */
class Standings {
  private readonly kept = new BoundedCache<{ standing: Standing; bytes: number }>(
    16 * 1024 * 1024,
    1024 * 1024,
    (entry) => entry.bytes,
  );
  private writes = 0;

  get(key: string): Standing | undefined {
    return this.kept.get(key)?.standing;
  }

  /** A read about to start: `keep` keeps its answer if no write began or ended meanwhile. */
  reading(key: string): { keep(standing: Standing, bytes: number): void } {
    const before = this.writes;
    return {
      keep: (standing, bytes) => {
        if (this.writes === before) this.kept.set(key, { standing, bytes });
      },
    };
  }

  /** Runs a write, forgetting everything kept before it starts and after it ends. */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await write();
    } finally {
      this.forget();
    }
  }

  private forget(): void {
    this.writes += 1;
    this.kept.clear();
  }
}

export class SqlLedger implements Ledger {
  readonly leases: SqlLeases;
  readonly outbox: SqlOutbox;
  private readonly standings: Standings | undefined;

  private constructor(
    private readonly sql: SqlClient,
    private readonly timeouts: LedgerTimeouts,
  ) {
    this.leases = new SqlLeases(sql);
    this.outbox = new SqlOutbox(sql);
    // A shared database is written by other instances too: there, every event reads it.
    this.standings = sql.soleWriter ? new Standings() : undefined;
  }

  /** Runs a write of records or reports, so that nothing kept outlives it. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    return this.standings ? this.standings.writing(work) : work();
  }

  /** Opens the ledger on `sql`, bringing its schema up to date first. */
  static async open(sql: SqlClient, timeouts: Partial<LedgerTimeouts> = {}): Promise<SqlLedger> {
    await migrate(sql);
    return new SqlLedger(sql, { ...DEFAULT_TIMEOUTS, ...timeouts });
  }

  get description(): string {
    return this.sql.description;
  }

  async append(draft: LedgerDraft): Promise<Appended> {
    // Most events change nothing: when the subject's newest record already holds this state, that
    // is the answer, read without a transaction or a lock (a later state recorded meanwhile would
    // be a later event's). Only a change takes the lock, and checks again under it.
    const id = draft.entry.repositoryId;
    if (id !== undefined) {
      const [latest] = await this.sql.query<Row>(
        `SELECT ${COLUMNS} FROM ledger_records WHERE repository_id = $1 AND subject = $2 ORDER BY sequence DESC LIMIT 1`,
        [id, draft.subject],
      );
      if (latest && latest.fingerprint === draft.fingerprint)
        return { status: "unchanged", record: fromRow(latest) };
    }
    return this.write(() => this.sql.transaction((tx) => appendLocked(tx, draft, this.timeouts)));
  }

  async unchanged(
    draft: LedgerDraft,
    report: { pr: number; hash: string },
  ): Promise<LedgerRecord | undefined> {
    const id = draft.entry.repositoryId;
    if (id === undefined) return undefined;
    const standing = await this.standing(id, draft.subject, report.pr);
    if (!standing || standing.fingerprint !== draft.fingerprint || standing.keptHash === null)
      return undefined;
    const kept =
      standing.keptHash === report.hash || Number(standing.keptSequence) > standing.latest.sequence;
    return kept ? standing.latest : undefined;
  }

  /** The subject's newest record and its PR's kept report: from what was kept, or one read. */
  private async standing(id: number, subject: string, pr: number): Promise<Standing | undefined> {
    const key = `${id}\n${subject}\n${pr}`;
    const known = this.standings?.get(key);
    if (known) return known;
    const reading = this.standings?.reading(key);
    // Read as append's and saveReport's first reads are (no transaction, no lock): a state
    // recorded meanwhile is a later event's to answer.
    const [row] = await this.sql.query<
      Row & { kept_hash: string | null; kept_sequence: number | string | null }
    >(
      `SELECT ${COLUMNS}, kept.report_hash AS kept_hash, kept.record_sequence AS kept_sequence
       FROM ledger_records
       LEFT JOIN decision_reports kept ON kept.repository_id = $1 AND kept.pr = $3
       WHERE ledger_records.repository_id = $1 AND subject = $2 ORDER BY sequence DESC LIMIT 1`,
      [id, subject, pr],
    );
    if (!row) return undefined;
    const standing: Standing = {
      // Frozen: every event that finds it kept is handed this same record.
      latest: deepFreeze(fromRow(row)),
      fingerprint: row.fingerprint,
      keptHash: row.kept_hash,
      keptSequence: row.kept_sequence === null ? null : Number(row.kept_sequence),
    };
    reading?.keep(standing, parsedBytes(row.entry.length) + 2 * (key.length + 256));
    return standing;
  }

  async saveReport(report: Omit<LatestReport, "updatedAt"> & { at: Date; deadline?: Date }): Promise<void> {
    const hash = reportHash(report.report);
    // The report is sent only when it changed (most events leave it as it was), and never over a
    // report of a newer record.
    const [kept] = await this.sql.query<{ report_hash: string; record_sequence: number }>(
      "SELECT report_hash, record_sequence FROM decision_reports WHERE repository_id = $1 AND pr = $2",
      [report.repositoryId, report.pr],
    );
    if (kept && (kept.report_hash === hash || Number(kept.record_sequence) > report.sequence)) return;
    await this.write(() =>
      this.sql.query(
        `INSERT INTO decision_reports (repository_id, pr, commit_sha, record_sequence, report, report_hash, updated_at, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (repository_id, pr) DO UPDATE
         SET commit_sha = EXCLUDED.commit_sha, record_sequence = EXCLUDED.record_sequence,
             report = EXCLUDED.report, report_hash = EXCLUDED.report_hash, updated_at = EXCLUDED.updated_at,
             deadline = EXCLUDED.deadline
         WHERE decision_reports.record_sequence <= EXCLUDED.record_sequence
           AND decision_reports.report_hash <> EXCLUDED.report_hash`,
        [
          report.repositoryId,
          report.pr,
          report.commit,
          report.sequence,
          report.report,
          hash,
          report.at.toISOString(),
          report.deadline?.toISOString() ?? null,
        ],
      ),
    );
  }

  async postpone(repositoryId: number, pr: number, now: Date, until: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE decision_reports SET deadline = $4::timestamptz
        WHERE repository_id = $1 AND pr = $2 AND deadline IS NOT NULL AND deadline <= $3::timestamptz
        RETURNING pr`,
      [repositoryId, pr, now.toISOString(), until.toISOString()],
    );
    return rows.length > 0;
  }

  async due(now: Date, limit: number): Promise<DuePullRequest[]> {
    const rows = await this.sql.query<{
      repository_id: string | number;
      repository: string;
      pr: number;
      deadline: Date | string;
    }>(
      `SELECT r.repository_id, l.repository, r.pr, r.deadline
         FROM decision_reports r
         JOIN ledger_records l ON l.repository_id = r.repository_id AND l.sequence = r.record_sequence
        WHERE r.deadline IS NOT NULL AND r.deadline <= $1::timestamptz
        ORDER BY r.deadline, r.repository_id, r.pr
        LIMIT $2`,
      [now.toISOString(), Math.max(1, Math.min(limit, HISTORY_LIMIT))],
    );
    return rows.map((row) => ({
      repositoryId: Number(row.repository_id),
      repository: row.repository,
      pr: Number(row.pr),
      deadline: new Date(row.deadline),
    }));
  }

  async latestReport(repositoryId: number, pr: number): Promise<LatestReport | undefined> {
    const [row] = await this.sql.query<{
      commit_sha: string;
      record_sequence: number;
      report: string;
      updated_at: Date | string;
    }>(
      "SELECT commit_sha, record_sequence, report, updated_at FROM decision_reports WHERE repository_id = $1 AND pr = $2",
      [repositoryId, pr],
    );
    if (!row) return undefined;
    const updatedAt = new Date(row.updated_at).toISOString();
    return {
      repositoryId,
      pr,
      commit: row.commit_sha,
      sequence: Number(row.record_sequence),
      report: row.report,
      updatedAt,
    };
  }

  async history(query: HistoryQuery): Promise<LedgerRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.repositoryId !== undefined) add((n) => `repository_id = ${n}`, query.repositoryId);
    if (query.repositoryIds !== undefined)
      add((n) => `repository_id = ANY(${n}::bigint[])`, query.repositoryIds);
    if (query.pr !== undefined) add((n) => `pr = ${n}`, query.pr);
    if (query.model !== undefined) add((n) => `lower(model_name) = lower(${n})`, query.model);
    if (query.digest !== undefined)
      add((n) => `(model_key = ${n} OR ${n} = ANY(artifact_digests))`, normaliseDigest(query.digest));
    if (query.environment !== undefined) add((n) => `lower(environment) = lower(${n})`, query.environment);
    const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 100)), HISTORY_LIMIT);
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_records ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY recorded_at DESC, repository_id, sequence DESC LIMIT ${limit}`,
      params,
    );
    return rows.map(fromRow).filter((record) => entryMatches(record, query));
  }

  async chain(repositoryId: number, page: { after?: number; limit?: number } = {}): Promise<LedgerRecord[]> {
    const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? CHAIN_PAGE_LIMIT)), CHAIN_PAGE_LIMIT);
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_records WHERE repository_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${limit}`,
      [repositoryId, Math.max(0, Math.trunc(page.after ?? 0))],
    );
    return rows.map(fromRow);
  }

  async repositories(): Promise<LedgerRepository[]> {
    const rows = await this.sql.query<{ repository_id: number | string; repository: string }>(
      `SELECT DISTINCT ON (repository_id) repository_id, repository
       FROM ledger_records ORDER BY repository_id, sequence DESC`,
    );
    return rows.map((r) => ({ id: Number(r.repository_id), name: r.repository }));
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
