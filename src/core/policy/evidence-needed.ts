import type { Config } from "../config/types.js";

/** Whether the config judges recorded evidence at all (the seed's review-only config does not). */
export function needsEvidence(config: Config): boolean {
  return (
    config.metrics.length > 0 ||
    config.model.artifacts.length > 0 ||
    config.steps.some(
      (step) =>
        (step.type === "test" && step.checks.length > 0) ||
        (step.type === "approval" && step.autoApproveIf.length > 0),
    )
  );
}
