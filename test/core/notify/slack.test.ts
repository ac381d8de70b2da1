import { describe, expect, it } from "@jest/globals";
import { NOTIFICATION_EVENTS, type Notification } from "../../../src/core/notify/event.js";
import { SLACK_LIMITS, slackMessage } from "../../../src/core/notify/slack.js";

const PR_URL = "https://github.com/acme/models/pull/7";
const DETAILS_URL = "https://approvals.example.com/acme/models/pull/7";

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    event: "pending",
    id: "acme/models#7:pending:3f2a",
    repository: "acme/models",
    pr: 7,
    commit: "3f2a9c0d".padEnd(40, "0"),
    model: { name: "churn", key: `sha256:${"4b1e".repeat(16)}` },
    decision: "pending",
    summary: "accuracy 0.93 >= 0.80; waiting for 1 approval",
    needed: ["alice", "acme/ml-leads"],
    deadline: "2026-12-03T12:00:00.000Z",
    detailsUrl: DETAILS_URL,
    prUrl: PR_URL,
    at: "2026-12-01T12:00:00.000Z",
    ledger: { sequence: 42, hash: "ab".repeat(32) },
    ...overrides,
  };
}

interface TextObject {
  type: string;
  text: string;
  verbatim?: boolean;
}
interface Block {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
}
/** A context block's text, or an actions block's button. */
interface Element {
  type: string;
  text: TextObject | string;
  url?: string;
  verbatim?: boolean;
}

function blocksOf(n: Notification): Block[] {
  return slackMessage(n).blocks as Block[];
}
function block(n: Notification, type: string): Block | undefined {
  return blocksOf(n).find((b) => b.type === type);
}
function button(n: Notification): { text: TextObject; url: string } | undefined {
  return block(n, "actions")?.elements?.[0] as { text: TextObject; url: string } | undefined;
}

/** Every mrkdwn or plain_text string of the message, the top-level fallback included. */
function allTexts(n: Notification): string[] {
  const message = slackMessage(n);
  const texts = [message.text];
  for (const b of message.blocks as Block[]) {
    if (b.text) texts.push(b.text.text);
    for (const field of b.fields ?? []) texts.push(field.text);
    for (const element of b.elements ?? []) {
      texts.push(typeof element.text === "string" ? element.text : element.text.text);
    }
  }
  return texts;
}

/** What is left of a text once the links slackMessage builds itself are taken out. */
function withoutOwnLinks(text: string): string {
  return text
    .replace(new RegExp(`<${PR_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\|[^<>]*>`, "g"), "")
    .replace(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[0-9TZ:.-]+>/g, "");
}

