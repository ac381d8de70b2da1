import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Notification } from "../../src/core/notify/event.js";
import { slackMessage } from "../../src/core/notify/slack.js";
import { webhookBody } from "../../src/core/notify/webhook.js";
import type { Destination } from "../../src/notify/destinations.js";
import { deliver, deliveryRequest, retryAfterMs, type DeliveryOptions } from "../../src/notify/deliver.js";
import { freePort } from "../support/free-port.js";
import { NotifyReceiver } from "../support/notify-receiver.js";

const SECRET = "webhook-secret-0123456789";
/** Stands for the part of a Slack webhook URL that is its credential. */
const PATH_SECRET = "XyZzY0s3cr3tPathSegment";

const notification: Notification = {
  event: "approved",
  id: "acme/models#7:approved:3f2a",
  repository: "acme/models",
  pr: 7,
  commit: "3f2a".repeat(10),
  model: { name: "churn", key: "sha256:4b1e" },
  decision: "approved",
  summary: "approved by alice; précision ≥ 0.9 🚀",
  detailsUrl: "https://approvals.example.com/acme/models/pull/7",
  prUrl: "https://github.com/acme/models/pull/7",
  at: "2026-12-01T12:00:00.000Z",
  ledger: { sequence: 42, hash: "ab".repeat(32) },
};

let receiver: NotifyReceiver;
let delays: number[];

beforeEach(async () => {
  receiver = new NotifyReceiver(SECRET);
  await receiver.start();
  delays = [];
});
afterEach(() => receiver.close());

function webhook(path = `/hooks/${PATH_SECRET}`): Destination {
  return { name: "audit", type: "webhook", url: `${receiver.url}${path}`, secret: SECRET };
}
function slack(): Destination {
  return { name: "ml-team", type: "slack", url: `${receiver.url}/services/T000/B000/${PATH_SECRET}` };
}
/** Records the waits instead of waiting; jitter fixed at half the backoff. */
function options(more: DeliveryOptions = {}): DeliveryOptions {
  return {
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...more,
  };
}

describe("deliver to a webhook", () => {
  it("POSTs the body with its headers, signed over the exact bytes", async () => {
    const result = await deliver(webhook(), notification, options());
    expect(result).toEqual({ ok: true, attempts: 1, status: 200, retryable: false });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe(`/hooks/${PATH_SECRET}`);
    expect(request!.signatureValid).toBe(true);
    expect(request!.body.toString("utf8")).toBe(webhookBody(notification));
    expect(request!.json).toMatchObject({ schema: "model-approval.notification/v1", id: notification.id });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "model-approval-notifications",
      "x-model-approval-event": "approved",
      "x-model-approval-delivery": notification.id,
    });
    expect(delays).toEqual([]);
  });

  it("is rejected by a receiver holding another secret", async () => {
    const other = new NotifyReceiver("another-secret-9876543210");
    await other.start();
    try {
      await deliver({ ...webhook(), url: `${other.url}/hook` }, notification, options());
      expect(other.requests[0]!.signatureValid).toBe(false);
    } finally {
      await other.close();
    }
  });

  it("is not sent without a secret to sign with", async () => {
    const { secret: _, ...unsigned } = webhook();
    const result = await deliver(unsigned, notification, options());
    expect(result).toMatchObject({ ok: false, attempts: 0, retryable: false });
    expect(result.error).toMatch(/no secret/);
    expect(receiver.requests).toHaveLength(0);
    expect(() => deliveryRequest(unsigned, notification)).toThrow(/no secret/);
  });
});

describe("deliver to Slack", () => {
  it("POSTs the Block Kit message, unsigned", async () => {
    const result = await deliver(slack(), notification, options());
    expect(result.ok).toBe(true);
    const [request] = receiver.requests;
    expect(request!.json).toEqual(slackMessage(notification));
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-model-approval-signature-256"]).toBeUndefined();
  });
});

