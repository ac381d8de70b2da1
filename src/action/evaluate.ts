// mode: evaluate — gather the candidate, decide, publish, set outputs; and when this run is the
// training run, write its snapshot for the composite action's next step to record as an artifact.
import { encodeSnapshot } from "../core/candidate/snapshot.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { formatDiagnostic } from "../core/diagnostics.js";
import { failureOf } from "../core/failure.js";
import { SNAPSHOT_FILE, snapshotArtifactName } from "../core/names.js";
import { configErrorResult, failureResult } from "../core/policy/index.js";
import type { DecisionResult } from "../core/policy/types.js";
import { renderJsonReport, renderMarkdown } from "../core/report/index.js";
import {
  collectCandidate,
  commitDecision,
  decisionFor,
  isTrainingEvent,
  type Collected,
  type Subject,
} from "../github/candidate/index.js";
import type { GitHubGateway } from "../github/gateway.js";
import { executeWrites } from "../github/publish/execute.js";
import {
  ACTION_BESIDE_APP_SURFACES,
  ACTION_ONLY_SURFACES,
  planPullRequest,
  planWrites,
  unreadPullRequest,
} from "../github/publish/plan.js";
import { subjectOf, type EventContext } from "./event.js";
import type { ActionInputs } from "./inputs.js";
import { measureWorkspace } from "./measure.js";
import type { Runner } from "./runner.js";
import { writeAttestation } from "./attestation.js";
import { writeRunnerFile } from "./files.js";
import { notifyDecision, shownState, type ActionNotifying } from "./notify.js";
import type { Config } from "../core/config/types.js";

export interface EvaluateContext {
  inputs: ActionInputs;
  event: EventContext;
  gateway: GitHubGateway;
  runner: Runner;
  workspace: string;
  runnerTemp: string;
  /**
   * This workflow run, when on GitHub Actions (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, and the workflow
   * file GITHUB_WORKFLOW_REF names): its workspace may be the training run's evidence.
   */
  run?: { id: number; attempt: number; workflow?: string };
  /** The runner's clock, for when this run measured (votes cast before it were cast on another recording). */
  now?: () => string;
  /** The notification destinations' URLs and secrets (MODEL_APPROVAL_NOTIFY_*). */
  notifyEnv?: Record<string, string>;
  repositoryId?: number;
  serverUrl?: string;
}

/** How this run announces what it decides. */
export function notifying(ctx: EvaluateContext): ActionNotifying {
  return {
    runner: ctx.runner,
    env: ctx.notifyEnv ?? {},
    repository: ctx.gateway.repository,
    ...(ctx.repositoryId === undefined ? {} : { repositoryId: ctx.repositoryId }),
    ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}),
    now: () => new Date(ctx.now?.() ?? Date.now()),
  };
}

/** Announces the decision when this run changed the PR's state (not in a dry run). */
export async function announce(
  ctx: EvaluateContext,
  collected: Collected | DecisionResult,
  result: DecisionResult,
): Promise<void> {
  if (ctx.inputs.dryRun) return;
  const before = "kind" in collected ? shownState(collected.pullRequest?.labels) : undefined;
  await notifyDecision(notifying(ctx), trustedConfig(collected), result, before);
}

/** The trusted rules' config, when the candidate has one: only they say whom to tell. */
export function trustedConfig(collected: Collected | DecisionResult): Config | undefined {
  if (!("kind" in collected) || collected.kind !== "candidate" || collected.candidate.config.untrusted)
    return undefined;
  return collected.candidate.config.config;
}

function annotateDiagnostic(runner: Runner, d: Diagnostic): void {
  runner.annotate(d.severity, d.hint ? `${d.message} (${d.hint})` : d.message, {
    title: "model-approval config",
    file: d.file,
    startLine: d.line,
    startColumn: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  });
}

