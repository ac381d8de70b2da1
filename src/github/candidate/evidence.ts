// Which training run's recording is the evidence for a candidate, and what recordings came before
// it on the same commit. Only runs GitHub itself describes as a run of a trusted workflow file, for
// this commit and this pull request (or, outside a PR, a push to the default branch), count; an
// artifact counts only when GitHub says that run uploaded it. What a snapshot says about itself is
// checked against those facts, never believed on its own.
import type { Config } from "../../core/config/types.js";
import type { Evidence, Measurements, Recording, WorkflowRunRef } from "../../core/candidate/types.js";
import { decodeSnapshot, type Snapshot } from "../../core/candidate/snapshot.js";
import { modelKey } from "../../core/candidate/model-key.js";
import { workflowUsesAction } from "../../core/candidate/uses-action.js";
import { SNAPSHOT_FILE, snapshotArtifactAttempt } from "../../core/names.js";
import { shortSha } from "../../core/policy/reviews.js";
import type { Review } from "../../core/policy/types.js";
import type { ArtifactFacts, GitHubGateway, HeadPullRequest, WorkflowRunFacts } from "../gateway.js";
import { reading } from "../errors.js";
import { inTurns } from "../in-turns.js";
import { started } from "../started.js";

export type EvidencePorts = Pick<
  GitHubGateway,
  "getFile" | "workflowRunsForCommit" | "runArtifacts" | "readArtifactFile" | "pullRequestsFromHead"
>;

/** What the evidence must be about. */
export type EvidenceSubject =
  | {
      kind: "pull_request";
      repository: string;
      commit: string;
      number: number;
      headRef: string;
      /** The repository the PR's head lives in (a fork's full name, or this repository's). */
      headRepository: string | null;
      defaultBranch: string;
    }
  | { kind: "commit"; repository: string; commit: string; defaultBranch: string };

/** A run outside a PR that may record evidence for a commit on the default branch. */
const COMMIT_EVENTS = new Set(["push", "workflow_dispatch", "schedule"]);

/** Whether a run of this event can be a training run (of a PR, or of a commit on the default branch). */
export function isTrainingEvent(event: string): boolean {
  return event === "pull_request" || COMMIT_EVENTS.has(event);
}

/** A snapshot is a few kilobytes of metrics; a bigger artifact is not one. */
export const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;

/** Older runs looked at for the recordings votes may be bound to. */
const HISTORY_RUNS = 5;
/** Runs judged at once: each may read its workflow file, and a PR may have a hundred workflows. */
const JUDGED_AT_ONCE = 8;
/** Older recordings downloaded to learn which model a vote was cast on. */
const HISTORY_DOWNLOADS = 5;

export function runRef(
  run: Pick<WorkflowRunFacts, "id" | "attempt" | "workflow" | "event">,
  attempt = run.attempt,
): WorkflowRunRef {
  return { id: run.id, attempt, workflow: run.workflow, event: run.event };
}

/** Whether GitHub's description of `run` says it ran for the subject. */
export function runIsFor(run: WorkflowRunFacts, subject: EvidenceSubject): boolean {
  if (run.headSha !== subject.commit) return false;
  if (subject.kind === "commit")
    return (
      COMMIT_EVENTS.has(run.event) &&
      run.headBranch === subject.defaultBranch &&
      (run.headRepository === null || run.headRepository.toLowerCase() === subject.repository.toLowerCase())
    );
  if (run.event !== "pull_request") return false;
  if (run.pullRequests.includes(subject.number)) return true;
  // GitHub lists no pull requests on a run for a PR from a fork: match its head branch and repository.
  return (
    run.pullRequests.length === 0 &&
    run.headBranch === subject.headRef &&
    run.headRepository !== null &&
    subject.headRepository !== null &&
    run.headRepository.toLowerCase() === subject.headRepository.toLowerCase() &&
    run.headRepository.toLowerCase() !== subject.repository.toLowerCase()
  );
}

/**
 * Decides whether a workflow file may record evidence: the ones the config names, or by default a
 * file on the default branch whose steps use the model-approval Action (a workflow a PR adds
 * cannot speak for it, and neither can the repository's other workflows, whose jobs run the PR's
 * other code).
 */
