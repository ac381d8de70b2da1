// Evaluates one condition against loaded metrics. Comparisons are plain IEEE-754 comparisons with
// no epsilon: `accuracy >= 0.8` with accuracy 0.7999999 fails, and `==` means bit-for-bit equal
// after parsing. A tolerance would be a hidden, undocumented threshold; write `>= 0.799` instead.
// A bound computed from the baseline (`baseline - 0.05`) is computed in decimal (decimal.ts), and the
// bound a message shows is exactly the bound compared: 0.47 >= 0.52 - 0.05 holds.
import type { MetricLookup, MetricSource } from "../metrics/types.js";
import { lookupMetric } from "../metrics/lookup.js";
import { decimalArithmetic } from "./decimal.js";
import type { Interval } from "../predictions/interval.js";
import { judgeEverySlice, judgePredictionsMetric } from "./predictions.js";
import type { CompareOp, Condition, MetricRef } from "./types.js";

export interface ConditionResult {
  condition: Condition;
  passed: boolean;
  /** The metric's value, when it was found and is a finite number. */
  value?: number;
  /** The value compared against, baseline adjustment applied. */
  threshold?: number;
  /** The same metric in the baseline sources, when found. */
  baseline?: number;
  /** value - baseline (in decimal), when both are known. */
  delta?: number;
  source?: string;
  file?: string;
  key?: string;
  availableKeys?: string[];
  /**
   * Set when the reference itself is wrong (ambiguous between sources): an input error that makes
   * the decision an error, whatever `on_fail` says.
   */
  inputError?: string;
  /** Why it passed or failed, without the condition's text, e.g. "accuracy = 0.93 holds (> 0.9)". */
  reason: string;
  /** When a value was compared: what it needed, as shown, e.g. ">= 0.47, from baseline 0.52". */
  needs?: string;
  /** When a value was compared: the value as shown beside that bound. */
  shown?: string;
  /**
   * Neither pass nor fail (`passed` is false): a change check whose paired interval straddles its
   * margin, or a metric that was not judged (a small slice). It asks for a manual approval.
   */
  inconclusive?: true;
  /** A metric computed from predictions: its bootstrap interval. */
  interval?: Interval | null;
  /** A change check judged on predictions: the paired interval it was judged by, and the margin. */
  change?: ChangeJudgement;
  /** `every slice of …`: each slice's outcome. */
  slices?: SliceOutcome[];
}

export interface ChangeJudgement {
  /** `difference`: candidate − baseline against `margin`; `ratio`: candidate / baseline against it. */
  kind: "difference" | "ratio";
  interval: Interval | null;
  margin: number;
}

export interface SliceOutcome {
  /** e.g. country="DE" */
  slice: string;
  count: number;
  outcome: "pass" | "fail" | "inconclusive" | "not judged";
  value?: number;
  reason: string;
}

