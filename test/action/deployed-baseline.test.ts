// `baseline: { environment: production }` in the Action: the training run compares its model with
// what is live, the metrics a trusted training run recorded for the commit GitHub Actions last
// deployed to production successfully. Run through the bundled action (dist/).
import { describe, expect, it } from "@jest/globals";
import { encodeSnapshot } from "../../src/core/candidate/snapshot.js";
import { SNAPSHOT_FILE, snapshotArtifactName } from "../../src/core/names.js";
import type { FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { runBundledAction } from "./support/run-bundled.js";
import {
  AUTHOR,
  BASE,
  CONFIG,
  HEAD,
  PR,
  REPO,
  TRAIN_WORKFLOW,
  TRAIN_WORKFLOW_TEXT,
  metricsJson,
  startTrainingRun,
} from "./support/scenario.js";
import { useFakeGitHub } from "./support/fake-github.js";

const LIVE_CONFIG = `metrics:
  eval: metrics/eval.json
baseline: { environment: production }
steps:
  - name: no_regression
    type: test
    inputs:
      checks:
        - accuracy >= baseline - 0.01
  - name: approve_model
    type: approval
    inputs:
      approvers: [alice]
      auto_approve_if: [accuracy >= 0.8]
`;

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));

/** master at BASE, trained by a push run that recorded `accuracy`, deployed to production by `creator`. */
function seed(config: string, live?: { accuracy: number; creator?: string }) {
  fake.state.addRepo(REPO, { defaultBranch: "master" });
  fake.state.commit(REPO, {
    branch: "master",
    sha: BASE,
    files: { [CONFIG]: config, [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT },
  });
  fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "train.py": "print('trained')\n" } });
  fake.state.addPullRequest(REPO, {
    number: PR,
    author: AUTHOR,
    headSha: HEAD,
    baseRef: "master",
    files: ["train.py"],
  });
  if (!live) return;
  const run = fake.state.addWorkflowRun(REPO, {
    headSha: BASE,
    headBranch: "master",
    path: TRAIN_WORKFLOW,
    event: "push",
    status: "completed",
    conclusion: "success",
    pullRequests: [],
  });
  fake.state.addArtifact(REPO, {
    runId: run.id,
    name: snapshotArtifactName(1),
    files: {
      [SNAPSHOT_FILE]: encodeSnapshot({
        claims: {
          repository: REPO,
          commit: BASE,
          run: { id: run.id, attempt: 1, workflow: TRAIN_WORKFLOW, event: "push" },
        },
        metrics: [
          { name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy: live.accuracy } },
        ],
        baseline: [],
        metricErrors: {},
        baselineErrors: {},
      }),
    },
  });
  const deployment = fake.state.addDeployment(REPO, {
    sha: BASE,
    environment: "production",
    ref: "master",
    ...(live.creator ? { creator: live.creator } : {}),
  });
  fake.state.addDeploymentStatus(REPO, deployment.id, "success");
}

async function train(accuracy: number) {
  const training = startTrainingRun(fake);
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: { "metrics/eval.json": metricsJson(accuracy), "models/model.pkl": "weights" },
    run: { fake, id: training.id },
  });
}

describe("the Action with a baseline that is what is live in production", () => {
  it("rejects a model that regressed against the live one", async () => {
    seed(LIVE_CONFIG, { accuracy: 0.9 });
    const result = await train(0.85);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.stdout + result.stderr + JSON.stringify(result.outputs)).toMatch(/from baseline 0\.9/);
  });

  it("approves a model as good as the live one", async () => {
    seed(LIVE_CONFIG, { accuracy: 0.9 });
    const result = await train(0.9);
    expect(result.outputs.decision).toBe("approved");
  });

  it("does not compare with a deployment someone created through the API", async () => {
    seed(LIVE_CONFIG, { accuracy: 0.1, creator: AUTHOR });
    const result = await train(0.85);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.stdout + result.stderr).toContain("no successful deployment to production yet");
  });

  it("with when_missing: pass approves the first model, saying there is no deployment yet", async () => {
    seed(
      LIVE_CONFIG.replace("{ environment: production }", "{ environment: production, when_missing: pass }"),
    );
    const result = await train(0.85);
    expect(result.outputs.decision).toBe("approved");
    expect(result.stdout + result.stderr).toContain("when_missing: pass lets its change checks pass");
  });
});
