// Conditions on metrics computed from predictions (src/core/predictions). They read like any
// other, with what the predictions add:
//   - an absolute check (`preds.f1 >= 0.85`) compares the point value, and the report shows its
//     interval beside it;
//   - a change check (`preds.f1 >= baseline - 0.01`) is judged by the paired bootstrap interval of
//     candidate − baseline (of candidate / baseline for `baseline * f`): pass when the whole
//     interval satisfies the margin, fail when none of it does, inconclusive otherwise;
//   - a slice below the source's min_slice_count is not judged: inconclusive when named alone,
//     skipped (and listed) by `every slice of …`.
// An inconclusive check never passes: it asks for a manual approval (policy/steps.ts).
import { quoteValue } from "./ref-text.js";
import type { ConditionResult, ConditionSources, SliceOutcome } from "./evaluate.js";
import { compare, formatBound, formatNumber, formatValueAgainst, thresholdOf } from "./evaluate.js";
import type { CompareOp, Condition } from "./types.js";
import type { MetricLookup } from "../metrics/types.js";
import type { CellResult, PredictionsResult } from "../predictions/evaluate.js";
import type { Interval } from "../predictions/interval.js";
import { cellOfPath } from "../predictions/values.js";
import { decimalArithmetic } from "./decimal.js";

type Found = MetricLookup & { ok: true };

/** How an interval stands against a margin for `op`: all of it holds, none of it, or some. */
export function judgeInterval(
  interval: Interval,
  op: CompareOp,
  margin: number,
): "pass" | "fail" | "inconclusive" {
  const [lo, hi] = interval;
  const all = compare(lo, op, margin) && compare(hi, op, margin);
  if (op === "==")
    return lo === margin && hi === margin ? "pass" : margin < lo || margin > hi ? "fail" : "inconclusive";
  if (op === "!=")
    return margin < lo || margin > hi ? "pass" : lo === margin && hi === margin ? "fail" : "inconclusive";
  if (all) return "pass";
  return !compare(lo, op, margin) && !compare(hi, op, margin) ? "fail" : "inconclusive";
}

export function formatInterval(interval: Interval | null | undefined): string {
  return interval ? `[${formatNumber(interval[0])}, ${formatNumber(interval[1])}]` : "[undefined]";
}

