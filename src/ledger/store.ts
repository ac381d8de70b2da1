// The ledger in PostgreSQL (a server or the embedded one). An append takes the repository's lock for
// its transaction, so appends to one repository are ordered even across App instances sharing the
// database: each reads the chain's head and writes the next record while no other can. The primary
// key (repository, sequence) is the backstop: two records can never take the same place.
import { chainRecord, type LedgerRecord } from "../core/ledger/chain.js";
import type { LedgerDraft, LedgerEntry } from "../core/ledger/entry.js";
import { migrate } from "./migrations.js";
import type { SqlClient, SqlQueries } from "./sql.js";

export interface Appended {
  /** "unchanged": the subject's latest record already holds this state; nothing was written. */
  status: "appended" | "unchanged";
  record: LedgerRecord;
}

export interface HistoryQuery {
  repository?: string;
  /** The model's name as its config gives it (case-insensitive). */
  model?: string;
  /**
   * The model's key (sha256:<hex> over its artifacts, or metrics:<hex>) or one artifact file's
   * sha256:<hex>; a bare hex digest is taken as sha256.
   */
  digest?: string;
  /** Deploy answers for this environment (case-insensitive). */
  environment?: string;
  /** Only these repositories (what the caller may read); none at all when empty. */
  repositories?: string[];
  /** At most this many records, newest first (default 100, at most 1000). */
  limit?: number;
}

export interface Ledger {
  readonly description: string;
  append(draft: LedgerDraft): Promise<Appended>;
  /** Records matching the query, newest first. */
  history(query: HistoryQuery): Promise<LedgerRecord[]>;
  /** Every record of one repository, oldest first: what `ledger verify` checks. */
  chain(repository: string): Promise<LedgerRecord[]>;
  repositories(): Promise<string[]>;
  close(): Promise<void>;
}

export const HISTORY_LIMIT = 1000;

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

export function normaliseDigest(digest: string): string {
  const text = digest.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(text) ? `sha256:${text}` : text;
}

async function appendLocked(tx: SqlQueries, draft: LedgerDraft): Promise<Appended> {
  const repository = draft.entry.repository.toLowerCase();
  // hashtextextended gives the 64-bit lock key of the repository's name.
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `model-approval ledger ${repository}`,
  ]);
  const [latest] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM ledger_records WHERE repository = $1 AND subject = $2 ORDER BY sequence DESC LIMIT 1`,
    [repository, draft.subject],
  );
  if (latest && latest.fingerprint === draft.fingerprint)
    return { status: "unchanged", record: fromRow(latest) };
  const [head] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM ledger_records WHERE repository = $1 ORDER BY sequence DESC LIMIT 1`,
    [repository],
  );
  const record = chainRecord(head ? fromRow(head) : undefined, draft.entry);
  const { entry } = draft;
  await tx.query(
    `INSERT INTO ledger_records
       (repository, sequence, previous, hash, subject, fingerprint, entry, kind, recorded_at, pr, commit_sha,
        model_name, model_key, artifact_digests, environment, decision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16)`,
    [
      repository,
      record.sequence,
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

export class SqlLedger implements Ledger {
  private constructor(private readonly sql: SqlClient) {}

  /** Opens the ledger on `sql`, bringing its schema up to date first. */
  static async open(sql: SqlClient): Promise<SqlLedger> {
    await migrate(sql);
    return new SqlLedger(sql);
  }

  get description(): string {
    return this.sql.description;
  }

  append(draft: LedgerDraft): Promise<Appended> {
    return this.sql.transaction((tx) => appendLocked(tx, draft));
  }

  async history(query: HistoryQuery): Promise<LedgerRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.repository !== undefined) add((n) => `repository = ${n}`, query.repository.toLowerCase());
    if (query.repositories !== undefined)
      add(
        (n) => `repository = ANY(${n}::text[])`,
        query.repositories.map((r) => r.toLowerCase()),
      );
    if (query.model !== undefined) add((n) => `lower(model_name) = lower(${n})`, query.model);
    if (query.digest !== undefined)
      add((n) => `(model_key = ${n} OR ${n} = ANY(artifact_digests))`, normaliseDigest(query.digest));
    if (query.environment !== undefined) add((n) => `lower(environment) = lower(${n})`, query.environment);
    const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 100)), HISTORY_LIMIT);
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_records ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY recorded_at DESC, repository, sequence DESC LIMIT ${limit}`,
      params,
    );
    return rows.map(fromRow);
  }

  async chain(repository: string): Promise<LedgerRecord[]> {
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM ledger_records WHERE repository = $1 ORDER BY sequence`,
      [repository.toLowerCase()],
    );
    return rows.map(fromRow);
  }

  async repositories(): Promise<string[]> {
    const rows = await this.sql.query<{ repository: string }>(
      "SELECT DISTINCT repository FROM ledger_records ORDER BY repository",
    );
    return rows.map((r) => r.repository);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
