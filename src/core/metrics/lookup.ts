/**
 * Resolving a condition's metric reference against the loaded sources.
 *
 * - `eval.accuracy` with a source named `eval` reads `accuracy` from that source and nowhere else:
 *   a qualified reference is exact.
 * - Otherwise the whole path is resolved in every source: found in one → that value; in several →
 *   ambiguous, an input error (never a failed check that `on_fail: warn` could wave through) asking
 *   to qualify; in none → an error naming the files and their keys.
 * - Tools write flat keys with separators (W&B `eval/accuracy`, a JSON key "val.loss"), so a run
 *   of segments also matches the key they form joined with "." or "/".
 * - Hugging Face prefixes evaluation metrics with `eval_`: `accuracy` matches `eval_accuracy` in a
 *   huggingface source when no exact key exists.
 * - The value must be a finite number. Strings, even numeric ones, fail closed: a gate must not
 *   guess what "0.9" or "n/a" meant. (The CSV loader turns its cells into numbers itself.)
 */
import { formatSegments, quoteSegment } from "../conditions/ref-text.js";
import type { MetricRef, RefSegment } from "../conditions/types.js";
import { pick } from "./select.js";
import type { MetricLookup, MetricSource, MetricTree, MetricValue } from "./types.js";

const MAX_LISTED_KEYS = 30;

function isTree(value: MetricValue | undefined): value is MetricTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: MetricValue, key: string): MetricValue | undefined {
  if (isTree(value)) return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  if (Array.isArray(value) && /^\d+$/.test(key)) return value[Number(key)];
  return undefined;
}

interface Found {
  value: MetricValue;
  path: RefSegment[];
}

/** Where a resolution is, and the first list pick that failed there (to say why nothing was found). */
interface Walk {
  source: MetricSource;
  miss?: { reason: string; inputError?: true };
}

function noteMiss(walk: Walk, miss: { reason: string; inputError?: true }): void {
  // A pick that matched several items outranks one that matched none: it is an input error.
  if (!walk.miss || (miss.inputError && !walk.miss.inputError)) walk.miss = miss;
}

/**
 * Walks `segments` from `node`, letting each step consume one key segment or several joined (a
 * selector is always a step of its own). `done` is the path walked so far, for messages.
 */
function resolvePath(
  node: MetricValue,
  segments: RefSegment[],
  walk: Walk,
  done: RefSegment[] = [],
): Found | undefined {
  if (segments.length === 0) return { value: node, path: [] };
  const [head, ...tail] = segments as [RefSegment, ...RefSegment[]];
  if (typeof head !== "string") {
    const where = `${done.length > 0 ? `\`${formatKeyPath(done)}\` in ` : ""}${describeSource(walk.source)}`;
    const picked = pick(node, head, where);
    if (!picked.ok) {
      noteMiss(walk, picked);
      return undefined;
    }
    const rest = resolvePath(picked.value, tail, walk, [...done, head]);
    return rest && { value: rest.value, path: [head, ...rest.path] };
  }
  const keyRun = segments.findIndex((segment) => typeof segment !== "string");
  const names = (keyRun < 0 ? segments : segments.slice(0, keyRun)) as string[];
  for (let take = 1; take <= names.length; take++) {
    const parts = names.slice(0, take);
    const keys = take === 1 ? parts : [parts.join("."), parts.join("/")];
    for (const key of keys) {
      const next = child(node, key);
      if (next === undefined) continue;
      const rest = resolvePath(next, segments.slice(take), walk, [...done, key]);
      if (rest) return { value: rest.value, path: [key, ...rest.path] };
    }
  }
  return undefined;
}

function resolveInSource(source: MetricSource, segments: RefSegment[], walk: Walk): Found | undefined {
  const exact = resolvePath(source.values, segments, walk);
  const [first, ...rest] = segments;
  if (exact || source.format !== "huggingface" || typeof first !== "string") return exact;
  return first.startsWith("eval_") ? undefined : resolvePath(source.values, [`eval_${first}`, ...rest], walk);
}

export function formatKeyPath(path: readonly RefSegment[]): string {
  return formatSegments(path);
}

/**
 * Every leaf of a source as a reference a user could write (segments back-quoted where needed);
 * list items by index (`metrics[0].value`), so a report's lists show what they hold.
 */
export function listMetricKeys(source: MetricSource): string[] {
  const keys: string[] = [];
  const walk = (node: MetricValue, path: RefSegment[]): void => {
    if (isTree(node) && Object.keys(node).length > 0) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    } else if (Array.isArray(node) && node.length > 0 && path.length > 0) {
      node.forEach((item, index) => walk(item, [...path, { kind: "index", index, column: 0 }]));
    } else if (path.length > 0) {
      keys.push(formatKeyPath(path));
    }
  };
  walk(source.values, []);
  return keys;
}

/** Every number a source holds (NaN and ±Infinity included), keyed as listMetricKeys keys it. */
export function listMetricNumbers(source: MetricSource): { key: string; value: number }[] {
  const numbers: { key: string; value: number }[] = [];
  const walk = (node: MetricValue, path: string[]): void => {
    if (isTree(node)) for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    else if (typeof node === "number" && path.length > 0)
      numbers.push({ key: formatKeyPath(path), value: node });
  };
  walk(source.values, []);
  return numbers;
}

function describeSource(source: MetricSource): string {
  return `${source.name} (${source.file})`;
}

/** Why a found value cannot be compared, or undefined when it is a finite number. */
export function describeNonNumeric(value: MetricValue): string | undefined {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "is NaN";
    if (!Number.isFinite(value)) return `is ${value > 0 ? "Infinity" : "-Infinity"}`;
    return undefined;
  }
  if (typeof value === "string") return `is the string '${value}', not a number`;
  if (typeof value === "boolean") return `is the boolean ${value}, not a number`;
  if (value === null) return "is null";
  if (Array.isArray(value)) return `is a list of ${value.length} values, not a number`;
  const names = Object.keys(value).map(quoteSegment);
  const shown = names.slice(0, 8).join(", ") + (names.length > 8 ? ", …" : "");
  return `is a group of metrics (${shown}), not a number; name one of them`;
}

function availableKeys(sources: MetricSource[]): string[] {
  const qualify = sources.length > 1;
  return sources.flatMap((s) => listMetricKeys(s).map((k) => (qualify ? `${quoteSegment(s.name)}.${k}` : k)));
}

function notFound(ref: MetricRef, searched: MetricSource[]): MetricLookup {
  const keys = availableKeys(searched);
  const shown = keys.slice(0, MAX_LISTED_KEYS);
  const more = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : "";
  const where = searched.map(describeSource).join(", ");
  const listing = keys.length === 0 ? "no metrics in them" : `available: ${shown.join(", ")}${more}`;
  const single = searched.length === 1 ? searched[0] : undefined;
  return {
    ok: false,
    reason: `\`${ref.text}\` not found in ${where}; ${listing}`,
    ...(single ? { source: single.name, file: single.file } : {}),
    availableKeys: shown,
  };
}

