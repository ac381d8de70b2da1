// Whether a workflow file runs the model-approval Action: by default only such a workflow on the
// default branch may record evidence, so a CI workflow that runs the PR's test code (which could
// upload an artifact under the snapshot's name) is not a training workflow. The file is parsed as
// YAML rather than searched, so a `uses:` line inside a `run:` script or a comment does not count.
import { parseDocument } from "yaml";

/** `owner/model-approval@ref` or `owner/model-approval/path@ref` (a tag, a branch or a commit). */
const ACTION_REF = /^[\w.-]+\/model-approval(?:\/[\w./-]*)?@\S+$/;

/** Aliases in a workflow are legal YAML; a bomb of them is refused (not trusted) rather than expanded. */
const MAX_ALIAS_COUNT = 100;

export function workflowUsesAction(text: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return false;
  }
  const jobs = record(record(data)?.jobs);
  if (!jobs) return false;
  return Object.values(jobs).some((job) => {
    const steps = record(job)?.steps;
    return (
      Array.isArray(steps) &&
      steps.some((step) => {
        const uses = record(step)?.uses;
        return typeof uses === "string" && ACTION_REF.test(uses.trim());
      })
    );
  });
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
