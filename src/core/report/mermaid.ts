// A flowchart of the steps, one node per step, coloured by status. GitHub renders ```mermaid blocks.
import type { DecisionResult, StepStatus } from "../policy/types.js";

const CLASS_OF: Record<StepStatus, string> = {
  passed: "ok",
  approved: "ok",
  auto_approved: "ok",
  ready: "ok",
  warned: "warn",
  needs_approval: "wait",
  pending: "wait",
  blocked: "wait",
  failed: "bad",
  rejected: "bad",
  timed_out: "bad",
  overridden: "warn",
  error: "bad",
};

const CLASS_DEFS = [
  "classDef ok fill:#d4edda,stroke:#28a745,color:#155724",
  "classDef warn fill:#fff3cd,stroke:#d39e00,color:#856404",
  "classDef wait fill:#e2e3e5,stroke:#6c757d,color:#383d41",
  "classDef bad fill:#f8d7da,stroke:#dc3545,color:#721c24",
];

/** Mermaid labels are quoted strings; quotes and markup characters become entity codes. */
function label(text: string): string {
  return text.replace(/["<>#&`]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function statusClass(status: StepStatus): string {
  return CLASS_OF[status];
}

export function renderMermaid(result: DecisionResult): string {
  const lines = ["flowchart LR"];
  result.steps.forEach((step, i) => {
    lines.push(
      `  s${i}["${label(step.name)}<br/>${label(step.status.replace("_", " "))}"]:::${CLASS_OF[step.status]}`,
    );
  });
  for (let i = 1; i < result.steps.length; i++) lines.push(`  s${i - 1} --> s${i}`);
  lines.push(...CLASS_DEFS.map((def) => `  ${def}`));
  return lines.join("\n");
}
