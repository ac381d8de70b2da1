// Small formatting helpers shared by the markdown and text reports.
import type { Decision, DecisionResult, MetricRow, Reason, StepResult, StepStatus } from "../policy/types.js";
import {
  formatBound,
  formatNumber,
  formatValueAgainst,
  type ChangeJudgement,
} from "../conditions/evaluate.js";
import { formatInterval } from "../conditions/predictions.js";
import { parseCondition } from "../conditions/parse.js";
import type { Condition } from "../conditions/types.js";

export const DECISION_WORD: Record<Decision, string> = {
  approved: "APPROVED",
  pending: "PENDING",
  rejected: "REJECTED",
  error: "ERROR",
};

const SYMBOL: Record<StepStatus, string> = {
  passed: "✓",
  approved: "✓",
  auto_approved: "✓",
  ready: "✓",
  warned: "!",
  needs_approval: "…",
  pending: "…",
  blocked: "…",
  failed: "✗",
  rejected: "✗",
  timed_out: "✗",
  overridden: "!",
  error: "✗",
};

export function statusSymbol(status: StepStatus): string {
  return SYMBOL[status];
}

export function statusWord(status: StepStatus): string {
  return status.replace("_", " ");
}

export function headline(result: DecisionResult): string {
  const word = DECISION_WORD[result.decision];
  const qualifier =
    result.decision === "approved" && result.override
      ? ` (OVERRIDDEN by ${result.override.by})`
      : result.decision === "approved" && result.autoApproved
        ? " (auto-approved)"
        : result.decision === "rejected" && !result.failPipeline
          ? " (blocked)"
          : "";
  return `${word}${qualifier}`;
}

export function num(value: number | undefined): string {
  return value === undefined ? "—" : formatNumber(value);
}

/** A row's value as compared: with the digits it takes to compare with its bound as it does. */
export function rowValue(row: MetricRow): string {
  if (row.value === undefined) return "—";
  const value = formatValueAgainst(row.value, row.threshold);
  return row.interval ? `${value} ${formatInterval(row.interval)}` : value;
}

export function signed(delta: number): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "" : "±";
  return `${sign}${formatNumber(delta)}`;
}

export function change(row: { delta?: number; baseline?: number; change?: ChangeJudgement }): string {
  if (row.delta === undefined || row.baseline === undefined) return "—";
  const plain = `${signed(row.delta)} (baseline ${formatBound(row.baseline)})`;
  const judged = row.change;
  if (!judged) return plain;
  // The paired interval the check was judged by, and the margin it had to clear.
  const what = judged.kind === "ratio" ? "ratio" : "Δ";
  const margin = judged.kind === "ratio" ? formatNumber(judged.margin) : signed(judged.margin);
  return `${plain}, ${what} ${formatInterval(judged.interval)} vs ${margin}`;
}

/** The row's condition, read back from its normalised text (reports keep only the text). */
export function conditionOf(row: MetricRow): Condition | undefined {
  const parsed = parseCondition(row.condition);
  return parsed.ok ? parsed.condition : undefined;
}

/** Which way the condition says is better: "higher", "lower", or undefined for == and !=. */
export function direction(row: MetricRow): "higher" | "lower" | undefined {
  const op = conditionOf(row)?.op;
  if (op === ">" || op === ">=") return "higher";
  if (op === "<" || op === "<=") return "lower";
  return undefined;
}

/**
 * The bound the value was compared with, when the condition computes it (`baseline - 0.05`):
 * ">= 0.47". A literal bound is in the condition already.
 */
export function computedBound(row: MetricRow): string | undefined {
  const condition = conditionOf(row);
  if (!condition || condition.value.kind !== "baseline" || row.threshold === undefined) return undefined;
  return `${condition.op} ${formatBound(row.threshold)}`;
}

export function shortDigest(digest: string | undefined): string | undefined {
  return digest ? `sha256:${digest.slice(0, 12)}` : undefined;
}

export function shortCommit(sha: string | undefined | null): string {
  return sha ? sha.slice(0, 7) : "unknown";
}

/** "training run 123 (attempt 2) of .github/workflows/train.yml on pull_request", or what else the evidence is. */
export function evidenceLine(result: DecisionResult): string | undefined {
  const evidence = result.candidate?.evidence;
  if (!evidence) return undefined;
  if (evidence.kind === "missing") return `none yet (${evidence.where})`;
  const run = evidence.run;
  // The same words whether the run itself or a later reader reports it, so both render alike.
  return run
    ? `training run ${run.id} (attempt ${run.attempt}) of ${run.workflow} on ${run.event}`
    : evidence.where;
}

/** "the default branch main (blob 0123456)", marked when the rules are not trusted. */
export function configLine(result: DecisionResult): string | undefined {
  const config = result.candidate?.config;
  if (!config) return undefined;
  const blob = config.blobSha ? ` (blob ${config.blobSha.slice(0, 7)})` : "";
  return `${config.path} from ${config.where}${blob}${config.trusted ? "" : ", not trusted to approve"}`;
}

export interface ApprovalLine {
  step: string;
  login: string;
  state: string;
  commit: string;
  counted: boolean;
  /** The model the review was cast on (digest or metrics key). */
  model?: string;
  why?: string;
  /** What a reviewer who requested changes wrote. */
  body?: string;
}

/** The reviews the decision looked at, from the approver reasons of each approval step. */
export function approvalLines(result: DecisionResult): ApprovalLine[] {
  const lines: ApprovalLine[] = [];
  const walk = (step: string, reasons: DecisionResult["steps"][number]["reasons"]): void => {
    for (const reason of reasons) {
      if (reason.kind === "approver" && reason.data) {
        const d = reason.data;
        lines.push({
          step,
          login: String(d.login),
          state: String(d.state),
          commit: typeof d.commit === "string" ? d.commit : "",
          counted: d.counted === true,
          ...(typeof d.model === "string" ? { model: d.model } : {}),
          ...(typeof d.why === "string" ? { why: d.why } : {}),
          ...(typeof d.body === "string" ? { body: d.body } : {}),
        });
      }
      if (reason.children) walk(step, reason.children);
    }
  };
  for (const step of result.steps) if (step.type === "approval") walk(step.name, step.reasons);
  return lines;
}

/** Whether the row is an auto_approve_if condition (of an approval step), not a test check. */
export function isAutoApproval(result: DecisionResult, row: MetricRow): boolean {
  return result.steps.some((s) => s.type === "approval" && s.name === row.step);
}

/** An auto_approve_if condition that does not hold only means a human decides: not a failure. */
export function rowVerdict(result: DecisionResult, row: MetricRow): { ok: boolean; word: string } {
  if (isAutoApproval(result, row)) return { ok: row.passed, word: row.passed ? "met" : "not reached" };
  if (row.inconclusive) return { ok: false, word: "inconclusive" };
  return { ok: row.passed, word: row.passed ? "pass" : "FAIL" };
}

/** What a waiting step is waiting for: its pending reasons and the rules beneath them. */
export function pendingReasons(step: StepResult): Reason[] {
  return step.reasons
    .filter((r) => r.outcome === "pending")
    .flatMap((r) => [r, ...(r.children ?? []).filter((c) => c.kind === "rule" && c.outcome === "pending")]);
}
