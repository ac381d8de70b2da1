// The App's level-triggered core: for a PR, gather the candidate (everything re-read from GitHub),
// decide, and make GitHub show the decision, writing only what differs. Redelivered, duplicated or
// out-of-order events converge on the same state.
import type { Candidate } from "../core/candidate/types.js";
import type { Config } from "../core/config/types.js";
import { CONFIG_PATH } from "../core/names.js";
import type { DecisionResult } from "../core/policy/types.js";
import {
  collectCandidate,
  commitDecision,
  decisionFor,
  withNotes,
  type Collected,
  type EventBound,
} from "../github/candidate/index.js";
import type { GitHubGateway } from "../github/gateway.js";
import { executeWrites } from "../github/publish/execute.js";
import { APP_SURFACES, planPullRequest, planWrites } from "../github/publish/plan.js";
import type { PullRequest } from "../github/types.js";
import type { TrainingRunJudge } from "../github/candidate/evidence.js";
import { deployScopeNote } from "./deploy-answer.js";
import { gateWaitingDeployments } from "./gate-deployments.js";
import { approvalCheck, type ApprovalCheck } from "./recheck.js";
import { recordDecision, recordDeploy } from "./record.js";
import type { Ledger } from "../ledger/store.js";

export type AppGateway = Pick<
  GitHubGateway,
  | "repository"
  | "serverUrl"
  | "getFile"
  | "getFileText"
  | "getPullRequest"
  | "listReviews"
  | "changedFiles"
  | "branchContains"
  | "pusherOf"
  | "listTeamMembers"
  | "pullRequestsForCommit"
  | "pullRequestsFromHead"
  | "openPullRequests"
  | "workflowRunsForCommit"
  | "getWorkflowRun"
  | "runArtifacts"
  | "readArtifactFile"
  | "upsertCheckRun"
  | "upsertStickyComment"
  | "setStateLabel"
  | "requestReviewers"
  | "waitingDeploymentsForSha"
  | "appGuardsEnvironment"
  | "deploymentsTo"
  | "deploymentStatuses"
  | "findOwnCheckRun"
  | "reviewDeploymentProtectionRule"
  | "answerDeploymentCallback"
>;

/** What the App is given rather than reaching for: waits, the clock, the ledger. */
export interface AppServices {
  /** Waits between retries (stale reads, a decision check run that must land); tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock the ledger's records are stamped with. */
  now?: () => Date;
  /** Where every change of decision and every deploy answer is recorded; nothing is recorded without one. */
  ledger?: Ledger;
}

export interface ReconcileTarget {
  prNumber: number;
  /** What the event said; GitHub's answers must be at least that new. */
  event?: EventBound;
  /** Decide this commit rather than the PR's head (a deploy job's commit). */
  commit?: string;
  /** false when the caller answers the deploy job itself (deployment_protection_rule events). */
  gateDeployments?: boolean;
}

export type ReconcileOutcome =
  | { status: "skipped"; pr: number; why: string }
  | {
      status: "decided";
      pr: number;
      /** The commit decided about. */
      commit: string;
      result: DecisionResult;
      /** Undefined when the config is invalid or unreadable: then no environment is known to be gated. */
      config?: Config;
      candidate?: Candidate;
      /** Writes that failed; the next event retries them. */
      failures: string[];
      /** Set when approved: re-reads the PR, to call just before answering `approved`. */
      confirm?: ApprovalCheck;
      /** Which waiting runs this decision may release. */
      releasable?: TrainingRunJudge;
    };

function planContext(commit: string, pr: PullRequest) {
  return { commit, pr: planPullRequest(pr), owned: APP_SURFACES, measured: false };
}

/** Publishes: the PR's own decision on the PR, the commit's on the commit's check run. */
async function publish(
  gateway: AppGateway,
  collected: Exclude<Collected, { kind: "no-config" }>,
  own: DecisionResult,
  commitResult: DecisionResult,
  timing: AppServices,
): Promise<string[]> {
  const pr = collected.pullRequest;
  if (!pr) return [];
  const context = { ...planContext(collected.commit, pr), commitResult };
  const written = await executeWrites(gateway, planWrites(own, context), timing);
  return [
    ...written.failures,
    ...written.refused.map((what) => `could not write ${what}: permission denied`),
  ];
}

export async function reconcile(
  gateway: AppGateway,
  { prNumber, event, commit, gateDeployments = true }: ReconcileTarget,
  timing: AppServices = {},
): Promise<ReconcileOutcome> {
  const options = {
    configPath: CONFIG_PATH,
    // The App is the gate: what is live is only what it approved (SECURITY.md 15g).
    deployedReleasedByGate: true,
    ...(timing.sleep ? { sleep: timing.sleep } : {}),
  };
  const collected = await collectCandidate(
    gateway,
    { kind: "pull_request", number: prNumber, ...(commit ? { commit } : {}), ...(event ? { event } : {}) },
    options,
  );
  if (collected.kind === "no-config")
    return { status: "skipped", pr: prNumber, why: `no ${CONFIG_PATH} on ${collected.where}` };
  // A closed PR is still decided (a deploy job of it must be answered), but nothing is written on it.
  const closed = collected.pullRequest?.state !== "open";
  const own = withDeployScope(decisionFor(collected), collected);
  // The commit's check run and deploy jobs carry the decision of every open PR on it.
  const result = closed ? own : await commitDecision(gateway, own, prNumber, collected.commit, options);
  const failures = closed ? [] : await publish(gateway, collected, own, result, timing);
  const subject = { repository: gateway.repository, commit: collected.commit };
  const unrecorded = await recordDecision(timing, own, subject);
  if (unrecorded) failures.push(unrecorded);
  const candidate = collected.kind === "candidate" ? collected.candidate : undefined;
  const releasable = collected.kind === "candidate" ? collected.releasable : undefined;
  const config = candidate?.config.config;
  const confirm = result.decision === "approved" && candidate ? approvalCheck(gateway, candidate) : undefined;
  // A closed PR's head may be deployed from the default branch after a merge: not this PR's to answer.
  // No deploy job is released on a decision the ledger could not record; a rejection still goes (record.ts).
  const releaseBlocked = unrecorded !== undefined && result.decision === "approved";
  if (config && gateDeployments && !closed && !releaseBlocked)
    failures.push(
      ...(await gateWaitingDeployments(gateway, config, result, collected.commit, {
        ...(confirm ? { confirm } : {}),
        ...(releasable ? { releasable } : {}),
        record: (deploy, summary) => recordDeploy(timing, result, deploy, { ...subject, summary }),
      })),
    );
  return {
    status: "decided",
    pr: prNumber,
    commit: collected.commit,
    result,
    ...(config ? { config } : {}),
    ...(candidate ? { candidate } : {}),
    failures,
    ...(confirm ? { confirm } : {}),
    ...(releasable ? { releasable } : {}),
  };
}

/** The App's report says which environments it answers when no deploy step names them. */
function withDeployScope(result: DecisionResult, collected: Exclude<Collected, { kind: "no-config" }>) {
  const note =
    collected.kind === "candidate" ? deployScopeNote(collected.candidate.config.config) : undefined;
  return note ? withNotes(result, [note]) : result;
}
