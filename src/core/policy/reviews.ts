// Turns a pull request's reviews into votes, GitHub-style: per user, the latest APPROVED or
// CHANGES_REQUESTED review on the head commit is the vote; COMMENTED changes nothing; DISMISSED
// removes the vote. Every review becomes an `approver` reason saying whether it counted and why not.
import type { ApprovalStep } from "../config/types.js";
import type { PullRequestContext, Reason, Review } from "./types.js";

export interface Vote {
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED";
  commit: string;
  submittedAt?: string;
}

export interface ReviewTally {
  /** Current votes of eligible approvers, one per user, in review order. */
  votes: Vote[];
  reasons: Reason[];
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

/** A review without a readable time sorts last: it can only make itself the latest word. */
function submittedAt(review: Review): number {
  const time = review.submitted_at ? Date.parse(review.submitted_at) : NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

// Ids break ties: GitHub numbers reviews in the order they are created.
function byTime(a: Review, b: Review): number {
  return submittedAt(a) - submittedAt(b) || a.id - b.id;
}

function membersOf(team: string, teamMembers: Record<string, string[]>): string[] {
  const wanted = team.toLowerCase();
  const key = Object.keys(teamMembers).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? [] : (teamMembers[key] ?? []);
}

/** Why `login` may not approve for `step`, or undefined when they may. */
export function ineligibility(
  login: string,
  step: ApprovalStep,
  author: string | undefined,
  teamMembers: Record<string, string[]>,
): string | undefined {
  const who = login.toLowerCase();
  if (author !== undefined && who === author.toLowerCase() && !step.allowSelfApproval)
    return "the pull request's author cannot approve it (allow_self_approval is false)";
  if (step.users.some((user) => user.toLowerCase() === who)) return undefined;
  if (step.teams.some((team) => membersOf(team, teamMembers).some((m) => m.toLowerCase() === who)))
    return undefined;
  const listed = [...step.users, ...step.teams].join(", ");
  return `not a listed approver (${listed}) nor a known member of a listed team`;
}

function approverReason(review: Review, counted: boolean, why?: string): Reason {
  const login = review.user?.login ?? "(deleted user)";
  const state = review.state;
  const message = `${login} ${state} on ${shortSha(review.commit_id)}: ${counted ? "counted" : `not counted — ${why}`}`;
  return {
    kind: "approver",
    outcome: counted ? (state === "APPROVED" ? "pass" : "fail") : "info",
    message,
    data: {
      login,
      state,
      commit: review.commit_id,
      submittedAt: review.submitted_at ?? null,
      counted,
      ...(why === undefined ? {} : { why }),
    },
  };
}

export function tallyReviews(
  step: ApprovalStep,
  pr: PullRequestContext,
  teamMembers: Record<string, string[]>,
): ReviewTally {
  const ordered = [...pr.reviews].sort(byTime);
  const reviews: { review: Review; why?: string }[] = [];
  const current = new Map<string, number>();

  const supersede = (login: string, why: string): void => {
    const previous = current.get(login);
    if (previous !== undefined) reviews[previous]!.why = why;
    current.delete(login);
  };

  for (const review of ordered) {
    const index = reviews.length;
    const entry: { review: Review; why?: string } = { review };
    reviews.push(entry);
    const login = review.user?.login;
    if (!login) {
      entry.why = "no user (deleted account)";
      continue;
    }
    if (review.state === "PENDING") {
      entry.why = "a draft review, not submitted";
      continue;
    }
    const ineligible = ineligibility(login, step, pr.author, teamMembers);
    if (ineligible !== undefined) {
      entry.why = ineligible;
      continue;
    }
    const key = login.toLowerCase();
    switch (review.state) {
      case "DISMISSED":
        entry.why = "dismissed: removes this user's vote";
        supersede(key, "superseded: a later review was dismissed");
        break;
      case "COMMENTED":
        entry.why = "a comment does not change a vote";
        break;
      case "APPROVED":
      case "CHANGES_REQUESTED":
        if (review.commit_id !== pr.headSha) {
          entry.why = `on an old commit ${shortSha(review.commit_id)}, not the head ${shortSha(pr.headSha)}`;
          break;
        }
        supersede(key, "superseded by a later review");
        current.set(key, index);
        break;
      default:
        entry.why = `unknown review state ${review.state}`;
    }
  }

  const counted = new Set(current.values());
  const votes: Vote[] = [...counted]
    .sort((a, b) => a - b)
    .map((index) => {
      const review = reviews[index]!.review;
      return {
        login: review.user!.login,
        state: review.state as Vote["state"],
        commit: review.commit_id!,
        ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
      };
    });
  return {
    votes,
    reasons: reviews.map((entry, index) => approverReason(entry.review, counted.has(index), entry.why)),
  };
}
