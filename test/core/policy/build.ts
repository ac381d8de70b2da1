// Hand-built configs and candidates for the engine's unit tests.
import type { ApprovalStep, Config, Step, TestStep } from "../../../src/core/config/types.js";
import type { Condition } from "../../../src/core/conditions/types.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import type { MetricSource, MetricTree } from "../../../src/core/metrics/types.js";
import type { ModelIdentity, Review } from "../../../src/core/policy/types.js";
import type {
  Candidate,
  CandidatePullRequest,
  Evidence,
  Measurements,
  Recording,
} from "../../../src/core/candidate/types.js";
import { changedFiles as listed } from "../../../src/core/candidate/changed-files.js";
import { modelKey } from "../../../src/core/candidate/model-key.js";
import { GITHUB_LIMITS } from "../../../src/core/github-limits.js";

export const HEAD = "a".repeat(40);
export const OLD = "b".repeat(40);

export function cond(text: string): Condition {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(`bad test condition ${text}: ${parsed.message}`);
  return parsed.condition;
}

export function source(values: MetricTree, name = "eval", file = "metrics/eval.json"): MetricSource {
  return { name, file, format: "json", values };
}

export function testStep(
  checks: string[],
  onFail: TestStep["onFail"] = "fail_pipeline",
  name = "accuracy_check",
): TestStep {
  return { name, type: "test", checks: checks.map(cond), onFail };
}

export function approvalStep(
  overrides: Partial<Omit<ApprovalStep, "autoApproveIf">> & { autoApproveIf?: string[] } = {},
): ApprovalStep {
  const { autoApproveIf = [], ...rest } = overrides;
  return {
    name: "approve_model",
    type: "approval",
    users: ["alice"],
    teams: [],
    minApprovals: 1,
    allowSelfApproval: false,
    onReject: "fail_pipeline",
    overrideBy: { users: [], teams: [] },
    ...rest,
    autoApproveIf: autoApproveIf.map(cond),
  };
}

export function config(steps: Step[], overrides: Partial<Config> = {}): Config {
  return {
    file: ".github/model-approval.yml",
    version: 1,
    model: { artifacts: [] },
    metrics: [{ name: "eval", path: "metrics/eval.json" }],
    baseline: [],
    deployedBaseline: [],
    protectedPaths: [],
    evidence: { workflows: [] },
    steps,
    notify: [],
    ...overrides,
  };
}

let nextId = 1;
export function review(
  login: string,
  state: Review["state"],
  options: { commit?: string; at?: string; id?: number } = {},
): Review {
  const id = options.id ?? nextId++;
  return {
    id,
    user: { login },
    state,
    commit_id: options.commit ?? HEAD,
    submitted_at: options.at ?? `2026-01-01T00:00:${String(id % 60).padStart(2, "0")}Z`,
  };
}

export type PrOverrides = Partial<Omit<CandidatePullRequest, "changedFiles">> & {
  /** The files as GitHub listed them, with GitHub's count when it gave one. */
  changedFiles?: string[];
  changedFilesCount?: number;
  changedFilesUnknown?: boolean;
};

export function pr(reviews: Review[] = [], overrides: PrOverrides = {}): CandidatePullRequest {
  const { changedFiles = ["models/train.py"], changedFilesCount, changedFilesUnknown, ...rest } = overrides;
  return {
    number: 7,
    author: "mallory",
    state: "open",
    headSha: HEAD,
    baseRef: "main",
    baseSha: OLD,
    changedFiles: changedFilesUnknown
      ? { known: false, why: "not given" }
      : listed(changedFiles, GITHUB_LIMITS.pullRequestFiles, changedFilesCount),
    reviews,
    ...rest,
  };
}

export interface CandidateOverrides {
  metrics?: MetricSource[];
  baseline?: MetricSource[];
  metricErrors?: Record<string, string>;
  baselineErrors?: Record<string, string>;
  model?: ModelIdentity;
  pr?: CandidatePullRequest;
  teamMembers?: Record<string, string[]>;
  unreadableTeams?: Record<string, string>;
  untrustedConfig?: string;
  commit?: string;
  defaultBranch?: Candidate["defaultBranch"];
  /** Replaces the measured evidence entirely (e.g. missing). */
  evidence?: Evidence;
  /** Earlier recordings on the commit, before the current one. */
  earlier?: Recording[];
  /** When the current evidence was recorded; absent: before every review. */
  recordedAt?: string;
}

/** A candidate measured from local files (recorded before every review unless `recordedAt` says). */
export function input(cfg: Config, overrides: CandidateOverrides = {}): Candidate {
  const measurements: Measurements = {
    metrics: overrides.metrics ?? [source({ accuracy: 0.93, f1: 0.8 })],
    baseline: overrides.baseline ?? [],
    metricErrors: overrides.metricErrors ?? {},
    baselineErrors: overrides.baselineErrors ?? {},
    ...(overrides.model ? { model: overrides.model } : {}),
  };
  const current: Recording = {
    key: modelKey(measurements),
    known: true,
    ...(overrides.recordedAt ? { recordedAt: overrides.recordedAt } : {}),
    ...(measurements.model?.digest ? { digest: measurements.model.digest } : {}),
  };
  const evidence: Evidence = overrides.evidence ?? {
    kind: "present",
    origin: { kind: "measured", where: "test files" },
    measurements,
    recordings: [...(overrides.earlier ?? []), current],
  };
  return {
    repository: "acme/models",
    commit: overrides.commit ?? overrides.pr?.headSha ?? HEAD,
    ...(overrides.pr ? { pr: overrides.pr } : {}),
    ...(overrides.defaultBranch ? { defaultBranch: overrides.defaultBranch } : {}),
    teamMembers: overrides.teamMembers ?? {},
    ...(overrides.unreadableTeams ? { unreadableTeams: overrides.unreadableTeams } : {}),
    config: {
      config: cfg,
      origin: { path: cfg.file, where: "the test" },
      ...(overrides.untrustedConfig ? { untrusted: overrides.untrustedConfig } : {}),
    },
    evidence,
  };
}

export const TRAIN: Step = { name: "train_model", type: "training" };
export const DEPLOY: Step = { name: "deploy", type: "deploy", environment: "production" };
