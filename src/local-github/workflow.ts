// One run of a train → deploy workflow on a PR's head commit, as GitHub Actions plays it with the
// model-approval Action in the train job (`app: true`: the App owns the decision).
import type { LocalGitHub } from "./local.js";
import { pullRequestWebhook } from "./payloads.js";
import { runBundledAction, type ActionResult } from "./run-action.js";
import type { FakeWorkflowRun } from "./state.js";
import type { UploadArtifact } from "./run-action.js";

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
  /** Re-run this (completed) run instead of starting one: a new attempt on its commit. */
  rerun?: FakeWorkflowRun;
  /** The workflow file of a new run; default ".github/workflows/model.yml". */
  path?: string;
  /** The event of a new run; default "pull_request". */
  event?: string;
  /** The action.yml whose steps are played; default the repository's, beside dist/. */
  actionYml?: string;
  /** Leave the runner's folders in place. */
  keepFiles?: boolean;
}

export interface TrainJobResult {
  run: FakeWorkflowRun;
  action: ActionResult;
}

/**
 * Starts a workflow run on the PR's head (or re-runs `rerun`), runs the train job (checkout,
 * training outputs, the bundled Action and the composite action's later steps, whose artifacts
 * are bound to the run) and lets the deploy job reach its environment when the job succeeded.
 */
export async function runTrainJob(
  local: LocalGitHub,
  fullName: string,
  number: number,
  options: TrainJobOptions,
): Promise<TrainJobResult> {
  const run = options.rerun
    ? local.rerunWorkflow(fullName, options.rerun)
    : local.startWorkflowRun(fullName, number, {
        environment: options.environment ?? "production",
        ...(options.path !== undefined ? { path: options.path } : {}),
        ...(options.event !== undefined ? { event: options.event } : {}),
      });
  const repo = local.state.repo(fullName);
  const pull = local.state.pull(fullName, number);
  const checkout = repo.commits[run.headSha] ?? {};
  const { payload } = pullRequestWebhook(repo, pull, "synchronize", {
    installationId: 0,
    sender: pull.author,
    before: pull.baseSha,
  });
  // A re-run replays the event of the first attempt: the commit the run is on.
  payload.pull_request.head.sha = run.headSha;
  if (payload.after !== undefined) payload.after = run.headSha;
  const action = await runBundledAction({
    bundle: options.bundle,
    apiUrl: local.url,
    repository: fullName,
    eventName: run.event,
    payload: { ...payload, installation: undefined },
    sha: run.headSha,
    workspace: { ...checkout, ...options.outputs },
    inputs: options.inputs ?? { app: "true" },
    run: { id: run.id, attempt: run.runAttempt, workflowPath: run.path, number: run.runNumber },
    ...(options.actionYml !== undefined ? { actionYml: options.actionYml } : {}),
    ...(options.keepFiles !== undefined ? { keepFiles: options.keepFiles } : {}),
    uploadArtifact: uploadTo(local, fullName, run),
  });
  await options.afterTrain?.(action);
  local.finishTraining(fullName, run, action.outcome === "success");
  return { run, action };
}

/** Binds what the job uploads to the run's current attempt (state.addArtifact). */
function uploadTo(local: LocalGitHub, fullName: string, run: FakeWorkflowRun): UploadArtifact {
  return (name, files, upload) => {
    local.state.addArtifact(fullName, { runId: run.id, name, files, ...upload });
  };
}

export interface PushJobOptions extends Omit<TrainJobOptions, "event"> {
  /** Who pushed; default the actor of the branch's last move. */
  actor?: string;
}

/**
 * Like runTrainJob for a run started by a push on `branch` (startPushRun; or `rerun`): the Action
 * gets the branch's last push as its event (GITHUB_REF refs/heads/<branch>) and runs on its head.
 */
export async function runPushJob(
  local: LocalGitHub,
  fullName: string,
  branch: string,
  options: PushJobOptions,
): Promise<TrainJobResult> {
  const run = options.rerun
    ? local.rerunWorkflow(fullName, options.rerun)
    : local.startPushRun(fullName, branch, {
        environment: options.environment ?? "production",
        ...(options.path !== undefined ? { path: options.path } : {}),
        ...(options.actor !== undefined ? { actor: options.actor } : {}),
      });
  const repo = local.state.repo(fullName);
  const { payload } = local.pushWebhookOf(fullName, run.headBranch);
  const action = await runBundledAction({
    bundle: options.bundle,
    apiUrl: local.url,
    repository: fullName,
    eventName: "push",
    payload: { ...payload, installation: undefined, after: run.headSha },
    sha: run.headSha,
    workspace: { ...(repo.commits[run.headSha] ?? {}), ...options.outputs },
    inputs: options.inputs ?? { app: "true" },
    run: {
      id: run.id,
      attempt: run.runAttempt,
      workflowPath: run.path,
      number: run.runNumber,
      ref: `refs/heads/${run.headBranch}`,
    },
    ...(options.actionYml !== undefined ? { actionYml: options.actionYml } : {}),
    ...(options.keepFiles !== undefined ? { keepFiles: options.keepFiles } : {}),
    uploadArtifact: uploadTo(local, fullName, run),
  });
  await options.afterTrain?.(action);
  local.finishTraining(fullName, run, action.outcome === "success");
  return { run, action };
}
