// What the triggering event says about the pull request under decision.

/** The pull request as the event payload describes it. */
export interface EventPullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
  /** The head lives in another repository: the token is read-only there. */
  fromFork: boolean;
  /** GitHub's count of changed files, when the payload has it (pull_request events do). */
  changedFilesCount?: number;
  /** The repository's default branch (payload.repository.default_branch), when the payload has it. */
  defaultBranch?: string;
}

export interface EventContext {
  name: string;
  pr?: EventPullRequest;
  /** The commit the decision is about: the PR head, else the pushed commit. */
  sha: string;
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
  if (!PR_EVENTS.has(name)) return { name, sha: fallbackSha };
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
  const count = field(pr, "changed_files");
  const defaultBranch = text(payload, "repository", "default_branch");
  return {
    name,
    sha: headSha,
    pr: {
      number,
      headSha,
      baseSha,
      baseRef,
      author,
      fromFork: headRepo !== undefined && headRepo !== baseRepo,
      ...(typeof count === "number" ? { changedFilesCount: count } : {}),
      ...(defaultBranch ? { defaultBranch } : {}),
    },
  };
}
