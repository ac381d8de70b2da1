/**
 * Picking one item from a list inside a report: `[N]` by 0-based index, `[key="value"]` by the
 * one item whose `key` is that string. A pick that finds nothing says what the list holds; one
 * that finds several is an input error (the reference does not name one value), never a guess.
 */
import { formatSelector, quoteValue } from "../conditions/ref-text.js";
import type { ListSelector } from "../conditions/types.js";
import type { MetricTree, MetricValue } from "./types.js";

const MAX_LISTED_ITEMS = 10;

export type Picked =
  | { ok: true; value: MetricValue }
  /** `inputError`: several items match, so the reference itself is wrong. */
  | { ok: false; reason: string; inputError?: true };

function isTree(value: MetricValue | undefined): value is MetricTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeKind(value: MetricValue): string {
  if (isTree(value)) return "a group of metrics";
  if (value === null) return "null";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function keyOf(item: MetricValue, key: string): MetricValue | undefined {
  return isTree(item) && Object.prototype.hasOwnProperty.call(item, key) ? item[key] : undefined;
}

/** What a by-key pick could have named: the items' string values of that key, and the rest counted. */
function listing(items: MetricValue[], key: string): string {
  const named = items.map((item) => keyOf(item, key)).filter((v): v is string => typeof v === "string");
  const shown = named.slice(0, MAX_LISTED_ITEMS).map((v) => `${key}=${quoteValue(v)}`);
  const more = named.length > shown.length ? `, and ${named.length - shown.length} more` : "";
  const unnamed = items.length - named.length;
  const without = unnamed > 0 ? `; ${unnamed} of the ${items.length} items have no string '${key}'` : "";
  return named.length === 0
    ? `no item has a string '${key}' (${items.length} items)`
    : `${shown.join(", ")}${more}${without}`;
}

/** `where` names the list for messages, e.g. "`metrics` in drift (reports/drift.json)". */
/** A predictions source's slice: its metrics are under `slices.COLUMN.VALUE` (predictions/values.ts). */
function pickSlice(node: MetricValue, selector: ListSelector & { kind: "slice" }, where: string): Picked {
  const written = formatSelector(selector);
  const slices = keyOf(node, "slices");
  if (!isTree(slices))
    return {
      ok: false,
      reason: `${where} holds no slices, so ${written} cannot pick from it (only a predictions source with \`slices:\` has them)`,
    };
  const column = keyOf(slices, selector.key);
  if (!isTree(column)) {
    const columns = Object.keys(slices);
    return {
      ok: false,
      inputError: true,
      reason: `${where} is not sliced by '${selector.key}' (${columns.length > 0 ? `its slice columns: ${columns.join(", ")}` : "it has no slice columns"})`,
    };
  }
  const cell = keyOf(column, selector.value);
  if (cell !== undefined) return { ok: true, value: cell };
  const values = Object.keys(column);
  const shown = values.slice(0, MAX_LISTED_ITEMS).map(quoteValue).join(", ");
  const more = values.length > MAX_LISTED_ITEMS ? `, and ${values.length - MAX_LISTED_ITEMS} more` : "";
  return {
    ok: false,
    reason: `${where} has no example with ${selector.key}=${quoteValue(selector.value)} (its values: ${shown}${more})`,
  };
}

export function pick(node: MetricValue, selector: ListSelector, where: string): Picked {
  if (selector.kind === "slice") return pickSlice(node, selector, where);
  const written = formatSelector(selector);
  if (!Array.isArray(node)) {
    return {
      ok: false,
      reason: `${where} is ${describeKind(node)}, not a list, so ${written} cannot pick from it`,
    };
  }
  if (selector.kind === "index") {
    if (selector.index < node.length) return { ok: true, value: node[selector.index]! };
    return {
      ok: false,
      reason: `${where} has ${node.length} items; ${written} is past its end (indexes count from 0)`,
    };
  }
  const matches = node.flatMap((item, i) => (keyOf(item, selector.key) === selector.value ? [i] : []));
  if (matches.length === 1) return { ok: true, value: node[matches[0]!]! };
  const wanted = `${selector.key}=${quoteValue(selector.value)}`;
  if (matches.length === 0) {
    return {
      ok: false,
      reason: `${where} has no item with ${wanted} (the list has: ${listing(node, selector.key)})`,
    };
  }
  return {
    ok: false,
    inputError: true,
    reason: `${where} has ${matches.length} items with ${wanted} (at indexes ${matches.join(", ")}); pick one by index, e.g. [${matches[0]}]`,
  };
}