function configMissing(path: string, where: string): Diagnostic {
  return {
    file: path,
    line: 1,
    column: 1,
    severity: "error",
    message: `config file not found on ${where} (nor in the pull request)`,
    hint: "add .github/model-approval.yml to the default branch, or point the 'config' input at your config",
  };
}

/**
 * Why a listed team counts for nobody in this run: GITHUB_TOKEN cannot read team membership. Said
 * where the team would otherwise be asked to approve, with what to do about it.
 */
export const UNREADABLE_TEAM = {
  actionOnly:
    "team membership is not readable with the workflow's token, so its members' reviews do not count: install the model-approval App, list the approvers by login, or pass a github-token that can read the organization's teams (read:org)",
  besideApp:
    "team membership is not readable with the workflow's token; the model-approval App, which can read it, decides the approval",
};

/** Gathers the candidate; `measure` lets this run's workspace be the evidence if it is the training run. */
export async function collectForRun(
  ctx: EvaluateContext,
  measure: boolean,
  /** What to decide about; the event's candidate unless given (the sweep names each open PR). */
  subject?: Subject,
): Promise<Collected | DecisionResult> {
  const { inputs, event, gateway } = ctx;
  const run = ctx.run;
  const now = ctx.now ?? (() => new Date().toISOString());
  try {
    return await collectCandidate(gateway, subject ?? subjectOf(event), {
      configPath: inputs.config,
      // The runner's clock, for approval timeouts.
      now: () => new Date(now()),
      unreadableTeam: inputs.app ? UNREADABLE_TEAM.besideApp : UNREADABLE_TEAM.actionOnly,
      ...(measure && run
        ? {
            measuring: (config, context) => ({
              runId: run.id,
              attempt: run.attempt,
              at: now(),
              where: "the workspace of this run",
              // The runner's word is only a guess at what GitHub will say: it starts reads early.
              ...(isTrainingEvent(event.name)
                ? { expected: run.workflow ? { workflow: run.workflow } : {} }
                : {}),
              measure: () =>
                measureWorkspace(config, {
                  workspace: ctx.workspace,
                  metricArgs: inputs.metrics,
                  baselineArgs: inputs.baseline,
                  gateway,
                  ...(context.baseSha ? { baseSha: context.baseSha } : {}),
                  ...(context.baseRef ? { baseRef: context.baseRef } : {}),
                }),
            }),
          }
        : {}),
    });
  } catch (error) {
    // Not even the pull request could be read: nothing to decide about.
    const pr = subject?.kind === "pull_request" ? subject.number : event.pr?.number;
    return failureResult(failureOf(error), {
      repository: gateway.repository,
      ...(subject ? {} : { commit: event.sha }),
      ...(pr === undefined ? {} : { pr }),
    });
  }
}

/**
 * The decision for a run, whatever went wrong on the way; an approval holds only if every other
 * open PR on the same commit approves too (they share its check run).
 */
export async function decisionOfRun(
  ctx: EvaluateContext,
  collected: Collected | DecisionResult,
): Promise<DecisionResult> {
  const own = resultOf(collected, ctx.inputs.config);
  if (!("kind" in collected) || !collected.pullRequest) return own;
  return commitDecision(ctx.gateway, own, collected.pullRequest.number, collected.commit, {
    configPath: ctx.inputs.config,
  }).catch((error: unknown) =>
    failureResult(failureOf(error), { repository: ctx.gateway.repository, commit: collected.commit }),
  );
}

function resultOf(collected: Collected | DecisionResult, configPath: string): DecisionResult {
  if (!("kind" in collected)) return collected;
  if (collected.kind === "no-config")
    return configErrorResult([configMissing(configPath, collected.where)], {
      repository: collected.repository,
      commit: collected.commit,
      ...(collected.pullRequest ? { pr: collected.pullRequest.number } : {}),
    });
  return decisionFor(collected);
}

