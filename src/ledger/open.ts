// Which ledger the App keeps, from its environment: DATABASE_URL names a PostgreSQL server (several
// App instances may share it); without it an embedded PostgreSQL keeps the ledger in LEDGER_DIR
// (default .model-approval/ledger under the working directory), for one instance.
import { resolve } from "node:path";
import { pgClient, pgliteClient } from "./sql.js";
import { SqlLedger } from "./store.js";

export const DEFAULT_LEDGER_DIR = ".model-approval/ledger";

export async function openLedger(env: NodeJS.ProcessEnv): Promise<SqlLedger> {
  const url = env.DATABASE_URL?.trim();
  const sql = url
    ? await pgClient(url)
    : await pgliteClient(resolve(env.LEDGER_DIR?.trim() || DEFAULT_LEDGER_DIR));
  try {
    return await SqlLedger.open(sql);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw new Error(
      `could not open the ledger (${sql.description}): ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
