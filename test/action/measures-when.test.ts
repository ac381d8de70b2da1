// Which runs of the Action measure their workspace at all. A review's run checks out the PR head,
// files the author committed included; what it would measure is never evidence (GitHub's list of
// runs decides that), but measuring it would still read the author's files and spend the runner's
// time on them. Only a run whose event a training run has may measure, and it may start early.
import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import type { Config } from "../../src/core/config/types.js";
import type { MeasureOptions } from "../../src/action/measure.js";
import type { FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import {
  HEAD,
  PR,
  REPO,
  fixture,
  metricsJson,
  seedPullRequest,
  startTrainingRun,
} from "./support/scenario.js";

// The real measurement, counted: which workspaces the Action read.
const measured: string[] = [];
const actual = await import("../../src/action/measure.js");
jest.unstable_mockModule("../../src/action/measure.js", () => ({
  ...actual,
  measureWorkspace: (config: Config, options: MeasureOptions) => {
    measured.push(options.workspace);
    return actual.measureWorkspace(config, options);
  },
}));
// Imported after the mock: they reach measure.js through the Action's modules.
const { runBundledAction } = await import("./support/run-bundled.js");
const { useFakeGitHub } = await import("./support/fake-github.js");
const { isTrainingEvent } = await import("../../src/github/candidate/index.js");

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));
beforeEach(() => {
  measured.length = 0;
});

const workspace = { "metrics/eval.json": metricsJson(0.99), "models/model.pkl": "weights-0.99" };

/** A run of the training workflow on the PR's head for `event`, its workspace holding a good model. */
function runOn(event: string, payload: () => unknown) {
  seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
  const run = startTrainingRun(fake, { event });
  return runBundledAction({
    apiUrl: fake.url,
    eventName: event,
    payload: payload(),
    files: workspace,
    run: { fake, id: run.id },
  });
}

describe("which runs measure their workspace", () => {
  it("a review's run never measures its checkout, though it is a run of the training workflow", async () => {
    const result = await runOn("pull_request_review", () => {
      const review = fake.state.addReview(REPO, PR, { user: "bob", state: "APPROVED", commitId: HEAD });
      return loadWebhookExample("pull_request_review", "submitted", {
        review: { id: review.id, state: "approved", commit_id: HEAD, user: { login: "bob" } },
      });
    });
    expect(result.outputs.decision).toBe("pending");
    expect(measured).toEqual([]);
  });

  it("the training run on the PR measures its workspace, once", async () => {
    const result = await runOn("pull_request", () => loadWebhookExample("pull_request", "opened"));
    expect(result.outputs.decision).toBe("approved");
    expect(measured).toEqual([result.workspace]);
  });

  it("a run of an event no training run has measures nothing, even when its workflow is the training workflow", async () => {
    const result = await runOn("pull_request_target", () => loadWebhookExample("pull_request", "opened"));
    expect(result.outputs.decision).not.toBe("approved");
    expect(measured).toEqual([]);
  });
});
describe("isTrainingEvent", () => {
  it("is a PR's run or a run on a commit of the default branch", () => {
    for (const event of ["pull_request", "push", "workflow_dispatch", "schedule"])
      expect([event, isTrainingEvent(event)]).toEqual([event, true]);
  });

  it("is not a review, a comment, a run on the base's code, a run triggered by another run, or a deployment", () => {
    for (const event of [
      "pull_request_review",
      "pull_request_review_comment",
      "issue_comment",
      "pull_request_target",
      "workflow_run",
      "repository_dispatch",
      "deployment",
      "deployment_status",
      "check_run",
      "",
      "PULL_REQUEST",
    ])
      expect([event, isTrainingEvent(event)]).toEqual([event, false]);
  });
});
