// Every failed GitHub call becomes a GitHubError that says what was being done, so a caller can
// report "while reading the reviews of #12: 403 ..." without knowing Octokit's error shapes.
import { describeError, GateError } from "../core/failure.js";

export { describeError };

export class GitHubError extends Error {
  override readonly name = "GitHubError";
  constructor(
    readonly operation: string,
    /** The HTTP status; 0 when no response arrived (network failure, bad input). */
    readonly status: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`while ${operation}: ${status === 0 ? "" : `${status} `}${detail}`, options);
  }
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : 0;
}

/** GitHub's own message ("Resource not accessible by integration") beats Octokit's, which appends a docs URL. */
function detailOf(error: unknown): string {
  const response = (error as { response?: { data?: unknown } } | null)?.response;
  const data = response?.data as { message?: unknown; errors?: unknown } | undefined;
  if (data && typeof data.message === "string") {
    const errors = Array.isArray(data.errors) ? data.errors : [];
    const extra = errors
      .map((e) => (typeof e === "string" ? e : (e as { message?: unknown })?.message))
      .filter((m): m is string => typeof m === "string");
    return extra.length > 0 ? `${data.message} (${extra.join("; ")})` : data.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function toGitHubError(operation: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  return new GitHubError(operation, statusOf(error), detailOf(error), { cause: error });
}

export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return statuses.includes(statusOf(error));
}

/** 403: typically a fork PR's read-only token, or a token without the needed permission. */
export function isForbidden(error: unknown): boolean {
  return hasStatus(error, 403);
}

export function isNotFound(error: unknown): boolean {
  return hasStatus(error, 404);
}

/** A read that failed: the decision cannot be made, and is never approved. */
export class ReadError extends GateError {
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    super("read_failed", `could not read ${what}: ${describeError(cause)}`, { cause });
  }
}

/** Runs a read, naming what was being read if it fails. */
export async function reading<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(what, error);
  }
}
