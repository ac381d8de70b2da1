// One function for every event: re-read the PR's current state, decide, and make GitHub show that
// decision — writing only what differs. Whatever the event said beyond "which PR" is ignored, so
// duplicated, reordered or concurrent deliveries all converge on the same state.
import type { Config } from "../core/config/types.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DecisionResult } from "../core/policy/types.js";
import { configErrorResult, decide } from "../core/policy/index.js";
import { renderCheckRunOutput, renderMarkdown } from "../core/report/index.js";
import { DECISION_CHECK, labelState, reviewRequests } from "../action/publish.js";
import { describeError, reading } from "../action/errors.js";
import {
  CONFIG_PATH,
  loadConfig,
  loadMeasurements,
  loadPullRequestContext,
  loadTeamMembers,
  type AppGateway,
  type PullRequestFacts,
} from "./collect.js";
import { missingMetricErrors, needsMetrics, waitForMetrics } from "./waiting.js";
import { gateWaitingDeployments } from "./gate-deployments.js";

export interface ReconcileTarget {
  prNumber: number;
  /** false when the caller answers the deploy job itself (deployment_protection_rule events). */
  gateDeployments?: boolean;
}

export type ReconcileOutcome =
  | { status: "skipped"; pr: number; why: string }
  | {
      status: "decided";
      pr: number;
      headSha: string;
      result: DecisionResult;
      /** Undefined when the config is invalid: then no environment is known to be gated. */
      config?: Config;
      /** Writes that failed; the next event retries them. */
      failures: string[];
    };

function errorDiagnostic(message: string): Diagnostic {
  return { file: CONFIG_PATH, line: 1, column: 1, severity: "error", message };
}

/** Reads everything and decides; a failed read becomes an error decision, never an approval. */
export async function decideForPullRequest(
  gateway: AppGateway,
  pr: PullRequestFacts,
): Promise<{ result: DecisionResult; config?: Config } | { none: true }> {
  try {
    const loaded = await loadConfig(gateway, pr.baseRef);
    if (loaded.kind === "none") return { none: true };
    if (loaded.kind === "invalid")
      return { result: { ...configErrorResult(loaded.diagnostics), headSha: pr.headSha, pr: pr.number } };
    const config = loaded.config;
    const [context, measured, teams] = await Promise.all([
      loadPullRequestContext(gateway, pr),
      loadMeasurements(gateway, pr.headSha),
      reading("team members", () => loadTeamMembers(gateway, config)),
    ]);
    const { missing, ...measurements } = measured;
    if (missing !== undefined) {
      measurements.metricErrors = { ...missingMetricErrors(config, missing), ...measurements.metricErrors };
    }
    const decided = decide({ config, ...measurements, pr: context, teamMembers: teams.members });
    const result =
      missing !== undefined && needsMetrics(config) ? waitForMetrics(decided, config, missing) : decided;
    return { result, config };
  } catch (error) {
    const result = configErrorResult([
      errorDiagnostic(`could not decide: ${describeError(error)} (the next event retries)`),
    ]);
    return { result: { ...result, headSha: pr.headSha, pr: pr.number } };
  }
}

interface Write {
  what: string;
  run: () => Promise<unknown>;
}

function decisionWrites(gateway: AppGateway, pr: PullRequestFacts, result: DecisionResult): Write[] {
  const output = renderCheckRunOutput(result);
  const writes: Write[] = [
    {
      what: `the ${DECISION_CHECK} check run`,
      run: () =>
        result.decision === "pending"
          ? gateway.upsertCheckRun({
              name: DECISION_CHECK,
              headSha: pr.headSha,
              status: "in_progress",
              output,
            })
          : gateway.upsertCheckRun({
              name: DECISION_CHECK,
              headSha: pr.headSha,
              status: "completed",
              conclusion: result.decision === "approved" ? "success" : "failure",
              output,
            }),
    },
    {
      what: "the model-approval label",
      run: () => gateway.setStateLabel(pr.number, labelState(result)),
    },
    {
      what: "the sticky comment",
      run: () => gateway.upsertStickyComment(pr.number, renderMarkdown(result)),
    },
  ];
  if (result.decision === "pending" && !pr.draft) {
    const { users, teams } = reviewRequests(result.pendingApprovers, pr.author);
    if (users.length + teams.length > 0)
      writes.push({
        what: "review requests",
        run: () => gateway.requestReviewers(pr.number, { users, teams }),
      });
  }
  return writes;
}

/** Each write is attempted even if an earlier one failed: a partial update beats a stale one. */
async function performWrites(writes: Write[]): Promise<string[]> {
  const failures: string[] = [];
  for (const write of writes) {
    try {
      await write.run();
    } catch (error) {
      failures.push(`could not write ${write.what}: ${describeError(error)}`);
    }
  }
  return failures;
}

export async function reconcile(
  gateway: AppGateway,
  { prNumber, gateDeployments = true }: ReconcileTarget,
): Promise<ReconcileOutcome> {
  const pr: PullRequestFacts = await reading(`PR #${prNumber}`, () => gateway.getPullRequest(prNumber));
  if (pr.state !== "open") return { status: "skipped", pr: prNumber, why: `PR #${prNumber} is ${pr.state}` };
  const decided = await decideForPullRequest(gateway, pr);
  if ("none" in decided)
    return { status: "skipped", pr: prNumber, why: `no ${CONFIG_PATH} on the base branch ${pr.baseRef}` };
  const { result, config } = decided;
  const failures = await performWrites(decisionWrites(gateway, pr, result));
  if (config && gateDeployments)
    failures.push(...(await gateWaitingDeployments(gateway, config, result, pr.headSha)));
  return { status: "decided", pr: prNumber, headSha: pr.headSha, result, config, failures };
}
