// The fake GitHub on loopback for a test file that runs the bundled Action: a fresh one per test,
// and after each, every request and response checked against GitHub's OpenAPI description.
import { afterEach, beforeAll, beforeEach } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../../../src/local-github/index.js";
import { requireBundle } from "./run-bundled.js";

/** Registers the hooks; `started` receives each test's fake GitHub. */
export function useFakeGitHub(started: (fake: FakeGitHub) => void): void {
  let fake: FakeGitHub | undefined;
  beforeAll(requireBundle);
  beforeEach(async () => {
    fake = await startFakeGitHub();
    started(fake);
  });
  afterEach(async () => {
    fake?.assertNoContractViolations();
    await fake?.close();
  });
}
