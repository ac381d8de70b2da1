// A notification as a Slack incoming-webhook message (Block Kit). Summaries, reasons, metric and
// model names are written by PR authors and reviewers: all of it is escaped, so none of it can
// mention @channel, a user, or show a link whose text lies about where it goes. Only the links built
// here from the notification's own URLs use Slack's <url|label> syntax.
import type { Notification, NotificationEventName } from "./event.js";

/** Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  contextText: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  blocks: 50,
  /** Slack asks for a top-level text with blocks (notifications, screen readers); it truncates long ones. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = "…";

const TITLES: Record<NotificationEventName, string> = {
  pending: "⏳ Approval needed",
  approved: "✅ Model approved",
  rejected: "❌ Model rejected",
  timed_out: "⌛ Approval timed out",
  escalated: "📣 Approval escalated",
  overridden: "⚠️ Approval overridden",
  deployed: "🚀 Model deployed",
};

export function slackMessage(n: Notification): { text: string; blocks: unknown[] } {
  const title = titleOf(n);
  const fields = fieldsOf(n).slice(0, SLACK_LIMITS.fields);
  const blocks: unknown[] = [
    {
      type: "header",
      text: { type: "plain_text", text: escaped(title, SLACK_LIMITS.headerText), emoji: true },
    },
    {
      type: "section",
      text: mrkdwn(escaped(n.summary.trim() || title, SLACK_LIMITS.sectionText)),
      fields: fields.map(mrkdwn),
    },
    { type: "context", elements: [mrkdwn(escaped(contextLine(n), SLACK_LIMITS.contextText))] },
  ];
  const button = detailsButton(n);
  if (button) blocks.push({ type: "actions", elements: [button] });
  return {
    text: escaped(`${title}: ${n.summary}`, SLACK_LIMITS.fallbackText),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}

/** Escapes Slack's three control characters, the only ones Slack decodes (docs.slack.dev, "Escaping text"). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Text as one escaped line of at most `max` characters. Cut before escaping ends, never inside an
 * entity ("&l…" would show as text, but a field that ends in half an entity is still a broken one)
 * or a surrogate pair.
 */
function escaped(text: string, max: number): string {
  const line = oneLine(text);
  const whole = escapeMrkdwn(line);
  if (whole.length <= max) return whole;
  const budget = max - ELLIPSIS.length;
  let out = "";
  for (const char of line) {
    const piece = escapeMrkdwn(char);
    if (out.length + piece.length > budget) break;
    out += piece;
  }
  return out + ELLIPSIS;
}

// A newline in a reason could start a line that looks like one of the message's own fields.
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}

// verbatim: Slack otherwise turns "@channel", "#channel" and bare names in the text into mentions and links.
function mrkdwn(text: string): { type: "mrkdwn"; text: string; verbatim: true } {
  return { type: "mrkdwn", text, verbatim: true };
}

function titleOf(n: Notification): string {
  const title = TITLES[n.event] ?? `Model approval: ${n.event}`;
  const what = n.model?.name ?? n.repository;
  const where = n.event === "deployed" && n.environment ? ` to ${n.environment}` : "";
  return `${title}: ${what}${where}`;
}

function fieldsOf(n: Notification): string[] {
  const fields: string[] = [];
  const field = (label: string, value: string) => {
    const prefix = `*${label}*\n`;
    fields.push(prefix + escaped(value, SLACK_LIMITS.fieldText - prefix.length));
  };
  fields.push(repositoryField(n));
  field("Decision", n.decision);
  if (n.model?.name || n.model?.key) field("Model", [n.model.name, n.model.key].filter(Boolean).join(" "));
  field("Commit", n.commit.slice(0, 7));
  if (n.needed?.length) field(n.event === "escalated" ? "Escalated to" : "Needed", n.needed.join(", "));
  if (n.override) {
    field("Overridden by", n.override.by);
    field("Reason", n.override.reason);
  }
  if (n.environment) field("Environment", n.environment);
  if (n.deadline) fields.push(deadlineField(n.deadline));
  return fields;
}

function repositoryField(n: Notification): string {
  const prefix = "*Repository*\n";
  const label = n.pr === undefined ? n.repository : `${n.repository}#${n.pr}`;
  const link = n.prUrl === undefined ? undefined : linkable(n.prUrl);
  if (link) {
    const text = `${prefix}<${escapeMrkdwn(link)}|${escaped(label, 200)}>`;
    if (text.length <= SLACK_LIMITS.fieldText) return text;
  }
  return prefix + escaped(label, SLACK_LIMITS.fieldText - prefix.length);
}

// Slack shows <!date^…|fallback> in each reader's time zone; an unreadable deadline is shown as given.
function deadlineField(deadline: string): string {
  const prefix = "*Deadline*\n";
  const ms = Date.parse(deadline);
  if (!Number.isFinite(ms)) return prefix + escaped(deadline, SLACK_LIMITS.fieldText - prefix.length);
  const iso = new Date(ms).toISOString();
  return `${prefix}<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${iso}>`;
}

function contextLine(n: Notification): string {
  const parts = ["model-approval", n.event, n.at];
  if (n.ledger) parts.push(`ledger #${n.ledger.sequence}`);
  return parts.join(" · ");
}

function detailsButton(n: Notification): unknown {
  const url = [n.detailsUrl, n.prUrl]
    .map((candidate) => (candidate === undefined ? undefined : linkable(candidate)))
    .find((candidate) => candidate !== undefined);
  if (url === undefined) return undefined;
  return { type: "button", text: { type: "plain_text", text: "Details" }, url };
}

/** The URL when it is safe to link to: http(s), parseable, within Slack's URL limit, and unable to end the link early. */
function linkable(url: string): string | undefined {
  if (url.length > SLACK_LIMITS.buttonUrl) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[|<>\s\u0000-\u001f\u007f]/.test(url)) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}
