// Reads the Action and the App both make for a decision: a PR's reviews and changed files, and the
// members of the teams a config lists.
import type { Config } from "../core/config/types.js";
import type { PullRequestContext } from "../core/policy/types.js";
import type { GitHubGateway } from "./gateway.js";
import { isForbidden, isNotFound } from "./errors.js";

/** What the decision needs to know of a PR besides its reviews and files. */
export interface PullRequestFacts {
  number: number;
  author: string;
  headSha: string;
  baseRef: string;
  /** GitHub's count of changed files, when known (review payloads carry none). */
  changedFilesCount?: number;
}

/** Members of the listed teams only; no team listed costs no API call. */
export async function loadTeamMembers(
  gateway: Pick<GitHubGateway, "listTeamMembers">,
  config: Config,
): Promise<{ members: Record<string, string[]>; warnings: string[] }> {
  const teams = [...new Set(config.steps.flatMap((step) => (step.type === "approval" ? step.teams : [])))];
  const warnings: string[] = [];
  const entries = await Promise.all(
    teams.map(async (team): Promise<[string, string[]]> => {
      const [org = "", slug = ""] = team.split("/");
      try {
        return [team, await gateway.listTeamMembers(org, slug)];
      } catch (error) {
        // A team we cannot see has no members: that only ever withholds an approval.
        if (!isNotFound(error) && !isForbidden(error)) throw error;
        warnings.push(`team ${team} could not be read: its members' reviews do not count`);
        return [team, []];
      }
    }),
  );
  return { members: Object.fromEntries(entries), warnings };
}

export async function loadPullRequestContext(
  gateway: Pick<GitHubGateway, "listReviews" | "listChangedFiles">,
  pr: PullRequestFacts,
): Promise<PullRequestContext> {
  const [reviews, changedFiles] = await Promise.all([
    gateway.listReviews(pr.number),
    gateway.listChangedFiles(pr.number),
  ]);
  return {
    number: pr.number,
    author: pr.author,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    changedFiles,
    ...(pr.changedFilesCount === undefined ? {} : { changedFilesCount: pr.changedFilesCount }),
    reviews,
  };
}
