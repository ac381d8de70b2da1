// mode: gate — the deploy job's last check in action-only mode. It trusts no check run: it gathers
// the candidate afresh (the default branch's rules, the training run's recorded evidence, the
// reviews as they are now) and passes only when that decision is `approved`, so re-running an old
// deploy job after the PR moved on, or after an approval was withdrawn, releases nothing.
import type { EvaluateContext } from "./evaluate.js";
import { collectForRun, decisionOfRun } from "./evaluate.js";

export async function runGate(ctx: EvaluateContext): Promise<number> {
  const { runner } = ctx;
  const result = await decisionOfRun(ctx, await collectForRun(ctx, false));
  runner.setOutput("decision", result.decision);
  runner.setOutput("model-digest", result.model?.digest ?? "");
  if (result.decision === "approved") {
    runner.info(`model-approval gate: approved — ${result.summary}`);
    return 0;
  }
  runner.setFailed(`model-approval gate: ${result.decision} — ${result.summary}`);
  return 1;
}
