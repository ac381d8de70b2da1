// After every reconcile: the deploy jobs already waiting on the decided commit get the new answer,
// so a review unblocks (or rejects) them without waiting for GitHub to ask again. Only a final
// answer is sent: a status report ("still waiting") already went out when GitHub first asked, and
// repeating it on every event would write on every delivery even when nothing changed.
import type { Config } from "../core/config/types.js";
import type { DecisionResult } from "../core/policy/types.js";
import { describeError } from "../github/errors.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { TrainingRunJudge } from "../github/candidate/evidence.js";
import type { WorkflowRunFacts } from "../github/gateway.js";
import type { ApprovalCheck } from "./recheck.js";
import { deployAnswer, deployEnvironments, isGatedEnvironment } from "./deploy-answer.js";
import type { LedgerDeploy } from "../core/ledger/entry.js";

export interface GateOptions {
  /** Required to approve: without it an approval is not sent. */
  confirm?: ApprovalCheck;
  /** Why a waiting run may not be released by this decision (another model, workflow or PR), or undefined. */
  releasable?: TrainingRunJudge;
  /** Records a final answer before it is sent; a string says why it could not. */
  record?: (deploy: LedgerDeploy, summary: string) => Promise<string | undefined>;
  /** The commit's workflow runs as this event read them: the waiting ones need not be listed again. */
  listed?: readonly WorkflowRunFacts[];
}

export async function gateWaitingDeployments(
  gateway: Pick<
    GitHubGateway,
    "waitingDeploymentsForSha" | "reviewDeploymentProtectionRule" | "appGuardsEnvironment"
  >,
  config: Config,
  result: DecisionResult,
  commit: string,
  { confirm, releasable, record, listed }: GateOptions = {},
): Promise<string[]> {
  const answer = deployAnswer(result, commit.slice(0, 7));
  if (answer.state === undefined) return [];
  const failures: string[] = [];
  let waiting: Awaited<ReturnType<GitHubGateway["waitingDeploymentsForSha"]>>;
  try {
    waiting = await gateway.waitingDeploymentsForSha(commit, listed);
  } catch (error) {
    return [`could not list the deploy jobs waiting on ${commit}: ${describeError(error)}`];
  }
  let confirmed = answer.state !== "approved";
  const gated = gatedEnvironments(gateway, config);
  for (const run of waiting) {
    // An approval releases only the run that recorded the approved model; a rejection may fail any.
    if (answer.state === "approved") {
      const why = releasable ? await releasable(run.run).catch((error) => describeError(error)) : "no check";
      if (why !== undefined) continue;
    }
    for (const environment of run.environments) {
      const ours = await gated(environment);
      if (ours === false) continue;
      if (ours !== true) {
        failures.push(`did not answer the ${environment} deployment of workflow run ${run.runId}: ${ours}`);
        continue;
      }
      if (!confirmed) {
        const why = confirm ? await confirm().catch((error) => describeError(error)) : "no re-check";
        if (why !== undefined)
          return [...failures, `did not approve the waiting deploy jobs: ${why} (the next event decides)`];
        confirmed = true;
      }
      const state = answer.state;
      const deploy = { environment, run: run.runId, attempt: run.run.attempt, answer: state };
      const unrecorded = await record?.(deploy, answer.comment);
      if (unrecorded) {
        failures.push(unrecorded);
        // Never a release without its record; a rejection still goes out (failing closed).
        if (state === "approved") continue;
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

/**
 * Whether a waiting environment is this config's to answer: named by a deploy step, or, without
 * one, any environment the App is enabled on (read once per environment). A string says why it
 * could not be told; then nothing is answered there (the next event retries).
 */
function gatedEnvironments(
  gateway: Pick<GitHubGateway, "appGuardsEnvironment">,
  config: Config,
): (environment: string) => Promise<boolean | string> {
  if (deployEnvironments(config).length > 0)
    return async (environment) => isGatedEnvironment(config, environment);
  const known = new Map<string, Promise<boolean | string>>();
  return (environment) => {
    const key = environment.toLowerCase();
    const cached = known.get(key);
    if (cached) return cached;
    const answer = gateway.appGuardsEnvironment(environment).catch((error: unknown) => describeError(error));
    known.set(key, answer);
    return answer;
  };
}
