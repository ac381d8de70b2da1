// The commands people give the gate in a PR's conversation: `/model-approval override <reason>`
// and `/model-approval explain`, at the start of a comment or of a review's text. Anything else —
// the command quoted in the middle of a sentence, inside a quote block — is no command. A review's
// text counts only as it was when submitted (the App's submitted event carries it): GitHub's REST
// API does not say whether a review was edited since, so an old review could otherwise be turned
// into an override after the fact.
import type { OverrideClaim } from "./types.js";

export type Command = { kind: "override"; reason: string } | { kind: "explain" };

const COMMAND = /^\/model-approval[ \t]+(override|explain)\b([\s\S]*)$/;

export function parseCommand(body: string | null | undefined): Command | undefined {
  const text = (body ?? "").replace(/\r\n/g, "\n").trimStart();
  const match = COMMAND.exec(text);
  if (!match) return undefined;
  if (match[1] === "explain") return { kind: "explain" };
  return { kind: "override", reason: (match[2] ?? "").replace(/\s+/g, " ").trim() };
}

/** What a comment must say of itself to speak a command. */
export interface SaidComment {
  id: number;
  author: string;
  authorType?: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  url?: string;
}

/**
 * The override claims in a PR's comments. An edited comment speaks no command: an edit cannot
 * create an override after the fact, nor change what one said (the ledger keeps what was said).
 * No bot speaks one, so an app cannot be tricked into overriding by echoing text.
 */
export function overrideClaimsInComments(comments: SaidComment[]): OverrideClaim[] {
  return comments.flatMap((c): OverrideClaim[] => {
    if (c.authorType === "Bot" || !c.author) return [];
    if (c.updatedAt && c.createdAt && Date.parse(c.updatedAt) > Date.parse(c.createdAt)) return [];
    const command = parseCommand(c.body);
    if (command?.kind !== "override") return [];
    return [
      {
        by: c.author,
        reason: command.reason,
        at: c.createdAt,
        source: { kind: "comment", id: c.id, ...(c.url ? { url: c.url } : {}) },
      },
    ];
  });
}

/** The override in a review's text as submitted, bound to the commit the review was submitted on. */
export function overrideClaimInReview(review: {
  id: number;
  user: { login: string } | null;
  body?: string | null;
  commit_id: string | null;
  submitted_at?: string | null;
}): OverrideClaim | undefined {
  const command = parseCommand(review.body);
  if (command?.kind !== "override" || !review.user?.login || !review.submitted_at || !review.commit_id)
    return undefined;
  return {
    by: review.user.login,
    reason: command.reason,
    at: review.submitted_at,
    source: { kind: "review", id: review.id },
    commit: review.commit_id,
  };
}
