// mode: gate — the deploy job's last check in action-only mode. It trusts no check run: it gathers
// the candidate afresh (the default branch's rules, the training run's recorded evidence, the
// reviews as they are now) and passes only when that decision is `approved`, so re-running an old
// deploy job after the PR moved on, or after an approval was withdrawn, releases nothing.
// The log gets the plain-text report (Markdown would show as raw markup there); the job summary,
// which GitHub renders, gets the Markdown one.
import { renderMarkdown, renderText } from "../core/report/index.js";
import type { EvaluateContext } from "./evaluate.js";
import { collectForRun, decisionOfRun, notifying, trustedConfig } from "./evaluate.js";
import { notifyDeployed } from "./notify.js";
import { writeAttestation } from "./attestation.js";

/** A report line that would read as a workflow command (`::warning::…`) is shown, not obeyed. */
function inert(line: string): string {
  return /^\s*::/.test(line) ? line.replace("::", ": :") : line;
}

export async function runGate(ctx: EvaluateContext): Promise<number> {
  const { runner } = ctx;
  const collected = await collectForRun(ctx, false);
  const result = await decisionOfRun(ctx, collected);
  runner.setOutput("decision", result.decision);
  runner.setOutput("model-digest", result.model?.digest ?? "");
  writeAttestation(ctx, result);
  for (const line of renderText(result).trimEnd().split("\n")) runner.info(inert(line));
  await runner.appendSummary(renderMarkdown(result, { marker: false, maxLength: 1_000_000 }));
  if (result.decision === "approved") {
    runner.info(`model-approval gate: approved — ${result.summary}`);
    await notifyDeployed(notifying(ctx), trustedConfig(collected), result, ctx.run);
    return 0;
  }
  runner.setFailed(`model-approval gate: ${result.decision} — ${result.summary}`);
  return 1;
}
