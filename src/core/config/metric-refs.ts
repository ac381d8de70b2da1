import type { MetricRef } from "../conditions/types.js";
import type { Config } from "./types.js";

/** Every metric reference the config's conditions make: what a reader must keep of a large file. */
export function conditionRefs(config: Config): MetricRef[] {
  return config.steps.flatMap((step) =>
    step.type === "test"
      ? step.checks.map((c) => c.metric)
      : step.type === "approval"
        ? step.autoApproveIf.map((c) => c.metric)
        : [],
  );
}
