// Databases for ledger tests: a fresh database on the run's PostgreSQL server (postgres-server.js),
// and a fresh embedded PostgreSQL (PGlite) copied from a template made once per machine, because a
// PGlite's first start (its initdb) takes about 6 s and opening an existing data folder under 1 s.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { pgClient, pgliteClient, type SqlClient } from "../../src/ledger/sql.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A new, empty database on the tests' PostgreSQL server; its connection string. */
export async function postgresDatabase(): Promise<string> {
  const server = process.env.MODEL_APPROVAL_TEST_POSTGRES;
  if (!server)
    throw new Error(
      `the tests' PostgreSQL server is not running: ${process.env.MODEL_APPROVAL_TEST_POSTGRES_MISSING ?? "run the tests through jest's globalSetup (npm test)"}`,
    );
  const name = `ledger_${randomBytes(6).toString("hex")}`;
  const admin = await pgClient(server);
  try {
    await admin.script(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = join(dirname(require.resolve("@electric-sql/pglite")), "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

async function template(): Promise<string> {
  const dir = join(ROOT, "node_modules", ".cache", "model-approval", `pglite-${pgliteVersion()}`);
  if (existsSync(dir)) return dir;
  // Made beside its final place and renamed, so a worker never copies a half-made template.
  const making = `${dir}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const db = await pgliteClient(making);
  await db.close();
  try {
    renameSync(making, dir);
  } catch {
    rmSync(making, { recursive: true, force: true });
  }
  return dir;
}

/** A new embedded PostgreSQL in its own folder, and that folder. */
export async function freshPglite(): Promise<{ client: SqlClient; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), "pglite-")), "data");
  cpSync(await template(), dir, { recursive: true });
  return { client: await pgliteClient(dir), dir };
}