describe("retries", () => {
  it("retries after a 500 with jittered backoff", async () => {
    receiver.answerNext(1, 500);
    const result = await deliver(webhook(), notification, options());
    expect(result).toEqual({ ok: true, attempts: 2, status: 200, retryable: false });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    // Both attempts are the same delivery, for the receiver to drop the repeat.
    expect(new Set(receiver.requests.map((r) => r.headers["x-model-approval-delivery"])).size).toBe(1);
    expect(delays).toEqual([500]);
  });

  it("backs off exponentially, capped, and gives up after `attempts`, saying a retry could help", async () => {
    receiver.answerNext(10, 503);
    const result = await deliver(
      webhook(),
      notification,
      options({ attempts: 5, baseDelayMs: 100, maxDelayMs: 500 }),
    );
    expect(result).toMatchObject({ ok: false, attempts: 5, status: 503, retryable: true });
    expect(result.error).toBe("answered 503; gave up after 5 attempts");
    expect(receiver.requests).toHaveLength(5);
    expect(delays).toEqual([50, 100, 200, 250]);
  });

  it("keeps each jittered wait between 0 and the backoff", async () => {
    receiver.answerNext(3, 500);
    const { random: _, ...unjittered } = options({ baseDelayMs: 1000, maxDelayMs: 30_000 });
    await deliver(webhook(), notification, unjittered);
    expect(delays).toHaveLength(3);
    [1000, 2000, 4000].forEach((backoff, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(0);
      expect(delays[i]).toBeLessThanOrEqual(backoff);
    });
  });

  it("retries 408 and 429, waiting as Retry-After says, in seconds or as a date, capped", async () => {
    receiver.answerNext(1, 429, { retryAfter: "7" });
    receiver.answerNext(1, 408, { retryAfter: new Date(Date.now() + 20_000).toUTCString() });
    receiver.answerNext(1, 429, { retryAfter: "3600" });
    receiver.answerNext(1, 429, { retryAfter: "soon" });
    const result = await deliver(webhook(), notification, options({ attempts: 5, maxDelayMs: 30_000 }));
    expect(result).toEqual({ ok: true, attempts: 5, status: 200, retryable: false });
    expect(delays[0]).toBe(7000);
    expect(delays[1]).toBeGreaterThan(18_000);
    expect(delays[1]).toBeLessThanOrEqual(20_000);
    expect(delays[2]).toBe(30_000);
    expect(delays[3]).toBe(4000); // unreadable: the backoff, 0.5 · 1000 · 2^3
  });

  it.each([400, 401, 403, 404, 410, 422])("does not retry a %i", async (status) => {
    receiver.answerNext(5, status);
    const result = await deliver(webhook(), notification, options());
    expect(result).toEqual({
      ok: false,
      attempts: 1,
      status,
      retryable: false,
      error: `answered ${status}, which is not retried`,
    });
    expect(receiver.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("does not follow a redirect", async () => {
    receiver.answerNext(1, 302, { location: `${receiver.url}/elsewhere` });
    const result = await deliver(webhook(), notification, options());
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 302, retryable: false });
    expect(result.error).toMatch(/redirect/);
    expect(receiver.requests.map((r) => r.path)).toEqual([`/hooks/${PATH_SECRET}`]);
  });

  it("times each attempt out when the receiver does not answer", async () => {
    receiver.hangNext(2);
    const started = Date.now();
    const result = await deliver(webhook(), notification, options({ attempts: 2, timeoutMs: 200 }));
    expect(result).toMatchObject({ ok: false, attempts: 2, retryable: true });
    expect(result.status).toBeUndefined();
    expect(result.error).toBe("no answer within 200 ms; gave up after 2 attempts");
    expect(receiver.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("delivers after a timed-out attempt", async () => {
    receiver.hangNext(1);
    const result = await deliver(webhook(), notification, options({ timeoutMs: 200 }));
    expect(result).toEqual({ ok: true, attempts: 2, status: 200, retryable: false });
  });

  it("reads a few KiB of a large answer and drops the rest", async () => {
    receiver.answerNext(1, 200, { body: "x".repeat(4 * 1024 * 1024) });
    const result = await deliver(webhook(), notification, options({ timeoutMs: 2000 }));
    expect(result).toEqual({ ok: true, attempts: 1, status: 200, retryable: false });
  });
});

describe("errors", () => {
  it("never quote the URL", async () => {
    const results = [];
    receiver.answerNext(1, 404);
    results.push(await deliver(slack(), notification, options()));
    receiver.answerNext(4, 500);
    results.push(await deliver(slack(), notification, options()));
    receiver.hangNext(1);
    results.push(await deliver(slack(), notification, options({ attempts: 1, timeoutMs: 100 })));
    receiver.answerNext(1, 301, { location: `${receiver.url}/${PATH_SECRET}/moved` });
    results.push(await deliver(slack(), notification, options()));
    const port = await freePort();
    const refused = await deliver(
      { ...slack(), url: `http://127.0.0.1:${port}/services/T000/B000/${PATH_SECRET}` },
      notification,
      options({ attempts: 2 }),
    );
    expect(refused).toMatchObject({ ok: false, attempts: 2, retryable: true });
    expect(refused.error).toMatch(/^network error/);
    results.push(refused);
    const thrown = await deliver(
      slack(),
      notification,
      options({
        attempts: 1,
        fetch: async (input) => {
          throw new TypeError(`fetch failed: ${String(input)}`, {
            cause: new Error(`connect ${String(input)}`),
          });
        },
      }),
    );
    results.push(thrown);
    const unparseable = await deliver(
      { ...slack(), url: `not a url ${PATH_SECRET}` },
      notification,
      options(),
    );
    expect(unparseable).toMatchObject({ ok: false, attempts: 0, retryable: false });
    results.push(unparseable);

    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(typeof result.error).toBe("string");
      expect(result.error).not.toContain(PATH_SECRET);
      expect(result.error).not.toContain("127.0.0.1");
      expect(result.error).not.toContain("services");
    }
  });

  it("never quote the secret", async () => {
    receiver.answerNext(1, 400);
    const result = await deliver(webhook(), notification, options());
    expect(result.error).not.toContain(SECRET);
  });

  it("say a header cannot be sent, before anything is sent", async () => {
    const result = await deliver(webhook(), { ...notification, id: "line\nbreak" }, options());
    expect(result).toMatchObject({ ok: false, attempts: 0, retryable: false });
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP-dates, and nothing else", () => {
    const now = Date.parse("2026-12-01T12:00:00.000Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Tue, 01 Dec 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Tue, 01 Dec 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("-5", now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
