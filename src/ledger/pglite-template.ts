// A fresh embedded PostgreSQL, fast: PGlite's first start runs its initdb (about 5 s here), and
// copying an initialised folder of a thousand files took 1.5 s on this machine's disk, while
// starting in memory from a tarball of one takes under 1 s. So the tarball is made once per
// machine, under node_modules/.cache (named by PGlite's version), and each fresh database starts
// from it in memory: `npm start`'s demo and the tests use this; the App's own ledger (LEDGER_DIR) is
// made in place once and kept.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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
  return existsSync(templatePath());
}

function templatePath(): string {
  return join(packageRoot(), "node_modules", ".cache", "model-approval", `pglite-${pgliteVersion()}.tar`);
}

/** This process's copy of the template's bytes: read once, started from by every fresh database. */
let template: Promise<Blob> | undefined;

async function makeTemplate(): Promise<Blob> {
  const path = templatePath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create("memory://");
  const tarball = await db.dumpDataDir("none");
  await db.close();
  mkdirSync(dirname(path), { recursive: true });
  // Written beside its final place and renamed, so no process ever reads a half-written template.
  const writing = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(writing, Buffer.from(await tarball.arrayBuffer()));
  renameSync(writing, path);
  return tarball;
}

/** A new, empty embedded PostgreSQL in memory, started from the template. */
export async function freshEmbeddedDatabase(): Promise<SqlClient> {
  template ??= makeTemplate();
  return pgliteClient("memory://", await template);
}
