// The job summary and the sticky PR comment. The hidden marker on the first line lets the gateway
// find its own comment and update it in place. GitHub refuses comments over 65536 characters, so
// long tables are cut (with a note) until the whole body fits. Each fact is said once: what is still
// needed leads a pending report (with the approvers @-mentioned there and nowhere else), the steps
// table says what each step adds, and the reviews section says who reviewed what.
import { predictionsTables } from "./predictions.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { DecisionResult, MeasuredMetric, Reason, StepResult } from "../policy/types.js";
import { shortKey } from "../candidate/model-key.js";
import { GITHUB_LIMITS } from "../github-limits.js";
import { formatBound } from "../conditions/evaluate.js";
import {
  approvalLines,
  change,
  computedBound,
  configLine,
  direction,
  evidenceLine,
  headline,
  isAutoApproval,
  pendingReasons,
  rowValue,
  shortCommit,
  shortDigest,
  signed,
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

/** How much of a reviewer's objection the report quotes. */
export const QUOTE_LENGTH = 280;

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

/**
 * What a person wrote (a review's text), as one short line of inert Markdown to quote: every
 * Markdown punctuation character escaped (no emphasis, headings, lists, links, images, HTML, code or
 * entities), no @-mentions, #-references or bare URLs that GitHub would link, cut to `max`
 * characters with an ellipsis.
 */
export function inertQuote(text: string, max = QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  const cut =
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join("")
          .trimEnd()}…`
      : flat;
  return cut
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&=:]/g, "\\$&")
    .replace(/@/g, "@\u200b")
    .replace(/#/g, "#\u200b")
    .replace(/\\:\/\//g, "\\:\u200b//")
    .replace(/www\\\./gi, (m) => `${m.slice(0, 3)}\u200b${m.slice(3)}`);
}

/** Which part of a source file was read (a trainer_state.json's chosen evaluation), in brackets. */
function noted(source: { note?: string }): string {
  return source.note ? ` (${cell(source.note)})` : "";
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** A code span in a table cell: GitHub splits cells at a `|` even inside a code span, unless escaped. */
function codeCell(text: string): string {
  return code(text).replace(/\|/g, "\\|");
}

function limited<T>(items: T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}

/** Where on the GitHub server things live, when the report knows the server. */
class Links {
  private readonly base?: string;
  constructor(result: DecisionResult) {
    const server = result.candidate?.serverUrl;
    const repository = result.candidate?.repository;
    // Only a plain http(s) address and owner/name make a link; anything else stays text.
    if (
      server &&
      repository &&
      /^https?:\/\/[^\s()<>"'`]+$/.test(server) &&
      /^[\w.-]+\/[\w.-]+$/.test(repository)
    )
      this.base = `${server.replace(/\/+$/, "")}/${repository}`;
  }
  private static path(path: string): string | undefined {
    const clean = path.replace(/^\.\//, "");
    if (clean === "" || clean.startsWith("/") || clean.split("/").includes("..") || /[\r\n]/.test(clean))
      return undefined;
    return clean
      .split("/")
      .map((segment) =>
        encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
      )
      .join("/");
  }
  run(run: { id: number; attempt: number } | undefined): string | undefined {
    return this.base && run ? `${this.base}/actions/runs/${run.id}/attempts/${run.attempt}` : undefined;
  }
  commit(sha: string | undefined): string | undefined {
    return this.base && sha && /^[0-9a-f]{40}$/.test(sha) ? `${this.base}/commit/${sha}` : undefined;
  }
  /** A file at a commit (or a ref when no commit is known). */
  blob(at: string | undefined, path: string): string | undefined {
    const file = Links.path(path);
    if (!this.base || !at || !file) return undefined;
    const ref = /^[0-9a-f]{40}$/.test(at) ? at : Links.path(at);
    return ref ? `${this.base}/blob/${ref}/${file}` : undefined;
  }
}

