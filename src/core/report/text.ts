// The terminal report: the decision, then the reasons tree of each step, indented.
import { predictionsTables } from "./predictions.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { DecisionResult, Reason } from "../policy/types.js";
import {
  change,
  computedBound,
  configLine,
  evidenceLine,
  headline,
  rowValue,
  rowVerdict,
  shortDigest,
  statusSymbol,
  statusWord,
} from "./format.js";

const MARK: Record<Reason["outcome"], string> = { pass: "✓", fail: "✗", pending: "…", info: "-" };

/** A reviewer's words on one line, cut short. */
function quoted(body: string, max = 280): string {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return `"${
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join("")
          .trimEnd()}…`
      : flat
  }"`;
}

function reasonLines(reasons: Reason[], depth: number): string[] {
  return reasons.flatMap((r) => [
    `${"  ".repeat(depth)}${MARK[r.outcome]} ${r.message}`,
    ...(typeof r.data?.body === "string" ? [`${"  ".repeat(depth + 1)}${quoted(r.data.body)}`] : []),
    ...reasonLines(r.children ?? [], depth + 1),
  ]);
}

export function renderText(result: DecisionResult): string {
  const lines = [`model-approval: ${headline(result)} — ${result.summary}`];
  const digest = shortDigest(result.model?.digest);
  if (result.model?.name || digest)
    lines.push(`model: ${[result.model?.name, digest].filter(Boolean).join(" ")}`);
  if (result.headSha)
    lines.push(`commit: ${result.headSha}${result.pr !== undefined ? ` (PR #${result.pr})` : ""}`);
  const evidence = evidenceLine(result);
  if (evidence) lines.push(`evidence: ${evidence}`);
  const rules = configLine(result);
  if (rules) lines.push(`rules: ${rules}`);
  if (result.diagnostics.length > 0) {
    lines.push("", "config problems:");
    lines.push(...result.diagnostics.map((d) => `  ${formatDiagnostic(d).replace(/\n/g, "\n  ")}`));
  }
  if (result.metrics.length > 0) {
    lines.push("", "metrics:");
    for (const row of result.metrics) {
      const verdict = rowVerdict(result, row).word.padEnd(11);
      const bound = computedBound(row);
      lines.push(
        `  ${verdict} ${row.condition}  value ${rowValue(row)}${bound ? `  needs ${bound}` : ""}  change ${change(row)}  [${row.step}]`,
      );
      // A value compared with its bound is said in the line above; anything else needs its reason.
      if (row.reason && !row.passed && (row.value === undefined || row.threshold === undefined))
        lines.push(`              ${row.reason}`);
    }
  }
  for (const table of predictionsTables(result.predictions ?? [], result.metrics)) {
    lines.push("", `computed from predictions: ${table.title}`);
    for (const row of table.rows)
      lines.push(
        `  ${row[0]} (${row[1]} examples): ${row
          .slice(2)
          .map((v, i) => (v === "" ? "" : `${table.header[i + 2]} ${v}`))
          .filter(Boolean)
          .join("; ")}`,
      );
  }
  if (result.steps.length > 0) {
    lines.push("", "steps:");
    for (const step of result.steps) {
      lines.push(`  ${statusSymbol(step.status)} ${step.name} (${step.type}): ${statusWord(step.status)}`);
      lines.push(...reasonLines(step.reasons, 2));
    }
  }
  if (result.pendingApprovers.length > 0)
    lines.push("", `waiting for: ${result.pendingApprovers.join(", ")}`);
  if (result.notes?.length) lines.push("", "notes:", ...result.notes.map((note) => `  - ${note}`));
  return lines.join("\n") + "\n";
}
