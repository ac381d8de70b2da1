// A fresh embedded PostgreSQL, fast: PGlite's first start in an empty folder runs its initdb (about
// 6 s here), while opening a folder that holds a database takes under 1 s. So one initialised
// folder is made once per machine, under node_modules/.cache (named by PGlite's version), and each
// fresh database is a copy of it: `npm start`'s demo and the tests use this; the App's own ledger
// (LEDGER_DIR) is made in place once and kept.
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pgliteClient, type SqlClient } from "./sql.js";

function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "node_modules"))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no package folder with node_modules above ${fileURLToPath(import.meta.url)}`);
  }
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@electric-sql/pglite");
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (name === "@electric-sql/pglite" && version) return version;
    }
  }
  throw new Error("cannot find @electric-sql/pglite's package.json");
}

/** Whether the template exists (a first start makes it, which takes a few seconds). */
export function templateReady(): boolean {
  return existsSync(templateDir());
}

function templateDir(): string {
  return join(packageRoot(), "node_modules", ".cache", "model-approval", `pglite-${pgliteVersion()}`);
}

async function template(): Promise<string> {
  const dir = templateDir();
  if (existsSync(dir)) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  // Made beside its final place and renamed, so no process ever copies a half-made template.
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

/** A new embedded PostgreSQL in `dir` (which must not exist yet), copied from the template. */
export async function freshEmbeddedDatabase(dir: string): Promise<SqlClient> {
  cpSync(await template(), dir, { recursive: true });
  return pgliteClient(dir);
}
