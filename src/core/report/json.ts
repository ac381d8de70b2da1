// The JSON report (docs/report-format.md). Key order puts what scripts read first; the shape is
// versioned by `schemaVersion`, bumped on any incompatible change.
import type { DecisionResult } from "../policy/types.js";

export const REPORT_SCHEMA_VERSION = 1;

/** JSON has no NaN or Infinity; they are written as the strings "NaN", "Infinity", "-Infinity". */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}

export function toJsonReport(result: DecisionResult): Record<string, unknown> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    decision: result.decision,
    autoApproved: result.autoApproved,
    failPipeline: result.failPipeline,
    summary: result.summary,
    steps: result.steps.map((s) => ({ name: s.name, type: s.type, status: s.status, reasons: s.reasons })),
    metrics: result.metrics,
    pendingApprovers: result.pendingApprovers,
    model: result.model ?? null,
    headSha: result.headSha ?? null,
    pr: result.pr ?? null,
    diagnostics: result.diagnostics,
    failure: result.failure ?? null,
    candidate: result.candidate ?? null,
    override: result.override ?? null,
    timing: result.timing ?? null,
    notes: result.notes ?? [],
    allMetrics: result.allMetrics ?? [],
    predictions: result.predictions ?? [],
  };
}

export function renderJsonReport(result: DecisionResult): string {
  return JSON.stringify(toJsonReport(result), replacer, 2) + "\n";
}

/**
 * A JSON report read back as the decision it renders (the details page keeps reports as JSON):
 * nulls become absent fields again. Non-finite numbers stay the strings they were written as.
 */
export function fromJsonReport(text: string): DecisionResult {
  const report = JSON.parse(text) as Record<string, unknown>;
  const optional = ["model", "headSha", "pr", "failure", "candidate", "override", "timing"];
  for (const key of optional) if (report[key] === null) delete report[key];
  if (report.schemaVersion !== REPORT_SCHEMA_VERSION)
    throw new Error(
      `a report of schema version ${String(report.schemaVersion)}, not ${REPORT_SCHEMA_VERSION}`,
    );
  return report as unknown as DecisionResult;
}