const signed = (n: number) => (n >= 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** Why a slice is not judged: too few examples, or weights that amount to too few. */
function tooSmall(cell: CellResult, result: PredictionsResult): string {
  return cell.count < result.minSliceCount
    ? `has ${cell.count} examples, fewer than min_slice_count ${result.minSliceCount}`
    : `has ${cell.count} examples whose weights amount to fewer than min_slice_count ${result.minSliceCount}`;
}

function sliceName(cell: CellResult): string {
  return cell.slice ? `${cell.slice.column}=${quoteValue(cell.slice.value)}` : "all examples";
}

/** Judges `name` in one cell of a predictions result; undefined when the metric has no interval. */
function judgeCell(
  condition: Condition,
  name: string,
  cell: CellResult,
  result: PredictionsResult,
  located: { source?: string; file?: string; key?: string },
  sources: ConditionSources,
): ConditionResult | undefined {
  if (!Object.prototype.hasOwnProperty.call(cell.metrics, name)) return undefined;
  const value = cell.metrics[name] ?? undefined;
  const interval = cell.intervals[name] ?? null;
  const base = { condition, passed: false, ...located, interval };
  const label = `${condition.metric.text}`;
  if (!cell.judged) {
    return {
      ...base,
      ...(value === undefined ? {} : { value }),
      inconclusive: true,
      reason: `${sliceName(cell)} ${tooSmall(cell, result)}: reported, not judged`,
    };
  }
  if (value === undefined)
    return {
      ...base,
      reason: `${label} is not defined for ${sliceName(cell)} (e.g. no positive example, or one class only)`,
    };
  if (condition.value.kind === "number") {
    const threshold = condition.value.value;
    const passed = compare(value, condition.op, threshold);
    const shown = formatValueAgainst(value, threshold);
    const bound = formatBound(threshold);
    return {
      ...base,
      passed,
      value,
      threshold,
      shown,
      needs: `${condition.op} ${bound}`,
      reason: `${label} = ${shown} ${formatInterval(interval)} ${passed ? `holds (${condition.op} ${bound})` : `fails: needs ${condition.op} ${bound}`}`,
    };
  }
  const comparison = cell.comparison;
  if (!comparison) {
    const failedBaseline = located.source !== undefined && sources.baselineErrors?.[located.source];
    const why = failedBaseline
      ? `the baseline predictions cannot be used: ${failedBaseline}`
      : "no baseline predictions on the same examples to pair with (a change check on computed metrics compares both models example by example)";
    return failedBaseline
      ? { ...base, value, reason: `no baseline for ${label}: ${why}` }
      : { ...base, value, inconclusive: true, reason: `${label}: ${why}` };
  }
  const baseline = comparison.baseline[name] ?? undefined;
  if (baseline === undefined)
    return {
      ...base,
      value,
      inconclusive: true,
      reason: `${label} is not defined for the baseline on ${sliceName(cell)}`,
    };
  const adjust = condition.value.adjust;
  const ratio = adjust?.op === "*";
  const margin = ratio ? adjust!.amount : adjust ? (adjust.op === "+" ? adjust.amount : -adjust.amount) : 0;
  const changeInterval = (ratio ? comparison.ratio[name] : comparison.difference[name]) ?? null;
  const bound = thresholdOf(condition, baseline);
  const threshold = bound.ok ? bound.threshold : baseline;
  const delta = decimalArithmetic(value, "-", baseline);
  const change = {
    kind: ratio ? ("ratio" as const) : ("difference" as const),
    interval: changeInterval,
    margin,
  };
  const what = ratio ? "candidate / baseline" : "candidate − baseline";
  const shownMargin = ratio ? formatNumber(margin) : signed(margin);
  const common = {
    ...base,
    value,
    baseline,
    threshold,
    delta,
    change,
    shown: formatNumber(value),
    needs: `${condition.op} ${formatBound(threshold)}, from baseline ${formatBound(baseline)}`,
  };
  if (!changeInterval)
    return {
      ...common,
      inconclusive: true,
      reason: `${label}: ${what} is not defined in every resample, so the change cannot be judged`,
    };
  const outcome = judgeInterval(changeInterval, condition.op, margin);
  const detail = `${label} = ${formatNumber(value)}, baseline ${formatNumber(baseline)}: ${what} ${formatInterval(changeInterval)} (${Math.round(result.bootstrap.confidence * 100)}% paired interval) against ${condition.op} ${shownMargin}`;
  if (outcome === "pass") return { ...common, passed: true, reason: `${detail} holds` };
  if (outcome === "fail") return { ...common, reason: `${detail} fails` };
  return {
    ...common,
    inconclusive: true,
    reason: `${detail} is inconclusive: the interval straddles the margin`,
  };
}

/** A condition on a predictions source's metric; undefined when it is not one with an interval (a count). */
export function judgePredictionsMetric(
  condition: Condition,
  found: Found,
  result: PredictionsResult,
  sources: ConditionSources,
): ConditionResult | undefined {
  // A slice is `[slice c="v"]` or, spelt out in the values' tree, `slices.c.v`: both are judged alike.
  const [first, ...rest] = found.path;
  let slice: { key: string; value: string } | undefined;
  let within: unknown[] = found.path;
  if (typeof first === "object" && first.kind === "slice") [slice, within] = [first, rest];
  else if (first === "slices" && typeof rest[0] === "string" && typeof rest[1] === "string")
    [slice, within] = [{ key: rest[0], value: rest[1] }, rest.slice(2)];
  const cell = cellOfPath(result, slice?.key, slice?.value);
  if (!cell) return undefined;
  const located = { source: found.source, file: found.file, key: found.key };
  const [name, deeper] = within;
  if (
    typeof name === "string" &&
    deeper === undefined &&
    Object.prototype.hasOwnProperty.call(cell.metrics, name)
  )
    return judgeCell(condition, name, cell, result, located, sources);
  // A count or a confusion count: compared as a number, but never in a slice too small to judge.
  if (!cell.judged)
    return {
      condition,
      passed: false,
      ...located,
      value: found.value,
      inconclusive: true,
      reason: `${sliceName(cell)} ${tooSmall(cell, result)}: reported, not judged`,
    };
  return undefined;
}

function inputError(condition: Condition, message: string): ConditionResult {
  return { condition, passed: false, availableKeys: [], inputError: message, reason: message };
}

/** `every slice of SOURCE by COLUMN: METRIC OP VALUE`. */
export function judgeEverySlice(
  condition: Condition,
  every: { source: string; column: string },
  sources: ConditionSources,
): ConditionResult {
  const source = sources.metrics.find((s) => s.name === every.source);
  const failed = sources.metricErrors?.[every.source];
  if (!source && failed)
    return {
      condition,
      passed: false,
      source: every.source,
      reason: `metric source '${every.source}' could not be loaded: ${failed}`,
    };
  if (!source)
    return inputError(
      condition,
      `every slice of ${every.source}: there is no metric source named '${every.source}'`,
    );
  const result = source.predictions;
  if (!result)
    return inputError(
      condition,
      `every slice of ${every.source}: '${every.source}' is not a predictions source (format: predictions)`,
    );
  const at = result.slices.findIndex((s) => s.column === every.column);
  if (at < 0) {
    const columns = result.slices.map((s) => s.column).join(", ") || "none";
    return inputError(
      condition,
      `every slice of ${every.source} by ${every.column}: '${every.source}' is not sliced by '${every.column}' (its slices: ${columns})`,
    );
  }
  const [name, more] = condition.metric.segments;
  const metric = typeof name === "string" && more === undefined ? name : undefined;
  if (metric === undefined || !Object.prototype.hasOwnProperty.call(result.cells[0]!.metrics, metric)) {
    const names = Object.keys(result.cells[0]!.metrics).join(", ");
    return inputError(
      condition,
      `every slice of ${every.source}: \`${condition.metric.text}\` is not one of its metrics (${names})`,
    );
  }
  const outcomes: SliceOutcome[] = [];
  const located = { source: source.name, file: source.file };
  for (const cell of result.cells) {
    if (cell.slice?.column !== every.column) continue;
    const slice = sliceName(cell);
    if (!cell.judged) {
      outcomes.push({
        slice,
        count: cell.count,
        outcome: "not judged",
        reason: tooSmall(cell, result),
      });
      continue;
    }
    const judged = judgeCell(condition, metric, cell, result, located, sources)!;
    outcomes.push({
      slice,
      count: cell.count,
      outcome: judged.passed ? "pass" : judged.inconclusive ? "inconclusive" : "fail",
      ...(judged.value === undefined ? {} : { value: judged.value }),
      reason: judged.reason,
    });
  }
  const counted = outcomes.filter((o) => o.outcome !== "not judged");
  const failing = counted.filter((o) => o.outcome === "fail");
  const unsure = counted.filter((o) => o.outcome === "inconclusive");
  const skipped = outcomes.length - counted.length;
  const skippedNote =
    skipped > 0
      ? `; ${skipped} slice${skipped === 1 ? "" : "s"} below min_slice_count ${result.minSliceCount} not judged`
      : "";
  const base = { condition, ...located, slices: outcomes };
  if (counted.length === 0)
    return {
      ...base,
      passed: false,
      reason: `no slice of ${every.column} has at least min_slice_count ${result.minSliceCount} examples, so none could be judged${skippedNote}`,
    };
  if (failing.length > 0) {
    const listed = failing
      .slice(0, 5)
      .map((o) => `${o.slice}: ${o.reason}`)
      .join("; ");
    return {
      ...base,
      passed: false,
      reason: `${failing.length} of ${counted.length} slices of ${every.column} fail: ${listed}${failing.length > 5 ? "; …" : ""}${skippedNote}`,
    };
  }
  if (unsure.length > 0) {
    const listed = unsure
      .slice(0, 5)
      .map((o) => o.slice)
      .join(", ");
    return {
      ...base,
      passed: false,
      inconclusive: true,
      reason: `${unsure.length} of ${counted.length} slices of ${every.column} are inconclusive (${listed}); the others hold${skippedNote}`,
    };
  }
  return {
    ...base,
    passed: true,
    reason: `holds in all ${counted.length} judged slices of ${every.column}${skippedNote}`,
  };
}
