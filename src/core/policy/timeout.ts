// An approval's clock. It starts when the candidate became complete — its model was recorded (or,
// with no evidence to wait for, its commit was pushed), both on GitHub's clock, never a commit's
// own date, which its author writes — and is read against the adapter's clock at decision time.
// The core keeps no time of its own: with either end unknown, no timeout is judged. Reports name
// deadlines, not time left, so a report does not change (and is not rewritten) as time passes.
import { formatDuration } from "../config/duration.js";
import type { ApprovalStep } from "../config/types.js";
import type { Candidate } from "../candidate/types.js";
import type { Reason, Timing } from "./types.js";

/** When the wait for this candidate's approval began, and what began it; undefined when unknown. */
export function waitingSince(
  candidate: Candidate,
  evidenceNeeded: boolean,
): { at: string; what: string } | undefined {
  if (evidenceNeeded) {
    if (candidate.evidence.kind !== "present") return undefined;
    // A re-run that records the same model again does not restart the clock: the wait began with
    // the first of the newest recordings of this model.
    const recordings = candidate.evidence.recordings;
    let first = recordings.length - 1;
    while (first > 0 && recordings[first - 1]?.key === recordings[first]?.key) first--;
    const at = recordings[first]?.recordedAt;
    return at ? { at, what: "the model was recorded" } : undefined;
  }
  const at = candidate.pr?.pushedAt;
  return at ? { at, what: "the commit was pushed" } : undefined;
}

export interface ClockReading {
  timing: Timing;
  reason: Reason;
}

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Where a pending approval's clock stands; undefined when the step has no timeout or a time is unknown. */
export function readClock(
  step: ApprovalStep,
  candidate: Candidate,
  evidenceNeeded: boolean,
): ClockReading | { unknown: Reason } | undefined {
  const timeout = step.timeout;
  if (!timeout) return undefined;
  const since = waitingSince(candidate, evidenceNeeded);
  const now = candidate.decidedAt ? Date.parse(candidate.decidedAt) : NaN;
  const start = since ? Date.parse(since.at) : NaN;
  if (!since || Number.isNaN(now) || Number.isNaN(start)) {
    const why = !since
      ? evidenceNeeded
        ? "no model has been recorded yet"
        : "when the commit was pushed is unknown (a fork's pushes are not in this repository's activity)"
      : "the time of deciding is unknown";
    return {
      unknown: rule("info", "timeout-unknown", `timeout ${timeout.text} not judged: ${why}`, {}),
    };
  }
  const first = start + timeout.ms;
  const second = start + 2 * timeout.ms;
  const base = { step: step.name, since: new Date(start).toISOString() };
  const waited = formatDuration(now - start);
  const began = `since ${since.what} at ${utc(start)}`;
  if (now < first) {
    const then =
      timeout.onTimeout === "reject"
        ? "it is rejected"
        : timeout.onTimeout === "escalate"
          ? `it is escalated to ${[...timeout.escalateTo.users, ...timeout.escalateTo.teams].join(", ")}`
          : "it is reported as overdue";
    return {
      timing: { phase: "waiting", ...base, deadline: new Date(first).toISOString() },
      reason: rule(
        "pending",
        "timeout",
        `waiting ${began}; timeout ${timeout.text}: unless approved by ${utc(first)}, ${then} (on_timeout: ${timeout.onTimeout})`,
        { timeout: timeout.text, onTimeout: timeout.onTimeout, deadline: new Date(first).toISOString() },
      ),
    };
  }
  if (timeout.onTimeout === "wait")
    return {
      timing: { phase: "overdue", ...base },
      reason: rule(
        "pending",
        "timeout-overdue",
        `overdue: waiting ${waited} ${began}, past its timeout ${timeout.text} at ${utc(first)}; on_timeout: wait keeps waiting`,
        { timeout: timeout.text, onTimeout: "wait", deadline: new Date(first).toISOString() },
      ),
    };
  if (timeout.onTimeout === "escalate" && now < second)
    return {
      timing: { phase: "escalated", ...base, deadline: new Date(second).toISOString() },
      reason: rule(
        "pending",
        "escalated",
        `escalated to ${[...timeout.escalateTo.users, ...timeout.escalateTo.teams].join(", ")} at ${utc(first)}, after timeout ${timeout.text} ${began}; unless approved by ${utc(second)}, it is rejected`,
        {
          timeout: timeout.text,
          onTimeout: "escalate",
          escalatedAt: new Date(first).toISOString(),
          deadline: new Date(second).toISOString(),
        },
      ),
    };
  const ended = timeout.onTimeout === "escalate" ? second : first;
  const span =
    timeout.onTimeout === "escalate"
      ? `twice its timeout ${timeout.text} (escalated at ${utc(first)})`
      : `its timeout ${timeout.text}`;
  return {
    timing: { phase: "timed_out", ...base },
    reason: rule("fail", "timed-out", `timed out at ${utc(ended)}: not approved within ${span} ${began}`, {
      timeout: timeout.text,
      onTimeout: timeout.onTimeout,
      timedOutAt: new Date(ended).toISOString(),
      onReject: step.onReject,
    }),
  };
}

/** The step as it stands once escalated: escalate_to's approvals count beside the listed approvers'. */
export function escalatedStep(step: ApprovalStep): ApprovalStep {
  const to = step.timeout?.escalateTo;
  if (!to) return step;
  const union = (a: string[], b: string[]) => [
    ...a,
    ...b.filter((x) => !a.some((y) => y.toLowerCase() === x.toLowerCase())),
  ];
  return { ...step, users: union(step.users, to.users), teams: union(step.teams, to.teams) };
}

function rule(
  outcome: Reason["outcome"],
  name: string,
  message: string,
  extra: Record<string, unknown>,
): Reason {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}
