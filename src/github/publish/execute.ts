// Performs a plan through the gateway. Each write is attempted even if an earlier one failed (a
// partial update beats a stale one). A refused write (a fork PR's read-only token) is reported as
// refused, not failed. A decision check run that does not say "success" must land: taking back an
// approval that stays green would let branch protection merge what the gate no longer approves, so
// it is retried with backoff and, failing that, written as a new check run (the newest one counts).
import { describeError, isForbidden } from "../errors.js";
import type { GitHubGateway } from "../gateway.js";
import type { PlannedWrite } from "./plan.js";

export type WriteGateway = Pick<
  GitHubGateway,
  "upsertCheckRun" | "upsertStickyComment" | "setStateLabel" | "requestReviewers"
>;

export interface WriteOutcome {
  /** Writes that failed: GitHub shows something stale. */
  failures: string[];
  /** Writes refused for lack of permission. */
  refused: string[];
  /** A decision check run that takes back (or withholds) an approval could not be written. */
  decisionUnwritten: boolean;
}

export interface ExecuteOptions {
  sleep?: (ms: number) => Promise<void>;
}

const DECISION_RETRY_MS = [500, 2000];
const defaultSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function perform(gateway: WriteGateway, write: PlannedWrite, forceCreate = false): Promise<unknown> {
  switch (write.surface) {
    case "metrics-check":
    case "decision-check":
      return gateway.upsertCheckRun(write.check, { forceCreate });
    case "label":
      return gateway.setStateLabel(
        write.prNumber,
        write.state,
        write.currentLabels ? { currentLabels: write.currentLabels } : {},
      );
    case "comment":
      return gateway.upsertStickyComment(write.prNumber, write.body);
    case "review-requests":
      return gateway.requestReviewers(write.prNumber, write.request, {
        author: write.author,
        ...(write.alreadyRequested ? { alreadyRequested: write.alreadyRequested } : {}),
      });
  }
}

function mustLand(write: PlannedWrite): boolean {
  return write.surface === "decision-check" && write.check.conclusion !== "success";
}

export async function executeWrites(
  gateway: WriteGateway,
  writes: PlannedWrite[],
  options: ExecuteOptions = {},
): Promise<WriteOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const outcome: WriteOutcome = { failures: [], refused: [], decisionUnwritten: false };
  for (const write of writes) {
    const attempts = mustLand(write) ? DECISION_RETRY_MS.length + 1 : 1;
    let last: unknown;
    let done = false;
    for (let attempt = 0; attempt < attempts && !done; attempt++) {
      if (attempt > 0) await sleep(DECISION_RETRY_MS[attempt - 1]!);
      try {
        // The last try writes a new check run, in case the old one cannot be updated.
        await perform(gateway, write, attempt > 0 && attempt === attempts - 1);
        done = true;
      } catch (error) {
        last = error;
        if (isForbidden(error)) break;
      }
    }
    if (done) continue;
    if (isForbidden(last)) outcome.refused.push(write.what);
    else outcome.failures.push(`could not write ${write.what}: ${describeError(last)}`);
    if (mustLand(write)) outcome.decisionUnwritten = true;
  }
  return outcome;
}
