// Pull requests through REST: the files of exactly one commit, who pushed it, the PRs of a head or
// a commit, and review requests. The PR itself and its reviews are one GraphQL read
// (../graphql/pull-request.ts).
import { changedFiles as listed } from "../../core/candidate/changed-files.js";
import type { ChangedFiles } from "../../core/candidate/types.js";
import { GITHUB_LIMITS } from "../../core/github-limits.js";
import { deepFreeze } from "../../core/deep-freeze.js";
import { isNotFound } from "../errors.js";
import type { ReviewerRequest, ReviewerRequestResult } from "../types.js";
import { sameLogin, type GitHubClient, type Json, type RestUser } from "./client.js";

export interface Comparison {
  /** Of `head` relative to `base`: identical, ahead, behind or diverged. */
  status: string;
  /** Paths changed from the merge base to `head`, with the old path of a rename (moving a protected file out counts). */
  files: string[];
  /** GitHub lists at most 300 files in a comparison: false when the list may be cut short. */
  complete: boolean;
}

/** A full commit sha (SHA-1 or SHA-256 repositories): a name that can never point elsewhere. */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * `base...head`: what a PR shows for exactly the commit `head`, not the PR's current head (a
 * decision about an older head must not be judged by a newer head's files). Between two commits
 * named by sha the answer never changes (commits, and so their merge base, are immutable), so a
 * long-running App keeps it and asks once; a branch's name is asked about every time.
 */
export async function compareCommits(client: GitHubClient, base: string, head: string): Promise<Comparison> {
  const keptComparisons =
    COMMIT_SHA.test(base) && COMMIT_SHA.test(head) ? client.kept?.comparisons : undefined;
  const key = `${client.fullName}\n${base}...${head}`;
  const kept = keptComparisons?.get(key);
  if (kept) return kept;
  const comparison = await client.call(`comparing ${base}...${head}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      basehead: `${base}...${head}`,
    });
    const comparison = data as { status: string; files?: { filename: string; previous_filename?: string }[] };
    const listed = comparison.files ?? [];
    const files = [
      ...new Set(
        listed.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])),
      ),
    ];
    return { status: comparison.status, files, complete: listed.length < GITHUB_LIMITS.compareFiles };
  });
  // Frozen: every event that finds it kept is handed this same answer.
  keptComparisons?.set(key, deepFreeze(comparison));
  return comparison;
}

/** The files changed from the merge base of `base` to exactly `head`, and whether the list is whole. */
export async function changedFiles(client: GitHubClient, base: string, head: string): Promise<ChangedFiles> {
  const comparison = await compareCommits(client, base, head);
  return listed(
    comparison.files,
    GITHUB_LIMITS.compareFiles,
    comparison.complete ? comparison.files.length : undefined,
  );
}

/** Whether `sha` is the head of `branch` or an ancestor of it. */
export async function branchContains(client: GitHubClient, branch: string, sha: string): Promise<boolean> {
  return client.call(`checking whether ${branch} contains ${sha}`, async () => {
    try {
      const { status } = await compareCommits(client, `refs/heads/${branch}`, sha);
      return status === "identical" || status === "behind";
    } catch (error) {
      // An unknown commit is not on the branch.
      if (isNotFound(error)) return false;
      throw error;
    }
  });
}

/**
 * Who moved `branch` to `sha`, from the repository's activity (pushes and force pushes), or
 * undefined when GitHub does not say (the branch lives in a fork, or the push is not among the
 * latest hundred).
 */
/** Who pushed a commit to a branch, and when (GitHub's clock), from the repository's activity. */
export interface Push {
  pusher?: string;
  at?: string;
}

export async function pushOf(client: GitHubClient, branch: string, sha: string): Promise<Push | undefined> {
  return client.call(`reading who pushed ${sha} to ${branch}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/activity", {
      ref: `refs/heads/${branch}`,
      per_page: 100,
    });
    const activities = (data ?? []) as { after: string; actor: RestUser | null; timestamp?: string }[];
    const push = activities.find((a) => a.after === sha);
    if (!push) return undefined;
    return {
      ...(push.actor?.login ? { pusher: push.actor.login } : {}),
      ...(push.timestamp ? { at: push.timestamp } : {}),
    };
  });
}

export async function pusherOf(
  client: GitHubClient,
  branch: string,
  sha: string,
): Promise<string | undefined> {
  return (await pushOf(client, branch, sha))?.pusher;
}

