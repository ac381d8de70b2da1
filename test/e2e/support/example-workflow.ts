// The workflow the e2e runs is the one users copy: examples/workflows/with-app.yml. Its train job's
// model-approval step gives the Action's inputs, its deploy job the gated environment.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  environment?: string | { name: string };
  steps?: Step[];
}

export interface ExampleWorkflow {
  /** The model-approval step's `with:`, as the runner passes them (strings). */
  inputs: Record<string, string>;
  environment: string;
}

export function loadExampleWorkflow(path = "examples/workflows/with-app.yml"): ExampleWorkflow {
  const workflow = parse(readFileSync(path, "utf8")) as { jobs: Record<string, Job> };
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps ?? [])
    .find((s) => s.uses?.startsWith("model-approval/model-approval@"));
  if (!step) throw new Error(`${path} has no model-approval step`);
  const deploy = Object.values(workflow.jobs).find((job) => job.environment !== undefined);
  if (!deploy?.environment) throw new Error(`${path} has no job with an environment`);
  return {
    inputs: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)])),
    environment: typeof deploy.environment === "string" ? deploy.environment : deploy.environment.name,
  };
}