/** `text` (already inert) as a link when there is an address. */
function linked(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

const ARROW = { higher: "↑", lower: "↓" } as const;

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
      const better = direction(row);
      const metric = `${cell(row.metric)}${better ? ` ${ARROW[better]}` : ""}`;
      const bound = computedBound(row);
      // The value and the condition are in their own columns: the result adds only what they do not say.
      const why = row.value === undefined || row.threshold === undefined ? row.reason : undefined;
      let verdict: string;
      if (isAutoApproval(result, row))
        verdict = row.passed
          ? `✓ met${bound ? ` (${bound})` : ""}`
          : `– auto-approval not reached${bound ? `: needs ${bound}` : why ? `: ${why}` : ""}`;
      else if (row.inconclusive)
        verdict = `◐ inconclusive: a human decides (${row.reason ?? "within noise"})`;
      else
        verdict = row.passed
          ? `✓ pass${bound ? ` (${bound})` : ""}`
          : `✗ fail${bound ? `: needs ${bound}` : why ? `: ${why}` : ""}`;
      return `| ${metric} | ${rowValue(row)} | ${codeCell(row.condition)} (${cell(row.step)}) | ${cell(verdict)} | ${cell(change(row))} |`;
    }),
  ];
  if (omitted > 0) lines.push("", `_…and ${omitted} more metric rows (see the JSON report)._`);
  const arrows = new Set(shown.map(direction));
  const legend = [
    ...(arrows.has("higher") ? ["↑ higher is better"] : []),
    ...(arrows.has("lower") ? ["↓ lower is better"] : []),
  ];
  if (legend.length > 0) lines.push("", `<sub>${legend.join(", ")}, as the conditions say.</sub>`);
  return [...lines, ""];
}

/** Each predictions source: every slice's metrics with intervals, and the paired changes. */
function predictionsSection(result: DecisionResult, maxRows: number): string[] {
  const tables = predictionsTables(result.predictions ?? [], result.metrics);
  return tables.flatMap((table) => {
    const { shown, omitted } = limited(table.rows, Math.max(maxRows, 1));
    return [
      `<details><summary>Computed from predictions: ${cell(table.title)}</summary>`,
      "",
      `| ${table.header.map(cell).join(" | ")} |`,
      `| ${table.header.map(() => "---").join(" | ")} |`,
      ...shown.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ...(omitted > 0 ? ["", `_…and ${omitted} more slices (see the JSON report)._`] : []),
      "",
      "</details>",
      "",
    ];
  });
}

function allMetricsSection(result: DecisionResult, maxRows: number): string[] {
  const all: MeasuredMetric[] = result.allMetrics ?? [];
  if (all.length === 0) return [];
  const { shown, omitted } = limited(all, maxRows);
  const sources = new Set(all.map((m) => m.source)).size;
  const withBaseline = all.some((m) => m.baseline !== undefined);
  const head = [
    ...(sources > 1 ? ["Source"] : []),
    "Metric",
    "Value",
    ...(withBaseline ? ["Baseline", "Change"] : []),
  ];
  const lines = [
    `<details><summary>All metrics the files hold (${all.length})</summary>`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...shown.map((m) => {
      const cells = [
        ...(sources > 1 ? [cell(m.source)] : []),
        cell(m.key),
        formatBound(m.value),
        ...(withBaseline
          ? [
              m.baseline === undefined ? "—" : formatBound(m.baseline),
              m.delta === undefined ? "—" : signed(m.delta),
            ]
          : []),
      ];
      return `| ${cells.join(" | ")} |`;
    }),
  ];
  if (omitted > 0) lines.push("", `_…and ${omitted} more (see the JSON report)._`);
  return [...lines, "", "</details>", ""];
}

/** What a step adds to the rest of the report, in a few words (the summary, reviews and needs say the rest). */
function stepDetail(step: StepResult, pending: boolean): string {
  const rule = (name: string) => step.reasons.find((r) => r.data?.rule === name);
  if (pending && (step.status === "pending" || step.status === "needs_approval")) return "see Still needed";
  switch (step.type) {
    case "test": {
      const checks = step.reasons.filter((r) => r.kind === "check").length;
      const summary = step.reasons.find((r) => String(r.data?.rule ?? "").startsWith("on_fail:"));
      if (summary) return summary.message;
      return checks === 1 ? "its check holds" : `all ${checks} checks hold`;
    }
    case "approval": {
      const verdict = step.reasons[0];
      const data = verdict?.data ?? {};
      if (step.status === "auto_approved") return "every auto_approve_if condition holds";
      if (step.status === "approved" && typeof data.approvals === "number")
        return `${data.approvals} of ${String(data.required)} approvals (see Reviews)`;
      if (step.status === "rejected") return "changes requested (see Reviews)";
      if (step.status === "timed_out" || step.status === "overridden") return verdict?.message ?? "";
      return (rule("approvals-missing") ?? verdict)?.message ?? "";
    }
    default: {
      const top = step.reasons.find((r) => r.outcome !== "info") ?? step.reasons[0];
      return top?.message ?? "";
    }
  }
}

