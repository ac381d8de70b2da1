// GitHub asks the App whether a deploy job may proceed (custom deployment protection rule).
// The answer is the decision for the commit being deployed: the PR's, after a reconcile, or for
// a deployment outside any PR (a push), the default branch's config and the commit's metrics —
// never the deployed commit's own config, which whoever pushed the branch could have loosened.
import type { DecisionResult } from "../core/policy/types.js";
import { decide } from "../core/policy/index.js";
import { describeError } from "../github/errors.js";
import { loadConfig, loadMeasurements, CONFIG_PATH, type AppGateway } from "./collect.js";
import {
  deployAnswer,
  isGatedEnvironment,
  runIdOf,
  undecidedAnswer,
  type DeployAnswer,
} from "./deploy-answer.js";
import { reconcile } from "./reconcile.js";
import type { ApprovalCheck } from "./recheck.js";
import { needsMetrics, waitForMetrics } from "./waiting.js";

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

async function answerForPullRequest(
  gateway: AppGateway,
  request: DeploymentRequest,
  prNumber: number,
  confirms: ApprovalCheck[],
): Promise<DeployAnswer> {
  const subject = `PR #${prNumber}`;
  const outcome = await reconcile(gateway, { prNumber, gateDeployments: false });
  if (outcome.status === "decided" && outcome.confirm) confirms.push(outcome.confirm);
  if (outcome.status === "skipped") return undecidedAnswer(subject, outcome.why);
  if (!outcome.config) return deployAnswer(outcome.result, subject);
  if (!isGatedEnvironment(outcome.config, request.environment))
    return undecidedAnswer(
      subject,
      `no deploy step in ${CONFIG_PATH} names the environment '${request.environment}'`,
    );
  // The approval is for the PR's head commit; a deploy job of an older commit must not ride on it.
  if (request.sha !== outcome.headSha) {
    const runId = runIdOf(request.callbackUrl);
    const waiting = await gateway.waitingDeploymentsForSha(outcome.headSha);
    if (runId === undefined || !waiting.some((run) => run.runId === runId))
      return {
        state: "rejected",
        comment: `model-approval (${subject}): this deploy job is for ${request.sha.slice(0, 7)}, but the pull request's head is now ${outcome.headSha.slice(0, 7)}`,
      };
  }
  return deployAnswer(outcome.result, `${subject} at ${outcome.headSha.slice(0, 7)}`);
}

/** "refs/heads/main" and "main" are the same branch; tags and other refs are not branches. */
export function branchOf(ref: string): string {
  return ref.replace(/^refs\/heads\//, "");
}

/** A push deployment: no PR, so no reviews — approved only if the metrics auto-approve it. */
async function decideForCommit(gateway: AppGateway, request: DeploymentRequest): Promise<DeployAnswer> {
  const subject = `${request.ref || request.sha.slice(0, 7)}`;
  const trusted = request.defaultBranch;
  if (!trusted || branchOf(request.ref) !== trusted)
    return {
      state: "rejected",
      comment: `model-approval (${subject}): deployments outside a pull request are approved only from the default branch ${trusted || "(unknown)"}`,
    };
  const loaded = await loadConfig(gateway, `refs/heads/${trusted}`);
  if (loaded.kind === "none") return undecidedAnswer(subject, `no ${CONFIG_PATH} on ${trusted}`);
  if (loaded.kind === "invalid") return undecidedAnswer(subject, `${CONFIG_PATH} on ${trusted} is invalid`);
  const config = loaded.config;
  if (!isGatedEnvironment(config, request.environment))
    return undecidedAnswer(
      subject,
      `no deploy step in ${CONFIG_PATH} names the environment '${request.environment}'`,
    );
  const { missing, ...measurements } = await loadMeasurements(gateway, request.sha);
  const decided: DecisionResult = decide({ config, ...measurements, teamMembers: {} });
  const result =
    missing !== undefined && needsMetrics(config) ? waitForMetrics(decided, config, missing) : decided;
  return deployAnswer(result, subject);
}

/** Several PRs may share the deployed commit: it deploys only if every one of them approves. */
function combine(answers: DeployAnswer[]): DeployAnswer {
  return (
    answers.find((a) => a.state === "rejected") ??
    answers.find((a) => a.state !== "approved") ??
    answers[0] ?? { comment: "model-approval: nothing to decide" }
  );
}

export async function answerDeploymentRequest(
  gateway: AppGateway,
  request: DeploymentRequest,
): Promise<DeployAnswer> {
  let answer: DeployAnswer;
  try {
    if (request.pullRequests.length === 0) answer = await decideForCommit(gateway, request);
    else {
      const answers: DeployAnswer[] = [];
      const confirms: ApprovalCheck[] = [];
      for (const pr of request.pullRequests)
        answers.push(await answerForPullRequest(gateway, request, pr, confirms));
      answer = combine(answers);
      if (answer.state === "approved") {
        // An approval cannot be taken back: re-read each PR just before sending it.
        for (const confirm of confirms) {
          const why = await confirm();
          if (why !== undefined)
            return { comment: `model-approval: not answered — ${why} (the next event decides)` };
        }
      }
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
