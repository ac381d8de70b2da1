// Publishes a decision to GitHub. Each write goes through the gateway, which writes only on
// change; a refused write (fork PRs, read-only tokens) is a warning, never a crash.
import type { DecisionResult } from "../core/policy/types.js";
import type { GitHubGateway } from "../github/gateway.js";
import { renderCheckRunOutput, renderMarkdown } from "../core/report/index.js";
import type { EventContext } from "./event.js";
import type { Runner } from "./runner.js";
import { describeError } from "./errors.js";
import { DECISION_CHECK, METRICS_CHECK, labelState, reviewRequests } from "../github/surfaces.js";

/** GitHub's limit on a check run's output.text. */
const CHECK_TEXT_LIMIT = 65_535;

export type PublishGateway = Pick<
  GitHubGateway,
  "upsertCheckRun" | "upsertStickyComment" | "setStateLabel" | "requestReviewers"
>;

export interface PublishOptions {
  gateway: PublishGateway;
  runner: Runner;
  event: EventContext;
  /** The App owns the decision check, the label, the comment and review requests. */
  app: boolean;
  dryRun: boolean;
  /** The encoded metrics for later runs and the App; undefined when this run must not overwrite them. */
  snapshotText?: string;
}

/** The automatic part: did the checks on the metrics hold? */
export function metricsConclusion(result: DecisionResult): "success" | "failure" {
  if (result.decision === "error") return "failure";
  const failed = result.steps.some(
    (step) => step.type === "test" && (step.status === "failed" || step.status === "error"),
  );
  return failed ? "failure" : "success";
}

export function withSnapshot(snapshotText: string, report: string): string {
  const room = CHECK_TEXT_LIMIT - snapshotText.length - 2;
  const body =
    report.length > room ? report.slice(0, Math.max(0, room - 40)) + "\n\n…(report truncated)" : report;
  return `${snapshotText}\n\n${body}`;
}

interface Write {
  what: string;
  run: () => Promise<unknown>;
}

function plannedWrites(result: DecisionResult, options: PublishOptions): Write[] {
  const { gateway, event } = options;
  const output = renderCheckRunOutput(result);
  const writes: Write[] = [];
  if (options.snapshotText !== undefined) {
    const text = withSnapshot(options.snapshotText, output.text ?? "");
    writes.push({
      what: `the ${METRICS_CHECK} check run`,
      run: () =>
        gateway.upsertCheckRun({
          name: METRICS_CHECK,
          headSha: event.sha,
          status: "completed",
          conclusion: metricsConclusion(result),
          output: { ...output, text },
        }),
    });
  }
  if (options.app) return writes;
  writes.push({
    what: `the ${DECISION_CHECK} check run`,
    run: () =>
      result.decision === "pending"
        ? gateway.upsertCheckRun({ name: DECISION_CHECK, headSha: event.sha, status: "in_progress", output })
        : gateway.upsertCheckRun({
            name: DECISION_CHECK,
            headSha: event.sha,
            status: "completed",
            conclusion: result.decision === "approved" ? "success" : "failure",
            output,
          }),
  });
  const pr = event.pr;
  if (!pr) return writes;
  writes.push({
    what: `the comment on PR #${pr.number}`,
    run: () => gateway.upsertStickyComment(pr.number, renderMarkdown(result)),
  });
  writes.push({
    what: `the model-approval label on PR #${pr.number}`,
    run: () => gateway.setStateLabel(pr.number, labelState(result)),
  });
  if (result.decision === "pending") {
    const { users, teams } = reviewRequests(result.pendingApprovers, pr.author);
    if (users.length + teams.length > 0) {
      writes.push({
        what: `review requests on PR #${pr.number}`,
        run: () => gateway.requestReviewers(pr.number, { users, teams }, { author: pr.author }),
      });
    }
  }
  return writes;
}

function isForbidden(error: unknown): boolean {
  const e = error as { isForbidden?: unknown; status?: unknown };
  return typeof e.isForbidden === "function"
    ? Boolean(e.isForbidden())
    : e.isForbidden === true || e.status === 403;
}

/**
 * Performs the writes in order. Returns the writes that failed for another reason than a refusal:
 * those leave GitHub showing a stale decision, so the step must fail.
 */
export async function publish(result: DecisionResult, options: PublishOptions): Promise<string[]> {
  const { runner } = options;
  const failures: string[] = [];
  for (const write of plannedWrites(result, options)) {
    if (options.dryRun) {
      runner.info(`dry-run: would update ${write.what}`);
      continue;
    }
    try {
      await write.run();
    } catch (error) {
      if (isForbidden(error)) {
        const fork = options.event.pr?.fromFork ? " (a pull request from a fork gets a read-only token)" : "";
        runner.annotate(
          "warning",
          `could not write ${write.what}: permission denied${fork}. The decision is in the job summary.`,
        );
      } else {
        failures.push(`could not write ${write.what}: ${describeError(error)}`);
      }
    }
  }
  return failures;
}
