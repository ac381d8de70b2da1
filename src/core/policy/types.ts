import type { Config, StepType } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { MetricSource } from "../metrics/types.js";

export type Decision = "approved" | "pending" | "rejected" | "error";

export type StepStatus =
  | "passed" // training done, test checks all hold
  | "failed" // a test check failed (on_fail fail_pipeline) or a rejection that fails the pipeline
  | "warned" // a test check failed with on_fail: warn
  | "needs_approval" // a test check failed with on_fail: require_approval
  | "auto_approved"
  | "approved"
  | "pending"
  | "rejected"
  | "blocked" // deploy step waiting on earlier steps
  | "ready" // deploy step may proceed
  | "error";

/**
 * One node of the reasons tree. `kind` says what the node is about and which `data` fields it has:
 *   check     data: { condition, metric, value?, threshold?, baseline?, source?, file?, availableKeys? }
 *   approver  data: { login, state, commit, submittedAt, counted, why? }
 *   rule      data: { rule }   e.g. protected paths touched, config edited, no PR
 *   metric    data: { source, file, format }
 *   config    data: { diagnostics }
 *   model     data: { digest, artifacts }
 */
export interface Reason {
  kind: "check" | "approver" | "rule" | "metric" | "config" | "model" | "summary";
  outcome: "pass" | "fail" | "pending" | "info";
  message: string;
  data?: Record<string, unknown>;
  children?: Reason[];
}

export interface StepResult {
  name: string;
  type: StepType;
  status: StepStatus;
  reasons: Reason[];
}

/** A GitHub REST pull-request review, reduced to the fields the policy reads. */
export interface Review {
  id: number;
  user: { login: string } | null;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING" | string;
  commit_id: string | null;
  submitted_at?: string | null;
}

/** The pull request the decision is about, from a GitHub REST pull request. */
export interface PullRequestContext {
  number?: number;
  author: string;
  headSha: string;
  baseRef: string;
  changedFiles: string[];
  /**
   * How many files GitHub says the PR changes. GitHub lists at most 3000, so a count above the
   * list's length means the list is incomplete and the protected-path rule cannot be trusted.
   */
  changedFilesCount?: number;
  /** The changed files are not known at all (a local run without them): no auto-approval. */
  changedFilesUnknown?: boolean;
  reviews: Review[];
}

export interface ModelIdentity {
  name?: string;
  /** sha256 over the artifacts, hex; undefined when the config lists none. */
  digest?: string;
  artifacts: { path: string; sha256: string; bytes: number }[];
  /** Artifacts that could not be hashed (missing, unreadable), each naming its path; digest is then undefined. */
  errors?: string[];
}

/** One row of the metrics table: a condition evaluated (test checks and auto_approve_if alike). */
export interface MetricRow {
  step: string;
  condition: string;
  metric: string;
  value?: number;
  threshold?: number;
  baseline?: number;
  /** value - baseline, when both are known. */
  delta?: number;
  passed: boolean;
  source?: string;
  file?: string;
  reason?: string;
}

export interface DecideInput {
  config: Config;
  metrics: MetricSource[];
  baseline: MetricSource[];
  /** Load failures of metric files, keyed by source name, e.g. "metrics/eval.json:3: bad JSON". */
  metricErrors?: Record<string, string>;
  baselineErrors?: Record<string, string>;
  /** Absent when there is no PR (push, workflow_dispatch, local run without --pr). */
  pr?: PullRequestContext;
  /** Members of each listed "org/team", as resolved by the caller; a missing team has no members. */
  teamMembers: Record<string, string[]>;
  model?: ModelIdentity;
  /**
   * Set when the config could not be read from a trusted place (e.g. only the PR itself has one):
   * why. The PR could have written its own rules, so the decision is never "approved".
   */
  untrustedConfig?: string;
}

export interface DecisionResult {
  /** The JSON report's shape version. */
  schemaVersion: 1;
  decision: Decision;
  autoApproved: boolean;
  /** The Action should exit non-zero and the deploy be rejected (not just blocked). */
  failPipeline: boolean;
  steps: StepResult[];
  metrics: MetricRow[];
  model?: ModelIdentity;
  headSha?: string;
  pr?: number;
  /** Approvers still to be asked, while pending. */
  pendingApprovers: string[];
  diagnostics: Diagnostic[];
  /** One line: why the decision is what it is. */
  summary: string;
}
