// Hand-built configs and inputs for the engine's unit tests.
import type { ApprovalStep, Config, Step, TestStep } from "../../../src/core/config/types.js";
import type { Condition } from "../../../src/core/conditions/types.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";
import type { MetricSource, MetricTree } from "../../../src/core/metrics/types.js";
import type { DecideInput, PullRequestContext, Review } from "../../../src/core/policy/types.js";

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
    protectedPaths: [],
    steps,
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

export function pr(reviews: Review[] = [], overrides: Partial<PullRequestContext> = {}): PullRequestContext {
  return {
    number: 7,
    author: "mallory",
    headSha: HEAD,
    baseRef: "main",
    changedFiles: ["models/train.py"],
    reviews,
    ...overrides,
  };
}

export function input(cfg: Config, overrides: Partial<DecideInput> = {}): DecideInput {
  return {
    config: cfg,
    metrics: [source({ accuracy: 0.93, f1: 0.8 })],
    baseline: [],
    teamMembers: {},
    ...overrides,
  };
}

export const TRAIN: Step = { name: "train_model", type: "training" };
export const DEPLOY: Step = { name: "deploy", type: "deploy", environment: "production" };
