// The one place a candidate is gathered, for the Action, the App (reconcile and deploy answers) and
// the CLI (through file-backed ports). Every piece records where it came from. One rule says which
// config is trusted: the default branch's, always; a PR's own copy only ever previews.
import type {
  Candidate,
  CandidateConfig,
  CandidatePullRequest,
  OverrideClaim,
  Measurements,
} from "../../core/candidate/types.js";
import { overrideClaimsInComments, overrideClaimInReview } from "../../core/candidate/commands.js";
import { parsedConfig } from "./parsed-config.js";
import type { Config } from "../../core/config/types.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import { describeError, failureOf, GateError, type Failure } from "../../core/failure.js";
import { shortSha } from "../../core/policy/reviews.js";
import type { Review } from "../../core/policy/types.js";
import type { GitHubGateway } from "../gateway.js";
import { isForbidden, isNotFound, reading } from "../errors.js";
import { ReviewsUnread } from "../graphql/pull-request.js";
import type { PullRequest } from "../types.js";
import type { WorkflowRunFacts } from "../gateway.js";
import { allFinished, started } from "../started.js";
import {
  gatherEvidence,
  listRuns,
  releasableRun,
  type EvidencePorts,
  type EvidenceSubject,
  type Measuring,
  type TrainingRunJudge,
} from "./evidence.js";
import { deployedBaselines, deployedNotes } from "./deployed.js";

export type CandidatePorts = LocalDescription &
  EvidencePorts &
  // Only a push event's bound on the default branch needs these; without them such a bound fails.
  Partial<Pick<GitHubGateway, "commitAt" | "compareCommits">> &
  Pick<
    GitHubGateway,
    | "repository"
    | "pullRequestWithReviews"
    | "changedFiles"
    | "branchContains"
    | "pushOf"
    | "listComments"
    | "listTeamMembers"
    | "pullRequestsForCommit"
    | "deploymentsTo"
    | "findOwnCheckRun"
    | "deploymentStatuses"
  >;

export interface LocalDescription {
  /** Where ports read the config from, when it is not a branch of a GitHub repository (the CLI's file). */
  configWhere?: string;
  /** The GitHub server's web address, for links in reports; none for local files. */
  serverUrl?: string;
}

/** What an event says happened; GitHub's answers must be at least this new. */
export interface EventBound {
  /** The PR's head sha as the event saw it. */
  headSha?: string;
  /**
   * The PR's head in an event that does not bound the read by it (a review's): only where the
   * failed decision is written when GitHub does not answer the read of the PR.
   */
  seenHead?: string;
  /** The PR's updated_at as the event saw it. */
  updatedAt?: string;
  /** The PR's head branch as the event names it: the PR's read brings the PRs from it along. */
  headRef?: string;
  /**
   * The default branch's new tip, from a push to it: the rules are read at that commit or one
   * after it, never from an answer that predates the push (GitHub may answer from behind it).
   */
  defaultBranchAtLeast?: string;
  /** The review the event is about. */
  review?: {
    id: number;
    dismissed: boolean;
    /**
     * What it said when it was submitted (a `pull_request_review.submitted` event's body): the only
     * review text trusted as a command, since the REST API does not say whether a review was edited.
     */
    submittedBody?: string;
  };
}

export type Subject =
  | {
      kind: "pull_request";
      number: number;
      /** Decide this commit (an Action run's, a deploy job's), not the PR's current head. */
      commit?: string;
      event?: EventBound;
    }
  /** A commit outside any PR, e.g. a push to the default branch. */
  | { kind: "commit"; sha: string; defaultBranch: string };

