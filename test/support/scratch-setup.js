// jest's globalSetup: the whole run gets one scratch TMPDIR, made before the workers start (they
// inherit it, and os.tmpdir() reads it) and removed by scratch-teardown.js when the run ends, so
// what a test leaves (a runner's RUNNER_TEMP kept for its report, a workspace, a timed-out test's
// folders) is never left on the machine. Setting it inside a test file would not reach node's os
// module: jest gives each test file its own copy of process.env. It also starts the tests'
// PostgreSQL server (postgres-server.js), whose address the workers inherit the same way.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "./postgres-server.js";

export default async function setup() {
  process.env.MODEL_APPROVAL_TEST_SCRATCH = mkdtempSync(join(tmpdir(), "model-approval-test-"));
  // Traversable like /tmp (each test's own folder stays 0700): a test that runs a command as
  // another user (test/node/metrics-files.test.ts, as root) reaches the folder it opened to it.
  chmodSync(process.env.MODEL_APPROVAL_TEST_SCRATCH, 0o755);
  process.env.TMPDIR = process.env.MODEL_APPROVAL_TEST_SCRATCH;
  await startPostgres(process.env.MODEL_APPROVAL_TEST_SCRATCH);
}
