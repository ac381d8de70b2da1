// Instances of the App share nothing: one may still hold an approval that another has since seen
// withdrawn (a changes-requested review, a push) and answered. An `approved` answer cannot be taken
// back, so just before sending one the PR's head and reviews are read again and the same candidate
// decided again with them.
import type { Candidate } from "../core/candidate/types.js";
import { decide } from "../core/policy/index.js";
import { shortSha } from "../core/policy/reviews.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { PullRequestWithReviews } from "../github/graphql/pull-request.js";

/** Resolves to undefined while the approval still holds, else to why it no longer does. */
export type ApprovalCheck = () => Promise<string | undefined>;

export function approvalCheck(
  gateway: Pick<GitHubGateway, "pullRequestWithReviews">,
  candidate: Candidate,
  /** The re-read, when it was made already (with the open PRs' heads, just before answering). */
  reread?: Promise<PullRequestWithReviews>,
): ApprovalCheck {
  const pr = candidate.pr;
  // Outside a PR nothing a person does changes the decision between reading and answering.
  if (!pr) return async () => undefined;
  return async () => {
    const { pullRequest: fresh, reviews } = await (reread ?? gateway.pullRequestWithReviews(pr.number));
    if (fresh.state !== "open") return `PR #${pr.number} was ${fresh.state} while deciding`;
    if (fresh.headSha !== candidate.commit)
      return `PR #${pr.number}'s head moved to ${shortSha(fresh.headSha)} while deciding`;
    const again = decide({
      ...candidate,
      pr: { ...pr, headSha: fresh.headSha, state: fresh.state, reviews },
    });
    return again.decision === "approved"
      ? undefined
      : `PR #${pr.number}'s reviews changed while deciding: ${again.summary}`;
  };
}
