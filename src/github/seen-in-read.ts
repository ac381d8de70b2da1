// What the latest GraphQL read of a PR also saw, for the writes that would otherwise read it again
// in the same event: the head commit's check runs of the names this gate writes, and the PR's
// comments. Only a list GitHub gave whole is kept (a list with a next page goes to REST, which
// pages it). Every query starts afresh, so nothing an earlier answer said outlives a later one.
// Each answer is taken once: a write changes what it describes, so reading the same thing a
// second time in the event goes to GitHub.
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

  /** Forgets everything: a new query is about to say what is. */
  forget(): void {
    this.checkRuns.clear();
    this.comments.clear();
  }
}

function take<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  map.delete(key);
  return value;
}