export interface ConditionSources {
  metrics: MetricSource[];
  baseline: MetricSource[];
  /** Load failures by source name: a check that may read a failed source fails (closed). */
  metricErrors?: Record<string, string>;
  baselineErrors?: Record<string, string>;
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

export function compare(value: number, op: CompareOp, threshold: number): boolean {
  return COMPARE[op](value, threshold);
}

/**
 * A reference qualified by a loaded source reads only that source. Anything else (unqualified, or
 * qualified by a source that failed to load) might have read a failed source, so it fails closed.
 */
function find(ref: MetricRef, sources: MetricSource[], errors?: Record<string, string>): MetricLookup {
  const failed = Object.entries(errors ?? {});
  const first = ref.segments[0];
  const qualified = ref.segments.length > 1;
  const ownError = failed.find(([name]) => qualified && name === first);
  if (ownError)
    return {
      ok: false,
      reason: `metric source '${ownError[0]}' could not be loaded: ${ownError[1]}`,
      source: ownError[0],
      availableKeys: [],
    };
  const readsLoadedSource = qualified && sources.some((source) => source.name === first);
  if (failed.length > 0 && !readsLoadedSource) {
    const why = failed.map(([, message]) => message).join("; ");
    return { ok: false, reason: `metrics could not be loaded: ${why}`, availableKeys: [] };
  }
  return lookupMetric(ref, sources);
}

export function thresholdOf(
  condition: Condition,
  baseline: number | undefined,
): { ok: true; threshold: number } | { ok: false } {
  const operand = condition.value;
  if (operand.kind === "number") return { ok: true, threshold: operand.value };
  if (baseline === undefined) return { ok: false };
  const adjust = operand.adjust;
  if (!adjust) return { ok: true, threshold: baseline };
  return { ok: true, threshold: decimalArithmetic(baseline, adjust.op, adjust.amount) };
}

/** A number for people: six significant digits. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** A bound as compared: all its digits (the shortest text that reads back as the same number). */
export function formatBound(n: number): string {
  return String(n);
}

function order(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A value shown beside the bound it was compared with: six significant digits, or as many more as
 * it takes for the shown value to compare with the bound as the value does (0.4699999 is not shown
 * as 0.47 against a bound of 0.47).
 */
export function formatValueAgainst(value: number, bound: number | undefined): string {
  if (bound === undefined || !Number.isFinite(value) || !Number.isFinite(bound)) return formatNumber(value);
  const wanted = order(value, bound);
  for (let digits = 6; digits <= 17; digits++) {
    const shown = String(Number(value.toPrecision(digits)));
    if (order(Number(shown), bound) === wanted) return shown;
  }
  return String(value);
}

export function evaluateCondition(condition: Condition, sources: ConditionSources): ConditionResult {
  if (condition.every) return judgeEverySlice(condition, condition.every, sources);
  const found = find(condition.metric, sources.metrics, sources.metricErrors);
  const computed = found.ok ? sources.metrics.find((m) => m.name === found.source)?.predictions : undefined;
  if (found.ok && computed) {
    const judged = judgePredictionsMetric(condition, found, computed, sources);
    if (judged) return judged;
  }
  const needsBaseline = condition.value.kind === "baseline";
  const hasBaseline = sources.baseline.length > 0 || Object.keys(sources.baselineErrors ?? {}).length > 0;
  const base = hasBaseline ? find(condition.metric, sources.baseline, sources.baselineErrors) : undefined;
  const baseline = base?.ok ? base.value : undefined;

  const ambiguous = [found, base].find((lookup) => lookup && !lookup.ok && lookup.ambiguous);
  if (ambiguous && !ambiguous.ok) {
    const where = ambiguous === base ? "baseline: " : "";
    return {
      condition,
      passed: false,
      availableKeys: [],
      inputError: `${where}${ambiguous.reason}`,
      reason: `${where}${ambiguous.reason}`,
    };
  }
  if (!found.ok) {
    return {
      condition,
      passed: false,
      baseline,
      source: found.source,
      file: found.file,
      availableKeys: found.availableKeys,
      reason: found.reason,
    };
  }
  const located = { source: found.source, file: found.file, key: found.key };
  const value = found.value;
  const delta = baseline === undefined ? undefined : decimalArithmetic(value, "-", baseline);
  const threshold = thresholdOf(condition, baseline);
  if (!threshold.ok) {
    const why = base && !base.ok ? base.reason : "no baseline metrics are configured";
    return {
      condition,
      passed: false,
      value,
      ...located,
      reason: `no baseline value for ${condition.metric.text}: ${why}`,
    };
  }
  const passed = compare(value, condition.op, threshold.threshold);
  const bound = formatBound(threshold.threshold);
  const against = needsBaseline ? `${bound}, from baseline ${formatBound(baseline!)}` : bound;
  const shown = formatValueAgainst(value, threshold.threshold);
  const detail = `${condition.metric.text} = ${shown}`;
  const verdict = passed ? `holds (${condition.op} ${against})` : `fails: needs ${condition.op} ${against}`;
  return {
    needs: `${condition.op} ${against}`,
    shown,
    condition,
    passed,
    value,
    threshold: threshold.threshold,
    baseline,
    delta,
    ...located,
    reason: `${detail} ${verdict}`,
  };
}
