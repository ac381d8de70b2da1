// After every reconcile: the deploy jobs already waiting on the decided commit get the new answer,
// so a review unblocks (or rejects) them without waiting for GitHub to ask again. Only a final
// answer is sent: a status report ("still waiting") already went out when GitHub first asked, and
// repeating it on every event would write on every delivery even when nothing changed.
import type { Config } from "../core/config/types.js";
import type { DecisionResult } from "../core/policy/types.js";
import { describeError } from "../github/errors.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { TrainingRunJudge } from "../github/candidate/evidence.js";
import type { ApprovalCheck } from "./recheck.js";
import { deployAnswer, deployEnvironments, isGatedEnvironment } from "./deploy-answer.js";

export async function gateWaitingDeployments(
  gateway: Pick<GitHubGateway, "waitingDeploymentsForSha" | "reviewDeploymentProtectionRule">,
  config: Config,
  result: DecisionResult,
  commit: string,
  /** Required to approve: without it an approval is not sent. */
  confirm?: ApprovalCheck,
  /** Why a waiting run may not be released by this decision (another model, workflow or PR), or undefined. */
  releasable?: TrainingRunJudge,
): Promise<string[]> {
  // No deploy step, no deploy job to answer: skip the read.
  if (deployEnvironments(config).length === 0) return [];
  const answer = deployAnswer(result, commit.slice(0, 7));
  if (answer.state === undefined) return [];
  const failures: string[] = [];
  let waiting: Awaited<ReturnType<GitHubGateway["waitingDeploymentsForSha"]>>;
  try {
    waiting = await gateway.waitingDeploymentsForSha(commit);
  } catch (error) {
    return [`could not list the deploy jobs waiting on ${commit}: ${describeError(error)}`];
  }
  let confirmed = answer.state !== "approved";
  for (const run of waiting) {
    // An approval releases only the run that recorded the approved model; a rejection may fail any.
    if (answer.state === "approved") {
      const why = releasable ? await releasable(run.run).catch((error) => describeError(error)) : "no check";
      if (why !== undefined) continue;
    }
    for (const environment of run.environments) {
      if (!isGatedEnvironment(config, environment)) continue;
      if (!confirmed) {
        const why = confirm ? await confirm().catch((error) => describeError(error)) : "no re-check";
        if (why !== undefined)
          return [...failures, `did not approve the waiting deploy jobs: ${why} (the next event decides)`];
        confirmed = true;
      }
      try {
        await gateway.reviewDeploymentProtectionRule(run.runId, { environment, ...answer });
      } catch (error) {
        failures.push(
          `could not answer the ${environment} deployment of workflow run ${run.runId}: ${describeError(error)}`,
        );
      }
    }
  }
  return failures;
}
