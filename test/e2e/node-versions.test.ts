// The bundles (dist/cli.js, dist/action.js) under every Node the README promises, not only the one
// running the tests. Tests use no network, so the other Node binaries are fetched beforehand:
// .ci/run installs them in its set-up and lists them in MODEL_APPROVAL_EXTRA_NODES, separated
// like PATH (e.g. /x/node20.0/bin/node:/x/node22/bin/node). Unset, these tests are skipped, by a
// test whose name says so.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { requireBundle, runBundledAction } from "../action/support/run-bundled.js";
import { fixture, metricsJson, seedPullRequest, startTrainingRun } from "../action/support/scenario.js";

const VARIABLE = "MODEL_APPROVAL_EXTRA_NODES";
const CLI = resolve("dist/cli.js");
const nodes = (process.env[VARIABLE] ?? "").split(delimiter).filter(Boolean);

function runNode(node: string, args: string[]) {
  const result = spawnSync(node, args, { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

if (nodes.length === 0) {
  describe("the bundles under other Node versions", () => {
    it.skip(`skipped: ${VARIABLE} is unset (set it to Node binaries separated by '${delimiter}'; .ci/run does)`, () => {});
  });
} else {
  const examples = readdirSync("examples")
    .filter((f) => f.endsWith(".yml"))
    .map((f) => join("examples", f));

  beforeAll(requireBundle);

  describe.each(nodes.map((node) => [node]))("under %s", (node) => {
    let fake: FakeGitHub;
    beforeEach(async () => {
      fake = await startFakeGitHub();
    });
    afterEach(async () => {
      fake.assertNoContractViolations();
      await fake.close();
    });

    it("is a Node the package's engines allow (>=20)", () => {
      expect(existsSync(node)).toBe(true);
      const version = runNode(node, ["--version"]);
      expect(version.code).toBe(0);
      expect(Number(/^v(\d+)\./.exec(version.stdout)?.[1])).toBeGreaterThanOrEqual(20);
    });

    it("runs dist/cli.js validate and evaluate with the contract's exit codes", () => {
      const valid = runNode(node, [CLI, "validate", ...examples]);
      expect(valid.stderr).toBe("");
      expect(valid.code).toBe(0);
      for (const file of examples) expect(valid.stdout).toContain(`${file}: valid`);

      const invalid = runNode(node, [CLI, "validate", "test/fixtures/config/invalid/approvers-string.yml"]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain(":7:18: error: approvers must be a list, e.g. ['bob']");

      const approved = runNode(node, [
        CLI,
        "evaluate",
        "--config",
        "examples/auto-approve.yml",
        "--metrics",
        "eval=examples/metrics/eval.json",
        "--format",
        "json",
      ]);
      expect(approved.code).toBe(0);
      expect(JSON.parse(approved.stdout)).toMatchObject({ decision: "approved", autoApproved: true });

      const pending = runNode(node, [CLI, "evaluate", "--config", "examples/minimal.yml"]);
      expect(pending.code).toBe(3);
    });

    it("runs dist/action.js in dry-run on a pull_request event against the local GitHub", async () => {
      seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
      const training = startTrainingRun(fake);
      const result = await runBundledAction({
        node,
        apiUrl: fake.url,
        eventName: "pull_request",
        payload: loadWebhookExample("pull_request", "opened"),
        files: { "metrics/eval.json": metricsJson(0.95), "models/model.pkl": "weights" },
        inputs: { "dry-run": "true" },
        run: { fake, id: training.id },
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.outcome).toBe("success");
      expect(result.outputs.decision).toBe("approved");
      expect(result.outputs["auto-approved"]).toBe("true");
      expect(result.summary).toContain("accuracy");
      expect(fake.writes()).toEqual([]);
    });
  });
}
