// The App's level-triggered core: for a PR, gather the candidate (everything re-read from GitHub),
// decide, and make GitHub show the decision, writing only what differs. Redelivered, duplicated or
// out-of-order events converge on the same state.
import type { Candidate } from "../core/candidate/types.js";
import type { Config } from "../core/config/types.js";
import { CONFIG_PATH } from "../core/names.js";
import type { DecisionResult } from "../core/policy/types.js";
import {
  collectCandidate,
  commitDecisionReading,
  decisionFor,
  withNotes,
  type Collected,
  type EventBound,
} from "../github/candidate/index.js";
import type { GitHubGateway } from "../github/gateway.js";
import { executeWrites } from "../github/publish/execute.js";
import { APP_SURFACES, planPullRequest, planWrites, unreadPullRequest } from "../github/publish/plan.js";
import type { PullRequest } from "../github/types.js";
import type { TrainingRunJudge } from "../github/candidate/evidence.js";
import { deployScopeNote } from "./deploy-answer.js";
import { gateWaitingDeployments, mayRelease, prepareGate } from "./gate-deployments.js";
import { approvalCheck, type ApprovalCheck } from "./recheck.js";
import { recordDecision, recordDeploy } from "./record.js";
import type { LedgerRecord } from "../core/ledger/chain.js";
import { failureResult } from "../core/policy/index.js";
import type { Ledger } from "../ledger/store.js";
import type { Notifier } from "./notifier.js";
import { describeError } from "../github/errors.js";
import type { OverrideClaim } from "../core/candidate/types.js";

export type AppGateway = Pick<
  GitHubGateway,
  | "repository"
  | "repositoryId"
  | "serverUrl"
  | "getFile"
  | "getFileText"
  | "pullRequestWithReviews"
  | "keepsOpenHeads"
  | "changedFiles"
  | "branchContains"
  | "pushOf"
  | "listComments"
  | "postComment"
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
  | "commitAt"
  | "compareCommits"
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
  /** Where what went wrong is told in full (the App's log); what GitHub shows says less. */
  warn?: (line: string) => void;
  /** How long one ledger write may take before it counts as failed (record.ts). */
  ledgerDeadlineMs?: number;
  /** The App's page of a PR's decision (the check run links it); none: no link. */
  detailsUrl?: (repository: string, pr: number) => string;
  /** Announces new records to the config's destinations; none: nothing is announced. */
  notifier?: Notifier;
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
  const detailsUrl = timing.detailsUrl?.(gateway.repository, pr.number);
  const context = {
    ...planContext(collected.commit, pr),
    commitResult,
    ...(detailsUrl ? { detailsUrl } : {}),
  };
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
    now: timing.now ?? (() => new Date()),
    recordedOverrides: (pr: number) => recordedOverrides(timing, gateway.repositoryId, pr),
  };
  const collected = await collectCandidate(
    gateway,
    { kind: "pull_request", number: prNumber, ...(commit ? { commit } : {}), ...(event ? { event } : {}) },
    options,
  );
  if (collected.kind === "no-config")
    return { status: "skipped", pr: prNumber, why: `no ${CONFIG_PATH} on ${collected.where}` };
  // Without the PR there is nothing to label or comment on, and nothing to record; but the commit's
  // decision check run is taken back, so that a green one does not stay green while GitHub does not
  // answer. The next event reads again.
  if (collected.kind === "failed" && !collected.pullRequest) {
    const failed = decisionFor(collected);
    const written = await executeWrites(
      gateway,
      planWrites(failed, {
        commit: collected.commit,
        pr: unreadPullRequest(prNumber, collected.commit),
        owned: APP_SURFACES,
        measured: false,
      }),
      timing,
    );
    const unwritten = written.failures.length > 0 ? `; ${written.failures.join("; ")}` : "";
    return { status: "skipped", pr: prNumber, why: `${collected.failure.message}${unwritten}` };
  }
  // A closed PR is still decided (a deploy job of it must be answered), but nothing is written on it.
  const closed = collected.pullRequest?.state !== "open";
  const trusted = collected.kind === "candidate" && !collected.candidate.config.untrusted;
  const rules = trusted ? collected.candidate.config.config.notify : [];
  const detailsUrl = timing.detailsUrl?.(gateway.repository, prNumber);
  const subject = {
    repository: gateway.repository,
    ...(gateway.repositoryId === undefined ? {} : { repositoryId: gateway.repositoryId }),
    commit: collected.commit,
    // Only the trusted rules say whom to tell: a PR's own copy of the config announces nothing.
    ...(rules.length > 0
      ? {
          announce: {
            rules,
            links: {
              ...(detailsUrl ? { detailsUrl } : {}),
              ...(gateway.serverUrl ? { serverUrl: gateway.serverUrl } : {}),
            },
          },
        }
      : {}),
  };
  // Recorded before it is shown: an approval the ledger has no record of is shown as none (record.ts).
  const decided = withDeployScope(decisionFor(collected), collected);
  const recorded = await recordDecision(timing, decided, subject);
  const own = recorded.ok
    ? withRecordNote(decided, recorded.record)
    : unrecordedResult(decided, { ...subject, pr: prNumber });
  const candidate = collected.kind === "candidate" ? collected.candidate : undefined;
  const releasable = collected.kind === "candidate" ? collected.releasable : undefined;
  const config = candidate?.config.config;
  // A closed PR's head may be deployed from the default branch after a merge: not this PR's to answer.
  const gating = config !== undefined && gateDeployments && !closed;
  // An approval that may release a deploy job is confirmed by reading the PR again just before it
  // is answered: what the answer reads (the waiting jobs, which of them the approval may release)
  // is read first, so nothing is read between that re-read and the answer. The re-read brings the
  // open PRs' heads, which say whether the approval is the commit's (one request for both).
  const prepared =
    gating && own.decision === "approved" && candidate?.pr
      ? await prepareGate(gateway, config, collected.commit, {
          ...(releasable ? { releasable } : {}),
          ...(collected.kind === "candidate" ? { listed: collected.runs } : {}),
        })
      : undefined;
  const reread =
    prepared && (await mayRelease(prepared))
      ? gateway.pullRequestWithReviews(prNumber, { openHeads: true })
      : undefined;
  // Its open PRs' heads are what commitDecision reads (a failed re-read leaves them to their own read).
  const rereadFailed = reread
    ? await reread.then(
        () => false,
        () => true,
      )
    : false;
  const headsKept = gateway.keepsOpenHeads();
  // The commit's check run and deploy jobs carry the decision of every open PR on it.
  const { result, siblingsRead } = closed
    ? { result: own, siblingsRead: false }
    : await commitDecisionReading(gateway, own, prNumber, collected.commit, options);
  const failures: string[] = [];
  // Deploy jobs are answered first, while the re-read is fresh; then the PR's surfaces are written.
  if (gating) {
    // GitHub was read after the re-read (the open PRs past its page, or the other PRs on the
    // commit): that took time, and the approval is confirmed by a read of its own.
    // A re-read that failed stays the answer: nothing is released on this event.
    const readSince = !rereadFailed && (siblingsRead || !headsKept);
    const confirm =
      result.decision === "approved" && candidate
        ? approvalCheck(gateway, candidate, readSince ? undefined : reread)
        : undefined;
    failures.push(
      ...(await gateWaitingDeployments(gateway, config, result, collected.commit, {
        ...(confirm ? { confirm } : {}),
        ...(releasable ? { releasable } : {}),
        ...(collected.kind === "candidate" ? { listed: collected.runs } : {}),
        ...(prepared ? { prepared } : {}),
        record: (deploy, summary) => recordDeploy(timing, result, deploy, { ...subject, summary }),
      })),
    );
  }
  if (!closed) failures.unshift(...(await publish(gateway, collected, own, result, timing)));
  if (!recorded.ok) failures.push(recorded.why);
  // Whoever answers a deploy job later confirms with a read of their own.
  const confirm = result.decision === "approved" && candidate ? approvalCheck(gateway, candidate) : undefined;
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

