import type { SourceLocation } from "../diagnostics.js";
import type { Condition } from "../conditions/types.js";
import type { NotificationEventName } from "../notify/event.js";
import type { PredictionTask } from "../predictions/table.js";

export const METRIC_FORMATS = [
  "json",
  "yaml",
  "csv",
  "dvc",
  "mlflow",
  "huggingface",
  "wandb",
  "sklearn",
  "tensorboard",
  "predictions",
] as const;
export type MetricFormat = (typeof METRIC_FORMATS)[number];

/** Which evaluation of a Hugging Face trainer_state.json is the candidate's. */
export const CHECKPOINT_CHOICES = ["final", "best"] as const;
export type CheckpointChoice = (typeof CHECKPOINT_CHOICES)[number];

/** A named source of metrics. `format` is undefined when it is to be detected from name and shape. */
export interface MetricSourceSpec {
  name: string;
  path: string;
  format?: MetricFormat;
  /** trainer_state.json only: the final evaluation (default) or the best checkpoint's. */
  checkpoint?: CheckpointChoice;
  /** TensorBoard event files only: read each tag at this step instead of its latest. */
  step?: number;
  /** Baselines only: the git ref to read from; "base" means the PR's base branch. */
  ref?: string;
  /** format: predictions only: which columns hold what, and how the metrics are computed from them. */
  predictions?: PredictionsSpec;
  location?: SourceLocation;
}

export const PREDICTION_FILE_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type PredictionFileFormat = (typeof PREDICTION_FILE_FORMATS)[number];

/**
 * A predictions file's columns and the settings of the metrics computed from it. A baseline
 * predictions source takes the same-named metrics source's spec for whatever it does not set.
 */
export interface PredictionsSpec {
  task: PredictionTask;
  /** From the file name (.csv, .jsonl/.ndjson, .parquet) when undefined. */
  file?: PredictionFileFormat;
  label: string;
  /** binary: the column of the predicted probability of the positive class (label 1). */
  score?: string;
  /** multiclass: each class (as the label column writes it) and the column of its probability, in order. */
  scores?: { cls: string; column: string }[];
  /** regression: the column of the predicted value. */
  prediction?: string;
  id?: string;
  weight?: string;
  slices: string[];
  /** binary: the predicted class is 1 when the score is at or above this (default 0.5). */
  threshold: number;
  /** Slices with fewer examples are reported, not judged (default 100). */
  minSliceCount: number;
  /** binary: equal-width bins of the expected calibration error (default 10). */
  calibrationBins: number;
  bootstrap: BootstrapSettings;
}

export interface BootstrapSettings {
  /** Resamples drawn (default 1000). */
  resamples: number;
  /** The generator's seed: the same file and seed give the same intervals (default 0). */
  seed: number;
  /** The interval's coverage (default 0.95). */
  confidence: number;
}

/**
 * A baseline that is what is live: the metrics a trusted training run recorded for the commit most
 * recently deployed successfully to a GitHub environment.
 */
export interface DeployedBaselineSpec {
  /** The baseline source it stands for; undefined: every source (the deployed snapshot's metrics). */
  name?: string;
  environment: string;
  /** Before the first successful deployment: the change checks fail (default) or pass, saying why. */
  whenMissing: "fail" | "pass";
  location?: SourceLocation;
}

export type OnFail = "fail_pipeline" | "require_approval" | "warn";
export type OnReject = "fail_pipeline" | "block";

interface StepBase {
  name: string;
  location?: SourceLocation;
}

export interface TrainingStep extends StepBase {
  type: "training";
}

export interface TestStep extends StepBase {
  type: "test";
  checks: Condition[];
  onFail: OnFail;
}

export interface ApprovalStep extends StepBase {
  type: "approval";
  /** GitHub logins, lower-cased for comparison but kept as written in `display`. */
  users: string[];
  /** "org/team-slug" entries. */
  teams: string[];
  minApprovals: number;
  autoApproveIf: Condition[];
  allowSelfApproval: boolean;
  onReject: OnReject;
  /** How long the approval may stay pending, and what then; undefined: it waits as long as GitHub lets a job wait. */
  timeout?: ApprovalTimeout;
  /** Who may approve the current candidate by break-glass override (`/model-approval override <reason>`). */
  overrideBy: ApproverList;
}

/** Logins and "org/team-slug" entries, as an approval step lists them. */
export interface ApproverList {
  users: string[];
  teams: string[];
}

export const ON_TIMEOUT = ["reject", "escalate", "wait"] as const;
export type OnTimeout = (typeof ON_TIMEOUT)[number];

export interface ApprovalTimeout {
  /** The duration in milliseconds, and as written (e.g. "72h"), for reports. */
  ms: number;
  text: string;
  onTimeout: OnTimeout;
  /** on_timeout: escalate: whose approvals also count once the timeout has passed. */
  escalateTo: ApproverList;
}

export interface DeployStep extends StepBase {
  type: "deploy";
  environment: string;
}

export type Step = TrainingStep | TestStep | ApprovalStep | DeployStep;
export type StepType = Step["type"];
export const STEP_TYPES: readonly StepType[] = ["training", "test", "approval", "deploy"];

/** The validated, normalised config: defaults applied, shorthands expanded, conditions parsed. */
export interface Config {
  /** Path of the file it was read from, for diagnostics and the "PR edits the config" rule. */
  file: string;
  version: 1;
  model: { name?: string; artifacts: string[] };
  metrics: MetricSourceSpec[];
  baseline: MetricSourceSpec[];
  /** Baselines read from what is deployed (`baseline: { environment }`), beside the file sources. */
  deployedBaseline: DeployedBaselineSpec[];
  protectedPaths: string[];
  /** Which training runs' recordings are evidence. */
  evidence: EvidenceSettings;
  steps: Step[];
  /** Where state changes are announced; the destinations' URLs live in the environment, not here. */
  notify: NotifyRule[];
}

export interface NotifyRule {
  /** The destination's name; MODEL_APPROVAL_NOTIFY_<NAME>_URL holds its URL. */
  to: string;
  type: "slack" | "webhook";
  /** The events sent to it. */
  on: NotificationEventName[];
  location?: SourceLocation;
}

export interface EvidenceSettings {
  /**
   * The workflow files whose runs record the evidence (e.g. .github/workflows/train.yml). Empty:
   * any workflow file that exists on the default branch, so a workflow a PR adds cannot speak.
   */
  workflows: string[];
}
