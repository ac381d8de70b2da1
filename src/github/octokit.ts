// The Action's Octokit: @actions/github's client with retries (5xx, network) and GitHub's rate
// limits respected. The caller passes GITHUB_API_URL as baseUrl; this module reads no environment.
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { OctokitLike } from "./types.js";

export interface ActionOctokitOptions {
  baseUrl?: string;
  /** Retries of a failed request (5xx, network); GitHub's guidance is a few with backoff. */
  retries?: number;
  /** Base of the quadratic retry backoff in ms (tests set it near 0). */
  retryAfterBaseValue?: number;
  /** How many times a rate-limited request waits and retries before failing. */
  rateLimitRetries?: number;
  /**
   * false turns off GitHub's rate-limit handling and its spacing of writes (1 s apart, 3 s for
   * those that notify people); only for tests against a local fake.
   */
  throttle?: boolean;
}

export function createActionOctokit(token: string, options: ActionOctokitOptions = {}): OctokitLike {
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const octokit: OctokitLike = getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
      retry: {
        retries: options.retries ?? 3,
        ...(options.retryAfterBaseValue !== undefined
          ? { retryAfterBaseValue: options.retryAfterBaseValue }
          : {}),
      },
      throttle: {
        enabled: options.throttle ?? true,
        onRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < rateLimitRetries,
        onSecondaryRateLimit: (
          _retryAfter: number,
          _request: unknown,
          _octokit: unknown,
          retryCount: number,
        ) => retryCount < rateLimitRetries,
      },
    },
    retry,
    throttling,
  );
  return octokit;
}
