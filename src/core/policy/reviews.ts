// Turns a pull request's reviews into votes, and votes into what counts for the candidate.
// Each user's latest APPROVED or CHANGES_REQUESTED review is their vote, whatever commit it was
// submitted on (a review started before a push still replaces their earlier word); COMMENTED changes
// nothing; DISMISSED removes the vote. A vote counts for the candidate only when it was cast on the
// candidate's commit, and an approval only when it was cast on the model that was recorded there at
// the time (an objection to the commit stands whatever model was current). Every review
// becomes an `approver` reason saying whether it counted and why not.
import type { ApprovalStep } from "../config/types.js";
import type { Candidate, CandidatePullRequest, Recording } from "../candidate/types.js";
import { shortKey } from "../candidate/model-key.js";
import type { Reason, Review } from "./types.js";

export interface Vote {
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED";
  commit: string;
  submittedAt?: string;
  /** The model the vote was cast on (a digest or metrics key); undefined when none was recorded. */
  model?: string;
}

export interface ReviewTally {
  /** Votes that count for the candidate, one per user, in review order. */
  votes: Vote[];
  reasons: Reason[];
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

/** A review without a readable time sorts last: it can only make itself the latest word. */
function instant(time: string | null | undefined): number {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}

// Ids break ties: GitHub numbers reviews in the order they are created.
function byTime(a: Review, b: Review): number {
  return instant(a.submitted_at) - instant(b.submitted_at) || a.id - b.id;
}

export function membersOf(team: string, teamMembers: Record<string, string[]>): string[] {
  const wanted = team.toLowerCase();
  const key = Object.keys(teamMembers).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? [] : (teamMembers[key] ?? []);
}

export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== "" && a.toLowerCase() === b.toLowerCase();
}

/** Why `login` may not vote in `step`, or undefined when they may. */
export function ineligibility(
  login: string,
  step: ApprovalStep,
  author: string | undefined,
  teamMembers: Record<string, string[]>,
): string | undefined {
  if (sameLogin(login, author) && !step.allowSelfApproval)
    return "the pull request's author cannot approve it (allow_self_approval is false)";
  const who = login.toLowerCase();
  if (step.users.some((user) => user.toLowerCase() === who)) return undefined;
  if (step.teams.some((team) => membersOf(team, teamMembers).some((m) => m.toLowerCase() === who)))
    return undefined;
  const listed = [...step.users, ...step.teams].join(", ");
  return `not a listed approver (${listed}) nor a known member of a listed team`;
}

/** The recording that was current at `time`: the newest one made no later than it. */
export function recordingAt(recordings: Recording[], time: string | null | undefined): Recording | undefined {
  const at = instant(time);
  let current: Recording | undefined;
  for (const recording of recordings) {
    if (recording.recordedAt === undefined || instant(recording.recordedAt) <= at) current = recording;
  }
  return current;
}

/** What identifies the candidate's model; undefined when nothing does. */
export function candidateModel(candidate: Pick<Candidate, "evidence">): string | undefined {
  const evidence = candidate.evidence;
  return evidence.kind === "present" ? evidence.recordings.at(-1)?.key : undefined;
}

function describeModel(key: string | undefined): string {
  return key === undefined ? "no recorded model" : `model ${shortKey(key)}`;
}

/** Why a current vote does not count for the candidate, or undefined when it does. */
function mismatch(
  vote: Vote,
  known: boolean,
  candidate: Pick<Candidate, "commit" | "evidence">,
  pr: CandidatePullRequest,
  step: ApprovalStep,
): string | undefined {
  if (vote.commit !== candidate.commit)
    return `on ${shortSha(vote.commit)}, not the candidate ${shortSha(candidate.commit)}: a vote on another commit is no vote for this one`;
  if (vote.state === "APPROVED" && !step.allowSelfApproval && sameLogin(vote.login, pr.pusher))
    return "pushed the commit under review, so cannot approve it (allow_self_approval is false)";
  // An objection to the commit stands whatever model it was cast on: only approvals must not carry
  // over to a model the approver never saw.
  if (vote.state === "CHANGES_REQUESTED") return undefined;
  if (!known) return "cast while a recording of the model that could not be read was current: approve again";
  const wanted = candidateModel(candidate);
  if (vote.model !== wanted)
    return `cast on ${describeModel(vote.model)}, but the candidate is ${describeModel(wanted)}: a re-trained model needs a new vote`;
  return undefined;
}

/** Reports quote an objection's text; this much of it travels in the data. */
export const REVIEW_BODY_LIMIT = 1000;

function approverReason(review: Review, counted: boolean, model: string | undefined, why?: string): Reason {
  const login = review.user?.login ?? "(deleted user)";
  const state = review.state;
  const on = model === undefined ? "" : ` (${shortKey(model)})`;
  const message = `${login} ${state} on ${shortSha(review.commit_id)}${on}: ${counted ? "counted" : `not counted — ${why}`}`;
  const body = state === "CHANGES_REQUESTED" ? review.body?.trim() : undefined;
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
      review: review.id,
      ...(model === undefined ? {} : { model }),
      ...(why === undefined ? {} : { why }),
      ...(body ? { body: body.slice(0, REVIEW_BODY_LIMIT) } : {}),
    },
  };
}

interface Entry {
  review: Review;
  model?: string;
  why?: string;
}

export function tallyReviews(
  step: ApprovalStep,
  candidate: Pick<Candidate, "commit" | "evidence" | "teamMembers">,
  pr: CandidatePullRequest,
): ReviewTally {
  const recordings = candidate.evidence.recordings;
  const entries: Entry[] = [];
  /** login → index of the entry holding the user's current vote */
  const current = new Map<string, number>();
  const known = new Map<number, boolean>();

  const supersede = (login: string, why: string): void => {
    const previous = current.get(login);
    if (previous !== undefined) entries[previous]!.why = why;
    current.delete(login);
  };

  for (const review of [...pr.reviews].sort(byTime)) {
    const index = entries.length;
    const entry: Entry = { review };
    entries.push(entry);
    const login = review.user?.login;
    if (!login) {
      entry.why = "no user (deleted account)";
      continue;
    }
    if (review.state === "PENDING") {
      entry.why = "a draft review, not submitted";
      continue;
    }
    const ineligible = ineligibility(login, step, pr.author, candidate.teamMembers);
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
      case "CHANGES_REQUESTED": {
        supersede(key, "superseded by a later review");
        const recording = recordingAt(recordings, review.submitted_at);
        entry.model = recording?.key;
        known.set(index, recording?.known ?? true);
        current.set(key, index);
        break;
      }
      default:
        entry.why = `unknown review state ${review.state}`;
    }
  }

  const counted = new Set<number>();
  for (const index of current.values()) {
    const entry = entries[index]!;
    const review = entry.review;
    const vote: Vote = {
      login: review.user!.login,
      state: review.state as Vote["state"],
      commit: review.commit_id ?? "",
      ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
      ...(entry.model === undefined ? {} : { model: entry.model }),
    };
    const why = mismatch(vote, known.get(index) ?? true, candidate, pr, step);
    if (why === undefined) counted.add(index);
    else entry.why = why;
  }

  const votes: Vote[] = [...counted]
    .sort((a, b) => a - b)
    .map((index) => {
      const { review, model } = entries[index]!;
      return {
        login: review.user!.login,
        state: review.state as Vote["state"],
        commit: review.commit_id!,
        ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
        ...(model === undefined ? {} : { model }),
      };
    });
  return {
    votes,
    reasons: entries.map((entry, index) =>
      approverReason(entry.review, counted.has(index), entry.model, entry.why),
    ),
  };
}
