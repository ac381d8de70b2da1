// jest's globalTeardown: removes the run's scratch TMPDIR (scratch-setup.js).
import { rmSync } from "node:fs";

export default function teardown() {
  const scratch = process.env.MODEL_APPROVAL_TEST_SCRATCH;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
