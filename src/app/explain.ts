// `/model-approval explain`: the App answers the comment with the decision's summary and a link to
// its details page. Level-triggered like the rest: each answer carries the asking comment's id in a
// hidden marker, so a redelivered or repeated event answers once.
import { parseCommand } from "../core/candidate/commands.js";
import { headline } from "../core/report/format.js";
import { cell, inertQuote } from "../core/report/markdown.js";
import type { DecisionResult } from "../core/policy/types.js";
import type { AppGateway } from "./reconcile.js";

export function explainMarker(commentId: number): string {
  return `<!-- model-approval:explain:${commentId} -->`;
}

export function explanation(result: DecisionResult, commentId: number, detailsUrl?: string): string {
  const lines = [
    explainMarker(commentId),
    // The summary can hold what a PR's training code wrote (metric names): quoted inert.
    `**model-approval: ${headline(result)}** — ${inertQuote(result.summary, 600)}`,
    ...(result.pendingApprovers.length > 0
      ? ["", `Still needed from: ${result.pendingApprovers.map((a) => cell(a).replace(/@/g, "")).join(", ")}`]
      : []),
    ...(result.timing?.deadline ? ["", `Times out at ${result.timing.deadline}.`] : []),
    ...(detailsUrl ? ["", `[Details](${detailsUrl})`] : []),
  ];
  return lines.join("\n");
}

/** Answers an explain comment once; true when an answer was written. */
export async function answerExplain(
  gateway: Pick<AppGateway, "listComments" | "postComment">,
  comment: { id: number; body: string; authorType?: string },
  pr: number,
  result: DecisionResult,
  detailsUrl?: string,
): Promise<boolean> {
  if (comment.authorType === "Bot" || parseCommand(comment.body)?.kind !== "explain") return false;
  const marker = explainMarker(comment.id);
  const comments = await gateway.listComments(pr);
  if (comments.some((c) => c.body.includes(marker))) return false;
  await gateway.postComment(pr, explanation(result, comment.id, detailsUrl));
  return true;
}
