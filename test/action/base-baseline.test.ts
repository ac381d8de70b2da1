// `ref: base` baselines are "the metrics of the model in production, for change checks". For a PR
// into a branch other than the default, the Action reads them at that branch, which anyone with push
// access can create: a regressed model passes `accuracy >= baseline` against a baseline they wrote.
// Run through the bundled action (dist/), as in test/action/bundled.test.ts.
import { describe, expect, it } from "@jest/globals";
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
  fixture,
  metricsJson,
  startTrainingRun,
} from "./support/scenario.js";
import { useFakeGitHub } from "./support/fake-github.js";

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));

describe("a `ref: base` baseline of a PR into a branch the attacker made", () => {
  it("does not let a model that regressed against the default branch's baseline be auto-approved", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    // Production: accuracy 0.90 on master.
    const master = fake.state.commit(REPO, {
      branch: "master",
      files: {
        [CONFIG]: fixture("baseline.yml"),
        [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT,
        "metrics/eval.json": metricsJson(0.9),
      },
    });
    // `loose` = master with a baseline of 0.10; the PR's own diff is only train.py.
    fake.state.commit(REPO, {
      branch: "loose",
      parent: master,
      sha: BASE,
      files: { "metrics/eval.json": metricsJson(0.1) },
    });
    fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "train.py": "print('trained')\n" } });
    fake.state.addPullRequest(REPO, {
      number: PR,
      author: AUTHOR,
      headSha: HEAD,
      baseRef: "loose",
      files: ["train.py"],
    });
    const training = startTrainingRun(fake);
    const result = await runBundledAction({
      apiUrl: fake.url,
      eventName: "pull_request",
      payload: loadWebhookExample("pull_request", "opened", { pull_request: { base: { ref: "loose" } } }),
      // The honest training run measured 0.85: worse than production's 0.90.
      files: { "metrics/eval.json": metricsJson(0.85), "models/model.pkl": "weights" },
      run: { fake, id: training.id },
    });
    expect(result.outputs.decision).not.toBe("approved");
  });
});