/**
 * The overrides the ledger recorded for a PR: what was said stands even if its comment is edited or
 * deleted. The policy still judges each against the candidate and the current rules.
 */
async function recordedOverrides(
  services: AppServices,
  repositoryId: number | undefined,
  pr: number,
): Promise<OverrideClaim[]> {
  if (!services.ledger || repositoryId === undefined) return [];
  // A ledger that does not answer keeps no override: the comments alone are read (fail closed).
  const records = await services.ledger.history({ repositoryId, pr, limit: 100 }).catch((error: unknown) => {
    services.warn?.(
      `model-approval: could not read the recorded overrides of #${pr}: ${describeError(error)}`,
    );
    return [];
  });
  return records.flatMap((record): OverrideClaim[] => {
    const { override, candidate } = record.entry;
    if (!override || record.entry.kind !== "decision") return [];
    return [
      {
        by: override.by,
        reason: override.reason,
        at: override.at,
        source: { kind: "record", id: record.sequence },
        said: override.said ?? (override.source.kind === "review" ? "review" : "comment"),
        commit: candidate.commit,
        ...(candidate.model?.key ? { model: candidate.model.key } : {}),
      },
    ];
  });
}

/** The report names its ledger record, so GitHub (the App's own check run) holds the hash too. */
function withRecordNote(result: DecisionResult, record: LedgerRecord | undefined): DecisionResult {
  if (!record) return result;
  const note = `recorded in the ledger as record ${record.sequence} of ${record.entry.repository} (sha256 ${record.hash})`;
  return withNotes(result, [note]);
}

/**
 * An approval that could not be recorded is not shown or released; anything else is, saying so.
 * What GitHub shows does not say why (a database's error may name its host): the App's log does.
 */
function unrecordedResult(
  result: DecisionResult,
  subject: { repository: string; commit: string; pr: number },
) {
  const said = "the decision could not be recorded in the ledger (the App's log says why)";
  if (result.decision !== "approved") return withNotes(result, [`${said}: the next event retries`]);
  return failureResult({ code: "unrecorded", message: `${said}; the next event retries` }, subject);
}

/** The App's report says which environments it answers when no deploy step names them. */
function withDeployScope(result: DecisionResult, collected: Exclude<Collected, { kind: "no-config" }>) {
  const note =
    collected.kind === "candidate" ? deployScopeNote(collected.candidate.config.config) : undefined;
  return note ? withNotes(result, [note]) : result;
}
