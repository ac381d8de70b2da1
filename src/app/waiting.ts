// Without trusted metrics the automatic checks cannot be judged. Judging them as failed would
// reject a model nobody has measured yet, and judging them as passed would fail open; so the
// decision waits — unless an eligible approver already rejected it, which stands on its own.
import type { Config } from "../core/config/types.js";
import type { DecisionResult, StepResult } from "../core/policy/types.js";

/** The config has automatic checks, so no decision can be reached before the metrics exist. */
export function needsMetrics(config: Config): boolean {
  return config.steps.some((step) => step.type === "test" && step.checks.length > 0);
}

function waitingStep(step: StepResult, why: string): StepResult {
  if (step.type !== "test") return step;
  return {
    ...step,
    status: "pending",
    reasons: [{ kind: "rule", outcome: "pending", message: why, data: { rule: "metrics-missing" } }],
  };
}

/**
 * Rewrites a decision made without metrics into "pending, waiting for the metrics". Errors stay
 * errors; a human rejection stays a rejection; nothing becomes approved.
 */
export function waitForMetrics(result: DecisionResult, config: Config, why: string): DecisionResult {
  if (result.decision === "error") return result;
  const steps = result.steps.map((step) => waitingStep(step, why));
  const rejecting = steps.find((step) => step.type === "approval" && step.status === "rejected");
  const rejectingConfig = config.steps.find((s) => s.name === rejecting?.name);
  const failPipeline =
    rejectingConfig?.type === "approval" ? rejectingConfig.onReject === "fail_pipeline" : false;
  const summary = rejecting
    ? `${rejecting.name}: changes requested by an approver (metrics not yet available: ${why})`
    : `waiting for the model-approval/metrics check run: ${why}`;
  return {
    ...result,
    decision: rejecting ? "rejected" : "pending",
    autoApproved: false,
    failPipeline: rejecting ? failPipeline : false,
    steps: steps.map((step) => (step.type === "deploy" ? { ...step, status: "blocked" as const } : step)),
    metrics: [],
    summary,
  };
}