export function workflowTrust(
  ports: Pick<EvidencePorts, "getFile">,
  config: Config,
  defaultBranch: string,
  /** false: any workflow on the default branch will do (a deploy job when no evidence is judged). */
  mustUseAction = true,
): (workflow: string) => Promise<boolean> {
  const named = config.evidence.workflows;
  const known = new Map<string, Promise<boolean>>();
  return (workflow) => {
    if (named.length > 0) return Promise.resolve(named.includes(workflow));
    if (!workflow.startsWith(".github/workflows/") || !defaultBranch) return Promise.resolve(false);
    let trusted = known.get(workflow);
    if (!trusted) {
      trusted = reading(`${workflow} on the default branch ${defaultBranch}`, () =>
        ports.getFile(workflow, `refs/heads/${defaultBranch}`),
      ).then((file) => file !== null && (!mustUseAction || workflowUsesAction(file.text)));
      known.set(workflow, trusted);
    }
    return trusted;
  };
}

/**
 * Why a run GitHub lists for the PR may have built something else, or undefined. A `pull_request`
 * run builds its PR's head merged into that PR's base, with the base's workflow file; GitHub lists
 * on a run every PR whose head matches, not the one that triggered it. So a run is the training
 * run of a PR into the default branch only if no PR from the run's head that was open when it
 * started targets another branch.
 */
function builtAgainstOtherBase(
  ports: Pick<EvidencePorts, "pullRequestsFromHead">,
  defaultBranch: string,
): {
  judge: (run: WorkflowRunFacts) => Promise<string | undefined>;
  /** The PRs from a head, read once however many runs (or guesses) ask. */
  fromHead: (owner: string, branch: string) => Promise<HeadPullRequest[]>;
} {
  const known = new Map<string, Promise<HeadPullRequest[]>>();
  const fromHead = (owner: string, branch: string) => {
    // Logins are case-insensitive on GitHub; git's branch names are not (`Feature` is not `feature`).
    const key = `${owner.toLowerCase()}:${branch}`;
    let prs = known.get(key);
    if (!prs) {
      prs = reading(`the pull requests from ${owner}:${branch}`, () =>
        ports.pullRequestsFromHead(owner, branch),
      );
      known.set(key, prs);
    }
    return prs;
  };
  const judge = async (run: WorkflowRunFacts) => {
    if (run.event !== "pull_request") return undefined;
    const owner = (run.headRepository ?? "").split("/")[0] ?? "";
    if (!owner || !run.headBranch) return `run ${run.id} names no head branch`;
    const prs = fromHead(owner, run.headBranch);
    const started = instant(run.createdAt);
    const other = (await prs).find(
      (pr) =>
        pr.baseRef !== defaultBranch &&
        instant(pr.createdAt) <= started &&
        (pr.closedAt === null || instant(pr.closedAt) >= started),
    );
    return other
      ? `run ${run.id} may have been PR #${other.number}'s, into ${other.baseRef}: it built that branch's workflow and code`
      : undefined;
  };
  return { judge, fromHead };
}

/**
 * Judges whether GitHub's description of a run makes it a training run for the subject (or, with
 * `mustUseAction` false, a run of a trusted workflow for it): undefined when it is, else why not.
 */
export type TrainingRunJudge = (run: WorkflowRunFacts) => Promise<string | undefined>;

export function trainingRunJudge(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  config: Config,
  mustUseAction = true,
): TrainingRunJudge {
  return judgeReadingAhead(ports, subject, config, mustUseAction).judge;
}

/**
 * The judge of training runs, having started what judging `expected` (the Action's own run) will
 * read: its workflow file and, for a PR, the PRs from the PR's head, before GitHub's list of runs
 * says which runs there are. `readAhead` settles when those reads have.
 */
