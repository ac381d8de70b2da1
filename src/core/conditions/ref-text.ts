/**
 * How a metric reference is written back: in reports, in messages, and as the normalised text
 * of a condition. One function, so that what a message shows can be pasted into a config and
 * read back as the same reference.
 */
import type { ListSelector, RefSegment } from "./types.js";

export function quoteSegment(segment: string): string {
  return /^[A-Za-z0-9_/]+$/.test(segment) ? segment : `\`${segment}\``;
}

/** A selector's value in double quotes, with `\` and `"` escaped as the parser reads them. */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function formatSelector(selector: ListSelector): string {
  if (selector.kind === "index") return `[${selector.index}]`;
  const pick = `${quoteSegment(selector.key)}=${quoteValue(selector.value)}`;
  return selector.kind === "slice" ? `[slice ${pick}]` : `[${pick}]`;
}

/** `eval.accuracy`, ``report.`macro avg` ``, `drift.metrics[metric_id="X"].value` */
export function formatSegments(segments: readonly RefSegment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "string") text += `${text === "" ? "" : "."}${quoteSegment(segment)}`;
    else text += formatSelector(segment);
  }
  return text;
}
