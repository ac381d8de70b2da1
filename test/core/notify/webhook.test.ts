import { describe, expect, it } from "@jest/globals";
import type { Notification } from "../../../src/core/notify/event.js";
import { NOTIFICATION_SCHEMA, webhookBody } from "../../../src/core/notify/webhook.js";

const full: Notification = {
  event: "overridden",
  id: "acme/models#7:overridden:1",
  repository: "acme/models",
  pr: 7,
  commit: "3f2a".repeat(10),
  model: { name: "churn", key: "sha256:4b1e" },
  decision: "approved",
  summary: 'overridden by carol: "hotfix" <!channel>',
  needed: ["alice", "acme/ml-leads"],
  override: { by: "carol", reason: "hotfix\nfor the outage" },
  environment: "production",
  deadline: "2026-12-03T12:00:00.000Z",
  detailsUrl: "https://approvals.example.com/acme/models/pull/7",
  prUrl: "https://github.com/acme/models/pull/7",
  at: "2026-12-01T12:00:00.000Z",
  ledger: { sequence: 42, hash: "abcd" },
};

describe("webhookBody", () => {
  it("is the schema, then every field in a fixed order, as compact JSON", () => {
    expect(webhookBody(full)).toBe(
      '{"schema":"model-approval.notification/v1","id":"acme/models#7:overridden:1","event":"overridden",' +
        '"at":"2026-12-01T12:00:00.000Z","repository":"acme/models","pr":7,"commit":"' +
        "3f2a".repeat(10) +
        '","model":{"name":"churn","key":"sha256:4b1e"},"decision":"approved",' +
        '"summary":"overridden by carol: \\"hotfix\\" <!channel>","needed":["alice","acme/ml-leads"],' +
        '"override":{"by":"carol","reason":"hotfix\\nfor the outage"},"environment":"production",' +
        '"deadline":"2026-12-03T12:00:00.000Z","detailsUrl":"https://approvals.example.com/acme/models/pull/7",' +
        '"prUrl":"https://github.com/acme/models/pull/7","ledger":{"sequence":42,"hash":"abcd"}}',
    );
  });

  it("parses back to the notification with its schema", () => {
    expect(JSON.parse(webhookBody(full))).toEqual({ schema: NOTIFICATION_SCHEMA, ...full });
  });

  it("gives the same text however the notification was built", () => {
    const reversed = Object.fromEntries(Object.entries(full).reverse()) as unknown as Notification;
    const model = { key: "sha256:4b1e", name: "churn" };
    expect(webhookBody({ ...reversed, model })).toBe(webhookBody(full));
  });

  it("leaves absent fields out instead of writing null", () => {
    const minimal: Notification = {
      event: "pending",
      id: "x",
      repository: "acme/models",
      commit: "c".repeat(40),
      decision: "pending",
      summary: "waiting",
      at: "2026-12-01T12:00:00.000Z",
      model: { name: undefined, key: undefined },
      environment: undefined,
      pr: null as unknown as undefined,
    };
    expect(webhookBody(minimal)).toBe(
      '{"schema":"model-approval.notification/v1","id":"x","event":"pending","at":"2026-12-01T12:00:00.000Z",' +
        `"repository":"acme/models","commit":"${"c".repeat(40)}","decision":"pending","summary":"waiting"}`,
    );
    expect(webhookBody({ ...minimal, model: { key: "metrics:ab" } })).toContain(
      '"model":{"key":"metrics:ab"}',
    );
  });

  it("copies only the notification's own fields", () => {
    const extra = { ...full, secret: "do-not-send", ledger: { ...full.ledger!, row: 1 } } as Notification;
    const body = webhookBody(extra);
    expect(body).not.toContain("do-not-send");
    expect(body).not.toContain('"row"');
    expect(body).toBe(webhookBody(full));
  });
});
