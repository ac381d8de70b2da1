// What the triggering event says: which candidate the run is about, and what GitHub's answers
// must be at least as new as.
import type { EventBound, Subject } from "../github/candidate/index.js";

export interface EventPullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
  /** The head lives in another repository: the token is read-only there. */
  fromFork: boolean;
  updatedAt?: string;
  /** The PR's head branch. */
  headRef?: string;
}

export interface EventContext {
  name: string;
  pr?: EventPullRequest;
  /** The commit the decision is about: the PR head, else the pushed commit. */
  sha: string;
  /** The repository's default branch, as the payload says. */
  defaultBranch?: string;
  /** The review a pull_request_review event is about. */
  review?: { id: number; dismissed: boolean };
}

const PR_EVENTS = new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
]);

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function text(value: unknown, ...path: string[]): string | undefined {
  const v = field(value, ...path);
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * Reads the PR out of a webhook payload. A PR event whose payload lacks the fields the decision
 * needs is an error, not a PR-less run: deciding without the PR could auto-approve what a human
 * must review.
 */
export function readEventContext(name: string, payload: unknown, fallbackSha: string): EventContext {
  const defaultBranch = text(payload, "repository", "default_branch");
  const common = { name, ...(defaultBranch ? { defaultBranch } : {}) };
  if (!PR_EVENTS.has(name)) return { ...common, sha: fallbackSha };
  const pr = field(payload, "pull_request");
  const number = field(pr, "number");
  const headSha = text(pr, "head", "sha");
  const baseSha = text(pr, "base", "sha");
  const baseRef = text(pr, "base", "ref");
  const author = text(pr, "user", "login");
  if (typeof number !== "number" || !headSha || !baseSha || !baseRef || !author) {
    throw new Error(
      `the ${name} event payload has no complete pull_request (number, head.sha, base.sha, base.ref, user.login)`,
    );
  }
  const headRepo = text(pr, "head", "repo", "full_name");
  const baseRepo = text(pr, "base", "repo", "full_name");
  const updatedAt = text(pr, "updated_at");
  const headRef = text(pr, "head", "ref");
  const reviewId = field(payload, "review", "id");
  return {
    ...common,
    sha: headSha,
    pr: {
      number,
      headSha,
      baseSha,
      baseRef,
      author,
      fromFork: headRepo !== undefined && headRepo !== baseRepo,
      ...(updatedAt ? { updatedAt } : {}),
      ...(headRef ? { headRef } : {}),
    },
    ...(name === "pull_request_review" && typeof reviewId === "number"
      ? { review: { id: reviewId, dismissed: field(payload, "action") === "dismissed" } }
      : {}),
  };
}

/** The candidate this run decides about: the PR's head as the event names it, or the commit outside a PR. */
export function subjectOf(event: EventContext): Subject {
  if (!event.pr) return { kind: "commit", sha: event.sha, defaultBranch: event.defaultBranch ?? "" };
  const bound: EventBound = {
    headSha: event.pr.headSha,
    ...(event.pr.updatedAt ? { updatedAt: event.pr.updatedAt } : {}),
    ...(event.pr.headRef ? { headRef: event.pr.headRef } : {}),
    ...(event.review ? { review: event.review } : {}),
  };
  return { kind: "pull_request", number: event.pr.number, commit: event.pr.headSha, event: bound };
}
