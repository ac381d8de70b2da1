// The App's details pages as server-rendered HTML: a PR's decision (its reasons, what is still
// needed and who can give it, what would change the outcome, the evidence with links, the
// timeline) and a model's timeline. Every value from data is escaped; the pages load one
// stylesheet from the App and nothing else, so a strict Content-Security-Policy holds.
import { formatDuration } from "../config/duration.js";
import { describeEntry } from "../ledger/render.js";
import type { LedgerRecord } from "../ledger/chain.js";
import type { DecisionResult, Reason } from "../policy/types.js";
import { whatWouldChange } from "./what-would-change.js";
import { change, rowValue } from "./format.js";
import { predictionsTables } from "./predictions.js";

export function escapeHtml(text: unknown): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) links are ever written; anything else is shown as text. */
function link(href: string | undefined, text: string): string {
  if (!href || !/^https?:\/\//i.test(href)) return escapeHtml(text);
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

export interface PageFrame {
  title: string;
  /** The signed-in GitHub login, shown with a sign-out link. */
  login?: string;
}

export function page(frame: PageFrame, body: string): string {
  const who = frame.login
    ? `<p class="who">Signed in as <strong>@${escapeHtml(frame.login)}</strong> · <a href="/logout">Sign out</a></p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} · model-approval</title>
<link rel="stylesheet" href="/assets/page.css">
</head>
<body>
<header><p class="brand">model-approval</p>${who}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

const OUTCOME_WORDS: Record<Reason["outcome"], string> = {
  pass: "passed",
  fail: "failed",
  pending: "pending",
  info: "note",
};

function reasonsList(reasons: Reason[]): string {
  if (reasons.length === 0) return "";
  const items = reasons.map(
    (r) =>
      `<li><span class="badge ${escapeHtml(r.outcome)}">${escapeHtml(OUTCOME_WORDS[r.outcome] ?? r.outcome)}</span> ${escapeHtml(r.message)}${r.children ? reasonsList(r.children) : ""}</li>`,
  );
  return `<ul class="reasons">${items.join("")}</ul>`;
}

const DECISION_WORDS: Record<DecisionResult["decision"], string> = {
  approved: "Approved",
  pending: "Waiting for approval",
  rejected: "Rejected",
  error: "Cannot decide",
};

export interface DecisionPageInput {
  repository: string;
  pr: number;
  result: DecisionResult;
  /** When the App last decided. */
  decidedAt: string;
  /** This PR's and its model's records, newest first. */
  timeline: readonly LedgerRecord[];
  serverUrl?: string;
  login?: string;
  /** The time the page is shown (ISO), for how long an approval has left; the core has no clock. */
  now?: string;
  /** The PR's notifications and how their delivery went, newest first. */
  notifications?: readonly NotificationStatus[];
}

export interface NotificationStatus {
  destination: string;
  event: string;
  status: string;
  attempts: number;
  lastError?: string;
  updatedAt: string;
}

/** When the approval's clock next changes, and how long is left, as the page is shown. */
function clockLine(result: DecisionResult, now: string | undefined): string {
  const timing = result.timing;
  if (!timing?.deadline) return "";
  const left = now ? Date.parse(timing.deadline) - Date.parse(now) : NaN;
  const what =
    timing.phase === "escalated" ? "Escalated: the approval times out" : "The approval's timeout ends";
  const remaining = Number.isNaN(left)
    ? ""
    : left > 0
      ? ` — ${escapeHtml(formatDuration(left))} left`
      : " — due now (the App's next sweep decides it)";
  return `<p class="clock">${escapeHtml(what)} at <time datetime="${escapeHtml(timing.deadline)}">${escapeHtml(timing.deadline)}</time>${remaining}.</p>`;
}

function overrideSection(result: DecisionResult): string {
  const o = result.override;
  if (!o) return "";
  return `<section class="override"><h2>Break-glass override</h2><p><strong>@${escapeHtml(o.by)}</strong> approved this candidate outside the rules at <time datetime="${escapeHtml(o.at)}">${escapeHtml(o.at)}</time> (${escapeHtml(o.source.kind)} ${escapeHtml(o.source.id)}):</p><blockquote>${escapeHtml(o.reason)}</blockquote></section>`;
}

function notificationsTable(rows: readonly NotificationStatus[] | undefined): string {
  if (!rows || rows.length === 0) return "";
  const body = rows.map(
    (n) =>
      `<tr><td>${escapeHtml(n.event)}</td><td>${escapeHtml(n.destination)}</td><td><span class="badge ${n.status === "delivered" ? "pass" : n.status === "failed" ? "fail" : "pending"}">${escapeHtml(n.status)}</span>${n.lastError ? ` ${escapeHtml(n.lastError)}` : ""}</td><td>${escapeHtml(n.attempts)}</td><td><time datetime="${escapeHtml(n.updatedAt)}">${escapeHtml(n.updatedAt)}</time></td></tr>`,
  );
  return `<section><h2>Notifications</h2><div class="scroll"><table><caption>What was announced, and how its delivery went</caption><thead><tr><th scope="col">Event</th><th scope="col">To</th><th scope="col">Delivery</th><th scope="col">Rounds</th><th scope="col">Last tried</th></tr></thead><tbody>${body.join("")}</tbody></table></div></section>`;
}

function evidence(input: DecisionPageInput): string {
  const { result, serverUrl, repository } = input;
  const candidate = result.candidate;
  const base = serverUrl ? `${serverUrl}/${repository}` : undefined;
  const rows: [string, string][] = [];
  if (candidate) {
    rows.push(["Commit", link(base && `${base}/commit/${candidate.commit}`, candidate.commit.slice(0, 12))]);
    const run = candidate.evidence.run;
    rows.push([
      "Evidence",
      `${escapeHtml(candidate.evidence.where)}${run ? ` — ${link(base && `${base}/actions/runs/${run.id}/attempts/${run.attempt}`, `workflow run ${run.id} (attempt ${run.attempt}, ${run.workflow})`)}` : ""}`,
    ]);
    if (candidate.modelKey)
      rows.push([
        "Model",
        escapeHtml(`${result.model?.name ? `${result.model.name} ` : ""}${candidate.modelKey}`),
      ]);
    if (candidate.config)
      rows.push([
        "Rules",
        `${escapeHtml(candidate.config.path)} at ${escapeHtml(candidate.config.ref ?? "a local file")}${candidate.config.trusted ? "" : " (untrusted: it cannot approve)"}`,
      ]);
    for (const source of candidate.sources ?? [])
      rows.push([
        source.kind === "baseline" ? `Baseline ${source.name}` : `Metrics ${source.name}`,
        `${escapeHtml(source.file)}${source.ref ? ` at ${escapeHtml(source.ref)}` : ""}${source.note ? ` — ${escapeHtml(source.note)}` : ""}`,
      ]);
  }
  if (rows.length === 0) return "";
  return `<section><h2>Evidence</h2><dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")}</dl></section>`;
}

function metricsTable(result: DecisionResult): string {
  if (result.metrics.length === 0) return "";
  const rows = result.metrics.map((m) => {
    const [badge, word] = m.passed
      ? ["pass", "passed"]
      : m.inconclusive
        ? ["pending", "inconclusive"]
        : ["fail", "failed"];
    return `<tr><td><code>${escapeHtml(m.condition)}</code></td><td>${escapeHtml(rowValue(m))}</td><td>${escapeHtml(change(m))}</td><td><span class="badge ${badge}">${word}</span>${m.reason ? ` ${escapeHtml(m.reason)}` : ""}</td></tr>`;
  });
  return `<section><h2>Checks</h2><div class="scroll"><table><caption>Conditions on the metrics</caption><thead><tr><th scope="col">Condition</th><th scope="col">Value</th><th scope="col">Change vs baseline</th><th scope="col">Result</th></tr></thead><tbody>${rows.join("")}</tbody></table></div></section>`;
}

/** Each predictions source's slices, with intervals and paired changes (report/predictions.ts). */
function predictionsTablesHtml(result: DecisionResult): string {
  return predictionsTables(result.predictions ?? [], result.metrics)
    .map((table) => {
      const head = table.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
      const body = table.rows
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
        .join("");
      return `<section><h2>Computed from predictions</h2><div class="scroll"><table><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
    })
    .join("");
}

function timeline(records: readonly LedgerRecord[]): string {
  if (records.length === 0) return `<section><h2>Timeline</h2><p>Nothing recorded yet.</p></section>`;
  const items = records.map(
    (r) =>
      `<li><time datetime="${escapeHtml(r.entry.at)}">${escapeHtml(r.entry.at)}</time> ${escapeHtml(describeEntry(r.entry))} <span class="hash" title="ledger record ${r.sequence}">#${r.sequence} ${escapeHtml(r.hash.slice(0, 12))}</span></li>`,
  );
  return `<section><h2>Timeline</h2><ol class="timeline">${items.join("")}</ol></section>`;
}

export function decisionPage(input: DecisionPageInput): string {
  const { result, repository, pr, serverUrl } = input;
  const prLink = link(serverUrl && `${serverUrl}/${repository}/pull/${pr}`, `${repository}#${pr}`);
  const needed =
    result.pendingApprovers.length > 0
      ? `<p>Waiting for an approving review from ${result.pendingApprovers.map((a) => `<strong>@${escapeHtml(a)}</strong>`).join(", ")}.</p>`
      : "";
  const changes = whatWouldChange(result);
  const change =
    changes.length > 0
      ? `<section><h2>What would change the outcome</h2><ul>${changes.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></section>`
      : "";
  const steps = result.steps
    .map(
      (s) =>
        `<section class="step"><h3>${escapeHtml(s.name)} <span class="badge ${escapeHtml(s.status)}">${escapeHtml(s.status.replace(/_/g, " "))}</span></h3>${reasonsList(s.reasons)}</section>`,
    )
    .join("");
  const body = `<h1>${prLink}</h1>
<p class="decision ${escapeHtml(result.decision)}"><strong>${escapeHtml(DECISION_WORDS[result.decision] ?? result.decision)}</strong> — ${escapeHtml(result.summary)}</p>
<p class="when">Decided at <time datetime="${escapeHtml(input.decidedAt)}">${escapeHtml(input.decidedAt)}</time>${result.model?.name ? ` · model <a href="/model/${escapeHtml(repository)}/${encodeURIComponent(result.model.name)}">${escapeHtml(result.model.name)}</a>` : ""}</p>
${clockLine(result, input.now)}
${needed}
${overrideSection(result)}
${change}
${evidence(input)}
${metricsTable(result)}
${predictionsTablesHtml(result)}
<section><h2>Reasons</h2>${steps}</section>
${notificationsTable(input.notifications)}
${timeline(input.timeline)}`;
  return page({ title: `${repository}#${pr}`, ...(input.login ? { login: input.login } : {}) }, body);
}

export function modelPage(input: {
  repository: string;
  model: string;
  timeline: readonly LedgerRecord[];
  login?: string;
}): string {
  const deployed = input.timeline.filter(
    (r) => r.entry.kind === "deploy" && r.entry.deploy?.answer === "approved",
  );
  const live = deployed[0];
  const summary = live
    ? `<p>Last released: ${escapeHtml(describeEntry(live.entry))} at <time datetime="${escapeHtml(live.entry.at)}">${escapeHtml(live.entry.at)}</time>.</p>`
    : "<p>Never released by the gate.</p>";
  const body = `<h1>${escapeHtml(input.model)} <small>in ${escapeHtml(input.repository)}</small></h1>
${summary}
${timeline(input.timeline)}`;
  return page(
    { title: `${input.model} in ${input.repository}`, ...(input.login ? { login: input.login } : {}) },
    body,
  );
}

export function messagePage(title: string, message: string, login?: string): string {
  return page(
    { title, ...(login ? { login } : {}) },
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`,
  );
}

/** The pages' one stylesheet: readable on a phone, high contrast, outcomes in words as well as colour. */
export const PAGE_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding:.75rem 1rem;border-bottom:1px solid #d0d7de}
header p{margin:0}.brand{font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;overflow-wrap:anywhere}h2{font-size:1.2rem;margin-top:1.5rem}h3{font-size:1rem}
a{color:#0550ae}
.decision{font-size:1.1rem;padding:.75rem;border-left:.35rem solid #6e7781;background:#f6f8fa}
.decision.approved{border-color:#1a7f37}.decision.rejected,.decision.error{border-color:#cf222e}.decision.pending{border-color:#9a6700}
.badge{display:inline-block;padding:0 .4rem;border-radius:1rem;font-size:.8rem;border:1px solid #6e7781}
.badge.pass,.badge.passed,.badge.approved,.badge.auto_approved,.badge.ready{background:#dafbe1;border-color:#1a7f37}
.badge.fail,.badge.failed,.badge.rejected,.badge.error{background:#ffebe9;border-color:#cf222e}
.badge.pending,.badge.needs_approval,.badge.blocked,.badge.warned{background:#fff8c5;border-color:#9a6700}
ul.reasons{padding-left:1.2rem}ol.timeline{padding-left:1.2rem}
dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{font-size:.9em;overflow-wrap:anywhere}.hash{color:#57606a;font-size:.85em}
@media (max-width:40rem){dl{grid-template-columns:1fr}}
`;