function accept(ref: MetricRef, source: MetricSource, found: Found): MetricLookup {
  const key = formatKeyPath(found.path);
  const problem = describeNonNumeric(found.value);
  if (problem === undefined && typeof found.value === "number") {
    return { ok: true, value: found.value, source: source.name, file: source.file, key, path: found.path };
  }
  return {
    ok: false,
    reason: `\`${ref.text}\` in ${describeSource(source)} ${problem}`,
    source: source.name,
    file: source.file,
    availableKeys: listMetricKeys(source).slice(0, MAX_LISTED_KEYS),
  };
}

/** A list pick that failed in the source(s) searched, as the lookup's answer. */
function missed(ref: MetricRef, walks: Walk[]): MetricLookup | undefined {
  const misses = walks.flatMap((walk) => (walk.miss ? [walk.miss] : []));
  const inputError = misses.find((miss) => miss.inputError);
  const single = walks.length === 1 ? walks[0]!.source : undefined;
  if (inputError) {
    return { ok: false, reason: `\`${ref.text}\`: ${inputError.reason}`, availableKeys: [], ambiguous: true };
  }
  if (misses.length === 0) return undefined;
  return {
    ok: false,
    reason: `\`${ref.text}\` not found: ${misses.map((miss) => miss.reason).join("; ")}`,
    ...(single ? { source: single.name, file: single.file } : {}),
    availableKeys: [],
  };
}

function lookupEverywhere(ref: MetricRef, sources: MetricSource[]): MetricLookup | undefined {
  const walks = sources.map((source): Walk => ({ source }));
  const hits = walks.flatMap((walk) => {
    const found = resolveInSource(walk.source, ref.segments, walk);
    return found ? [{ source: walk.source, found }] : [];
  });
  // Several matching items anywhere searched: the reference does not name one value (fails closed).
  const several = missed(
    ref,
    walks.filter((walk) => walk.miss?.inputError),
  );
  if (several) return several;
  const [first, second] = hits;
  if (!first) return missed(ref, walks);
  if (!second) return accept(ref, first.source, first.found);
  const list = hits.map((h) => describeSource(h.source));
  const where = list.length === 2 ? `${list[0]} and ${list[1]}` : list.join(", ");
  return {
    ok: false,
    reason: `ambiguous: \`${ref.text}\` is in ${where}; qualify it as ${quoteSegment(first.source.name)}.${ref.text}`,
    availableKeys: [],
    ambiguous: true,
  };
}

export function lookupMetric(ref: MetricRef, sources: MetricSource[]): MetricLookup {
  if (sources.length === 0) {
    return {
      ok: false,
      reason: `\`${ref.text}\` cannot be checked: no metric sources were loaded`,
      availableKeys: [],
    };
  }
  const [head, ...rest] = ref.segments;
  const named = rest.length > 0 ? sources.find((s) => s.name === head) : undefined;
  if (named) {
    const walk: Walk = { source: named };
    const found = resolveInSource(named, rest, walk);
    return found ? accept(ref, named, found) : (missed(ref, [walk]) ?? notFound(ref, [named]));
  }
  return lookupEverywhere(ref, sources) ?? notFound(ref, sources);
}
