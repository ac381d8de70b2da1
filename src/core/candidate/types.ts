// The candidate: the one thing a decision is about. Every decision is made for a candidate, every
// vote is bound to the candidate it was cast on, every deploy answer re-checks the candidate it
// releases, and every report names it. Pure data, gathered by src/github/candidate/collect.ts.
import type { Config } from "../config/types.js";
import type { MetricSource } from "../metrics/types.js";
import type { ModelIdentity, Review } from "../policy/types.js";

/** Where the config that decides was read. */
export interface ConfigOrigin {
  path: string;
  /** The ref it was read at (a full ref such as refs/heads/main, or a sha); absent for a local file. */
  ref?: string;
  /** The git blob sha of the file, when GitHub said. */
  blobSha?: string;
  /** For people: "the default branch main", "the pull request's own copy", "the file ci/gate.yml". */
  where: string;
}

export interface CandidateConfig {
  config: Config;
  origin: ConfigOrigin;
  /**
   * Set when the config may not approve anything because it comes from the change it gates (the
   * default branch has none yet, so the PR's own copy is shown): why.
   */
  untrusted?: string;
}

/** What the training run measured. */
export interface Measurements {
  metrics: MetricSource[];
  baseline: MetricSource[];
  /** Load failures of metric files, by source name, e.g. "metrics/eval.json:3: bad JSON". */
  metricErrors: Record<string, string>;
  baselineErrors: Record<string, string>;
  model?: ModelIdentity;
}

/** A workflow run, as GitHub describes it (never as a snapshot claims it). */
export interface WorkflowRunRef {
  id: number;
  attempt: number;
  /** The workflow file, e.g. .github/workflows/train.yml. */
  workflow: string;
  event: string;
}

export type EvidenceOrigin =
  /** Measured by this very process: the training run's own Action, or the CLI from local files. */
  | { kind: "measured"; where: string; run?: WorkflowRunRef }
  /** Recorded by a training run as an artifact of that run. */
  | { kind: "recorded"; run: WorkflowRunRef; artifact: { id: number; name: string } };

/**
 * One recording of a model on the candidate's commit. Votes bind to the recording that was current
 * when they were cast, so a re-trained model needs a new vote (and a re-recorded identical one does not).
 */
export interface Recording {
  /** When it was recorded (GitHub's clock); absent means "before any review" (local files). */
  recordedAt?: string;
  /**
   * What identifies the model: its digest, or without artifacts the metrics it was judged on;
   * undefined when nothing identifies it. `known: false` when the recording could not be read.
   */
  key?: string;
  known: boolean;
  /** The digest, for reports. */
  digest?: string;
  run?: WorkflowRunRef;
}

export type Evidence =
  | {
      kind: "present";
      origin: EvidenceOrigin;
      measurements: Measurements;
      /** Every recording on the commit, oldest first; the last is this evidence's own. */
      recordings: Recording[];
    }
  | {
      kind: "missing";
      /** Why there is none yet, e.g. "training run 12 (attempt 1) failed". */
      why: string;
      /** The training run's state, when one exists: a failed run is not "still waiting". */
      training?: { run: WorkflowRunRef; status: string; conclusion: string | null };
      recordings: Recording[];
    };

/**
 * What is live in a GitHub environment, for a deployed baseline: the newest deployment there by
 * GitHub Actions whose latest status (by GitHub Actions) is success, and the metrics a trusted
 * training run recorded for its commit.
 */
export type DeployedBaseline =
  | {
      kind: "found";
      environment: string;
      deployment: { id: number; sha: string; createdAt: string };
      /** The training run whose snapshot holds the deployed model's metrics. */
      run?: WorkflowRunRef;
      metrics: Measurements["metrics"];
    }
  /** Nothing was ever deployed there successfully: `when_missing` decides. */
  | { kind: "none"; environment: string; why: string }
  /** Something is live there but its metrics cannot be trusted or read: the change checks fail. */
  | { kind: "unreadable"; environment: string; why: string };

export interface CandidatePullRequest {
  number: number;
  /** The author's login; "" for a deleted account. */
  author: string;
  state: "open" | "closed";
  /** The PR's head as GitHub shows it now; the candidate's commit may be an older head. */
  headSha: string;
  baseRef: string;
  baseSha: string;
  /** Who pushed the candidate commit to the PR's branch, when known (GitHub's "most recent push"). */
  pusher?: string;
  /** When that push happened (GitHub's clock), when known. */
  pushedAt?: string;
  /** The files changed from the merge base to exactly the candidate commit. */
  changedFiles: ChangedFiles;
  reviews: Review[];
}

export type ChangedFiles =
  | { known: true; files: string[]; complete: boolean; limit?: number }
  /** Not known at all (a local run without them): protected paths cannot be ruled out. */
  | { known: false; why: string };

export interface Candidate {
  /** owner/name */
  repository: string;
  /** The commit being approved. */
  commit: string;
  pr?: CandidatePullRequest;
  /** Outside a PR: whether the commit is reachable from the default branch's head. */
  defaultBranch?: { name: string; contains: boolean };
  /** Members of each listed "org/team"; a team that could not be read has none. */
  teamMembers: Record<string, string[]>;
  /**
   * Listed teams whose membership could not be read, each with why and what to do (the adapter's
   * words: a workflow's token cannot read teams): nobody in them can approve, so nobody asks them.
   */
  unreadableTeams?: Record<string, string>;
  /** The GitHub server's web address (https://github.com), for links in reports; absent locally. */
  serverUrl?: string;
  config: CandidateConfig;
  evidence: Evidence;
  /** What is live in each environment a deployed baseline names, by environment. */
  deployedBaselines?: Record<string, DeployedBaseline>;
  /** When the decision is made (the adapter's clock, ISO); without it no timeout is judged. */
  decidedAt?: string;
  /** Break-glass overrides said on the PR (comments, reviews) or kept by the ledger; judged by the policy. */
  overrides?: OverrideClaim[];
}

/**
 * Someone's `/model-approval override <reason>` — a PR comment, a review's text as submitted, or
 * one the App's ledger recorded — not yet judged.
 */
export interface OverrideClaim {
  by: string;
  reason: string;
  /** When it was said (GitHub's clock, ISO). */
  at: string;
  source: { kind: "comment" | "review" | "record"; id: number; url?: string };
  /** The commit a review was submitted on, or a ledger record approved. */
  commit?: string;
  /** A ledger record's: where the override it keeps was said. */
  said?: "comment" | "review";
  /** The model a ledger record approved (its key). */
  model?: string;
}
