// Evaluation of each step type. Each returns the step's result plus what the overall decision
// needs to know about it; decide.ts combines them.
import type { ApprovalStep, Config, TestStep } from "../config/types.js";
import type { Condition } from "../conditions/types.js";
import { evaluateCondition, type ConditionResult, type ConditionSources } from "../conditions/evaluate.js";
import type { Candidate, CandidatePullRequest } from "../candidate/types.js";
import { GITHUB_LIMITS } from "../github-limits.js";
import { guardedChanges } from "./guarded-paths.js";
import { ineligibility, shortSha, tallyReviews, type Vote } from "./reviews.js";
import { escalatedStep, type ClockReading } from "./timeout.js";
import type { MetricRow, Reason, StepResult, Timing } from "./types.js";

export interface Evaluated {
  result: StepResult;
  rows: MetricRow[];
}

export interface ApprovalEvaluated extends Evaluated {
  votes: Vote[];
  /** Listed users and teams still to be asked, when pending. */
  stillNeeded: string[];
  missingApprovals: number;
  /** The approval's clock, while it is pending or when it timed out. */
  timing?: Timing;
}

export function checkReason(result: ConditionResult): Reason {
  return {
    kind: "check",
    outcome: result.passed ? "pass" : result.inconclusive ? "pending" : "fail",
    message: `${result.condition.text}: ${result.reason}`,
    data: {
      condition: result.condition.text,
      metric: result.condition.metric.text,
      ...(result.value === undefined ? {} : { value: result.value }),
      ...(result.threshold === undefined ? {} : { threshold: result.threshold }),
      ...(result.baseline === undefined ? {} : { baseline: result.baseline }),
      ...(result.delta === undefined ? {} : { delta: result.delta }),
      ...(result.source === undefined ? {} : { source: result.source }),
      ...(result.file === undefined ? {} : { file: result.file }),
      ...(result.availableKeys?.length ? { availableKeys: result.availableKeys } : {}),
      ...(result.inconclusive ? { inconclusive: true } : {}),
      ...(result.interval ? { interval: result.interval } : {}),
      ...(result.change ? { change: result.change } : {}),
      ...(result.slices ? { slices: result.slices } : {}),
    },
  };
}

function row(step: string, result: ConditionResult): MetricRow {
  return {
    ...(result.inputError === undefined ? {} : { inputError: result.inputError }),
    step,
    condition: result.condition.text,
    metric: result.condition.metric.text,
    value: result.value,
    threshold: result.threshold,
    baseline: result.baseline,
    delta: result.delta,
    passed: result.passed,
    source: result.source,
    file: result.file,
    ...(result.passed ? {} : { reason: result.reason }),
    ...(result.inconclusive ? { inconclusive: true as const } : {}),
    ...(result.interval ? { interval: result.interval } : {}),
    ...(result.change ? { change: result.change } : {}),
    ...(result.slices ? { slices: result.slices } : {}),
  };
}

/**
 * An auto_approve_if condition that does not hold is no failure: only auto-approval is not reached,
 * and a human decides. Its reason says so, and its outcome is information.
 */
function asAutoApproval(result: ConditionResult): ConditionResult {
  if (result.passed || result.inputError !== undefined) return result;
  const reason =
    result.shown !== undefined && result.needs !== undefined
      ? `${result.condition.metric.text} = ${result.shown}: auto-approval not reached, needs ${result.needs}`
      : `auto-approval not reached: ${result.reason}`;
  return { ...result, reason };
}

/** A deployed baseline with nothing trusted live: which source it stands for, and what then. */
export interface MissingBaseline {
  /** undefined: every source. */
  source?: string;
  /** `when_missing: pass` before the first deployment. */
  pass: boolean;
  why: string;
}

export interface PolicySources extends ConditionSources {
  missingBaselines?: MissingBaseline[];
}

/**
 * A change check whose deployed baseline has nothing live: it fails, saying why, unless nothing was
 * ever deployed and `when_missing: pass` says so. auto_approve_if is never reached without one.
 */
function withMissingBaseline(result: ConditionResult, sources: PolicySources, autoApproval: boolean) {
  if (
    result.condition.value.kind !== "baseline" ||
    result.value === undefined ||
    result.baseline !== undefined
  )
    return result;
  const missing = sources.missingBaselines?.find((m) => m.source === undefined || m.source === result.source);
  if (!missing) return result;
  const passed = missing.pass && !autoApproval;
  const reason = passed
    ? `${missing.why}; when_missing: pass lets this change check pass`
    : missing.pass
      ? `${missing.why}: auto-approval needs a baseline`
      : `${missing.why}, so there is no baseline to compare with (when_missing: fail)`;
  return { ...result, passed, reason };
}