export interface CollectOptions {
  /** Where the rules live; the App always reads CONFIG_PATH. */
  configPath: string;
  /** The Action's own measurements, used only if GitHub describes its run as the training run. */
  measuring?: (config: Config, context: MeasureContext) => Measuring;
  /** Waits between re-reads of a stale answer (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Why a listed team whose membership GitHub refuses to show cannot approve, and what to do, in the
   * adapter's words (the Action's token cannot read teams); without it, GitHub's error says why.
   */
  unreadableTeam?: string;
  /**
   * Why what is deployed is not read (the CLI, given the live model's metrics as files): a deployed
   * baseline's change checks then compare with those files, or fail saying this.
   */
  deploymentsUnread?: string;
  /** The App's rule for a deployed baseline: only a deployment of a commit it approved counts. */
  deployedReleasedByGate?: boolean;
  /** The adapter's clock, for approval timeouts; without it no timeout is judged. */
  now?: () => Date;
  /** Overrides the App's ledger keeps for a PR, so a deleted or edited comment changes nothing. */
  recordedOverrides?: (pr: number) => Promise<OverrideClaim[]>;
}

export interface MeasureContext {
  /** The PR's base commit, where `ref: base` baselines are read. */
  baseSha?: string;
  /** The PR's base branch, which that commit is the head of. */
  baseRef?: string;
}

export type Collected =
  | {
      kind: "candidate";
      repository: string;
      commit: string;
      candidate: Candidate;
      /** The PR as read (labels, requested reviewers, draft), for publishing. */
      pullRequest?: PullRequest;
      /** Set when this run's own measurements are the evidence: they are to be recorded. */
      measured?: Measurements;
      /** Why a deploy job waiting in `run` may not be released by this decision, or undefined. */
      releasable: TrainingRunJudge;
      /** The commit's workflow runs as GitHub listed them for the evidence: which deploy jobs wait. */
      runs: WorkflowRunFacts[];
      warnings: string[];
    }
  | {
      kind: "no-config";
      repository: string;
      commit: string;
      pullRequest?: PullRequest;
      where: string;
      warnings: string[];
    }
  | {
      kind: "invalid-config";
      repository: string;
      commit: string;
      pullRequest?: PullRequest;
      diagnostics: Diagnostic[];
      warnings: string[];
    }
  /** A read failed after the subject was known: the decision is an error, never an approval. */
  | {
      kind: "failed";
      repository: string;
      commit: string;
      pullRequest?: PullRequest;
      failure: Failure;
      warnings: string[];
    };

/** Reads of an answer older than the event are retried this many times, then the decision fails closed. */
const STALE_RETRIES = 3;
const STALE_BACKOFF_MS = [250, 1000, 2000];

const defaultSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function instant(time: string | undefined): number {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

interface PullRequestRead {
  pullRequest: PullRequest;
  reviews: Review[];
  /** Set when the reviews never caught up with the event: the decision fails, on this PR. */
  staleReviews?: GateError;
}

/**
 * The PR and its reviews, read together and again until both are at least as new as the event. A
 * head the event names but the read lacks is stale unless the PR was updated since the event: that
 * throws, since the PR itself is unknown. The review the event reports must be listed (dismissed,
 * if it was dismissed): if it never is, the decision fails on the PR as read.
 */
async function readPullRequest(
  ports: CandidatePorts,
  number: number,
  event: EventBound | undefined,
  sleep: CollectOptions["sleep"] & {},
  /** The config's path: the query brings the default branch's copy along for the read after it. */
  configPath: string,
): Promise<PullRequestRead> {
  const what = `pull request #${number} and its reviews`;
  const wanted = event?.review;
  const staleness = ({ pullRequest: pr, reviews }: PullRequestRead): "head" | "reviews" | undefined => {
    if (event?.headSha && pr.headSha !== event.headSha && instant(pr.updatedAt) <= instant(event.updatedAt))
      return "head";
    if (!wanted) return undefined;
    const found = reviews.find((r) => r.id === wanted.id);
    return found !== undefined && (!wanted.dismissed || found.state === "DISMISSED") ? undefined : "reviews";
  };
  const query = () =>
    ports.pullRequestWithReviews(number, {
      file: configPath,
      ...(event?.headRef ? { headRef: event.headRef } : {}),
    });
  let read: PullRequestRead = await reading(what, query);
  for (let attempt = 0; ; attempt++) {
    const stale = staleness(read);
    if (!stale) return read;
    if (attempt >= STALE_RETRIES) {
      const error = new GateError(
        "stale_read",
        `GitHub's answer for ${stale === "head" ? `pull request #${number}` : `the reviews of #${number}`} is older than the event being handled; the next event decides`,
      );
      if (stale === "head") throw error;
      return { ...read, staleReviews: error };
    }
    await sleep(STALE_BACKOFF_MS[attempt] ?? 2000);
    read = await reading(what, query);
  }
}

interface TrustedConfig {
  text: string;
  ref: string;
  blobSha?: string;
  where: string;
  untrusted?: string;
}

/**
 * The default branch's config decides, whatever the PR's base: anyone who can push a branch could
 * otherwise create a base with looser rules. Without one, a PR's own copy previews what it would
 * decide, but can never approve.
 */
async function readConfig(
  ports: CandidatePorts,
  path: string,
  defaultBranch: string,
  preview: { commit: string } | undefined,
  atLeast?: { commit: string; sleep: (ms: number) => Promise<void> },
): Promise<TrustedConfig | null> {
  if (defaultBranch) {
    const ref = `refs/heads/${defaultBranch}`;
    // Bound by a push: read at a tip known to hold the pushed commit, not at whatever the ref names.
    const at = atLeast ? await tipAtLeast(ports, defaultBranch, atLeast.commit, atLeast.sleep) : ref;
    const file = await reading(`${path} on the default branch ${defaultBranch}`, () =>
      ports.getFile(path, at),
    );
    if (file)
      return {
        text: file.text,
        ref,
        where: ports.configWhere ?? `the default branch ${defaultBranch}`,
        ...(file.blobSha ? { blobSha: file.blobSha } : {}),
      };
  }
  if (!preview) return null;
  const file = await reading(`${path} at ${shortSha(preview.commit)}`, () =>
    ports.getFile(path, preview.commit),
  );
  if (!file) return null;
  const why = defaultBranch
    ? `the config comes from this pull request (the default branch ${defaultBranch} has none); it applies once merged`
    : `GitHub did not say which branch is the default, so only the pull request's own ${path} was found; it cannot be trusted`;
  return {
    text: file.text,
    ref: preview.commit,
    where: "the pull request's own copy",
    untrusted: why,
    ...(file.blobSha ? { blobSha: file.blobSha } : {}),
  };
}

/**
 * The default branch's tip once it is `pushed` or a commit after it. GitHub may answer from behind
 * a push it has just reported; the tip is read again a few times, then the decision is an error and
 * the next event decides.
 */
export async function tipAtLeast(
  ports: Partial<Pick<GitHubGateway, "commitAt" | "compareCommits">>,
  branch: string,
  pushed: string,
  sleep: (ms: number) => Promise<void>,
): Promise<string> {
  const { commitAt, compareCommits } = ports;
  if (!commitAt || !compareCommits)
    throw new GateError("read_failed", `cannot tell whether ${branch} has reached ${shortSha(pushed)} here`);
  for (let attempt = 0; ; attempt++) {
    const tip = await reading(`the tip of ${branch}`, () => commitAt(`refs/heads/${branch}`));
    if (tip === pushed) return tip;
    if (tip) {
      const { status } = await reading(`whether ${branch} has reached ${shortSha(pushed)}`, () =>
        compareCommits(pushed, tip),
      );
      if (status === "ahead") return tip;
    }
    if (attempt >= STALE_RETRIES)
      throw new GateError(
        "stale_read",
        `GitHub's ${branch} has not reached the pushed ${shortSha(pushed)} yet, so the rules it holds may be older than the push; the next event decides`,
      );
    await sleep(STALE_BACKOFF_MS[attempt] ?? 2000);
  }
}

function candidateConfig(config: Config, path: string, source: TrustedConfig): CandidateConfig {
  return {
    config,
    origin: {
      path,
      ref: source.ref,
      where: source.where,
      ...(source.blobSha ? { blobSha: source.blobSha } : {}),
    },
    ...(source.untrusted ? { untrusted: source.untrusted } : {}),
  };
}

interface Teams {
  teamMembers: Record<string, string[]>;
  unreadableTeams?: Record<string, string>;
}

/** Members of the listed teams only; no team listed costs no API call. */
async function readTeams(ports: CandidatePorts, config: Config, options: CollectOptions): Promise<Teams> {
  const teams = [
    ...new Set(
      config.steps.flatMap((step) =>
        step.type === "approval"
          ? [...step.teams, ...step.overrideBy.teams, ...(step.timeout?.escalateTo.teams ?? [])]
          : [],
      ),
    ),
  ];
  const unreadable: Record<string, string> = {};
  const entries = await Promise.all(
    teams.map(async (team): Promise<[string, string[]]> => {
      const [org = "", slug = ""] = team.split("/");
      try {
        return [team, await ports.listTeamMembers(org, slug)];
      } catch (error) {
        // A team we cannot see has no members: that only ever withholds an approval.
        if (!isNotFound(error) && !isForbidden(error)) throw error;
        unreadable[team] =
          options.unreadableTeam ??
          `its membership could not be read (${describeError(error)}), so its members' reviews do not count`;
        return [team, []];
      }
    }),
  );
  return {
    teamMembers: Object.fromEntries(entries),
    ...(Object.keys(unreadable).length > 0 ? { unreadableTeams: unreadable } : {}),
  };
}

/**
 * An override said in the review the event reports as just submitted: its text from the event, its
 * author, commit and time from the review as GitHub lists it now (a dismissed one says nothing).
 */
function overrideClaimsInSubmittedReview(
  reviews: Review[],
  submitted: EventBound["review"],
): OverrideClaim[] {
  if (!submitted?.submittedBody) return [];
  const review = reviews.find((r) => r.id === submitted.id);
  if (!review || review.state === "DISMISSED" || review.state === "PENDING") return [];
  const claim = overrideClaimInReview({ ...review, body: submitted.submittedBody });
  return claim ? [claim] : [];
}

async function collectForPullRequest(
  ports: CandidatePorts,
  subject: Extract<Subject, { kind: "pull_request" }>,
  options: CollectOptions,
): Promise<Collected> {
  const sleep = options.sleep ?? defaultSleep;
  const warnings: string[] = [];
  const repository = ports.repository;
  let read: PullRequestRead;
  try {
    read = await readPullRequest(ports, subject.number, subject.event, sleep, options.configPath);
  } catch (error) {
    // The PR was read but not all its reviews: the decision fails on the PR as read.
    const partial = error instanceof ReviewsUnread ? error : (error as { cause?: unknown }).cause;
    if (partial instanceof ReviewsUnread)
      return {
        kind: "failed",
        repository,
        commit: subject.commit ?? partial.pullRequest.headSha,
        pullRequest: partial.pullRequest,
        failure: failureOf(error),
        warnings,
      };
    // Without the PR there is nothing to label or comment on, but a commit the subject or the event
    // names still gets its failed decision, so a check run green from an earlier event does not stay so.
    const known = subject.commit ?? subject.event?.headSha ?? subject.event?.seenHead;
    if (!known || (error instanceof GateError && error.code === "stale_read")) throw error;
    return { kind: "failed", repository, commit: known, failure: failureOf(error), warnings };
  }
  const { pullRequest: pr, reviews } = read;
  const commit = subject.commit ?? pr.headSha;
  if (read.staleReviews)
    return {
      kind: "failed",
      repository,
      commit,
      pullRequest: pr,
      failure: failureOf(read.staleReviews),
      warnings,
    };
  try {
    return await collectAround(ports, subject, options, pr, reviews, commit, warnings);
  } catch (error) {
    return { kind: "failed", repository, commit, pullRequest: pr, failure: failureOf(error), warnings };
  }
}

async function collectAround(
  ports: CandidatePorts,
  subject: Extract<Subject, { kind: "pull_request" }>,
  options: CollectOptions,
  pr: PullRequest,
  reviews: Review[],
  commit: string,
  warnings: string[],
): Promise<Collected> {
  const repository = ports.repository;
  const pushed = subject.event?.defaultBranchAtLeast;
  const found = await readConfig(
    ports,
    options.configPath,
    pr.defaultBranch,
    { commit },
    pushed ? { commit: pushed, sleep: options.sleep ?? defaultSleep } : undefined,
  );
  // A pull_request run builds the PR merged into its base, with the base's workflows and code: a
  // base other than the default branch may differ from it in anything, unseen by a diff against it.
  const otherBase =
    pr.defaultBranch && pr.baseRef !== pr.defaultBranch
      ? `this pull request targets ${pr.baseRef}, not the default branch ${pr.defaultBranch}: its runs build ${pr.baseRef}'s workflows and code, which whoever can push ${pr.baseRef} may have changed, so ${options.configPath} on ${pr.defaultBranch} decides what it would need, and nothing on it is approved`
      : undefined;
  const source = found && otherBase && !found.untrusted ? { ...found, untrusted: otherBase } : found;
  if (!source)
    return {
      kind: "no-config",
      repository,
      commit,
      pullRequest: pr,
      where: pr.defaultBranch || pr.baseRef,
      warnings,
    };
  if (source.untrusted) warnings.push(source.untrusted);
  const fromFork =
    pr.headRepoFullName === null || pr.headRepoFullName.toLowerCase() !== repository.toLowerCase();
  // What every decision reads, whatever the rules say, goes out before they are parsed: GitHub
  // answers while the YAML is read. Only an invalid config leaves the answers unused.
  const early = {
    files: started(
      reading(`the files changed by ${shortSha(commit)}`, () => ports.changedFiles(pr.baseSha, commit)),
    ),
    // A fork's pushes are not in this repository's activity: its author is the one who pushes.
    push: fromFork
      ? Promise.resolve(undefined)
      : started(reading(`who pushed ${shortSha(commit)}`, () => ports.pushOf(pr.headRef, commit))),
    runs: started(listRuns(ports, commit)),
  };
  // Kept only as read from the default branch: a PR's own copy is its author's text.
  const parsed = parsedConfig(source.text, options.configPath, !found?.untrusted);
  if (!parsed.ok) {
    await Promise.allSettled(Object.values(early));
    return {
      kind: "invalid-config",
      repository,
      commit,
      pullRequest: pr,
      diagnostics: parsed.diagnostics,
      warnings,
    };
  }
  const config = parsed.config;

  const overridable = config.steps.some(
    (s) => s.type === "approval" && s.overrideBy.users.length + s.overrideBy.teams.length > 0,
  );
  const evidenceSubject: EvidenceSubject = {
    kind: "pull_request",
    repository,
    commit,
    number: pr.number,
    headRef: pr.headRef,
    headRepository: pr.headRepoFullName,
    defaultBranch: pr.defaultBranch,
  };
  const measuring = options.measuring?.(config, { baseSha: pr.baseSha, baseRef: pr.baseRef });
  // None of these waits on another: they go out together, so the event waits for the longest of
  // them rather than for each in turn (and, when one fails, for the rest to finish).
  const [files, push, teams, comments, recorded, gathered, live] = await allFinished([
    early.files,
    early.push,
    readTeams(ports, config, options),
    // Overrides are read only where the rules allow them: no override_by costs no API call.
    overridable
      ? reading(`the comments on #${pr.number}`, () => ports.listComments(pr.number))
      : Promise.resolve([]),
    overridable && options.recordedOverrides ? options.recordedOverrides(pr.number) : Promise.resolve([]),
    gatherEvidence(ports, evidenceSubject, config, reviews, measuring, early.runs),
    deployedBaselines(ports, config, pr.defaultBranch, options.deploymentsUnread, {
      releasedByGate: options.deployedReleasedByGate === true,
    }),
  ]);
  const pusher = push?.pusher;
  const overrides = overridable
    ? [
        ...overrideClaimsInComments(comments),
        ...overrideClaimsInSubmittedReview(reviews, subject.event?.review),
        ...recorded,
      ]
    : [];
  warnings.push(...gathered.warnings, ...deployedNotes(config, live));
  const candidatePr: CandidatePullRequest = {
    number: pr.number,
    author: pr.author,
    state: pr.state,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    baseSha: pr.baseSha,
    ...(pusher ? { pusher } : {}),
    ...(push?.at ? { pushedAt: push.at } : {}),
    changedFiles: files,
    reviews,
  };
  return {
    kind: "candidate",
    repository,
    commit,
    candidate: {
      repository,
      commit,
      pr: candidatePr,
      ...teams,
      ...(ports.serverUrl ? { serverUrl: ports.serverUrl } : {}),
      config: candidateConfig(config, options.configPath, source),
      evidence: gathered.evidence,
      ...(live ? { deployedBaselines: live } : {}),
      ...(options.now ? { decidedAt: options.now().toISOString() } : {}),
      ...(overrides.length > 0 ? { overrides } : {}),
    },
    pullRequest: pr,
    ...(gathered.measured ? { measured: gathered.measured } : {}),
    releasable: releasableRun(ports, evidenceSubject, config, gathered),
    runs: gathered.runs,
    warnings,
  };
}

async function collectForCommit(
  ports: CandidatePorts,
  subject: Extract<Subject, { kind: "commit" }>,
  options: CollectOptions,
): Promise<Collected> {
  const warnings: string[] = [];
  try {
    return await collectCommitCandidate(ports, subject, options, warnings);
  } catch (error) {
    return {
      kind: "failed",
      repository: ports.repository,
      commit: subject.sha,
      failure: failureOf(error),
      warnings,
    };
  }
}

async function collectCommitCandidate(
  ports: CandidatePorts,
  subject: Extract<Subject, { kind: "commit" }>,
  options: CollectOptions,
  warnings: string[],
): Promise<Collected> {
  const repository = ports.repository;
  const commit = subject.sha;
  const branch = subject.defaultBranch;
  // Outside a PR only the default branch's rules apply, never the pushed commit's own.
  const source = branch ? await readConfig(ports, options.configPath, branch, undefined) : null;
  if (!source)
    return { kind: "no-config", repository, commit, where: branch || "(unknown default branch)", warnings };
  // As for a PR, what is read whatever the rules say goes out before they are parsed.
  const early = {
    // "On the default branch" is a fact about the commit, not the spelling of a ref (a tag can be named main).
    contains: started(
      reading(`whether ${branch} contains ${shortSha(commit)}`, () => ports.branchContains(branch, commit)),
    ),
    runs: started(listRuns(ports, commit)),
  };
  const parsed = parsedConfig(source.text, options.configPath, !source.untrusted);
  if (!parsed.ok) {
    await Promise.allSettled(Object.values(early));
    return { kind: "invalid-config", repository, commit, diagnostics: parsed.diagnostics, warnings };
  }
  const config = parsed.config;
  const measuring = options.measuring?.(config, {});
  // None of these waits on another; when one fails, the rest still finish first.
  const [contains, teams, gathered, live] = await allFinished([
    early.contains,
    readTeams(ports, config, options),
    gatherEvidence(
      ports,
      { kind: "commit", repository, commit, defaultBranch: branch },
      config,
      [],
      measuring,
      early.runs,
    ),
    deployedBaselines(ports, config, branch, options.deploymentsUnread, {
      releasedByGate: options.deployedReleasedByGate === true,
    }),
  ]);
  warnings.push(...gathered.warnings, ...deployedNotes(config, live));
  const commitSubject: EvidenceSubject = { kind: "commit", repository, commit, defaultBranch: branch };
  return {
    kind: "candidate",
    repository,
    commit,
    releasable: releasableRun(ports, commitSubject, config, gathered),
    runs: gathered.runs,
    candidate: {
      repository,
      commit,
      defaultBranch: { name: branch, contains },
      ...teams,
      ...(ports.serverUrl ? { serverUrl: ports.serverUrl } : {}),
      config: candidateConfig(config, options.configPath, source),
      evidence: gathered.evidence,
      ...(live ? { deployedBaselines: live } : {}),
    },
    ...(gathered.measured ? { measured: gathered.measured } : {}),
    warnings,
  };
}

/**
 * Gathers the candidate for `subject`. A failed read of the PR itself throws (there is nothing to
 * publish on); any later failure comes back as `failed`, with what was known.
 */
export function collectCandidate(
  ports: CandidatePorts,
  subject: Subject,
  options: CollectOptions,
): Promise<Collected> {
  return subject.kind === "pull_request"
    ? collectForPullRequest(ports, subject, options)
    : collectForCommit(ports, subject, options);
}