describe("slackMessage", () => {
  it("has a header, a section with the facts, a context line and a Details button", () => {
    const message = slackMessage(notification());
    expect(message.blocks.map((b) => (b as Block).type)).toEqual(["header", "section", "context", "actions"]);
    const header = block(notification(), "header")!;
    expect(header.text).toMatchObject({ type: "plain_text", text: "⏳ Approval needed: churn" });
    const section = block(notification(), "section")!;
    expect(section.text?.text).toBe("accuracy 0.93 &gt;= 0.80; waiting for 1 approval");
    const fields = section.fields!.map((f) => f.text);
    expect(fields).toEqual([
      `*Repository*\n<${PR_URL}|acme/models#7>`,
      "*Decision*\npending",
      `*Model*\nchurn sha256:${"4b1e".repeat(16)}`,
      "*Commit*\n3f2a9c0",
      "*Needed*\nalice, acme/ml-leads",
      `*Deadline*\n<!date^${Date.parse("2026-12-03T12:00:00.000Z") / 1000}^{date_short_pretty} at {time}|2026-12-03T12:00:00.000Z>`,
    ]);
    expect(block(notification(), "context")!.elements![0]!.text).toBe(
      "model-approval · pending · 2026-12-01T12:00:00.000Z · ledger #42",
    );
    expect(button(notification())).toEqual({
      type: "button",
      text: { type: "plain_text", text: "Details" },
      url: DETAILS_URL,
    });
    expect(message.text).toBe("⏳ Approval needed: churn: accuracy 0.93 &gt;= 0.80; waiting for 1 approval");
  });

  it("turns off Slack's own parsing of mentions in every mrkdwn text", () => {
    const mrkdwn = blocksOf(notification()).flatMap((b) => [
      ...(b.text?.type === "mrkdwn" ? [b.text] : []),
      ...(b.fields ?? []),
      ...(b.elements ?? []).filter((e) => e.type === "mrkdwn"),
    ]);
    expect(mrkdwn.length).toBeGreaterThan(5);
    for (const text of mrkdwn) expect(text.verbatim).toBe(true);
  });

  it("shows what each event is about, with the override, the environment and the escalation", () => {
    for (const event of NOTIFICATION_EVENTS) {
      const title = block(notification({ event }), "header")!.text!.text;
      expect(title.length).toBeGreaterThan(0);
    }
    const headers = NOTIFICATION_EVENTS.map((event) => block(notification({ event }), "header")!.text!.text);
    expect(new Set(headers).size).toBe(NOTIFICATION_EVENTS.length);

    const overridden = notification({
      event: "overridden",
      decision: "approved",
      needed: undefined,
      override: { by: "carol", reason: "hotfix for the outage" },
    });
    const fields = block(overridden, "section")!.fields!.map((f) => f.text);
    expect(fields).toContain("*Overridden by*\ncarol");
    expect(fields).toContain("*Reason*\nhotfix for the outage");

    const deployed = notification({ event: "deployed", decision: "approved", environment: "production" });
    expect(block(deployed, "header")!.text!.text).toBe("🚀 Model deployed: churn to production");
    expect(block(deployed, "section")!.fields!.map((f) => f.text)).toContain("*Environment*\nproduction");

    const escalated = notification({ event: "escalated", needed: ["acme/directors"] });
    expect(block(escalated, "section")!.fields!.map((f) => f.text)).toContain(
      "*Escalated to*\nacme/directors",
    );
  });

  it("escapes mentions and links written into a summary, a reason, a model name or a login", () => {
    const attack = "<!channel> <!here> <@U123> <https://evil.example|click> <#C123|general> &";
    const n = notification({
      event: "overridden",
      summary: `metric ${attack}`,
      model: { name: `m ${attack}`, key: attack },
      override: { by: `<@U999>`, reason: `because ${attack}` },
      needed: [`<!subteam^S1>`, attack],
      environment: attack,
      repository: `acme/models${attack}`,
      at: attack,
    });
    const texts = allTexts(n);
    const joined = texts.join("\n");
    for (const injected of [
      "<!channel>",
      "<!here>",
      "<@U123>",
      "<@U999>",
      "<https://evil",
      "<#C123",
      "<!subteam",
    ]) {
      expect(joined).not.toContain(injected);
    }
    expect(block(n, "section")!.text!.text).toBe(
      "metric &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &lt;#C123|general&gt; &amp;",
    );
    expect(block(n, "section")!.fields!.map((f) => f.text)).toContain(
      "*Reason*\nbecause &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &lt;#C123|general&gt; &amp;",
    );
    // The only < and > left are those of the links slackMessage built itself.
    for (const text of texts) expect(withoutOwnLinks(text)).not.toMatch(/[<>]/);
  });

  it("escapes & first, so text that is already an entity stays text", () => {
    const n = notification({ summary: "&lt;!channel&gt; &amp;" });
    expect(block(n, "section")!.text!.text).toBe("&amp;lt;!channel&amp;gt; &amp;amp;");
  });

  it("puts a reason on one line, so it cannot draw fields of its own", () => {
    const n = notification({
      event: "overridden",
      override: { by: "mallory", reason: "ok\n*Approved by*\nalice\r\n\tall good" },
    });
    expect(block(n, "section")!.fields!.map((f) => f.text)).toContain(
      "*Reason*\nok *Approved by* alice all good",
    );
  });

  it("links only http(s) URLs that cannot end the link early, and falls back to the PR for Details", () => {
    for (const bad of [
      "javascript:alert(1)",
      "https://evil.example/|<!channel>",
      "https://evil.example/a>b",
      "https://evil.example/a<b",
      "https://evil.example/a b",
      "not a url",
      `https://x.example/${"a".repeat(SLACK_LIMITS.buttonUrl)}`,
    ]) {
      const n = notification({ prUrl: bad, detailsUrl: bad });
      expect(block(n, "actions")).toBeUndefined();
      expect(block(n, "section")!.fields![0]!.text).toBe("*Repository*\nacme/models#7");
      for (const text of allTexts(n)) expect(withoutOwnLinks(text)).not.toMatch(/[<>]/);
    }
    expect(button(notification({ detailsUrl: "https://evil.example/|x" }))?.url).toBe(PR_URL);
    expect(button(notification({ detailsUrl: undefined }))?.url).toBe(PR_URL);
    expect(button(notification({ detailsUrl: undefined, prUrl: undefined }))).toBeUndefined();
    expect(button(notification({ detailsUrl: "http://127.0.0.1:3000/pr/7" }))?.url).toBe(
      "http://127.0.0.1:3000/pr/7",
    );
  });

  it("escapes & in a link it builds, and shows a repository without a PR unlinked", () => {
    const url = "https://github.com/acme/models/pull/7?a=1&b=2";
    expect(block(notification({ prUrl: url }), "section")!.fields![0]!.text).toBe(
      "*Repository*\n<https://github.com/acme/models/pull/7?a=1&amp;b=2|acme/models#7>",
    );
    expect(button(notification({ detailsUrl: url }))!.url).toBe(url);
    const noPr = notification({ pr: undefined, prUrl: undefined });
    expect(block(noPr, "section")!.fields![0]!.text).toBe("*Repository*\nacme/models");
  });

  it("shows a deadline it cannot read as given, escaped", () => {
    const fields = block(notification({ deadline: "soon <!here>" }), "section")!.fields!.map((f) => f.text);
    expect(fields).toContain("*Deadline*\nsoon &lt;!here&gt;");
  });

  it("keeps within every Slack limit however long the inputs are", () => {
    const huge = (seed: string) => seed.repeat(Math.ceil(20_000 / seed.length));
    const n = notification({
      event: "overridden",
      repository: huge("acme/"),
      model: { name: huge("<model>"), key: huge("sha256:ab") },
      summary: huge("<&>"),
      needed: Array.from({ length: 2000 }, (_, i) => `team-${i}`),
      override: { by: huge("x"), reason: huge("<!channel> ") },
      environment: huge("prod"),
      deadline: huge("?"),
      commit: huge("f"),
      at: huge("2026"),
      detailsUrl: `https://approvals.example.com/${"p".repeat(2990 - "https://approvals.example.com/".length)}`,
      prUrl: `https://github.com/${"a".repeat(1990)}`,
    });
    const message = slackMessage(n);
    const blocks = message.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(message.text.endsWith("…")).toBe(true);
    const header = blocks.find((b) => b.type === "header")!;
    expect(header.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(header.text!.text.endsWith("…")).toBe(true);
    const section = blocks.find((b) => b.type === "section")!;
    expect(section.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(section.text!.text.endsWith("…")).toBe(true);
    expect(section.fields!.length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
    expect(section.fields!.length).toBeGreaterThan(5);
    for (const field of section.fields!) {
      expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      expect(field.text.length).toBeGreaterThan(0);
    }
    for (const b of blocks.filter((b) => b.type === "context")) {
      expect(b.elements!.length).toBeLessThanOrEqual(10);
      for (const e of b.elements!)
        expect((e.text as string).length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    const details = button(n)!;
    expect(details.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(details.url.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonUrl);
    expect(details.url).toBe(n.detailsUrl);
    // A cut never leaves half an entity, and everything cut is still escaped.
    for (const text of allTexts(n)) {
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(withoutOwnLinks(text)).not.toMatch(/[<>]/);
    }
  });

  it("never cuts an emoji in half", () => {
    const n = notification({ summary: "🚀".repeat(5000), model: { name: "🚀".repeat(200) } });
    for (const text of allTexts(n)) {
      expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(block(n, "header")!.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  });

  it("never sends an empty section text", () => {
    expect(block(notification({ summary: "  " }), "section")!.text!.text).toBe("⏳ Approval needed: churn");
  });
});
