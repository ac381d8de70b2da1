import type { StepType } from "../config/types.js";
import type { ConfigOrigin, EvidenceOrigin, WorkflowRunRef } from "../candidate/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Failure } from "../failure.js";
import type { ChangeJudgement, SliceOutcome } from "../conditions/evaluate.js";
import type { Interval } from "../predictions/interval.js";
import type { PredictionsResult } from "../predictions/evaluate.js";

/** A predictions source's computed metrics, as reports show them. */
export interface PredictionsReport extends PredictionsResult {
  source: string;
  file: string;
}

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
  | "timed_out" // an approval that was not given within its timeout
  | "overridden" // an approval given by a break-glass override
  | "blocked" // deploy step waiting on earlier steps
  | "ready" // deploy step may proceed
  | "error";

/**
 * One node of the reasons tree. `kind` says what the node is about and which `data` fields it has:
 *   check     data: { condition, metric, value?, threshold?, baseline?, source?, file?, availableKeys? }
 *   approver  data: { login, state, commit, submittedAt, counted, model?, why? }
 *   rule      data: { rule }   e.g. protected paths touched, config edited, no PR
 *   metric    data: { source, file, format }
 *   config    data: { diagnostics }
 *   model     data: { digest, artifacts }
 */
export interface Reason {
  kind: "check" | "approver" | "rule" | "metric" | "config" | "model" | "summary" | "override";
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
  /** What the reviewer wrote; reports quote a changes-requested review's, as inert text. */
  body?: string | null;
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
  /** The condition's reference is wrong (ambiguous): the decision is an input error. */
  inputError?: string;
  /** Neither pass nor fail: a manual approval is needed (conditions/predictions.ts). */
  inconclusive?: true;
  /** A metric computed from predictions: its bootstrap interval. */
  interval?: Interval | null;
  /** A change check judged on predictions: its paired interval and margin. */
  change?: ChangeJudgement;
  /** `every slice of …`: each slice's outcome. */
  slices?: SliceOutcome[];
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
  /** Why no verdict could be reached (decision "error" for a reason other than the config's diagnostics). */
  failure?: Failure;
  /** One line: why the decision is what it is. */
  summary: string;
  /** What was decided about; absent only when not even the commit is known. */
  candidate?: CandidateSummary;
  /** What the reader should know about how the candidate was gathered (where the rules came from, what was ignored). */
  notes?: string[];
  /** Every number the metrics files hold, named or not by a condition, with the baseline's beside it. */
  allMetrics?: MeasuredMetric[];
  /** Metrics computed from predictions files: every slice, with intervals and paired changes. */
  predictions?: PredictionsReport[];
  /** Approved by a break-glass override rather than by the rules: who, why, and where they said it. */
  override?: Override;
  /** The approval's clock, while one runs: where it stands and when it next changes by itself. */
  timing?: Timing;
}

/** A break-glass override that approved the candidate. */
export interface Override {
  by: string;
  reason: string;
  /** When it was said (GitHub's clock). */
  at: string;
  /** Where: a PR comment, a review's text as submitted, or (once recorded) the ledger record that keeps it. */
  source: OverrideSource;
  /** Where it was first said: a review binds it to its commit, a comment to the commit's push time. */
  said?: "comment" | "review";
}

export interface OverrideSource {
  kind: "comment" | "review" | "record";
  id: number;
  url?: string;
}

/**
 * waiting: the timeout runs; escalated: it passed and escalate_to may approve too, until a second
 * timeout; overdue: it passed with on_timeout: wait; timed_out: the approval ended unapproved.
 */
export type TimingPhase = "waiting" | "escalated" | "overdue" | "timed_out";

export interface Timing {
  phase: TimingPhase;
  /** The approval step whose clock this is. */
  step: string;
  /** When the wait began (ISO), and what began it. */
  since: string;
  /** When the phase changes by itself next (ISO); absent when it no longer will. */
  deadline?: string;
}

/** One number a metrics file holds. */
export interface MeasuredMetric {
  source: string;
  file: string;
  /** The key path as a condition would name it within its source, e.g. `macro avg`.`f1-score`. */
  key: string;
  value: number;
  /** The same key in the baseline source of the same name, when it holds a number. */
  baseline?: number;
  /** value - baseline (in decimal), when both are finite. */
  delta?: number;
}

/** A metrics file the evidence was read from. */
export interface SourceOrigin {
  kind: "metrics" | "baseline";
  name: string;
  file: string;
  /** Which part of the file was read, e.g. a trainer_state.json's chosen evaluation. */
  note?: string;
  /** Read from git (a baseline's `ref:`): the ref and, when known, its commit. */
  ref?: string;
  commit?: string;
}

/** The candidate as the reports name it. */
export interface CandidateSummary {
  repository: string;
  commit: string;
  pr?: number;
  /** What identifies the model (digest, or the metrics fingerprint without artifacts). */
  modelKey?: string;
  evidence:
    | { kind: EvidenceOrigin["kind"]; where: string; run?: WorkflowRunRef; artifactId?: number }
    | { kind: "missing"; where: string; run?: WorkflowRunRef };
  config?: ConfigOrigin & { trusted: boolean };
  /** The metrics files the evidence was read from (none while it is missing). */
  sources?: SourceOrigin[];
  /** The GitHub server's web address, for links; absent for local files. */
  serverUrl?: string;
}
