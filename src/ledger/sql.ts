// The little of PostgreSQL the ledger needs, over either of its two drivers: `pg` for a PostgreSQL
// server (DATABASE_URL) and PGlite, PostgreSQL compiled to WebAssembly, embedded with its data in a
// directory (or in memory, for the demo and the tests). Same SQL for both; a transaction runs on
// one connection.

export interface SqlClient extends SqlQueries {
  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For logs and errors: "PostgreSQL at host:5432/db" or "embedded PostgreSQL in ./dir". */
  readonly description: string;
  /**
   * Whether this client is the database's only writer: an embedded PostgreSQL runs inside this
   * process, and nothing else can write its data. A server may be shared by several instances.
   */
  readonly soleWriter: boolean;
}

export interface SqlQueries {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  script(text: string): Promise<void>;
}

/** A PostgreSQL server through pg's pool. */
export async function pgClient(connectionString: string): Promise<SqlClient> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle connection the server closed must not take the process down with it.
  pool.on("error", () => undefined);
  const url = safeUrl(connectionString);
  return {
    description: `PostgreSQL at ${url}`,
    soleWriter: false,
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    // With no parameters pg sends a simple query, which may hold several statements.
    async script(text: string) {
      await pool.query(text);
    },
    async transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query("BEGIN");
        const result = await work({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await connection.query(text, params)).rows as Row[];
          },
          async script(text: string) {
            await connection.query(text);
          },
        });
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Embedded PostgreSQL with its data in `dataDir` ("memory://" keeps it in memory), started from
 * `startFrom` (a tarball of a data directory, as PGlite's dumpDataDir writes) when the folder is new.
 */
export async function pgliteClient(dataDir: string, startFrom?: Blob): Promise<SqlClient> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create({ dataDir, ...(startFrom ? { loadDataDir: startFrom } : {}) });
  return {
    description:
      dataDir === "memory://" ? "embedded PostgreSQL in memory" : `embedded PostgreSQL in ${dataDir}`,
    soleWriter: true,
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async script(text: string) {
      await db.exec(text);
    },
    transaction<T>(work: (sql: SqlQueries) => Promise<T>): Promise<T> {
      return db.transaction((tx) =>
        work({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await tx.query<Row>(text, params)).rows;
          },
          async script(text: string) {
            await tx.exec(text);
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

/** The connection string without its password, for messages. */
function safeUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "(a connection string that is not a URL)";
  }
}
