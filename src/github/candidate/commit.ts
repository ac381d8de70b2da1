// A commit can be the head of several open PRs (from two branches, or into two bases), and GitHub
// shows one `model-approval` check run per commit, which branch protection reads for each of them.
// So what a commit carries (its check run, its deploy jobs) is approved only when every open PR on
// it is: otherwise one PR's approval would turn another's required check green.
import type { DecisionResult } from "../../core/policy/types.js";
import { failureResult } from "../../core/policy/index.js";
import { failureOf } from "../../core/failure.js";
import { shortSha } from "../../core/policy/reviews.js";
import { reading } from "../errors.js";
import { MAX_OPEN_PULL_REQUEST_PAGES, TooManyOpenPullRequests } from "../graphql/open-pull-requests.js";
import { collectCandidate, type CandidatePorts, type CollectOptions } from "./collect.js";
import { decisionFor } from "./decision.js";

/**
 * The most other open PRs on one commit that are decided too. More is not a case anyone meets
 * honestly, and deciding some of them would let the rest hide behind the limit: the commit waits.
 */
export const SIBLINGS = 5;

const RANK: Record<DecisionResult["decision"], number> = { approved: 0, pending: 1, rejected: 2, error: 3 };

export async function commitDecision(
  ports: CandidatePorts,
  own: DecisionResult,
  pr: number,
  commit: string,
  options: Omit<CollectOptions, "measuring">,
): Promise<DecisionResult> {
  return (await commitDecisionReading(ports, own, pr, commit, options)).result;
}

/**
 * The commit's decision, saying whether other PRs were read for it: reads that took time, after
 * which an approval about to release a deploy job is confirmed again.
 */
export async function commitDecisionReading(
  ports: CandidatePorts,
  own: DecisionResult,
  pr: number,
  commit: string,
  options: Omit<CollectOptions, "measuring">,
): Promise<{ result: DecisionResult; siblingsRead: boolean }> {
  const result = (decision: DecisionResult, siblingsRead = false) => ({ result: decision, siblingsRead });
  // Only an approval can be wrongly shared; anything else already keeps the commit from green.
  if (own.decision !== "approved") return result(own);
  let numbers: number[];
  try {
    numbers = await reading(`the pull requests of ${shortSha(commit)}`, () =>
      ports.pullRequestsForCommit(commit),
    );
  } catch (error) {
    // Too many open PRs to tell which share the commit: it waits, as with too many siblings.
    const cause: unknown = (error as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof TooManyOpenPullRequests)) throw error;
    return result({
      ...own,
      decision: "pending",
      autoApproved: false,
      summary: `${own.summary}; but the repository has more than ${MAX_OPEN_PULL_REQUEST_PAGES * 100} open PRs, too many to tell whether another has ${shortSha(commit)} as its head and must approve it too: close some of them`,
    });
  }
  const siblings = numbers.filter((n) => n !== pr);
  if (siblings.length > SIBLINGS)
    return result({
      ...own,
      decision: "pending",
      autoApproved: false,
      summary: `${own.summary}; but ${siblings.length} other open PRs have ${shortSha(commit)} as their head, more than the ${SIBLINGS} this gate decides together: close some of them`,
    });
  let worst: { pr: number; result: DecisionResult } | undefined;
  for (const number of siblings) {
    let theirs: DecisionResult;
    try {
      const collected = await collectCandidate(ports, { kind: "pull_request", number }, options);
      const head = collected.pullRequest;
      if (!head || head.state !== "open" || head.headSha !== commit || collected.kind === "no-config")
        continue;
      theirs = decisionFor(collected);
    } catch (error) {
      theirs = failureResult(failureOf(error), { repository: ports.repository, commit, pr: number });
    }
    if (RANK[theirs.decision] > RANK[worst?.result.decision ?? "approved"])
      worst = { pr: number, result: theirs };
  }
  const read = siblings.length > 0;
  if (!worst) return result(own, read);
  const sibling = worst.result;
  return result(
    {
      ...own,
      decision: sibling.decision,
      autoApproved: false,
      failPipeline: sibling.failPipeline,
      summary: `${own.summary}; but PR #${worst.pr}, on the same commit, is ${sibling.decision}: ${sibling.summary}`,
    },
    read,
  );
}
