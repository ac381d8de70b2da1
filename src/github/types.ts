// The shapes the gateway hands out: small, plain, and independent of Octokit's generated types.
import type { Review } from "../core/policy/types.js";
import type { WorkflowRunFacts } from "./rest/actions.js";

export type { Review };

/**
 * The part of an Octokit instance the gateway needs. Both @actions/github's `getOctokit()` and
 * Probot's `context.octokit` fit, so the gateway serves the Action and the App alike.
 */
export interface OctokitLike {
  request: (
    route: string,
    parameters?: Record<string, unknown>,
  ) => Promise<{ status: number; data: unknown }>;
  paginate: (
    route: string,
    parameters?: Record<string, unknown>,
    /** Octokit's: maps each page, and `done()` stops reading after it. */
    map?: (response: { data: unknown }, done: () => void) => unknown[],
  ) => Promise<unknown[]>;
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<unknown>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** Who the token acts as, when the caller knows; it decides which comment or check run is "ours". */
export interface GatewayIdentity {
  /** e.g. "github-actions[bot]" or "my-app[bot]". */
  login?: string;
  /** e.g. "github-actions" or "my-app". */
  appSlug?: string;
}

export interface PullRequest {
  number: number;
  /** The author's login; "" when the account was deleted. */
  author: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  state: "open" | "closed";
  merged: boolean;
  draft: boolean;
  title: string;
  labels: string[];
  requestedReviewers: string[];
  /** Team slugs. */
  requestedTeams: string[];
  /** null when the head repository (a fork) was deleted. */
  headRepoFullName: string | null;
  baseRepoFullName: string;
  /** The base repository's default branch, the one its team protects; "" if GitHub did not say. */
  defaultBranch: string;
  /** GitHub's count of the files the PR changes. */
  changedFilesCount: number;
  /** When GitHub last changed the PR (ISO 8601): an event newer than this means the read is stale. */
  updatedAt: string;
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
}

/** A check run as GitHub's REST API names its fields (the subset the product reads). */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  details_url: string | null;
  app: { slug: string } | null;
  output: CheckRunOutput;
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export type CheckConclusion =
  "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required";

export interface DesiredCheckRun {
  name: string;
  headSha: string;
  status: "in_progress" | "completed";
  /** Required when completed. */
  conclusion?: CheckConclusion;
  output: { title: string; summary: string; text?: string; annotations?: CheckRunAnnotation[] };
  externalId?: string;
  detailsUrl?: string;
}

export interface WriteResult {
  id: number;
  changed: boolean;
}

export interface StickyCommentResult extends WriteResult {
  created: boolean;
}

export interface LabelChange {
  added: string[];
  removed: string[];
}

export interface ReviewerRequest {
  users: string[];
  /** Team slugs (without the org). */
  teams: string[];
}

export interface ReviewerRequestResult {
  requested: ReviewerRequest;
  /** Refused by GitHub (422: not a collaborator, unknown team, ...); never an error for the caller. */
  refused: ReviewerRequest;
}

export interface WaitingRun {
  runId: number;
  /** Names of the environments the run waits on. */
  environments: string[];
  /** The run, as GitHub describes it. */
  run: WorkflowRunFacts;
}

export interface DeploymentRuleAnswer {
  environment: string;
  /** Omitted: a status report that leaves the deployment waiting. */
  state?: "approved" | "rejected";
  comment: string;
}
