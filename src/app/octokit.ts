// The App's Octokit: Probot's, with its throttling and retry plugins replaced by the Action's
// request policy (src/github/request-policy.ts). Probot's throttling spaces an installation's
// writes 1 s apart (3 s for comments), so when 16 PRs open at once most deliveries were still
// being processed at 9 s, past GitHub's 10 s delivery timeout. Rate limits are still waited out
// as GitHub says, and each installation's writes still go one at a time (GitHub's guidance for
// secondary limits), without blocking reads or other installations. Reads are conditional
// (src/github/conditional-fetch.ts): what an event re-reads unchanged costs no rate limit.
import { ProbotOctokit } from "probot";
import { ResponseCache, conditionalFetch } from "../github/conditional-fetch.js";
import { httpFetch, type FetchLike } from "../github/http-fetch.js";
import type { OctokitLike } from "../github/types.js";
import {
  type Hookable,
  type WriteQueue,
  applyRequestPolicy,
  newWriteQueue,
} from "../github/request-policy.js";

const queues = new Map<string, WriteQueue>();

function queueFor(installationId: unknown): WriteQueue {
  const key = installationId === undefined ? "app" : String(installationId);
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = newWriteQueue()));
  return queue;
}

function requestPolicy(octokit: unknown, options: { auth?: { installationId?: unknown } }): void {
  applyRequestPolicy(octokit as Hookable, { writeQueue: queueFor(options.auth?.installationId) });
}

/** The process's answers from GitHub, kept for conditional reads; each token's apart. */
export const responseCache = new ResponseCache();

/**
 * Probot's Octokit without its throttling and retry plugins, reading conditionally. The function
 * form: Probot's object-form options would merge into its own and leave throttling on.
 */
export const PlainProbotOctokit = ProbotOctokit.defaults(
  (
    options: Record<string, unknown> & {
      throttle?: object;
      retry?: object;
      request?: { fetch?: FetchLike };
    },
  ) => ({
    ...options,
    throttle: { ...options.throttle, enabled: false },
    retry: { ...options.retry, enabled: false },
    request: {
      ...options.request,
      // Octokit reads no more of an answer than FetchedResponse has (status, url, headers, body).
      fetch: conditionalFetch(responseCache, options.request?.fetch ?? httpFetch) as unknown as typeof fetch,
    },
  }),
);

export const AppOctokit = PlainProbotOctokit.plugin(requestPolicy);

/** How long a caller's token check may take before the page or API answer gives up. */
const CALLER_TIMEOUT_MS = 10_000;

/**
 * Probot's Octokit for people's own tokens (the ledger's API and pages ask GitHub what a token may
 * read): no retries, no waiting out rate limits, a deadline on each request, and none of the
 * App's kept answers, so callers can neither slow the App's own requests nor crowd out its cache.
 */
const CallerProbotOctokit = ProbotOctokit.defaults(
  (options: Record<string, unknown> & { throttle?: object; retry?: object; request?: object }) => ({
    ...options,
    throttle: { ...options.throttle, enabled: false },
    retry: { ...options.retry, enabled: false },
    request: {
      ...options.request,
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(CALLER_TIMEOUT_MS) }),
    },
  }),
);

/** An Octokit acting with a caller's own token. */
export function callerOctokit(baseUrl: string): (token: string) => OctokitLike {
  return (token) => new CallerProbotOctokit({ auth: { token }, baseUrl }) as unknown as OctokitLike;
}