export interface HeadPullRequest {
  number: number;
  baseRef: string;
  createdAt: string;
  /** null while open. */
  closedAt: string | null;
}

/**
 * The most PRs from one head read. The list says whether a training run was built for another
 * base (SECURITY.md 15c), so it is read whole or not at all: past the cap the read fails, and the
 * run is not used, rather than judged from the newest PRs alone.
 */
export const MAX_HEAD_PULL_REQUESTS = 1000;

/** Every PR, open or closed, from `owner:branch` (a fork's owner for a fork), newest first. */
export async function pullRequestsFromHead(
  client: GitHubClient,
  owner: string,
  branch: string,
): Promise<HeadPullRequest[]> {
  const seen = client.seen.takePullRequestsFromHead(owner, branch);
  if (seen) return seen;
  return client.call(`listing the pull requests from ${owner}:${branch}`, async () => {
    const { items, more } = await client.paginateAtMost<Json>(
      "GET /repos/{owner}/{repo}/pulls",
      { state: "all", head: `${owner}:${branch}` },
      MAX_HEAD_PULL_REQUESTS,
    );
    if (more)
      throw new Error(
        `more than ${MAX_HEAD_PULL_REQUESTS} pull requests come from ${owner}:${branch}, too many to tell which base its runs were built for`,
      );
    return items.map((pr) => ({
      number: pr.number as number,
      baseRef: (pr.base as { ref: string }).ref,
      createdAt: (pr.created_at as string | undefined) ?? "",
      closedAt: (pr.closed_at as string | null | undefined) ?? null,
    }));
  });
}

/** The open PRs, newest first, at most `limit` of them: when the rules change, each is decided again. */
export async function openPullRequests(
  client: GitHubClient,
  limit: number,
): Promise<{ numbers: number[]; more: boolean }> {
  return client.call("listing the open pull requests", async () => {
    const { items, more } = await client.paginateAtMost<{ number: number }>(
      "GET /repos/{owner}/{repo}/pulls",
      { state: "open", sort: "created", direction: "desc" },
      limit,
    );
    return { numbers: items.map((pr) => pr.number), more };
  });
}

/**
 * Requests reviews from those not yet requested (and never the author). A 422 (not a
 * collaborator, unknown team) is reported in `refused`, not thrown.
 */
export async function requestReviewers(
  client: GitHubClient,
  number: number,
  wanted: ReviewerRequest,
  options: {
    author?: string;
    /** Who is asked already, as the PR's read said (users' logins, team slugs); read here if not given. */
    alreadyRequested?: { users: string[]; teams: string[] };
  } = {},
): Promise<ReviewerRequestResult> {
  return client.call(`requesting reviews on #${number}`, async () => {
    const already = options.alreadyRequested
      ? {
          users: options.alreadyRequested.users.map((login) => ({ login })),
          teams: options.alreadyRequested.teams.map((slug) => ({ slug })),
        }
      : ((
          await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
            pull_number: number,
          })
        ).data as { users: RestUser[]; teams: { slug: string }[] });
    const isAuthor = (user: string): boolean =>
      options.author !== undefined && sameLogin(user, options.author);
    const users = [...new Set(wanted.users)].filter(
      (u) => !isAuthor(u) && !already.users.some((r) => sameLogin(r.login, u)),
    );
    const teams = [...new Set(wanted.teams)].filter((t) => !already.teams.some((r) => sameLogin(r.slug, t)));
    const result: ReviewerRequestResult = {
      requested: { users: [], teams: [] },
      refused: { users: [], teams: [] },
    };
    if (users.length + teams.length === 0) return result;
    const post = (reviewers: string[], teamReviewers: string[]): Promise<unknown> =>
      client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
        pull_number: number,
        reviewers,
        team_reviewers: teamReviewers,
      });
    try {
      await post(users, teams);
      result.requested = { users, teams };
      return result;
    } catch (error) {
      if ((error as { status?: unknown }).status !== 422) throw error;
    }
    // One refusal fails the whole request: ask one by one to find out who is refused.
    for (const [kind, names] of [
      ["users", users],
      ["teams", teams],
    ] as const) {
      for (const name of names) {
        try {
          await (kind === "users" ? post([name], []) : post([], [name]));
          result.requested[kind].push(name);
        } catch (error) {
          if ((error as { status?: unknown }).status !== 422) throw error;
          result.refused[kind].push(name);
        }
      }
    }
    return result;
  });
}
