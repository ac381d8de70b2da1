// How a decision maps onto what GitHub shows: shared by the Action and the App so both publish the
// same surfaces. The names themselves are in core/names.ts.
import type { LabelState } from "../core/names.js";
import type { DecisionResult } from "../core/policy/types.js";

export { ACTIONS_APP_SLUG, DECISION_CHECK, METRICS_CHECK, type LabelState } from "../core/names.js";

export function labelState(result: DecisionResult): LabelState | null {
  switch (result.decision) {
    case "approved":
      if (result.override) return "overridden";
      return result.autoApproved ? "auto-approved" : "approved";
    case "pending":
      return "pending";
    case "rejected":
      return "rejected";
    default:
      // An error is not a state of the model; no label claims one.
      return null;
  }
}

/** `alice`, `my-org/ml-leads` → reviewers and team_reviewers, never the author (GitHub refuses that). */
export function reviewRequests(
  pendingApprovers: string[],
  author: string,
): { users: string[]; teams: string[] } {
  const users = pendingApprovers.filter((a) => !a.includes("/") && a.toLowerCase() !== author.toLowerCase());
  const teams = pendingApprovers.filter((a) => a.includes("/")).map((a) => a.slice(a.indexOf("/") + 1));
  return { users, teams };
}
