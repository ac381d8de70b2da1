// Instances of the App share nothing: one may still hold an approval that another has since seen
// withdrawn (a changes-requested review, a push) and answered. An `approved` answer cannot be taken
// back, so just before sending one the head and the reviews are read again and the decision redone.
import type { DecideInput, PullRequestContext } from "../core/policy/types.js";
import { decide } from "../core/policy/index.js";
import type { AppGateway } from "./collect.js";

/** Resolves to undefined while the approval still holds, else to why it no longer does. */
export type ApprovalCheck = () => Promise<string | undefined>;

export function approvalCheck(
  gateway: Pick<AppGateway, "getPullRequest" | "listReviews">,
  prNumber: number,
  input: DecideInput & { pr: PullRequestContext },
): ApprovalCheck {
  return async () => {
    const [fresh, reviews] = await Promise.all([
      gateway.getPullRequest(prNumber),
      gateway.listReviews(prNumber),
    ]);
    if (fresh.state !== "open") return `PR #${prNumber} was ${fresh.state} while deciding`;
    if (fresh.headSha !== input.pr.headSha)
      return `PR #${prNumber}'s head moved to ${fresh.headSha.slice(0, 7)} while deciding`;
    const again = decide({ ...input, pr: { ...input.pr, reviews } });
    return again.decision === "approved"
      ? undefined
      : `PR #${prNumber}'s reviews changed while deciding: ${again.summary}`;
  };
}
