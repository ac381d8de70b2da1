// What would change an outcome that is not yet approved, in the words a reviewer acts on: "f1 needs
// +0.004", "1 more approving review from @alice or @acme/ml-leads". Read off the decision alone.
import { decimalArithmetic } from "../conditions/decimal.js";
import type { DecisionResult } from "../policy/types.js";
import { eachReason } from "../policy/each-reason.js";

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function whatWouldChange(result: DecisionResult): string[] {
  if (result.decision === "approved") return [];
  const changes: string[] = [];
  for (const row of result.metrics) {
    if (row.passed || row.inputError || row.value === undefined || row.threshold === undefined) continue;
    if (!Number.isFinite(row.value) || !Number.isFinite(row.threshold)) continue;
    const gap = decimalArithmetic(row.threshold, "-", row.value);
    const strict = /(?:^|[^<>=!])[<>](?!=)/.test(row.condition);
    changes.push(
      `${row.metric} needs ${gap === 0 ? "to move" : signed(gap)}${strict ? " and a little more" : ""} (it is ${row.value}; “${row.condition}”, step ${row.step})`,
    );
  }
  for (const step of result.steps)
    for (const reason of eachReason(step.reasons)) {
      if (reason.kind !== "rule" || reason.data?.rule !== "approvals-missing") continue;
      const missing = Number(reason.data.missing);
      const from = Array.isArray(reason.data.from) ? reason.data.from.map((who) => `@${String(who)}`) : [];
      const whom = from.length > 0 ? ` from ${from.join(" or ")}` : "";
      changes.push(`${missing} more approving review${missing === 1 ? "" : "s"}${whom} (step ${step.name})`);
    }
  return changes;
}
