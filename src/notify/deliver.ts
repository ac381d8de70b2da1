// Sends one notification to one destination, retrying what a later attempt could fix. A delivery
// never throws and never decides anything: its result is for the caller to report and, when
// `retryable`, to schedule again. Its errors are safe to log: a destination's URL is a credential
// (a Slack webhook's path is its secret), so no error text here comes from the URL, and none from
// fetch's own messages, which quote it.
import type { Notification } from "../core/notify/event.js";
import { slackMessage } from "../core/notify/slack.js";
import { webhookBody } from "../core/notify/webhook.js";
import type { Destination } from "./destinations.js";
import { SIGNATURE_HEADER, signature } from "./sign.js";

export interface DeliveryOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for the backoff's jitter. */
  random?: () => number;
  /** Default 4. */
  attempts?: number;
  /** Per attempt, response body included. Default 10_000. */
  timeoutMs?: number;
  /** Default 1_000. */
  baseDelayMs?: number;
  /** Caps the backoff and Retry-After. Default 30_000. */
  maxDelayMs?: number;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  /** The last answer's HTTP status, when there was one. */
  status?: number;
  /** Safe to log: never contains the URL or secret. */
  error?: string;
  /** Whether a later retry could help. */
  retryable: boolean;
}

export const USER_AGENT = "model-approval-notifications";

/** How much of an answer is read before it is dropped: enough to let keep-alive reuse the connection. */
const RESPONSE_BYTES_READ = 4096;

export function deliveryRequest(
  destination: Destination,
  n: Notification,
): { body: string; headers: Record<string, string> } {
  if (destination.type === "slack") {
    return {
      body: JSON.stringify(slackMessage(n)),
      headers: { "Content-Type": "application/json", "User-Agent": USER_AGENT },
    };
  }
  if (!destination.secret)
    throw new Error(`webhook destination "${destination.name}" has no secret to sign with`);
  const body = webhookBody(n);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": USER_AGENT,
      "X-Model-Approval-Event": n.event,
      "X-Model-Approval-Delivery": n.id,
      [SIGNATURE_HEADER]: signature(destination.secret, body),
    },
  };
}

export async function deliver(
  destination: Destination,
  n: Notification,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const attempts = positiveInteger(options.attempts, 4);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const random = options.random ?? Math.random;
  const baseDelayMs = nonNegative(options.baseDelayMs, 1_000);
  const maxDelayMs = nonNegative(options.maxDelayMs, 30_000);
  const unsendable = unsendableBecause(destination, n);
  if (unsendable) return { ok: false, attempts: 0, error: `not sent: ${unsendable}`, retryable: false };
  const request = deliveryRequest(destination, n);
  const transport = { fetch: options.fetch ?? fetch, timeoutMs: positiveInteger(options.timeoutMs, 10_000) };
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(destination.url, request, transport);
    if (outcome.ok) return { ok: true, attempts: attempt, status: outcome.status, retryable: false };
    if (!outcome.retryable || attempt >= attempts) {
      const error = outcome.retryable ? `${outcome.error}; gave up after ${attempt} attempts` : outcome.error;
      return { ok: false, attempts: attempt, status: outcome.status, error, retryable: outcome.retryable };
    }
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    await sleep(Math.min(maxDelayMs, outcome.retryAfterMs ?? Math.floor(random() * backoff)));
  }
}

// What no attempt could fix, found before the first: fetch would otherwise throw it as a TypeError
// that reads like a network error (and quotes the URL).
function unsendableBecause(destination: Destination, n: Notification): string | undefined {
  if (!URL.canParse(destination.url)) return "the destination's URL is not a valid URL";
  const { protocol } = new URL(destination.url);
  if (protocol !== "https:" && protocol !== "http:") return "the destination's URL is not http(s)";
  if (destination.type === "webhook" && !destination.secret)
    return "the webhook destination has no secret to sign with";
  try {
    new Headers(deliveryRequest(destination, n).headers);
  } catch {
    return "the notification's id or event cannot be sent as a header";
  }
  return undefined;
}

interface AttemptOutcome {
  ok: boolean;
  status?: number;
  error?: string;
  retryable: boolean;
  retryAfterMs?: number;
}

async function attemptOnce(
  url: string,
  request: { body: string; headers: Record<string, string> },
  { fetch, timeoutMs }: { fetch: typeof globalThis.fetch; timeoutMs: number },
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: controller.signal,
    });
    await discardBody(response);
  } catch (error) {
    const why = controller.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : `network error${errorCode(error)}`;
    return { ok: false, error: why, retryable: true };
  } finally {
    clearTimeout(timer);
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true, status, retryable: false };
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      status,
      error: `answered ${status}, a redirect, which is not followed`,
      retryable: false,
    };
  }
  if (status === 408 || status === 429 || (status >= 500 && status < 600)) {
    return {
      ok: false,
      status,
      error: `answered ${status}`,
      retryable: true,
      retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
    };
  }
  return { ok: false, status, error: `answered ${status}, which is not retried`, retryable: false };
}

// Reading a little lets the connection be reused; reading all would let a receiver make us hold its
// answer, however large, in memory.
async function discardBody(response: Response): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  let read = 0;
  try {
    while (read < RESPONSE_BYTES_READ) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Retry-After in ms: delay-seconds or an HTTP-date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

// Node's fetch says "fetch failed" and keeps the reason in `cause`, whose message names the host;
// its code (ECONNREFUSED, UND_ERR_SOCKET, …) says what happened without saying where.
function errorCode(error: unknown): string {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return ` (${code})`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return "";
}

function positiveInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}
