// Check run output: GitHub caps the title at 255 characters and summary and text at 65535 each.
import { clip, GITHUB_LIMITS } from "../github-limits.js";
import type { DecisionResult } from "../policy/types.js";
import { headline } from "./format.js";
import { renderMarkdown } from "./markdown.js";

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

export function renderCheckRunOutput(result: DecisionResult): CheckRunOutput {
  const title = clip(`${headline(result)}: ${result.summary}`, GITHUB_LIMITS.checkTitle);
  const summary = clip(
    `**${headline(result)}** — ${result.summary}` +
      (result.pendingApprovers.length > 0
        ? `\n\nWaiting for an approving review from: ${result.pendingApprovers.map((a) => `@${a}`).join(", ")}`
        : ""),
    GITHUB_LIMITS.checkSummary,
  );
  const text = renderMarkdown(result, { marker: false, maxLength: GITHUB_LIMITS.checkSummary });
  return { title, summary, text };
}
