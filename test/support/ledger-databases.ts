// Databases for ledger tests: a fresh database on the run's PostgreSQL server (postgres-server.js),
// and a fresh embedded PostgreSQL (PGlite) in memory, started from the template that
// src/ledger/pglite-template.ts keeps.
import { randomBytes } from "node:crypto";
import { pgClient, type SqlClient } from "../../src/ledger/sql.js";
import { freshEmbeddedDatabase } from "../../src/ledger/pglite-template.js";

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

/** A new, empty embedded PostgreSQL in memory. */
export function freshPglite(): Promise<SqlClient> {
  return freshEmbeddedDatabase();
}