function evaluateAll(step: string, conditions: Condition[], sources: PolicySources, autoApproval = false) {
  const evaluated = conditions.map((condition) =>
    withMissingBaseline(evaluateCondition(condition, sources), sources, autoApproval),
  );
  const results = autoApproval ? evaluated.map(asAutoApproval) : evaluated;
  const reasons = results.map((r) => {
    const reason = checkReason(r);
    return autoApproval && !r.passed && r.inputError === undefined
      ? { ...reason, outcome: "info" as const }
      : reason;
  });
  return { results, reasons, rows: results.map((r) => row(step, r)) };
}

function rule(outcome: Reason["outcome"], name: string, message: string, extra = {}): Reason {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}

export function evaluateTest(step: TestStep, sources: PolicySources): Evaluated {
  const { results, reasons, rows } = evaluateAll(step.name, step.checks, sources);
  const failed = results.filter((r) => !r.passed && !r.inconclusive).length;
  const inconclusive = results.filter((r) => r.inconclusive).length;
  if (failed === 0 && inconclusive === 0)
    return { result: { name: step.name, type: "test", status: "passed", reasons }, rows };
  // Within noise is neither a pass nor a failure, whatever on_fail says: a human decides.
  const undecided = rule(
    "pending",
    "inconclusive",
    `${inconclusive} of ${results.length} checks are inconclusive; a manual approval is needed`,
  );
  if (failed === 0)
    return {
      result: { name: step.name, type: "test", status: "needs_approval", reasons: [undecided, ...reasons] },
      rows,
    };
  const consequence = {
    fail_pipeline: "on_fail: fail_pipeline rejects the model",
    require_approval: "on_fail: require_approval needs a manual approval",
    warn: "on_fail: warn only warns",
  }[step.onFail];
  const onFail = ({ fail_pipeline: "failed", require_approval: "needs_approval", warn: "warned" } as const)[
    step.onFail
  ];
  // A warning does not cover an inconclusive check: it still needs a human.
  const status = onFail === "warned" && inconclusive > 0 ? "needs_approval" : onFail;
  const summary = rule(
    step.onFail === "warn" ? "info" : step.onFail === "fail_pipeline" ? "fail" : "pending",
    `on_fail:${step.onFail}`,
    `${failed} of ${results.length} checks failed; ${consequence}`,
  );
  const head = inconclusive > 0 ? [summary, undecided] : [summary];
  return { result: { name: step.name, type: "test", status, reasons: [...head, ...reasons] }, rows };
}

/** The files the evidence was read from, besides those the config names (the Action's inputs). */
function evidenceFiles(candidate: Candidate): string[] {
  const evidence = candidate.evidence;
  if (evidence.kind !== "present") return [];
  const { metrics, baseline } = evidence.measurements;
  // A dvc.yaml source is evidence through the files it points at, as well as through itself.
  return [...metrics, ...baseline].flatMap((source) => [source.file, ...(source.files ?? [])]);
}

const GUARDED_WHAT = {
  config: "the model-approval config",
  workflow: "a workflow file",
  evidence: "a file the evidence is read from (training output committed in a PR is not evidence)",
} as const;

/** Rules that stop auto-approval; empty when it may happen. */
function autoApprovalBlockers(config: Config, candidate: Candidate, manualBy: string[]): Reason[] {
  const blockers: Reason[] = [];
  for (const test of manualBy) {
    blockers.push(
      rule(
        "pending",
        "manual-approval-required",
        `test step ${test} needs a manual approval (a check failed with on_fail: require_approval, or is inconclusive)`,
        {
          step: test,
        },
      ),
    );
  }
  const pr = candidate.pr;
  if (!pr) return blockers;
  const changed = pr.changedFiles;
  if (!changed.known) {
    blockers.push(
      rule(
        "pending",
        "changed-files-unknown",
        `the pull request's changed files are unknown (${changed.why}), so protected paths cannot be ruled out`,
      ),
    );
    return blockers;
  }
  if (!changed.complete) {
    blockers.push(
      rule(
        "pending",
        "changed-files-incomplete",
        `GitHub lists at most ${changed.limit ?? GITHUB_LIMITS.pullRequestFiles} changed files and this change reaches that, so protected paths cannot be ruled out`,
      ),
    );
  }
  for (const hit of guardedChanges(config, changed.files, evidenceFiles(candidate))) {
    const what = hit.rule === "protected" ? `a protected path (${hit.pattern})` : GUARDED_WHAT[hit.rule];
    blockers.push(
      rule("pending", `changes-${hit.rule}`, `the pull request changes ${hit.file}, ${what}`, {
        file: hit.file,
        pattern: hit.pattern,
      }),
    );
  }
  return blockers;
}

