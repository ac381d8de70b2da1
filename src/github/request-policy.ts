// How the Action's client answers GitHub's failures, in place of @octokit/plugin-retry and
// @octokit/plugin-throttling. Those queue every request through Bottleneck (~13 ms each) and space
// writes 1 s apart (3 s for comments) before GitHub has asked for anything: ~4.9 s of a 5.5 s
// publishing run for its handful of writes. GitHub's rules are kept where they apply:
// - a rate limit (primary: x-ratelimit-remaining 0; secondary: retry-after, or GitHub's message)
//   is waited out as GitHub says (retry-after, else the reset time, else a minute for a secondary
//   limit) and retried a few times, never longer than `maxWaitMs`;
// - a 5xx or a network failure is retried with quadratic backoff;
// - writes go one at a time (GitHub asks integrations not to write concurrently), without delay.

/** The writes of one client, or of every client that shares it (the App's, per installation). */
export interface WriteQueue {
  tail: Promise<unknown>;
}

export function newWriteQueue(): WriteQueue {
  return { tail: Promise.resolve() };
}

export interface RequestPolicyOptions {
  /** Whose writes these are; a client of its own by default. */
  writeQueue?: WriteQueue;
  /** Retries of a 5xx or a network failure. */
  retries?: number;
  /** Backoff base in ms: the nth retry waits base × n². */
  retryBaseMs?: number;
  /** Retries of a rate-limited request. */
  rateLimitRetries?: number;
  /** The longest wait for a rate limit; past it the request fails with GitHub's answer. */
  maxWaitMs?: number;
  /** Injected by tests; setTimeout otherwise. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected by tests; Date.now otherwise (for x-ratelimit-reset). */
  now?: () => number;
}

export interface Hookable {
  hook: {
    wrap(
      name: "request",
      wrapper: (
        request: (options: RequestOptions) => Promise<unknown>,
        options: RequestOptions,
      ) => Promise<unknown>,
    ): void;
  };
}

interface RequestOptions {
  method?: string;
  url?: string;
  /** A GraphQL request's document (@octokit/graphql passes it as an option). */
  query?: unknown;
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** GitHub's advice when a secondary rate limit names no time: wait at least a minute. */
const SECONDARY_FALLBACK_MS = 60_000;
const RETRY_STATUS_FLOOR = 500;

function header(error: ErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** How long GitHub asks to wait before this request may be sent again; undefined: not a rate limit. */
export function rateLimitWait(error: ErrorLike, now: number): number | undefined {
  if (error.status !== 403 && error.status !== 429) return undefined;
  const retryAfter = Number(header(error, "retry-after"));
  if (header(error, "retry-after") !== undefined && Number.isFinite(retryAfter))
    return Math.max(0, retryAfter) * 1000;
  if (header(error, "x-ratelimit-remaining") === "0") {
    const reset = Number(header(error, "x-ratelimit-reset")) * 1000;
    // One second past the reset, as GitHub's documentation advises.
    return Number.isFinite(reset) ? Math.max(0, reset - now) + 1000 : undefined;
  }
  if (error.status === 429 || /secondary rate limit/i.test(error.message ?? "")) return SECONDARY_FALLBACK_MS;
  return undefined;
}

function isRetryable(error: ErrorLike): boolean {
  return error.status === undefined || error.status >= RETRY_STATUS_FLOOR;
}

/**
 * A GraphQL query is a POST that reads; a mutation writes. Without a parser in the bundle, any
 * document that says "mutation" or "subscription" anywhere (a comment or a fragment may come
 * first) is taken for a write: at worst a query waits its turn behind writes.
 */
function isGraphQLQuery(options: RequestOptions): boolean {
  return (
    /\/graphql$/.test(options.url ?? "") &&
    typeof options.query === "string" &&
    !/\b(mutation|subscription)\b/.test(options.query)
  );
}

function isWrite(options: RequestOptions): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  return method !== "GET" && method !== "HEAD" && !isGraphQLQuery(options);
}

export function applyRequestPolicy(octokit: Hookable, options: RequestPolicyOptions = {}): void {
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWaitMs = options.maxWaitMs ?? 5 * 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? Date.now;
  const writes = options.writeQueue ?? newWriteQueue();

  const send = async (request: (o: RequestOptions) => Promise<unknown>, requestOptions: RequestOptions) => {
    let failures = 0;
    let limited = 0;
    for (;;) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const failure = error as ErrorLike;
        const wait = rateLimitWait(failure, now());
        if (wait !== undefined) {
          if (limited++ >= rateLimitRetries || wait > maxWaitMs) throw error;
          await sleep(wait);
          continue;
        }
        if (!isRetryable(failure) || failures++ >= retries) throw error;
        await sleep(retryBaseMs * failures * failures);
      }
    }
  };

  octokit.hook.wrap("request", (request, requestOptions) => {
    if (!isWrite(requestOptions)) return send(request, requestOptions);
    // One write at a time: each waits for the one before it to settle, not for a timer.
    const result = writes.tail.then(() => send(request, requestOptions));
    writes.tail = result.catch(() => undefined);
    return result;
  });
}
