import type { Condition } from "../conditions/types.js";
import type { Locator } from "./locate.js";
import { parseDuration } from "./duration.js";
import { predictionsSpec } from "./predictions.js";
import { NOTIFICATION_EVENTS, type NotificationEventName } from "../notify/event.js";
import type { ApprovalTimeout, ApproverList, NotifyRule, OnTimeout } from "./types.js";
import type {
  CheckpointChoice,
  Config,
  DeployedBaselineSpec,
  MetricFormat,
  MetricSourceSpec,
  OnFail,
  OnReject,
  Step,
} from "./types.js";

type Data = Record<string, unknown>;

/** The name a bare `metrics: path` (or `baseline: path`) source gets, the same in both sections. */
export const BARE_SOURCE_NAME = "metrics";

const isDeployed = (value: unknown): value is { environment: string; when_missing?: "fail" | "pass" } =>
  value !== null && typeof value === "object" && "environment" in value;

function deployed(value: unknown, locator: Locator): DeployedBaselineSpec[] {
  const spec = (raw: { environment: string; when_missing?: "fail" | "pass" }, name?: string) => ({
    ...(name !== undefined ? { name } : {}),
    environment: raw.environment,
    whenMissing: raw.when_missing ?? "fail",
    location: locator.at(name !== undefined ? ["baseline", name] : ["baseline"]),
  });
  if (isDeployed(value)) return [spec(value)];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value as Data).flatMap(([name, raw]) => (isDeployed(raw) ? [spec(raw, name)] : []));
}

function sources(
  value: unknown,
  section: "metrics" | "baseline",
  locator: Locator,
  candidates: MetricSourceSpec[] = [],
): MetricSourceSpec[] {
  if (typeof value === "string")
    return [{ name: BARE_SOURCE_NAME, path: value, location: locator.at([section]) }];
  if (value === null || typeof value !== "object" || isDeployed(value)) return [];
  return Object.entries(value as Data).flatMap(([name, spec]): MetricSourceSpec[] => {
    if (isDeployed(spec)) return [];
    const location = locator.at([section, name]);
    if (typeof spec === "string") return [{ name, path: spec, location }];
    const { path, format, ref, checkpoint, step } = spec as {
      path: string;
      format?: MetricFormat;
      ref?: string;
      checkpoint?: CheckpointChoice;
      step?: number;
    };
    const out: MetricSourceSpec = { name, path, location };
    if (format !== undefined) out.format = format;
    if (checkpoint !== undefined) out.checkpoint = checkpoint;
    if (step !== undefined) out.step = step;
    if (ref !== undefined) out.ref = ref;
    if (format === "predictions") {
      const inherited = candidates.find((c) => c.name === name)?.predictions;
      out.predictions = predictionsSpec(spec as Data, inherited);
    }
    return [out];
  });
}

function step(raw: Data, index: number, locator: Locator, conditions: Map<string, Condition[]>): Step {
  const base = { name: raw.name as string, location: locator.at(["steps", index]) };
  const inputs = (raw.inputs ?? {}) as Data;
  switch (raw.type) {
    case "test":
      return {
        ...base,
        type: "test",
        checks: conditions.get(`steps/${index}/inputs/checks`) ?? [],
        onFail: (raw.on_fail as OnFail | undefined) ?? "fail_pipeline",
      };
    case "approval": {
      const { users, teams } = approverList(inputs.approvers);
      const timeout = approvalTimeout(raw, inputs);
      return {
        ...base,
        type: "approval",
        users,
        teams,
        minApprovals: (inputs.min_approvals as number | undefined) ?? 1,
        autoApproveIf: conditions.get(`steps/${index}/inputs/auto_approve_if`) ?? [],
        allowSelfApproval: (inputs.allow_self_approval as boolean | undefined) ?? false,
        onReject: (raw.on_reject as OnReject | undefined) ?? "fail_pipeline",
        ...(timeout ? { timeout } : {}),
        overrideBy: approverList(inputs.override_by),
      };
    }
    case "deploy":
      return { ...base, type: "deploy", environment: inputs.environment as string };
    default:
      return { ...base, type: "training" };
  }
}

function approverList(value: unknown): ApproverList {
  const entries = Array.isArray(value) ? (value as string[]) : [];
  return { users: entries.filter((a) => !a.includes("/")), teams: entries.filter((a) => a.includes("/")) };
}

function approvalTimeout(raw: Data, inputs: Data): ApprovalTimeout | undefined {
  const text = raw.timeout;
  const ms = typeof text === "string" ? parseDuration(text) : undefined;
  if (typeof text !== "string" || ms === undefined) return undefined;
  return {
    ms,
    text: text.trim(),
    onTimeout: (raw.on_timeout as OnTimeout | undefined) ?? "reject",
    escalateTo: approverList(inputs.escalate_to),
  };
}

function notifyRules(value: unknown, locator: Locator): NotifyRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: Data, i) => ({
    to: raw.to as string,
    type: raw.type as NotifyRule["type"],
    on: (raw.on as NotificationEventName[] | undefined) ?? [...NOTIFICATION_EVENTS],
    location: locator.at(["notify", i]),
  }));
}

function evidenceWorkflows(value: unknown): string[] {
  const workflow = (value as { workflow?: string | string[] } | undefined)?.workflow;
  if (workflow === undefined) return [];
  return [...new Set((Array.isArray(workflow) ? workflow : [workflow]).map((w) => w.replace(/^\.\//, "")))];
}

/** Builds the typed config from data that passed the schema and the semantic checks. */
export function normalise(
  data: Data,
  file: string,
  locator: Locator,
  conditions: Map<string, Condition[]>,
): Config {
  const model = (data.model ?? {}) as { name?: string; artifacts?: string[] };
  const metrics = sources(data.metrics, "metrics", locator);
  return {
    file,
    version: 1,
    model: { ...(model.name !== undefined ? { name: model.name } : {}), artifacts: model.artifacts ?? [] },
    metrics,
    baseline: sources(data.baseline, "baseline", locator, metrics),
    deployedBaseline: deployed(data.baseline, locator),
    protectedPaths: (data.protected_paths as string[] | undefined) ?? [],
    evidence: { workflows: evidenceWorkflows(data.evidence) },
    steps: (data.steps as Data[]).map((raw, i) => step(raw, i, locator, conditions)),
    notify: notifyRules(data.notify, locator),
  };
}
