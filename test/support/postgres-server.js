// A PostgreSQL server for the tests, started once per jest run by globalSetup (scratch-setup.js)
// from Debian's `postgresql` package, in the run's scratch folder, on a loopback port, and stopped
// by globalTeardown. Its server refuses to run as root, so as root it runs as the `postgres` user.
// Tests connect through MODEL_APPROVAL_TEST_POSTGRES and each makes its own database; without the
// binaries MODEL_APPROVAL_TEST_POSTGRES_MISSING says why, and the tests that need a server fail
// saying so (they never pass without one).
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

function binaries() {
  const given = process.env.MODEL_APPROVAL_POSTGRES_BIN;
  if (given) return existsSync(join(given, "initdb")) ? given : undefined;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Runs a server binary, as `postgres` when we are root. */
function run(bin, command, args) {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", join(bin, command), ...args]]
    : [join(bin, command), args];
  return spawnSync(file, argv, { encoding: "utf8" });
}

export async function startPostgres(scratch) {
  const bin = binaries();
  if (!bin) {
    process.env.MODEL_APPROVAL_TEST_POSTGRES_MISSING =
      "no PostgreSQL server binaries (initdb) under /usr/lib/postgresql: install Debian's postgresql package (apt-get install -y postgresql) or set MODEL_APPROVAL_POSTGRES_BIN";
    return;
  }
  const dir = join(scratch, "postgres");
  mkdirSync(dir);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const init = run(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  if (init.status !== 0) {
    process.env.MODEL_APPROVAL_TEST_POSTGRES_MISSING = `initdb failed: ${init.stderr || init.stdout}`;
    return;
  }
  const port = await freePort();
  // Loopback only, no Unix socket, and no durability: the data is thrown away with the run.
  const options = `-h 127.0.0.1 -p ${port} -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const started = run(bin, "pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  if (started.status !== 0) {
    process.env.MODEL_APPROVAL_TEST_POSTGRES_MISSING = `the PostgreSQL server did not start: ${started.stderr || started.stdout}`;
    return;
  }
  process.env.MODEL_APPROVAL_TEST_POSTGRES = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  process.env.MODEL_APPROVAL_TEST_POSTGRES_DATA = data;
  process.env.MODEL_APPROVAL_TEST_POSTGRES_BIN = bin;
}

export function stopPostgres() {
  const data = process.env.MODEL_APPROVAL_TEST_POSTGRES_DATA;
  const bin = process.env.MODEL_APPROVAL_TEST_POSTGRES_BIN;
  if (data && bin) run(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
}
