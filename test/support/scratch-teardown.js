// jest's globalTeardown: stops the tests' PostgreSQL server and removes the run's scratch TMPDIR
// (scratch-setup.js).
import { rmSync } from "node:fs";
import { stopPostgres } from "./postgres-server.js";

export default function teardown() {
  stopPostgres();
  const scratch = process.env.MODEL_APPROVAL_TEST_SCRATCH;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
