// Check run output: GitHub caps the title at 255 characters and summary and text at 65535 each.
import type { DecisionResult } from "../policy/types.js";
import { headline } from "./format.js";
import { renderMarkdown } from "./markdown.js";

export const CHECK_TITLE_LIMIT = 255;
export const CHECK_SUMMARY_LIMIT = 65_535;

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}

export function renderCheckRunOutput(result: DecisionResult): CheckRunOutput {
  const title = clip(`${headline(result)}: ${result.summary}`, CHECK_TITLE_LIMIT);
  const summary = clip(
    `**${headline(result)}** — ${result.summary}` +
      (result.pendingApprovers.length > 0
        ? `\n\nWaiting for an approving review from: ${result.pendingApprovers.map((a) => `@${a}`).join(", ")}`
        : ""),
    CHECK_SUMMARY_LIMIT,
  );
  const text = renderMarkdown(result, { marker: false, maxLength: CHECK_SUMMARY_LIMIT });
  return { title, summary, text };
}
