// GitHub asks the App whether a deploy job may proceed (custom deployment protection rule). The
// answer is the decision for exactly the commit the waiting workflow run built, gathered afresh:
// the PR's candidate at that commit (an older head is superseded), or outside any PR the default
// branch's rules for a commit that is on the default branch — never the deployed commit's own
// config. The commit comes from GitHub's description of the run: a deployment of a pull_request
// workflow names the merge commit it checked out, not the head that was trained and reviewed.
import { CONFIG_PATH } from "../core/names.js";
import { collectCandidate, decisionFor } from "../github/candidate/index.js";
import type { TrainingRunJudge } from "../github/candidate/evidence.js";
import type { WorkflowRunFacts } from "../github/gateway.js";
import { describeError } from "../github/errors.js";
import { deployAnswer, isGatedEnvironment, undecidedAnswer, type DeployAnswer } from "./deploy-answer.js";
import { reconcile, type AppGateway, type AppServices } from "./reconcile.js";
import { approvalCheck, type ApprovalCheck } from "./recheck.js";
import { recordDeploy } from "./record.js";
import type { DecisionResult } from "../core/policy/types.js";

/** An answer, and the decision it was given on (none when nothing was decided). */
interface Answered {
  answer: DeployAnswer;
  result?: DecisionResult;
}

export interface DeploymentRequest {
  environment: string;
  callbackUrl: string;
  sha: string;
  ref: string;
  /** The repository's default branch: the only one whose config and pushes are trusted. */
  defaultBranch: string;
  /** Open PRs the deployed commit belongs to; empty for a push deployment. */
  pullRequests: number[];
}

function notGated(subject: string, environment: string): DeployAnswer {
  return undecidedAnswer(subject, `no deploy step in ${CONFIG_PATH} names the environment '${environment}'`);
}

/** The workflow run id is in the callback URL: .../actions/runs/{run_id}/deployment_protection_rule */
export function runIdOf(callbackUrl: string): number | undefined {
  try {
    const match = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(
      new URL(callbackUrl).pathname,
    );
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** An approval of the candidate releases only the run that recorded it (releasableRun). */
async function bound(
  answer: DeployAnswer,
  run: WorkflowRunFacts,
  releasable: TrainingRunJudge | undefined,
  subject: string,
): Promise<DeployAnswer> {
  if (answer.state !== "approved") return answer;
  const why = releasable ? await releasable(run) : "nothing says which run may be released";
  return why === undefined ? answer : undecidedAnswer(subject, `not this deploy job: ${why}`);
}

async function answerForPullRequest(
  gateway: AppGateway,
  request: DeploymentRequest,
  run: WorkflowRunFacts,
  prNumber: number,
  confirms: ApprovalCheck[],
  timing: AppServices,
): Promise<Answered> {
  const subject = `PR #${prNumber}`;
  // The PR's surfaces are brought up to date on the way (this is an event like any other).
  const outcome = await reconcile(gateway, { prNumber, commit: run.headSha, gateDeployments: false }, timing);
  if (outcome.status === "skipped") return { answer: undecidedAnswer(subject, outcome.why) };
  const result = outcome.result;
  if (!outcome.config) return { answer: deployAnswer(result, subject), result };
  if (!isGatedEnvironment(outcome.config, request.environment))
    return { answer: notGated(subject, request.environment) };
  if (outcome.confirm) confirms.push(outcome.confirm);
  const answer = deployAnswer(result, `${subject} at ${run.headSha.slice(0, 7)}`);
  return { answer: await bound(answer, run, outcome.releasable, subject), result };
}

/** A deployment outside any PR: no reviews, so approved only if the metrics auto-approve it. */
async function answerForCommit(
  gateway: AppGateway,
  request: DeploymentRequest,
  run: WorkflowRunFacts,
  confirms: ApprovalCheck[],
  timing: AppServices,
): Promise<Answered> {
  const subject = request.ref || run.headSha.slice(0, 7);
  const collected = await collectCandidate(
    gateway,
    { kind: "commit", sha: run.headSha, defaultBranch: request.defaultBranch },
    {
      configPath: CONFIG_PATH,
      // The App is the gate: what is live is only what it approved (SECURITY.md 15g).
      deployedReleasedByGate: true,
      ...(timing.sleep ? { sleep: timing.sleep } : {}),
    },
  );
  if (collected.kind === "no-config")
    return { answer: undecidedAnswer(subject, `no ${CONFIG_PATH} on ${collected.where}`) };
  const result = decisionFor(collected);
  if (collected.kind !== "candidate") return { answer: deployAnswer(result, subject), result };
  if (!isGatedEnvironment(collected.candidate.config.config, request.environment))
    return { answer: notGated(subject, request.environment) };
  if (result.decision === "approved") confirms.push(approvalCheck(gateway, collected.candidate));
  // The run must itself be a push (or dispatch, schedule) training run of the default branch: a
  // pull_request run whose head the default branch happens to contain built its own base.
  return { answer: await bound(deployAnswer(result, subject), run, collected.releasable, subject), result };
}

/** Several PRs may share the deployed commit: it deploys only if every one of them approves. */
function combine(answers: Answered[]): Answered {
  return (
    answers.find((a) => a.answer.state === "rejected") ??
    answers.find((a) => a.answer.state !== "approved") ??
    answers[0] ?? { answer: { comment: "model-approval: nothing to decide" } }
  );
}

export async function answerDeploymentRequest(
  gateway: AppGateway,
  request: DeploymentRequest,
  timing: AppServices = {},
): Promise<DeployAnswer> {
  let answer: DeployAnswer;
  try {
    const confirms: ApprovalCheck[] = [];
    const answers: Answered[] = [];
    const runId = runIdOf(request.callbackUrl);
    if (runId === undefined) throw new Error(`the callback URL ${request.callbackUrl} names no workflow run`);
    const run = await gateway.getWorkflowRun(runId);
    if (request.pullRequests.length === 0)
      answers.push(await answerForCommit(gateway, request, run, confirms, timing));
    for (const pr of request.pullRequests)
      answers.push(await answerForPullRequest(gateway, request, run, pr, confirms, timing));
    const chosen = combine(answers);
    answer = chosen.answer;
    if (answer.state === "approved") {
      // An approval cannot be taken back: re-read each PR just before sending it.
      for (const confirm of confirms) {
        const why = await confirm();
        if (why !== undefined) {
          answer = { comment: `model-approval: not answered — ${why} (the next event decides)` };
          break;
        }
      }
    }
    // Recorded before it is sent: never a release without its record (record.ts).
    if (answer.state && chosen.result) {
      const deploy = {
        environment: request.environment,
        run: runId,
        attempt: run.attempt,
        answer: answer.state,
      };
      const subject = {
        repository: gateway.repository,
        ...(gateway.repositoryId === undefined ? {} : { repositoryId: gateway.repositoryId }),
        commit: run.headSha,
        summary: answer.comment,
      };
      const unrecorded = await recordDeploy(timing, chosen.result, deploy, subject);
      if (unrecorded) timing.warn?.(`model-approval: ${unrecorded}`);
      if (unrecorded && answer.state === "approved")
        answer = {
          comment:
            "model-approval: not answered — the release could not be recorded in the ledger (the App's log says why); the next event retries",
        };
    }
  } catch (error) {
    answer = undecidedAnswer(request.sha.slice(0, 7), `${describeError(error)} (the next event retries)`);
  }
  await gateway.answerDeploymentCallback(request.callbackUrl, {
    environment: request.environment,
    ...answer,
  });
  return answer;
}
