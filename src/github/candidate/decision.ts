// A gathered candidate as a decision: the one mapping the Action, the App and the CLI share.
import { configErrorResult, decide, failureResult } from "../../core/policy/index.js";
import type { DecisionResult } from "../../core/policy/types.js";
import type { Collected } from "./collect.js";

/** The decision for what was collected; `no-config` is each adapter's own business. */
export function decisionFor(collected: Exclude<Collected, { kind: "no-config" }>): DecisionResult {
  if (collected.kind === "candidate") return withNotes(decide(collected.candidate), collected.warnings);
  const subject = {
    repository: collected.repository,
    commit: collected.commit,
    ...(collected.pullRequest ? { pr: collected.pullRequest.number } : {}),
  };
  const result =
    collected.kind === "failed"
      ? failureResult(collected.failure, subject)
      : configErrorResult(collected.diagnostics, subject);
  return withNotes(result, collected.warnings);
}

/** The result with what the reader should also know appended to its notes. */
export function withNotes(result: DecisionResult, warnings: string[]): DecisionResult {
  return warnings.length > 0 ? { ...result, notes: [...(result.notes ?? []), ...warnings] } : result;
}
