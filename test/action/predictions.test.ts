// The training run's Action on predictions files, through the bundled action (dist/): it computes
// the metrics, slices and paired intervals, records them in its snapshot (what the App decides
// from), and publishes the slices in the metrics check run.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { decodeSnapshot } from "../../src/core/candidate/snapshot.js";
import { SNAPSHOT_FILE } from "../../src/core/names.js";
import type { FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { useFakeGitHub } from "./support/fake-github.js";
import { runBundledAction } from "./support/run-bundled.js";
import { checkRuns, REPO, seedPullRequest, startTrainingRun } from "./support/scenario.js";

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));

// A genuine scored-customers file written by pyarrow (MIT; test/fixtures/predictions/files/README.md).
const BANK = readFileSync(new URL("../fixtures/predictions/files/bank-churn.parquet", import.meta.url));

const CONFIG = `metrics:
  churn:
    path: eval/predictions.parquet
    format: predictions
    task: binary
    label: actual_churn
    score: churn_probability
    id: customer_id
    slices: [geography]
    bootstrap: { resamples: 200 }
steps:
  - name: quality
    type: test
    inputs:
      checks:
        - churn.roc_auc >= 0.7
        - "every slice of churn by geography: recall >= 0.1"
  - name: approve
    type: approval
    inputs:
      approvers: [alice]
      auto_approve_if: [churn.roc_auc > 0.5]
`;

describe("the Action on a predictions file", () => {
  it("computes every slice's metrics, records them in its snapshot and shows them", async () => {
    seedPullRequest(fake, { baseConfig: CONFIG });
    const training = startTrainingRun(fake);
    const result = await runBundledAction({
      apiUrl: fake.url,
      eventName: "pull_request",
      payload: loadWebhookExample("pull_request", "opened"),
      files: { "eval/predictions.parquet": BANK },
      run: { fake, id: training.id },
    });
    expect(result.stderr).toBe("");
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    const computed = report.predictions[0];
    expect(computed).toMatchObject({ source: "churn", rows: 10000, task: "binary" });
    expect(computed.slices[0].column).toBe("geography");
    expect(computed.cells[0].intervals.roc_auc[0]).toBeLessThan(computed.cells[0].metrics.roc_auc);
    expect(report.metrics[0]).toMatchObject({ passed: computed.cells[0].metrics.roc_auc >= 0.7 });

    const artifact = fake.state
      .repo(REPO)
      .artifacts.find((a) => a.name.startsWith("model-approval-snapshot-"));
    const snapshot = decodeSnapshot(new TextDecoder().decode(artifact!.files[SNAPSHOT_FILE] as Uint8Array));
    if (!snapshot.ok) throw new Error(snapshot.error);
    expect(snapshot.snapshot.metrics[0]!.predictions).toEqual(
      JSON.parse(JSON.stringify(computed, (k, v) => (k === "source" || k === "file" ? undefined : v))),
    );

    const [metricsRun] = checkRuns(fake, "model-approval/metrics");
    expect(`${metricsRun!.summary}\n${metricsRun!.text}`).toContain(
      "Computed from predictions: churn (eval/predictions.parquet)",
    );
  });
});

describe("measurements too large for a snapshot", () => {
  it("make the training run's decision an error, as the App would find it", async () => {
    const big = JSON.stringify(
      Object.fromEntries(Array.from({ length: 400_000 }, (_, i) => [`metric_${i}`, i / 7])),
    );
    seedPullRequest(fake, {
      baseConfig: `metrics:\n  eval: metrics/eval.json\nsteps:\n  - name: quality\n    type: test\n    inputs:\n      checks: [metric_1 >= 0]\n`,
    });
    const training = startTrainingRun(fake);
    const result = await runBundledAction({
      apiUrl: fake.url,
      eventName: "pull_request",
      payload: loadWebhookExample("pull_request", "opened"),
      files: { "metrics/eval.json": big },
      run: { fake, id: training.id },
    });
    expect(result.outputs.decision).toBe("error");
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.summary).toContain("snapshot, over the 8388608 bytes the App and later runs read");
    expect(fake.state.repo(REPO).artifacts).toEqual([]);
  });
});

describe("starting the Action's bundle", () => {
  it("does not load the predictions readers and the bootstrap: they are a chunk, imported for a predictions source", () => {
    const main = readFileSync("dist/action.js", "utf8");
    const chunk = /import\("\.\/(chunks\/sources-[A-Z0-9]+\.js)"\)/.exec(main)?.[1];
    expect(chunk).toBeDefined();
    expect(main).not.toContain("function readPredictionsFile");
    expect(readFileSync(`dist/${chunk}`, "utf8")).toContain("function readPredictionsFile");
  });
});
