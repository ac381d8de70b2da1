// The job summary and the sticky PR comment. The hidden marker on the first line lets the gateway
// find its own comment and update it in place. GitHub refuses comments over 65536 characters, so
// long tables are cut (with a note) until the whole body fits.
import { formatDiagnostic } from "../diagnostics.js";
import type { DecisionResult, Reason } from "../policy/types.js";
import { shortKey } from "../candidate/model-key.js";
import { GITHUB_LIMITS } from "../github-limits.js";
import {
  approvalLines,
  change,
  configLine,
  evidenceLine,
  headline,
  num,
  pendingReasons,
  rowVerdict,
  shortCommit,
  shortDigest,
  statusSymbol,
  statusWord,
  type ApprovalLine,
} from "./format.js";
import { renderMermaid } from "./mermaid.js";

export const COMMENT_MARKER = "<!-- model-approval:comment -->";

export interface MarkdownOptions {
  /** Defaults to GitHub's comment limit. */
  maxLength?: number;
  /** The hidden marker for the sticky comment; on by default. */
  marker?: boolean;
}

/**
 * Text that may come from data (metric keys and reasons from files a PR produced) as one line of
 * inert Markdown: no line or column breaks, no links, code spans or HTML, and no @-mentions (a
 * zero-width space after "@"), so a metrics file cannot ping a team or render an image.
 */
export function cell(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/[\\`[\]<>|]/g, "\\$&")
    .replace(/@/g, "@\u200b");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function limited<T>(items: T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}

function metricsSection(result: DecisionResult, maxRows: number): string[] {
  const rows = result.metrics;
  if (rows.length === 0) return [];
  const { shown, omitted } = limited(rows, maxRows);
  const lines = [
    "### Metrics",
    "",
    "| Metric | Value | Condition | Result | Change vs baseline |",
    "| --- | --- | --- | --- | --- |",
    ...shown.map((row) => {
      const { ok, word } = rowVerdict(result, row);
      const verdict = `${ok ? "✓" : word === "FAIL" ? "✗" : "–"} ${word.toLowerCase()}${!ok && row.reason ? `: ${row.reason}` : ""}`;
      return `| ${cell(row.metric)} | ${num(row.value)} | ${code(row.condition)} (${cell(row.step)}) | ${cell(verdict)} | ${cell(change(row))} |`;
    }),
  ];
  if (omitted > 0) lines.push("", `_…and ${omitted} more metric rows (see the JSON report)._`);
  return [...lines, ""];
}

function firstMessage(reasons: Reason[]): string {
  const top = reasons.find((r) => r.outcome !== "info") ?? reasons[0];
  return top ? top.message : "";
}

function stepsSection(result: DecisionResult): string[] {
  if (result.steps.length === 0) return [];
  return [
    "### Steps",
    "",
    "| Step | Type | Status | Details |",
    "| --- | --- | --- | --- |",
    ...result.steps.map(
      (s) =>
        `| ${cell(s.name)} | ${s.type} | ${statusSymbol(s.status)} ${statusWord(s.status)} | ${cell(firstMessage(s.reasons))} |`,
    ),
    "",
  ];
}

function onModel(line: ApprovalLine): string {
  const key = shortKey(line.model);
  return key ? ` (model ${code(key)})` : "";
}

function approvalsSection(lines: ApprovalLine[], maxRows: number): string[] {
  if (lines.length === 0) return [];
  const counted = lines.filter((l) => l.counted);
  const others = limited(
    lines.filter((l) => !l.counted),
    maxRows,
  );
  const out = ["### Reviews", ""];
  for (const l of counted) {
    const verb = l.state === "APPROVED" ? "approved" : "requested changes on";
    out.push(
      `- ${cell(l.login)} ${verb} commit ${code(shortCommit(l.commit))}${onModel(l)} — ${cell(l.step)}`,
    );
  }
  if (counted.length === 0) out.push("- no review counts yet");
  if (others.shown.length > 0) {
    out.push("", "<details><summary>Reviews that do not count</summary>", "");
    for (const l of others.shown)
      out.push(
        `- ${cell(l.login)} ${l.state} on ${code(shortCommit(l.commit))}${onModel(l)}: ${cell(l.why ?? "not counted")}`,
      );
    if (others.omitted > 0) out.push(`- …and ${others.omitted} more`);
    out.push("", "</details>");
  }
  return [...out, ""];
}

function neededSection(result: DecisionResult): string[] {
  if (result.decision !== "pending") return [];
  const out = ["### Still needed", ""];
  for (const step of result.steps) {
    if (step.status !== "pending" && step.status !== "needs_approval") continue;
    for (const reason of pendingReasons(step)) out.push(`- **${cell(step.name)}**: ${cell(reason.message)}`);
  }
  if (result.pendingApprovers.length > 0)
    out.push(`- approving review from: ${result.pendingApprovers.map((a) => `@${a}`).join(", ")}`);
  return [...out, ""];
}

function diagnosticsSection(result: DecisionResult, maxRows: number): string[] {
  if (result.diagnostics.length === 0) return [];
  const { shown, omitted } = limited(result.diagnostics, maxRows);
  const out = ["### Config problems", "", "```"];
  out.push(...shown.map((d) => formatDiagnostic(d).replace(/```/g, "'''")));
  if (omitted > 0) out.push(`…and ${omitted} more`);
  return [...out, "```", ""];
}

function notesSection(result: DecisionResult): string[] {
  const notes = result.notes ?? [];
  if (notes.length === 0) return [];
  return ["### Notes", "", ...notes.map((note) => `- ${cell(note)}`), ""];
}

function render(result: DecisionResult, maxRows: number, marker: boolean): string {
  const digest = shortDigest(result.model?.digest);
  const facts = [
    result.model?.name ? `**Model** ${cell(result.model.name)}` : undefined,
    digest ? `**Digest** ${code(digest)}` : undefined,
    result.headSha ? `**Commit** ${code(shortCommit(result.headSha))}` : undefined,
    result.pr !== undefined ? `**PR** #${result.pr}` : undefined,
  ].filter((f): f is string => f !== undefined);
  const provenance = [
    ...(evidenceLine(result) ? [`**Evidence** ${cell(evidenceLine(result)!)}`] : []),
    ...(configLine(result) ? [`**Rules** ${cell(configLine(result)!)}`] : []),
  ];
  const lines = [
    ...(marker ? [COMMENT_MARKER] : []),
    `## model-approval: ${headline(result)}`,
    "",
    `> ${cell(result.summary)}`,
    "",
    ...(facts.length ? [facts.join(" · "), ""] : []),
    ...(provenance.length ? [provenance.join("  \n"), ""] : []),
    ...diagnosticsSection(result, maxRows),
    ...metricsSection(result, maxRows),
    ...stepsSection(result),
    ...approvalsSection(approvalLines(result), maxRows),
    ...neededSection(result),
    ...notesSection(result),
    ...(result.steps.length ? ["```mermaid", renderMermaid(result), "```", ""] : []),
  ];
  return lines.join("\n");
}

export function renderMarkdown(result: DecisionResult, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_LIMITS.commentBody;
  const marker = options.marker ?? true;
  let maxRows = Math.max(result.metrics.length, result.diagnostics.length, approvalLines(result).length, 1);
  for (;;) {
    const text = render(result, maxRows, marker);
    if (text.length <= limit) return text;
    if (maxRows === 0) {
      const note = "\n\n_…report truncated to fit GitHub's size limit._";
      return text.slice(0, Math.max(0, limit - note.length)) + note;
    }
    maxRows = Math.floor(maxRows / 2);
  }
}
