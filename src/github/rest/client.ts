// What every GitHub resource module needs: the injected Octokit, the repository, who the token acts
// as, and one way to turn a failed call into a GitHubError naming the operation.
import type { BoundedCache } from "../bounded-cache.js";
import { toGitHubError } from "../errors.js";
import { SeenInRead } from "../seen-in-read.js";
import type { GatewayIdentity, OctokitLike, RepoRef } from "../types.js";
import type { Comparison } from "./pulls.js";

export type Json = Record<string, unknown>;

export interface RestUser {
  login: string;
  type?: string;
}

export function login(user: unknown): string {
  return (user as RestUser | null)?.login ?? "";
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * What a long-running caller (the App) keeps between events because GitHub never changes it: an
 * artifact's files (an artifact is immutable; a re-upload is a new artifact with a new id).
 */
export interface KeptAcrossEvents {
  artifactFiles: BoundedCache<string>;
  /** Comparisons of two commits named by sha, which never change (rest/pulls.ts). */
  comparisons?: BoundedCache<Comparison>;
}

export class GitHubClient {
  /** What this gateway's PR reads saw besides the PR, for the reads that would follow them. */
  readonly seen = new SeenInRead();

  constructor(
    readonly octokit: OctokitLike,
    readonly repo: RepoRef,
    readonly identity: GatewayIdentity = {},
    readonly kept?: KeptAcrossEvents,
  ) {}

  get fullName(): string {
    return `${this.repo.owner}/${this.repo.repo}`;
  }

  async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toGitHubError(operation, error);
    }
  }

  request(route: string, parameters: Json = {}): Promise<{ status: number; data: unknown }> {
    return this.octokit.request(route, { ...this.repo, ...parameters });
  }

  paginate<T>(route: string, parameters: Json = {}, scope: RepoRef | null = this.repo): Promise<T[]> {
    return this.octokit.paginate(route, { ...scope, per_page: 100, ...parameters }) as Promise<T[]>;
  }

  /**
   * The first `limit` items of a list, and whether it has more: no page is read past the one that
   * shows there are more (a page of a hundred at a time).
   */
  async paginateAtMost<T>(
    route: string,
    parameters: Json,
    limit: number,
    scope: RepoRef | null = this.repo,
  ): Promise<{ items: T[]; more: boolean }> {
    const items: T[] = [];
    await this.octokit.paginate(route, { ...scope, per_page: 100, ...parameters }, (response, done) => {
      items.push(...(response.data as T[]));
      if (items.length > limit) done();
      return [];
    });
    return { items: items.slice(0, limit), more: items.length > limit };
  }
}
