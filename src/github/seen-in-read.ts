// What the latest GraphQL read of a PR also saw, for the reads that would otherwise follow it in the
// same event: the config on the default branch, the head commit's check runs of the names this
// gate writes, the PR's comments, and the PRs from the PR's head. Only what GitHub gave whole is kept (a list with a next page
// goes to REST, which pages it). Every query starts afresh, so nothing an earlier answer said
// outlives a later one. Each answer is taken once: a write changes what it describes, so reading
// the same thing a second time in the event goes to GitHub.
import type { FileAtRef } from "./rest/contents.js";
import type { HeadPullRequest } from "./rest/pulls.js";
import type { CheckRun } from "./types.js";

/** A comment as the sticky comment's writer looks for its own. */
export interface SeenComment {
  id: number;
  body: string;
  user: { login: string; type: string } | null;
}

export class SeenInRead {
  private readonly checkRuns = new Map<string, CheckRun[]>();
  private readonly comments = new Map<number, SeenComment[]>();
  private readonly files = new Map<string, FileAtRef | null>();
  private readonly fromHead = new Map<string, HeadPullRequest[]>();
  private openHeads: { number: number; headSha: string }[] | undefined;

  /** Every check run called `name` on `sha`, whoever created it, newest first. */
  putCheckRuns(sha: string, name: string, runs: CheckRun[]): void {
    this.checkRuns.set(`${sha}\n${name}`, runs);
  }

  takeCheckRuns(sha: string, name: string): CheckRun[] | undefined {
    return take(this.checkRuns, `${sha}\n${name}`);
  }

  /** Every comment on the PR's conversation, oldest first. */
  putComments(number: number, comments: SeenComment[]): void {
    this.comments.set(number, comments);
  }

  takeComments(number: number): SeenComment[] | undefined {
    return take(this.comments, number);
  }

  /** A file at a ref (`refs/heads/main`): its text and blob sha, or null where it does not exist. */
  putFile(path: string, ref: string, file: FileAtRef | null): void {
    this.files.set(`${ref}\n${path}`, file);
  }

  takeFile(path: string, ref: string): FileAtRef | null | undefined {
    return take(this.files, `${ref}\n${path}`);
  }

  /**
   * Every PR, open or closed, from `owner:branch` into this repository. Logins are
   * case-insensitive; branch names are not.
   */
  putPullRequestsFromHead(owner: string, branch: string, pulls: HeadPullRequest[]): void {
    this.fromHead.set(`${owner.toLowerCase()}:${branch}`, pulls);
  }

  takePullRequestsFromHead(owner: string, branch: string): HeadPullRequest[] | undefined {
    return take(this.fromHead, `${owner.toLowerCase()}:${branch}`);
  }

  /** Every open PR of the repository with its head, as GitHub lists them (oldest first). */
  putOpenPullRequestHeads(heads: { number: number; headSha: string }[]): void {
    this.openHeads = heads;
  }

  /** Whether the open PRs' heads are kept, so that the next read of them asks GitHub nothing. */
  keepsOpenPullRequestHeads(): boolean {
    return this.openHeads !== undefined;
  }

  takeOpenPullRequestHeads(): { number: number; headSha: string }[] | undefined {
    const heads = this.openHeads;
    this.openHeads = undefined;
    return heads;
  }

  /** Forgets everything: a new query is about to say what is. */
  forget(): void {
    this.openHeads = undefined;
    this.checkRuns.clear();
    this.comments.clear();
    this.files.clear();
    this.fromHead.clear();
  }
}

function take<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  map.delete(key);
  return value;
}
