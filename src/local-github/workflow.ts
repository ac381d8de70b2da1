// One run of a train → deploy workflow on a PR's head commit, as GitHub Actions plays it with the
// model-approval Action in the train job (`app: true`: the App owns the decision).
import type { LocalGitHub } from "./local.js";
import { pullRequestWebhook } from "./payloads.js";
import { runBundledAction, type ActionResult } from "./run-action.js";
import type { FakeWorkflowRun } from "./state.js";

export interface TrainJobOptions {
  /** Path of dist/action.js. */
  bundle: string;
  /** What training wrote into the workspace (metrics, model files), path → content. */
  outputs: Record<string, string>;
  environment?: string;
  /** The Action's inputs beyond github-token; default `app: true`. */
  inputs?: Record<string, string>;
  /** Called between the train job's end and the deploy job reaching its environment. */
  afterTrain?: (action: ActionResult) => Promise<void>;
}

export interface TrainJobResult {
  run: FakeWorkflowRun;
  action: ActionResult;
}

/**
 * Starts a workflow run on the PR's head, runs the train job (checkout, training outputs, the
 * bundled Action) and lets the deploy job reach its environment when the Action succeeded.
 */
export async function runTrainJob(
  local: LocalGitHub,
  fullName: string,
  number: number,
  options: TrainJobOptions,
): Promise<TrainJobResult> {
  const run = local.startWorkflowRun(fullName, number, { environment: options.environment ?? "production" });
  const repo = local.state.repo(fullName);
  const pull = local.state.pull(fullName, number);
  const checkout = repo.commits[pull.headSha] ?? {};
  const { payload } = pullRequestWebhook(repo, pull, "synchronize", {
    installationId: 0,
    sender: pull.author,
    before: pull.baseSha,
  });
  const action = await runBundledAction({
    bundle: options.bundle,
    apiUrl: local.url,
    repository: fullName,
    eventName: "pull_request",
    payload: { ...payload, installation: undefined },
    sha: pull.headSha,
    workspace: { ...checkout, ...options.outputs },
    inputs: options.inputs ?? { app: "true" },
  });
  await options.afterTrain?.(action);
  local.finishTraining(fullName, run, action.code === 0);
  return { run, action };
}
