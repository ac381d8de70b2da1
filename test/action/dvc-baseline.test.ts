// A dvc.yaml as both the metrics and a `ref: base` baseline: the baseline's dvc.yaml and the
// metrics file it names are read at the PR's base commit through the API, never from the
// workspace (where the candidate's own metrics sit at the same paths). Run through the bundled
// action (dist/), as in test/action/bundled.test.ts.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import type { FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { runBundledAction } from "./support/run-bundled.js";
import { BASE, REPO, fixture, metricsJson, seedPullRequest, startTrainingRun } from "./support/scenario.js";
import { useFakeGitHub } from "./support/fake-github.js";

// The production model's project: a genuine dvc.yaml and its committed metrics.json.
const REAL = new URL("../fixtures/metrics/real/dvc/mnist-dvc/", import.meta.url);
const DVC_YAML = readFileSync(new URL("dvc.yaml", REAL), "utf8");
const PROD_METRICS = readFileSync(new URL("metrics.json", REAL), "utf8");

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));

/** The PR's training run, through the bundled Action, with the candidate's metrics.json. */
function train(metrics: string) {
  const training = startTrainingRun(fake);
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: { "dvc.yaml": DVC_YAML, "metrics.json": metrics },
    run: { fake, id: training.id },
  });
}

describe("a dvc.yaml baseline at `ref: base`", () => {
  it("follows its metrics entry at the base commit", async () => {
    seedPullRequest(fake, { baseConfig: fixture("dvc-baseline.yml") });
    fake.state.commit(REPO, {
      parent: BASE,
      sha: BASE,
      files: { "dvc.yaml": DVC_YAML, "metrics.json": PROD_METRICS },
    });
    const result = await train(metricsJson(0.85));
    expect(result.outputs.decision).toBe("rejected");
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.metrics[0]).toMatchObject({ value: 0.85, baseline: 0.9906666874885559, passed: false });
    const read = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    const at = read.map((r) => [decodeURIComponent(r.path.split("/contents/")[1]!), r.query.ref]);
    expect(at).toContainEqual(["dvc.yaml", BASE]);
    expect(at).toContainEqual(["metrics.json", BASE]);
  });
});

describe("a dvc.yaml baseline at a named ref", () => {
  it("resolves the ref once and reads every file at that commit, naming it in the report", async () => {
    seedPullRequest(fake, {
      baseConfig: fixture("dvc-baseline.yml").replace("ref: base", "ref: production"),
    });
    const production = fake.state.commit(REPO, {
      parent: BASE,
      branch: "production",
      files: { "dvc.yaml": DVC_YAML, "metrics.json": PROD_METRICS },
    });
    const result = await train(metricsJson(0.85));
    expect(result.outputs.decision).toBe("rejected");
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.metrics[0]).toMatchObject({ value: 0.85, baseline: 0.9906666874885559 });
    expect(report.candidate.sources).toContainEqual(
      expect.objectContaining({ kind: "baseline", ref: "production", commit: production }),
    );
    const read = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    const at = read.map((r) => [decodeURIComponent(r.path.split("/contents/")[1]!), r.query.ref]);
    expect(at).toContainEqual(["dvc.yaml", production]);
    expect(at).toContainEqual(["metrics.json", production]);
    expect(at.filter(([, ref]) => ref === "production")).toEqual([]);
  });

  it("says so when the ref names no commit", async () => {
    seedPullRequest(fake, { baseConfig: fixture("dvc-baseline.yml").replace("ref: base", "ref: nowhere") });
    const result = await train(metricsJson(0.95));
    expect(result.outputs.decision).toBe("error");
    expect(result.stdout + result.stderr).toContain(
      "dvc.yaml: ref nowhere names no commit in this repository",
    );
  });
});
