// The ledger's schema, as numbered migrations applied in order, once, by whichever App instance
// starts first: a transaction-scoped advisory lock makes instances starting together wait for each
// other, and schema_migrations records what was applied. A migration is never edited once released;
// a change is a new one.
import type { SqlClient } from "./sql.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "ledger records",
    sql: `
      CREATE TABLE ledger_records (
        -- GitHub's id of the repository: a chain is the repository's through renames, and a freed
        -- name taken by someone else starts another.
        repository_id bigint NOT NULL CHECK (repository_id > 0),
        sequence integer NOT NULL CHECK (sequence > 0),
        -- owner/name in lower case as of the record, for people and for finding an id by name.
        repository text NOT NULL,
        previous text,
        hash text NOT NULL,
        -- What the record is the latest state of (pr:12, commit:<sha>, deploy:<run>:<attempt>:<environment>)
        -- and that state's fingerprint: an unchanged state is not recorded twice.
        subject text NOT NULL,
        fingerprint text NOT NULL,
        -- The hashed entry exactly as written; the columns below are copies for queries, and every
        -- answer is checked against the entry itself (store.ts), so editing them hides nothing.
        entry text NOT NULL,
        kind text NOT NULL,
        recorded_at timestamptz NOT NULL,
        pr integer,
        commit_sha text NOT NULL,
        model_name text,
        model_key text,
        -- sha256:<hex> of each model artifact, so a file's digest finds the decisions about it.
        artifact_digests text[] NOT NULL DEFAULT '{}',
        environment text,
        decision text NOT NULL,
        -- One record per place in a chain: two appends racing for the same place cannot both land.
        PRIMARY KEY (repository_id, sequence)
      );
      CREATE INDEX ledger_records_subject ON ledger_records (repository_id, subject, sequence DESC);
      CREATE INDEX ledger_records_name ON ledger_records (repository);
      CREATE INDEX ledger_records_model_key ON ledger_records (model_key);
      CREATE INDEX ledger_records_artifact_digests ON ledger_records USING gin (artifact_digests);
      CREATE INDEX ledger_records_model_name ON ledger_records (lower(model_name));
      CREATE INDEX ledger_records_environment ON ledger_records (lower(environment));
      CREATE INDEX ledger_records_pr ON ledger_records (repository_id, pr);
    `,
  },
  {
    version: 2,
    name: "latest decision reports",
    sql: `
      -- The App's latest report of each PR's decision, for its details page. Not part of the chain:
      -- the chain is what was recorded; this is what the page explains.
      CREATE TABLE decision_reports (
        repository_id bigint NOT NULL,
        pr integer NOT NULL,
        commit_sha text NOT NULL,
        -- The ledger record the report goes with: an older one never replaces a newer one (two
        -- instances deciding one PR at once save in either order).
        record_sequence integer NOT NULL,
        report text NOT NULL,
        report_hash text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (repository_id, pr)
      );
    `,
  },
  {
    version: 3,
    name: "leases, notification outbox, report deadlines",
    sql: `
      -- Work only one App instance may do at a time (the timeout sweep): whoever holds an unexpired
      -- lease does it. Expiry is the holder's clock, so a crashed holder frees it by itself.
      CREATE TABLE leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      -- Notifications of a record's state transition, one row per destination, written before they
      -- are sent: a failed delivery is retried from here, and the key makes a notification
      -- enqueued by two instances one row, so it is sent once.
      CREATE TABLE notification_outbox (
        repository_id bigint NOT NULL,
        record_sequence integer NOT NULL,
        destination text NOT NULL,
        pr integer,
        event text NOT NULL,
        delivery_id text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        -- An instance sending the row holds it until then; past it (the instance died mid-send)
        -- another may take it.
        claimed_until timestamptz,
        -- The instance that last took the row, for the logs and the details page.
        claimed_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (repository_id, record_sequence, destination)
      );
      -- Only pending rows are ever claimed; delivered and failed ones stay for the details page.
      CREATE INDEX notification_outbox_due ON notification_outbox (created_at) WHERE status = 'pending';
      CREATE INDEX notification_outbox_pr ON notification_outbox (repository_id, pr, created_at DESC);
      -- When the PR's pending approval next times out or escalates: what the sweep looks for.
      ALTER TABLE decision_reports ADD COLUMN deadline timestamptz;
      CREATE INDEX decision_reports_deadline ON decision_reports (deadline) WHERE deadline IS NOT NULL;
    `,
  },
];

/** An arbitrary constant shared by every instance: the lock taken while migrating. */
const MIGRATION_LOCK = 7_402_118;

export async function migrate(
  sql: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known)
      throw new Error(
        `the ledger's database has schema version ${newest}, newer than this version of model-approval knows (${known}): upgrade model-approval`,
      );
    const ran: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.script(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}
