// The names model-approval shows on GitHub and how a decision maps onto them: shared by the Action
// and the App so both publish the same surfaces.
import type { DecisionResult } from "../core/policy/types.js";

/** The automatic part, with the full report and the metrics snapshot. */
export const METRICS_CHECK = "model-approval/metrics";
/** The final decision: the check to require in branch protection. */
export const DECISION_CHECK = "model-approval";
/** The app GitHub Actions' own token acts as; only its metrics check run is believed. */
export const ACTIONS_APP_SLUG = "github-actions";

export type LabelState = "approved" | "auto-approved" | "pending" | "rejected";

export function labelState(result: DecisionResult): LabelState | null {
  switch (result.decision) {
    case "approved":
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