/** This run is the training run: its measurements become the snapshot the next step uploads. */
function recordSnapshot(ctx: EvaluateContext, collected: Collected): void {
  if (collected.kind !== "candidate" || !collected.measured || !ctx.run) return;
  const { candidate } = collected;
  const origin = candidate.evidence.kind === "present" ? candidate.evidence.origin : undefined;
  const text = encodeSnapshot({
    claims: {
      repository: candidate.repository,
      commit: candidate.commit,
      ...(candidate.pr ? { pullRequest: candidate.pr.number } : {}),
      ...(origin?.run ? { run: origin.run } : {}),
    },
    ...collected.measured,
  });
  ctx.runner.setOutput("snapshot", writeRunnerFile(ctx.runnerTemp, SNAPSHOT_FILE, text));
  ctx.runner.setOutput("snapshot-artifact", snapshotArtifactName(ctx.run.attempt));
  ctx.runner.info(
    `model-approval: this is the training run; its snapshot is recorded as ${snapshotArtifactName(ctx.run.attempt)}`,
  );
}

export async function publish(
  ctx: EvaluateContext,
  collected: Collected | DecisionResult,
  result: DecisionResult,
  /** The decision is about the event's own PR (not a sweep's): an unreadable PR is the event's. */
  ofEvent = false,
): Promise<void> {
  const { runner, inputs } = ctx;
  const pr = "kind" in collected ? collected.pullRequest : undefined;
  const event = ofEvent ? ctx.event.pr : undefined;
  const measured = "kind" in collected && collected.kind === "candidate" && collected.measured !== undefined;
  const writes = planWrites(result, {
    commit: result.headSha ?? pr?.headSha ?? ctx.event.sha,
    ...(pr
      ? { pr: planPullRequest(pr) }
      : event
        ? { pr: unreadPullRequest(event.number, result.headSha ?? event.headSha) }
        : {}),
    owned: inputs.app ? ACTION_BESIDE_APP_SURFACES : ACTION_ONLY_SURFACES,
    measured,
  });
  if (inputs.dryRun) {
    for (const write of writes) runner.info(`dry-run: would update ${write.what}`);
    return;
  }
  const outcome = await executeWrites(ctx.gateway, writes);
  const fork = ctx.event.pr?.fromFork ? " (a pull request from a fork gets a read-only token)" : "";
  for (const what of outcome.refused)
    runner.annotate(
      "warning",
      `could not write ${what}: permission denied${fork}. The decision is in the job summary.`,
    );
  // A failed write leaves GitHub showing a stale decision: the step fails.
  for (const failure of outcome.failures) runner.setFailed(failure);
}

/** Returns the process exit code. */
export async function runEvaluate(ctx: EvaluateContext): Promise<number> {
  const { runner } = ctx;
  const collected = await collectForRun(ctx, true);
  const result = await decisionOfRun(ctx, collected);
  for (const d of result.diagnostics) {
    runner.info(formatDiagnostic(d));
    annotateDiagnostic(runner, d);
  }
  for (const note of result.notes ?? []) runner.annotate("warning", note);

  // The job summary is not the sticky comment: no marker, and GitHub allows it 1 MiB.
  await runner.appendSummary(renderMarkdown(result, { marker: false, maxLength: 1_000_000 }));
  runner.setOutput("decision", result.decision);
  runner.setOutput("auto-approved", String(result.autoApproved));
  runner.setOutput("model-digest", result.model?.digest ?? "");
  runner.setOutput("report", writeRunnerFile(ctx.runnerTemp, "report.json", renderJsonReport(result)));
  if ("kind" in collected) recordSnapshot(ctx, collected);
  writeAttestation(ctx, result);

  await publish(ctx, collected, result, true);
  await announce(ctx, collected, result);
  runner.info(`model-approval: ${result.decision} — ${result.summary}`);
  if (result.decision === "error") runner.setFailed(result.summary);
  else if (result.decision === "rejected" && result.failPipeline)
    runner.setFailed(`rejected: ${result.summary}`);
  return runner.failed ? 1 : 0;
}