function judgeReadingAhead(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  config: Config,
  mustUseAction: boolean,
  expected?: { workflow?: string },
): { judge: TrainingRunJudge; readAhead: Promise<unknown> } {
  const trusted = workflowTrust(ports, config, subject.defaultBranch, mustUseAction);
  const otherBase = builtAgainstOtherBase(ports, subject.defaultBranch);
  const reads: Promise<unknown>[] = [];
  if (expected?.workflow) reads.push(started(trusted(expected.workflow)));
  if (expected && subject.kind === "pull_request") {
    // A PR's training run runs on the PR's head: the PRs from that head are what judging it reads.
    const owner = subject.headRepository?.split("/")[0];
    if (owner && subject.headRef) reads.push(started(otherBase.fromHead(owner, subject.headRef)));
  }
  const judge: TrainingRunJudge = async (run) => {
    if (!runIsFor(run, subject))
      return `run ${run.id} (${run.event} on ${run.headBranch}) is not for ${describeSubject(subject)}`;
    // Neither read waits on the other: both go to GitHub at once.
    const [isTrusted, other] = await Promise.all([
      trusted(run.workflow),
      subject.kind === "pull_request" ? otherBase.judge(run) : undefined,
    ]);
    if (!isTrusted) return `run ${run.id} of ${run.workflow} is not ${describeWorkflows(config)}`;
    return other;
  };
  return { judge, readAhead: Promise.allSettled(reads) };
}

export function describeWorkflows(config: Config): string {
  const named = config.evidence.workflows;
  return named.length > 0
    ? named.join(" or ")
    : "a workflow on the default branch that uses the model-approval Action";
}

function describeSubject(subject: EvidenceSubject): string {
  return subject.kind === "pull_request"
    ? `${shortSha(subject.commit)} for PR #${subject.number}`
    : `${shortSha(subject.commit)} on ${subject.defaultBranch}`;
}

interface SnapshotArtifact {
  artifact: ArtifactFacts;
  attempt: number;
  run: WorkflowRunFacts;
}

function snapshotArtifacts(run: WorkflowRunFacts, artifacts: ArtifactFacts[]): SnapshotArtifact[] {
  return artifacts.flatMap((artifact) => {
    const attempt = snapshotArtifactAttempt(artifact.name);
    // GitHub must say this run uploaded it; an expired one has nothing left to read.
    if (attempt === undefined || artifact.expired || artifact.runId !== run.id || attempt > run.attempt)
      return [];
    if (artifact.headSha !== null && artifact.headSha !== run.headSha) return [];
    return [{ artifact, attempt, run }];
  });
}

/** Why the snapshot's own claims disagree with GitHub's facts about its run, or undefined. */
function claimsMismatch(
  snapshot: Snapshot,
  found: SnapshotArtifact,
  subject: EvidenceSubject,
): string | undefined {
  const { claims } = snapshot;
  if (claims.repository.toLowerCase() !== subject.repository.toLowerCase())
    return `it says it is for ${claims.repository}`;
  if (claims.commit !== subject.commit) return `it says it measured ${shortSha(claims.commit)}`;
  if (claims.run && (claims.run.id !== found.run.id || claims.run.attempt !== found.attempt))
    return `it says it was recorded by run ${claims.run.id} (attempt ${claims.run.attempt})`;
  if (
    subject.kind === "pull_request" &&
    claims.pullRequest !== undefined &&
    claims.pullRequest !== subject.number
  )
    return `it says it is for PR #${claims.pullRequest}`;
  return undefined;
}

type Loaded = { ok: true; snapshot: Snapshot } | { ok: false; why: string };

async function loadSnapshot(
  ports: EvidencePorts,
  found: SnapshotArtifact,
  subject: EvidenceSubject,
): Promise<Loaded> {
  const { artifact } = found;
  const where = `artifact ${artifact.name} of workflow run ${found.run.id}`;
  // GitHub's own size: an artifact this large is not a snapshot, and is never downloaded.
  if (artifact.sizeInBytes > MAX_SNAPSHOT_BYTES)
    return {
      ok: false,
      why: `${where} is ${artifact.sizeInBytes} bytes, over the ${MAX_SNAPSHOT_BYTES} a snapshot may be`,
    };
  const text = await reading(where, () =>
    ports.readArtifactFile(artifact.id, SNAPSHOT_FILE, MAX_SNAPSHOT_BYTES),
  );
  if (text === null) return { ok: false, why: `${where} holds no ${SNAPSHOT_FILE} (deleted or expired?)` };
  const decoded = decodeSnapshot(text);
  if (!decoded.ok) return { ok: false, why: `${where} is unreadable: ${decoded.error}` };
  const mismatch = claimsMismatch(decoded.snapshot, found, subject);
  if (mismatch) return { ok: false, why: `${where} is ignored: ${mismatch}` };
  return { ok: true, snapshot: decoded.snapshot };
}

