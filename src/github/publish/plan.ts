// What a decision should look like on GitHub, as data: one pure plan shared by the Action (where a
// dry run is a plan that is not executed) and the App. Surfaces that belong to the PR (label,
// comment, review requests) are written only for the PR's current head; check runs belong to a
// commit, and the decision check run only to a commit of a pull request.
import { DECISION_CHECK, METRICS_CHECK, type LabelState } from "../../core/names.js";
import type { DecisionResult } from "../../core/policy/types.js";
import { renderCheckRunOutput, renderMarkdown } from "../../core/report/index.js";
import type { CheckRunAnnotation, DesiredCheckRun, PullRequest, ReviewerRequest } from "../types.js";
import { labelState, reviewRequests } from "../surfaces.js";

export type Surface = "metrics-check" | "decision-check" | "label" | "comment" | "review-requests";

/** The Action alone publishes everything; beside the App it publishes only the metrics check run. */
export const ACTION_ONLY_SURFACES: Surface[] = [
  "metrics-check",
  "decision-check",
  "label",
  "comment",
  "review-requests",
];
export const ACTION_BESIDE_APP_SURFACES: Surface[] = ["metrics-check"];
export const APP_SURFACES: Surface[] = ["decision-check", "label", "comment", "review-requests"];

export interface PlanContext {
  /** The commit decided about. */
  commit: string;
  pr?: {
    number: number;
    author: string;
    /** The PR's head now. */
    headSha: string;
    state: "open" | "closed";
    draft: boolean;
    labels?: string[];
    requestedReviewers?: string[];
    requestedTeams?: string[];
    /**
     * GitHub did not answer the read of the PR: this is what the event said of it. Only the
     * commit's decision check run is written (a failure), so a green one does not stay green.
     */
    unread?: boolean;
  };
  owned: Surface[];
  /** This run measured the evidence itself (the training run), so its metrics are the ones to show. */
  measured: boolean;
  /**
   * What the commit carries when it differs from the PR's own decision (another open PR on the same
   * commit does not approve): the decision check run shows this.
   */
  commitResult?: DecisionResult;
  /** The App's page for this PR's decision, linked from the decision check run. */
  detailsUrl?: string;
}

/**
 * A PR GitHub did not answer the read of, as far as the subject names it: the plan writes only the
 * failed decision check run on `commit`.
 */
export function unreadPullRequest(number: number, commit: string): NonNullable<PlanContext["pr"]> {
  return { number, author: "", headSha: commit, state: "open", draft: false, unread: true };
}

/** The PR as the plan needs it, from the gateway's read of it. */
export function planPullRequest(pr: PullRequest): NonNullable<PlanContext["pr"]> {
  return {
    number: pr.number,
    author: pr.author,
    headSha: pr.headSha,
    state: pr.state,
    draft: pr.draft,
    labels: pr.labels,
    requestedReviewers: pr.requestedReviewers,
    requestedTeams: pr.requestedTeams,
  };
}

export type PlannedWrite =
  | { surface: "metrics-check" | "decision-check"; what: string; check: DesiredCheckRun }
  | { surface: "label"; what: string; prNumber: number; state: LabelState | null; currentLabels?: string[] }
  | { surface: "comment"; what: string; prNumber: number; body: string }
  | {
      surface: "review-requests";
      what: string;
      prNumber: number;
      request: ReviewerRequest;
      author: string;
      /** Who the PR's read says is asked already, so that the write need not read it again. */
      alreadyRequested?: { users: string[]; teams: string[] };
    };

/** The automatic part: did the checks on the metrics hold? */
export function metricsConclusion(result: DecisionResult): "success" | "failure" {
  if (result.decision === "error") return "failure";
  const failed = result.steps.some(
    (step) => step.type === "test" && (step.status === "failed" || step.status === "error"),
  );
  return failed ? "failure" : "success";
}

/** Config problems shown on the config file itself, in the PR's Files tab. */
export function annotations(result: DecisionResult): CheckRunAnnotation[] {
  return result.diagnostics.map((d) => {
    const oneLine = d.endLine === undefined || d.endLine === d.line;
    return {
      path: d.file,
      start_line: d.line,
      end_line: d.endLine ?? d.line,
      ...(oneLine ? { start_column: d.column, end_column: d.endColumn ?? d.column } : {}),
      annotation_level: d.severity === "error" ? "failure" : "warning",
      message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
      title: "model-approval config",
    };
  });
}

export function decisionCheck(result: DecisionResult, commit: string, detailsUrl?: string): DesiredCheckRun {
  const output = { ...renderCheckRunOutput(result), annotations: annotations(result) };
  const details = detailsUrl === undefined ? {} : { detailsUrl };
  return result.decision === "pending"
    ? { name: DECISION_CHECK, headSha: commit, status: "in_progress", output, ...details }
    : {
        name: DECISION_CHECK,
        headSha: commit,
        status: "completed",
        conclusion: result.decision === "approved" ? "success" : "failure",
        output,
        ...details,
      };
}

export function planWrites(result: DecisionResult, context: PlanContext): PlannedWrite[] {
  const owns = (surface: Surface) => context.owned.includes(surface);
  const writes: PlannedWrite[] = [];
  if (owns("metrics-check") && context.measured) {
    writes.push({
      surface: "metrics-check",
      what: `the ${METRICS_CHECK} check run`,
      check: {
        name: METRICS_CHECK,
        headSha: context.commit,
        status: "completed",
        conclusion: metricsConclusion(result),
        output: renderCheckRunOutput(result),
      },
    });
  }
  const pr = context.pr;
  // Runs outside a PR never speak for one: the decision check run is the PR's.
  if (!pr) return writes;
  if (owns("decision-check"))
    writes.push({
      surface: "decision-check",
      what: `the ${DECISION_CHECK} check run`,
      check: decisionCheck(context.commitResult ?? result, context.commit, context.detailsUrl),
    });
  // A decision about an older head, or a closed PR, must not overwrite what the PR shows now.
  if (pr.unread || pr.state !== "open" || pr.headSha !== context.commit) return writes;
  if (owns("label"))
    writes.push({
      surface: "label",
      what: `the model-approval label on PR #${pr.number}`,
      prNumber: pr.number,
      state: labelState(result),
      ...(pr.labels ? { currentLabels: pr.labels } : {}),
    });
  if (owns("comment"))
    writes.push({
      surface: "comment",
      what: `the comment on PR #${pr.number}`,
      prNumber: pr.number,
      body: renderMarkdown(result),
    });
  if (owns("review-requests") && result.decision === "pending" && !pr.draft) {
    const wanted = reviewRequests(result.pendingApprovers, pr.author);
    const known = pr.requestedReviewers !== undefined && pr.requestedTeams !== undefined;
    const requested = new Set(
      [...(pr.requestedReviewers ?? []), ...(pr.requestedTeams ?? [])].map((n) => n.toLowerCase()),
    );
    const missing = [...wanted.users, ...wanted.teams].filter((n) => !requested.has(n.toLowerCase()));
    if (wanted.users.length + wanted.teams.length > 0 && (!known || missing.length > 0))
      writes.push({
        surface: "review-requests",
        what: `review requests on PR #${pr.number}`,
        prNumber: pr.number,
        request: wanted,
        author: pr.author,
        ...(known
          ? { alreadyRequested: { users: pr.requestedReviewers ?? [], teams: pr.requestedTeams ?? [] } }
          : {}),
      });
  }
  return writes;
}