/** Listed users and teams still to be asked: never someone whose approval could not count. */
function stillNeeded(
  step: ApprovalStep,
  cannotApprove: (string | undefined)[],
  approved: Set<string>,
  unreadableTeams: Record<string, string> = {},
): string[] {
  const excluded = new Set(
    step.allowSelfApproval ? [] : cannotApprove.filter((l): l is string => !!l).map((l) => l.toLowerCase()),
  );
  const users = step.users.filter((user) => {
    const who = user.toLowerCase();
    return !approved.has(who) && !excluded.has(who);
  });
  const unreadable = new Set(Object.keys(unreadableTeams).map((team) => team.toLowerCase()));
  return [...users, ...step.teams.filter((team) => !unreadable.has(team.toLowerCase()))];
}

/** The step's teams nobody can approve for here, each with why and what to do. */
function unreadableTeamReasons(step: ApprovalStep, candidate: Candidate): Reason[] {
  const unreadable = candidate.unreadableTeams ?? {};
  return step.teams.flatMap((team) => {
    const key = Object.keys(unreadable).find((k) => k.toLowerCase() === team.toLowerCase());
    return key === undefined
      ? []
      : [rule("info", "team-unreadable", `${team} cannot approve here: ${unreadable[key]}`, { team })];
  });
}

/** The reviews, without those of people only escalate_to lists from before the escalation. */
function fromEscalation(
  candidate: Candidate,
  listed: ApprovalStep,
  escalated: ApprovalStep,
  since: string,
): CandidatePullRequest["reviews"] {
  const pr = candidate.pr!;
  const at = Date.parse(since) + (listed.timeout?.ms ?? 0);
  const author = pr.author;
  return pr.reviews.filter((r) => {
    const login = r.user?.login;
    if (!login) return true;
    const onlyEscalated =
      ineligibility(login, listed, author, candidate.teamMembers) !== undefined &&
      ineligibility(login, escalated, author, candidate.teamMembers) === undefined;
    if (!onlyEscalated) return true;
    const submitted = r.submitted_at ? Date.parse(r.submitted_at) : NaN;
    return !Number.isNaN(submitted) && submitted >= at;
  });
}

function reviewsUntil(
  reviews: CandidatePullRequest["reviews"],
  end: string,
): CandidatePullRequest["reviews"] {
  const limit = Date.parse(end);
  return reviews.filter((r) => {
    const at = r.submitted_at ? Date.parse(r.submitted_at) : NaN;
    return !Number.isNaN(at) && at < limit;
  });
}

