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
  /** What was read already (prepareGate), so that nothing is read between the confirm and the answer. */
  prepared?: PreparedGate;
}

type GateGateway = Pick<
  GitHubGateway,
  "waitingDeploymentsForSha" | "reviewDeploymentProtectionRule" | "appGuardsEnvironment"
>;
type WaitingRun = Awaited<ReturnType<GitHubGateway["waitingDeploymentsForSha"]>>[number];

/** The deploy jobs waiting on a commit, with what says which of them an approval may answer. */
export interface PreparedGate {
  waiting: WaitingRun[];
  /** Why the waiting jobs could not be listed; then nothing is answered. */
  failure?: string;
  /** Why an approval may not release the run (read once a run), or undefined. */
  unreleasable: (run: WaitingRun) => Promise<string | undefined>;
  /** Whether an environment is this config's to answer (read once an environment), or why not told. */
  gated: (environment: string) => Promise<boolean | string>;
}

/** Everything an answer reads from GitHub, read before it (and before an approval's re-read). */
export async function prepareGate(
  gateway: GateGateway,
  config: Config,
  commit: string,
  { releasable, listed }: Pick<GateOptions, "releasable" | "listed"> = {},
): Promise<PreparedGate> {
  const judged = new Map<number, Promise<string | undefined>>();
  const unreleasable = (run: WaitingRun) => {
    let why = judged.get(run.runId);
    if (!why) {
      why = releasable
        ? releasable(run.run).catch((error) => describeError(error))
        : Promise.resolve("no check");
      judged.set(run.runId, why);
    }
    return why;
  };
  const gated = gatedEnvironments(gateway, config);
  try {
    return { waiting: await gateway.waitingDeploymentsForSha(commit, listed), unreleasable, gated };
  } catch (error) {
    const failure = `could not list the deploy jobs waiting on ${commit}: ${describeError(error)}`;
    return { waiting: [], failure, unreleasable, gated };
  }
}

/**
 * Whether an approval would release any waiting job: only then is it worth confirming first. Every
 * run and environment is judged here, so that answering them reads nothing more.
 */
export async function mayRelease(prepared: PreparedGate): Promise<boolean> {
  let any = false;
  for (const run of prepared.waiting) {
    if ((await prepared.unreleasable(run)) !== undefined) continue;
    for (const environment of run.environments) if ((await prepared.gated(environment)) === true) any = true;
  }
  return any;
}

export async function gateWaitingDeployments(
  gateway: GateGateway,
  config: Config,
  result: DecisionResult,
  commit: string,
  { confirm, releasable, record, listed, prepared }: GateOptions = {},
): Promise<string[]> {
  const answer = deployAnswer(result, commit.slice(0, 7));
  if (answer.state === undefined) return [];
  const gate = prepared ?? (await prepareGate(gateway, config, commit, { releasable, listed }));
  if (gate.failure) return [gate.failure];
  const failures: string[] = [];
  let confirmed = answer.state !== "approved";
  for (const run of gate.waiting) {
    // An approval releases only the run that recorded the approved model; a rejection may fail any.
    if (answer.state === "approved" && (await gate.unreleasable(run)) !== undefined) continue;
    for (const environment of run.environments) {
      const ours = await gate.gated(environment);
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
