// The Action's Octokit: @actions/github's client, with GitHub's rate limits respected and 5xx and
// network failures retried (request-policy.ts). The caller passes GITHUB_API_URL as baseUrl; this
// module reads no environment.
import { getOctokit } from "@actions/github";
import type { FetchLike } from "./http-fetch.js";
import { type Hookable, applyRequestPolicy } from "./request-policy.js";
import type { OctokitLike } from "./types.js";

export interface ActionOctokitOptions {
  baseUrl?: string;
  /** Retries of a failed request (5xx, network); GitHub's guidance is a few with backoff. */
  retries?: number;
  /** Base of the quadratic retry backoff in ms (tests set it near 0). */
  retryAfterBaseValue?: number;
  /** How many times a rate-limited request waits and retries before failing. */
  rateLimitRetries?: number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** What sends the requests; by default the toolkit's own fetch (its bundled undici). */
  fetch?: FetchLike;
}

export function createActionOctokit(token: string, options: ActionOctokitOptions = {}): OctokitLike {
  const octokit = getOctokit(token, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
    // Octokit reads no more of an answer than FetchedResponse has (status, url, headers, body).
    ...(options.fetch ? { request: { fetch: options.fetch as unknown as typeof fetch } } : {}),
  });
  // Octokit's hook types name every request option; the policy needs only method and status.
  applyRequestPolicy(octokit as unknown as Hookable, {
    retries: options.retries ?? 3,
    rateLimitRetries: options.rateLimitRetries ?? 2,
    ...(options.retryAfterBaseValue !== undefined ? { retryBaseMs: options.retryAfterBaseValue } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return octokit as OctokitLike;
}