/** A passed training step says nothing the facts above do not: its row would be boilerplate. */
function worthARow(step: StepResult): boolean {
  return !(step.type === "training" && step.status === "passed");
}

function stepsSection(result: DecisionResult, pending: boolean): string[] {
  const steps = result.steps.filter(worthARow);
  if (steps.length === 0) return [];
  return [
    "### Steps",
    "",
    "| Step | Type | Status | Details |",
    "| --- | --- | --- | --- |",
    ...steps.map(
      (s) =>
        `| ${cell(s.name)} | ${s.type} | ${statusSymbol(s.status)} ${statusWord(s.status)} | ${cell(stepDetail(s, pending))} |`,
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
    if (l.body) out.push(`  > ${inertQuote(l.body)}`);
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

function mention(logins: string[]): string {
  const at = logins.map((a) => `@${a}`);
  return at.length <= 1 ? (at[0] ?? "") : `${at.slice(0, -1).join(", ")} or ${at.at(-1)!}`;
}

/** Why the step was not approved without a human, in one line, or undefined. */
function autoApprovalLine(step: StepResult): string | undefined {
  const auto = step.reasons.find((r) => r.data?.rule === "auto-approve" && r.outcome === "pending");
  if (!auto) return undefined;
  const unmet = Array.isArray(auto.data?.unmet) ? (auto.data.unmet as string[]) : [];
  if (unmet.length > 0) return `auto-approval not reached: ${unmet.map(code).join(", ")}`;
  const blockers = (auto.children ?? []).filter((c) => c.kind === "rule" && c.outcome !== "pass");
  if (blockers.length > 0)
    return `auto-approval not allowed: ${cell(blockers.map((b) => b.message).join("; "))}`;
  return cell(auto.message);
}

/** The approval a step waits for, with the approvers who can give it @-mentioned: the one place they are. */
function approvalNeeded(step: StepResult, missing: Reason): string[] {
  const d = missing.data ?? {};
  const from = Array.isArray(d.from) ? (d.from as string[]) : [];
  const count = typeof d.missing === "number" ? d.missing : 1;
  const commit = typeof d.commit === "string" ? ` on ${code(shortCommit(d.commit))}` : "";
  const so = typeof d.approvals === "number" ? ` (${d.approvals} of ${String(d.required)} so far)` : "";
  const who =
    from.length > 0 ? `, from ${mention(from)}` : ": none of the listed approvers can give one here";
  const lines = [
    `- **${cell(step.name)}**: ${count} more approving review${count === 1 ? "" : "s"}${commit}${so}${who}`,
  ];
  const auto = autoApprovalLine(step);
  if (auto) lines.push(`  - ${auto}`);
  for (const r of step.reasons)
    if (
      r.data?.rule === "team-unreadable" ||
      (r.outcome === "pending" && r !== missing && r.data?.rule !== "auto-approve")
    )
      lines.push(`  - ${cell(r.message)}`);
  return lines;
}

/** An override leads the report: who approved outside the rules, and what they said, quoted inertly. */
function overrideLines(result: DecisionResult): string[] {
  const override = result.override;
  if (!override) return [];
  const where = override.source.url ? ` ([${override.source.kind}](${override.source.url}))` : "";
  return [
    `**Break-glass override** by ${cell(override.by)} at ${cell(override.at)}${where}, outside the rules:`,
    "",
    `> ${inertQuote(override.reason)}`,
    "",
  ];
}

function neededLines(result: DecisionResult): string[] {
  if (result.decision !== "pending") return [];
  const out: string[] = [];
  for (const step of result.steps) {
    if (step.status !== "pending" && step.status !== "needs_approval") continue;
    const missing = step.reasons.find((r) => r.data?.rule === "approvals-missing");
    if (step.type === "approval" && missing) {
      out.push(...approvalNeeded(step, missing));
      continue;
    }
    const auto = step.type === "approval" ? autoApprovalLine(step) : undefined;
    const item = (text: string) => out.push(`- **${cell(step.name)}**: ${text}`);
    for (const reason of step.reasons) {
      if (reason.data?.rule === "auto-approve" && auto) item(auto);
      else if (reason.outcome === "pending")
        for (const r of pendingReasons({ ...step, reasons: [reason] })) item(cell(r.message));
      else if (reason.data?.rule === "team-unreadable") item(cell(reason.message));
    }
  }
  return out;
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

/** Where the evidence, the metrics files, the baseline and the rules came from, with links. */
function provenance(result: DecisionResult, links: Links): string[] {
  const lines: string[] = [];
  const evidence = result.candidate?.evidence;
  const run = evidence?.kind === "missing" ? undefined : evidence?.run;
  if (run && links.run(run))
    lines.push(
      `**Evidence** ${linked(`training run ${run.id} (attempt ${run.attempt})`, links.run(run))} of ${cell(run.workflow)} on ${cell(run.event)}`,
    );
  else if (evidenceLine(result)) lines.push(`**Evidence** ${cell(evidenceLine(result)!)}`);
  const sources = result.candidate?.sources ?? [];
  const commit = result.candidate?.commit;
  const metrics = sources.filter((s) => s.kind === "metrics");
  if (metrics.length > 0)
    lines.push(
      `**Metrics** ${metrics.map((s) => `${cell(s.name)}: ${linked(cell(s.file), links.blob(commit, s.file))}${noted(s)}`).join(", ")}`,
    );
  const baseline = sources.filter((s) => s.kind === "baseline");
  if (baseline.length > 0)
    lines.push(
      `**Baseline** ${baseline
        .map((s) => {
          const at = s.commit ?? s.ref;
          const file = linked(cell(s.file), links.blob(at, s.file));
          const where = s.ref
            ? ` at ${cell(s.ref)}${s.commit ? ` (${linked(code(shortCommit(s.commit)), links.commit(s.commit))})` : ""}`
            : "";
          return `${cell(s.name)}: ${file}${where}${noted(s)}`;
        })
        .join(", ")}`,
    );
  if (configLine(result)) lines.push(`**Rules** ${cell(configLine(result)!)}`);
  return lines;
}

function render(result: DecisionResult, maxRows: number, marker: boolean): string {
  const links = new Links(result);
  const digest = shortDigest(result.model?.digest);
  const facts = [
    result.model?.name ? `**Model** ${cell(result.model.name)}` : undefined,
    digest ? `**Digest** ${code(digest)}` : undefined,
    result.headSha
      ? `**Commit** ${linked(code(shortCommit(result.headSha)), links.commit(result.headSha))}`
      : undefined,
    result.pr !== undefined ? `**PR** #${result.pr}` : undefined,
  ].filter((f): f is string => f !== undefined);
  const origin = provenance(result, links);
  // A pending report leads with what is still needed; any other with the one line saying why.
  const needed = neededLines(result);
  const lead = needed.length > 0 ? ["### Still needed", "", ...needed] : [`> ${cell(result.summary)}`];
  const lines = [
    ...(marker ? [COMMENT_MARKER] : []),
    `## model-approval: ${headline(result)}`,
    "",
    ...lead,
    "",
    ...overrideLines(result),
    ...(facts.length ? [facts.join(" · "), ""] : []),
    ...(origin.length ? [origin.join("  \n"), ""] : []),
    ...diagnosticsSection(result, maxRows),
    ...metricsSection(result, maxRows),
    ...predictionsSection(result, maxRows),
    ...allMetricsSection(result, maxRows),
    ...stepsSection(result, needed.length > 0),
    ...approvalsSection(approvalLines(result), maxRows),
    ...notesSection(result),
    ...(result.steps.length ? ["```mermaid", renderMermaid(result), "```", ""] : []),
  ];
  return lines.join("\n");
}

export function renderMarkdown(result: DecisionResult, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_LIMITS.commentBody;
  const marker = options.marker ?? true;
  let maxRows = Math.max(
    result.metrics.length,
    result.diagnostics.length,
    approvalLines(result).length,
    result.allMetrics?.length ?? 0,
    1,
  );
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