export function evaluateApproval(
  listedStep: ApprovalStep,
  config: Config,
  candidate: Candidate,
  sources: PolicySources,
  manualBy: string[],
  /** Set while the evidence is missing: auto-approval waits for it instead of judging no numbers. */
  waitingFor?: string,
  /** Where the step's timeout stands (timeout.ts); undefined without one. */
  clock?: ClockReading | { unknown: Reason },
): ApprovalEvaluated {
  const reading = clock && "timing" in clock ? clock : undefined;
  const phase = reading?.timing.phase;
  // Once escalated, escalate_to's votes count beside the listed approvers' (until the end, too).
  const escalated =
    phase === "escalated" || (phase === "timed_out" && listedStep.timeout?.onTimeout === "escalate");
  const step = escalated ? escalatedStep(listedStep) : listedStep;
  const base = { name: step.name, type: "approval" as const };
  const auto = evaluateAll(step.name, waitingFor === undefined ? step.autoApproveIf : [], sources, true);
  // escalate_to's reviews count from the escalation on: before it they were no approvers.
  const pr =
    escalated && candidate.pr && reading
      ? { ...candidate.pr, reviews: fromEscalation(candidate, listedStep, step, reading.timing.since) }
      : candidate.pr;
  const tally = pr ? tallyReviews(step, candidate, pr) : undefined;
  // A timed-out approval is over: an approval after its end does not reopen it, so the outcome
  // does not depend on whether the App looked before or after it. An objection still counts.
  const timedOutAt = phase === "timed_out" ? String(reading?.reason.data?.timedOutAt) : undefined;
  const inTime =
    pr && timedOutAt
      ? tallyReviews(step, candidate, { ...pr, reviews: reviewsUntil(pr.reviews, timedOutAt) })
      : tally;
  // An eligible approver who requested changes outranks the thresholds: fail closed.
  const objected = tally?.votes.some((v) => v.state === "CHANGES_REQUESTED") ?? false;
  const reasons: Reason[] = [];
  if (step.autoApproveIf.length > 0 && waitingFor !== undefined) {
    reasons.push(rule("pending", "auto-approve", `auto_approve_if waits for the evidence: ${waitingFor}`));
  } else if (step.autoApproveIf.length > 0) {
    const held = auto.results.every((r) => r.passed);
    const blockers = held ? autoApprovalBlockers(config, candidate, manualBy) : [];
    if (held && objected) {
      blockers.push(rule("fail", "changes-requested", "an eligible approver requested changes"));
    }
    if (held && blockers.length === 0) {
      const noPr = pr
        ? []
        : [
            rule(
              "info",
              "no-pull-request",
              "no pull request: the changed files are unknown, so auto-approval rests on the metrics alone",
            ),
          ];
      const reason = rule("pass", "auto-approve", "every auto_approve_if condition holds", {});
      reason.children = auto.reasons;
      return {
        result: { ...base, status: "auto_approved", reasons: [reason, ...noPr] },
        rows: auto.rows,
        votes: [],
        stillNeeded: [],
        missingApprovals: 0,
      };
    }
    const reason = held
      ? rule("pending", "auto-approve", "auto_approve_if holds, but auto-approval is not allowed:", {
          unmet: [],
        })
      : rule("pending", "auto-approve", "auto-approval not reached: a manual approval is needed", {
          unmet: auto.results.filter((r) => !r.passed).map((r) => r.condition.text),
        });
    reason.children = held ? [...blockers, ...auto.reasons] : auto.reasons;
    reasons.push(reason);
  } else if (manualBy.length > 0) {
    reasons.push(...autoApprovalBlockers(config, candidate, manualBy));
  }

  if (!pr || !tally) {
    reasons.push(
      rule(
        "pending",
        "no-pull-request",
        "no pull request: a manual approval is an approving review on a pull request, so none can be given here",
      ),
    );
    return {
      result: { ...base, status: "pending", reasons },
      rows: auto.rows,
      votes: [],
      stillNeeded: stillNeeded(step, [], new Set(), candidate.unreadableTeams),
      missingApprovals: step.minApprovals,
    };
  }

  const objections = tally.votes.filter((v) => v.state === "CHANGES_REQUESTED");
  // An approval given in time counts only while it is still its approver's word.
  const standing = new Set(
    tally.votes.filter((v) => v.state === "APPROVED").map((v) => v.login.toLowerCase()),
  );
  const approvals = (inTime ?? tally).votes.filter(
    (v) => v.state === "APPROVED" && standing.has(v.login.toLowerCase()),
  );
  const approved = new Set(approvals.map((v) => v.login.toLowerCase()));
  const missing = Math.max(0, step.minApprovals - approvals.length);
  let status: StepResult["status"];
  let verdict: Reason;
  if (objections.length > 0) {
    status = "rejected";
    const who = objections.map((v) => v.login).join(", ");
    verdict = rule(
      "fail",
      "changes-requested",
      `changes requested by ${who} on ${shortSha(candidate.commit)}`,
      {
        onReject: step.onReject,
      },
    );
  } else if (missing === 0) {
    status = "approved";
    const who = approvals.map((v) => v.login).join(", ");
    verdict = rule("pass", "approved", `approved by ${who} on ${shortSha(candidate.commit)}`, {
      approvals: approvals.length,
      required: step.minApprovals,
    });
  } else if (reading?.timing.phase === "timed_out") {
    status = "timed_out";
    verdict = reading.reason;
  } else {
    status = "pending";
    verdict = rule(
      "pending",
      "approvals-missing",
      `${approvals.length} of ${step.minApprovals} approvals on ${shortSha(candidate.commit)}: ${missing} more needed`,
      {
        approvals: approvals.length,
        required: step.minApprovals,
        missing,
        commit: candidate.commit,
        from: stillNeeded(step, [pr.author, pr.pusher], approved, candidate.unreadableTeams),
      },
    );
  }
  verdict = { ...verdict, children: tally.reasons };
  const teams = status === "pending" ? unreadableTeamReasons(step, candidate) : [];
  const clockReason =
    status !== "pending"
      ? []
      : reading
        ? [reading.reason]
        : clock && "unknown" in clock
          ? [clock.unknown]
          : [];
  const timing = status === "pending" || status === "timed_out" ? reading?.timing : undefined;
  return {
    ...(timing ? { timing } : {}),
    result: { ...base, status, reasons: [verdict, ...clockReason, ...reasons, ...teams] },
    rows: auto.rows,
    votes: tally.votes,
    stillNeeded:
      status === "pending"
        ? stillNeeded(step, [pr.author, pr.pusher], approved, candidate.unreadableTeams)
        : [],
    missingApprovals: missing,
  };
}
