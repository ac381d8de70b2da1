// One function for every event: re-read the PR's current state, decide, and make GitHub show that
// decision — writing only what differs. Whatever the event said beyond "which PR" is ignored, so
// duplicated, reordered or concurrent deliveries all converge on the same state.
import type { Config } from "../core/config/types.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DecisionResult } from "../core/policy/types.js";
import { configErrorResult, decide } from "../core/policy/index.js";
import { renderCheckRunOutput, renderMarkdown } from "../core/report/index.js";
import type { CheckRunAnnotation, PullRequest } from "../github/types.js";
import { DECISION_CHECK, labelState, reviewRequests } from "../github/surfaces.js";
import { CONFIG_PATH, loadConfig, loadMeasurements, type AppGateway } from "./collect.js";
import { loadPullRequestContext, loadTeamMembers } from "../github/pull-request-reads.js";
import { needsMetrics, waitForMetrics } from "./waiting.js";
import { gateWaitingDeployments } from "./gate-deployments.js";
import { describeError } from "../github/errors.js";
import { approvalCheck, type ApprovalCheck } from "./recheck.js";

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
      /** Undefined when the config is invalid or unreadable: then no environment is known to be gated. */
      config?: Config;
      /** Writes that failed; the next event retries them. */
      failures: string[];
      /** Set when approved: re-reads the PR, to call just before answering `approved`. */
      confirm?: ApprovalCheck;
    };

function atPullRequest(result: DecisionResult, pr: PullRequest): DecisionResult {
  return { ...result, headSha: pr.headSha, pr: pr.number };
}

/** Where a PR's rules come from, and why, when that is not simply its base branch. */
export interface ConfigSource {
  /** A full ref, so a tag or sha that looks like a branch name cannot be read instead. */
  ref: string;
  branch: string;
  warning?: string;
  /** Set when no trusted branch is known: the decision must not approve. */
  untrusted?: string;
}

/**
 * The base branch's config, unless the base is not the default branch: anyone who can push could
 * have created that base with a loose config, so the default branch's (the protected one) decides.
 */
export function configSource(pr: Pick<PullRequest, "baseRef" | "defaultBranch">): ConfigSource {
  const base = pr.baseRef;
  if (!pr.defaultBranch)
    return {
      ref: `refs/heads/${base}`,
      branch: base,
      untrusted: `GitHub did not say which branch is the default, so ${CONFIG_PATH} on ${base} cannot be trusted`,
    };
  const branch = pr.defaultBranch;
  if (base === branch) return { ref: `refs/heads/${branch}`, branch };
  return {
    ref: `refs/heads/${branch}`,
    branch,
    warning: `the base branch ${base} is not the default branch ${branch}: decided by ${CONFIG_PATH} on ${branch}`,
  };
}

function sourceWarning(message: string): Diagnostic {
  return { file: CONFIG_PATH, line: 1, column: 1, severity: "warning", message };
}

function withWarning(result: DecisionResult, source: ConfigSource): DecisionResult {
  return source.warning
    ? { ...result, diagnostics: [...result.diagnostics, sourceWarning(source.warning)] }
    : result;
}

/** Reads everything and decides; a failed read becomes an error decision, never an approval. */
export async function decideForPullRequest(
  gateway: AppGateway,
  pr: PullRequest,
): Promise<{ result: DecisionResult; config?: Config; confirm?: ApprovalCheck } | { none: true }> {
  const source = configSource(pr);
  try {
    const loaded = await loadConfig(gateway, source.ref);
    if (loaded.kind === "none") return { none: true };
    if (loaded.kind === "invalid")
      return { result: withWarning(atPullRequest(configErrorResult(loaded.diagnostics), pr), source) };
    const config = loaded.config;
    const [context, measured, teams] = await Promise.all([
      loadPullRequestContext(gateway, pr),
      loadMeasurements(gateway, pr.headSha),
      loadTeamMembers(gateway, config),
    ]);
    const { missing, ...measurements } = measured;
    const input = {
      config,
      ...measurements,
      pr: context,
      teamMembers: teams.members,
      ...(source.untrusted ? { untrustedConfig: source.untrusted } : {}),
    };
    const decided = decide(input);
    const result =
      missing !== undefined && needsMetrics(config) ? waitForMetrics(decided, config, missing) : decided;
    const confirm = result.decision === "approved" ? approvalCheck(gateway, pr.number, input) : undefined;
    return { result: withWarning(result, source), config, ...(confirm ? { confirm } : {}) };
  } catch (error) {
    const unreadable: Diagnostic = {
      file: CONFIG_PATH,
      line: 1,
      column: 1,
      severity: "error",
      message: `could not decide: ${describeError(error)} (the next event retries)`,
    };
    return { result: atPullRequest(configErrorResult([unreadable]), pr) };
  }
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

interface Write {
  what: string;
  run: () => Promise<unknown>;
}

function decisionWrites(gateway: AppGateway, pr: PullRequest, result: DecisionResult): Write[] {
  const output = { ...renderCheckRunOutput(result), annotations: annotations(result) };
  const check = { name: DECISION_CHECK, headSha: pr.headSha, output };
  const writes: Write[] = [
    {
      what: `the ${DECISION_CHECK} check run`,
      run: () =>
        result.decision === "pending"
          ? gateway.upsertCheckRun({ ...check, status: "in_progress" })
          : gateway.upsertCheckRun({
              ...check,
              status: "completed",
              conclusion: result.decision === "approved" ? "success" : "failure",
            }),
    },
    {
      what: "the model-approval label",
      // The PR read already carries its labels: no second read.
      run: () => gateway.setStateLabel(pr.number, labelState(result), { currentLabels: pr.labels }),
    },
    {
      what: "the sticky comment",
      run: () => gateway.upsertStickyComment(pr.number, renderMarkdown(result)),
    },
  ];
  if (result.decision === "pending" && !pr.draft) {
    const wanted = reviewRequests(result.pendingApprovers, pr.author);
    const requested = new Set([...pr.requestedReviewers, ...pr.requestedTeams].map((n) => n.toLowerCase()));
    const missing = [...wanted.users, ...wanted.teams].filter((n) => !requested.has(n.toLowerCase()));
    if (missing.length > 0)
      writes.push({
        what: "review requests",
        run: () => gateway.requestReviewers(pr.number, wanted, { author: pr.author }),
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
  const pr = await gateway.getPullRequest(prNumber);
  if (pr.state !== "open") return { status: "skipped", pr: prNumber, why: `PR #${prNumber} is ${pr.state}` };
  const decided = await decideForPullRequest(gateway, pr);
  if ("none" in decided)
    return { status: "skipped", pr: prNumber, why: `no ${CONFIG_PATH} on ${configSource(pr).branch}` };
  const { result, config, confirm } = decided;
  const failures = await performWrites(decisionWrites(gateway, pr, result));
  if (config && gateDeployments)
    failures.push(...(await gateWaitingDeployments(gateway, config, result, pr.headSha, confirm)));
  return {
    status: "decided",
    pr: prNumber,
    headSha: pr.headSha,
    result,
    config,
    failures,
    ...(confirm ? { confirm } : {}),
  };
}