function measurementsOf(snapshot: Snapshot): Measurements {
  const { metrics, baseline, metricErrors, baselineErrors, model } = snapshot;
  return { metrics, baseline, metricErrors, baselineErrors, ...(model ? { model } : {}) };
}

function instant(time: string | null | undefined): number {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}

/**
 * The recordings before the current one, with the model of each that a vote may have been cast
 * on (downloaded only for those, and only a few): a vote binds to the recording current at its time.
 */
async function earlierRecordings(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  earlier: SnapshotArtifact[],
  current: string | undefined,
  reviews: Review[],
): Promise<Recording[]> {
  const ordered = [...earlier].sort((a, b) => instant(a.artifact.createdAt) - instant(b.artifact.createdAt));
  const until = instant(current);
  const voteTimes = reviews
    .filter(
      (r) => r.commit_id === subject.commit && (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED"),
    )
    .map((r) => instant(r.submitted_at))
    .filter((t) => t < until);
  let downloads = 0;
  const recordings: Recording[] = [];
  for (const [i, found] of ordered.entries()) {
    const from = instant(found.artifact.createdAt);
    const to = i + 1 < ordered.length ? instant(ordered[i + 1]!.artifact.createdAt) : until;
    const run = runRef(found.run, found.attempt);
    const base: Recording = { recordedAt: found.artifact.createdAt, known: false, run };
    const needed = voteTimes.some((t) => t >= from && t < to);
    if (!needed || downloads >= HISTORY_DOWNLOADS) {
      recordings.push(base);
      continue;
    }
    downloads++;
    const loaded = await loadSnapshot(ports, found, subject);
    if (!loaded.ok) {
      recordings.push(base);
      continue;
    }
    const measurements = measurementsOf(loaded.snapshot);
    recordings.push({
      ...base,
      known: true,
      key: modelKey(measurements),
      ...(measurements.model?.digest ? { digest: measurements.model.digest } : {}),
    });
  }
  return recordings;
}

/**
 * What this process measured itself: the Action's run (used only if GitHub describes it as the
 * training run), or the CLI's local files (`local`: a simulation, trusted as given).
 */
export interface Measuring {
  local?: boolean;
  /** The run and attempt the runner says this is (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT). */
  runId: number;
  attempt: number;
  /** When it measured (the runner's clock): reviews before it were cast on an earlier recording. */
  at: string;
  where: string;
  measure: () => Promise<Measurements>;
  /**
   * Set when the run's event is one a training run has (its workflow file, from the runner, when
   * known): GitHub is then expected to describe the run as the training run, so its workspace is
   * measured, its artifacts listed and its workflow file read at once. None of it is used unless
   * GitHub's description of the run makes it the training run.
   */
  expected?: { workflow?: string };
}

export interface GatheredEvidence {
  evidence: Evidence;
  /** The judge of training runs used (its reads cached), for deciding which deploy job to release. */
  judge: TrainingRunJudge;
  /** Set when the measuring run was accepted as the training run: its snapshot is to be recorded. */
  measured?: Measurements;
  /** GitHub's list of the commit's workflow runs, as read (the newest RUNS_PER_COMMIT). */
  runs: WorkflowRunFacts[];
  warnings: string[];
}

function trainingFailure(run: WorkflowRunFacts): string {
  const conclusion = run.conclusion ?? "unknown";
  const what =
    conclusion === "failure"
      ? "failed"
      : conclusion === "cancelled"
        ? "was cancelled"
        : conclusion === "timed_out"
          ? "timed out"
          : `ended ${conclusion}`;
  return `training run ${run.id} (attempt ${run.attempt}) of ${run.workflow} ${what} before recording a model-approval snapshot`;
}

/**
 * The workflow runs of the subject's commit, as GitHub lists them. The collector may start this read
 * before the config is parsed, since it does not depend on it, and pass it to `gatherEvidence`.
 */
export function listRuns(ports: Pick<EvidencePorts, "workflowRunsForCommit">, commit: string) {
  return reading(`the workflow runs of ${commit}`, () => ports.workflowRunsForCommit(commit));
}

export async function gatherEvidence(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  config: Config,
  reviews: Review[],
  measuring?: Measuring,
  listed?: Promise<WorkflowRunFacts[]>,
): Promise<GatheredEvidence> {
  const { judge, readAhead } = judgeReadingAhead(ports, subject, config, true, measuring?.expected);
  // A run whose event is a training run's is nearly always the training run: its workspace is
  // measured, and its artifacts listed, while GitHub is asked whether it is. Neither is used unless
  // it is, and, like the judge's reads ahead, none outlives this call. (A review's run is not
  // expected to train: it never measures.)
  const ahead =
    measuring && (measuring.local || measuring.expected)
      ? {
          measured: started(measuring.measure()),
          artifacts: measuring.local
            ? undefined
            : started(
                reading(`the artifacts of workflow run ${measuring.runId}`, () =>
                  ports.runArtifacts(measuring.runId),
                ),
              ),
        }
      : undefined;
  try {
    const runs = await (listed ?? listRuns(ports, subject.commit));
    return { ...(await gather(ports, subject, config, reviews, runs, judge, measuring, ahead)), runs };
  } finally {
    await Promise.allSettled([readAhead, ahead?.measured, ahead?.artifacts]);
  }
}

async function gather(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  config: Config,
  reviews: Review[],
  runs: WorkflowRunFacts[],
  judge: TrainingRunJudge,
  measuring: Measuring | undefined,
  ahead: { measured: Promise<Measurements>; artifacts: Promise<ArtifactFacts[]> | undefined } | undefined,
): Promise<Omit<GatheredEvidence, "runs">> {
  const warnings: string[] = [];
  const candidates = runs.filter((r) => runIsFor(r, subject));
  const training: WorkflowRunFacts[] = [];
  const ignored = new Map<number, string>();
  // Every run is judged at once (each judge's reads are shared by runs of one workflow or head),
  // and kept in GitHub's order, newest first.
  const verdicts = await inTurns(candidates, JUDGED_AT_ONCE, judge);
  for (const [i, run] of candidates.entries()) {
    const why = verdicts[i];
    if (why === undefined) training.push(run);
    else ignored.set(run.id, why);
  }
  const ignoredNote = ignored.size > 0 ? ` (ignored: ${[...ignored.values()].join("; ")})` : "";

  // Every snapshot recorded on this commit by the newest few training runs, for the history.
  const recorded = (
    await Promise.all(
      training.slice(0, HISTORY_RUNS).map(async (run) => {
        const artifacts = await (run.id === measuring?.runId && ahead?.artifacts
          ? ahead.artifacts
          : reading(`the artifacts of workflow run ${run.id}`, () => ports.runArtifacts(run.id)));
        return snapshotArtifacts(run, artifacts);
      }),
    )
  ).flat();

  if (measuring) {
    // The workflow file and event come from GitHub's description of the run, not from the runner.
    const facts = training.find((run) => run.id === measuring.runId && run.attempt === measuring.attempt);
    if (facts || measuring.local) {
      const run = facts ? runRef(facts, measuring.attempt) : undefined;
      // Started above for any run that can be judged the training run, as this one was.
      const measurements = await (ahead?.measured ?? measuring.measure());
      const earlier = recorded.filter((r) => instant(r.artifact.createdAt) <= instant(measuring.at));
      const history = await earlierRecordings(ports, subject, earlier, measuring.at, reviews);
      const key = modelKey(measurements);
      return {
        evidence: {
          kind: "present",
          origin: { kind: "measured", where: measuring.where, ...(run ? { run } : {}) },
          measurements,
          recordings: [
            ...history,
            {
              ...(measuring.local ? {} : { recordedAt: measuring.at }),
              key,
              known: true,
              ...(run ? { run } : {}),
              ...(measurements.model?.digest ? { digest: measurements.model.digest } : {}),
            },
          ],
        },
        measured: measurements,
        warnings,
        judge,
      };
    }
    const self = runs.find((run) => run.id === measuring.runId);
    const what = self ? `run ${self.id} of ${self.workflow} on ${self.event}` : `run ${measuring.runId}`;
    const why =
      (self && ignored.get(self.id)) ??
      `it is not a training run (${describeWorkflows(config)} on ${subject.kind === "pull_request" ? "pull_request" : "a push to the default branch"}) for ${describeSubject(subject)}`;
    warnings.push(
      `this ${what} is not evidence (${why}): its workspace's metrics do not count, so the recorded snapshot decides`,
    );
  }

  const newest = training[0];
  if (!newest) {
    return {
      evidence: {
        kind: "missing",
        why: `no run of ${describeWorkflows(config)} on ${describeSubject(subject)} yet${ignoredNote}`,
        recordings: [],
      },
      warnings,
      judge,
    };
  }
  const ofNewest = recorded.filter((r) => r.run.id === newest.id).sort((a, b) => b.attempt - a.attempt)[0];
  const status = { run: runRef(newest), status: newest.status, conclusion: newest.conclusion };
  // An earlier attempt's recording stands only when the latest attempt is done training without
  // failing (it re-ran later jobs): one still running may be re-training, and one that failed or
  // was cancelled says the training failed.
  const settled = newest.status === "completed" || newest.status === "waiting";
  const carriedOver =
    newest.status === "waiting" || (newest.status === "completed" && newest.conclusion === "success");
  if (!ofNewest || (ofNewest.attempt < newest.attempt && !carriedOver)) {
    const training = `training run ${newest.id} (attempt ${newest.attempt}) of ${newest.workflow}`;
    const why = !settled
      ? `${training} is ${newest.status || "in progress"}`
      : newest.status === "waiting" || newest.conclusion === "success"
        ? `${training} finished without recording a model-approval snapshot (is the Action in its training job? has the artifact expired?)`
        : trainingFailure(newest);
    return {
      evidence: { kind: "missing", why: `${why}${ignoredNote}`, training: status, recordings: [] },
      warnings,
      judge,
    };
  }
  const loaded = await loadSnapshot(ports, ofNewest, subject);
  if (!loaded.ok)
    return {
      evidence: { kind: "missing", why: loaded.why, training: status, recordings: [] },
      warnings,
      judge,
    };
  const measurements = measurementsOf(loaded.snapshot);
  const recordedAt = ofNewest.artifact.createdAt;
  const earlier = recorded.filter(
    (r) => r !== ofNewest && instant(r.artifact.createdAt) <= instant(recordedAt),
  );
  const history = await earlierRecordings(ports, subject, earlier, recordedAt, reviews);
  const run = runRef(newest, ofNewest.attempt);
  return {
    evidence: {
      kind: "present",
      origin: { kind: "recorded", run, artifact: { id: ofNewest.artifact.id, name: ofNewest.artifact.name } },
      measurements,
      recordings: [
        ...history,
        {
          recordedAt,
          key: modelKey(measurements),
          known: true,
          run,
          ...(measurements.model?.digest ? { digest: measurements.model.digest } : {}),
        },
      ],
    },
    warnings,
    judge,
  };
}

/**
 * Whether a deploy job waiting in `run` may be released by a decision about this candidate: only
 * the training run that recorded the model decided about (another run on the same commit may have
 * trained another model, or come from another workflow or PR), or, when the config judges no
 * evidence, a run of a workflow on the default branch for this subject.
 */
export function releasableRun(
  ports: EvidencePorts,
  subject: EvidenceSubject,
  config: Config,
  gathered: Pick<GatheredEvidence, "evidence" | "judge">,
): TrainingRunJudge {
  const { evidence, judge: strict } = gathered;
  const loose = trainingRunJudge(ports, subject, config, false);
  return async (run) => {
    if (evidence.kind === "present") {
      const recordedBy = evidence.origin.run;
      if (!recordedBy || recordedBy.id !== run.id)
        return `run ${run.id} did not record the model this decision is about${recordedBy ? ` (run ${recordedBy.id} did)` : ""}`;
      return strict(run);
    }
    return loose(run);
  };
}
