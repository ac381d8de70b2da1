// mode: sweep — time's trigger without the App. A scheduled workflow runs the Action in this mode;
// it decides every open PR again (newest first, bounded) as a review run would, so an approval whose
// timeout passed is shown rejected (or escalated, asking escalate_to for a review), and announces
// each change. It measures nothing: the evidence stays each training run's recording.
import { renderText } from "../core/report/index.js";
import { cell } from "../core/report/markdown.js";
import { collectForRun, decisionOfRun, publish, announce, type EvaluateContext } from "./evaluate.js";

/** At most this many open PRs are decided in one sweep, newest first. */
export const SWEEP_PR_LIMIT = 50;

export async function runSweep(ctx: EvaluateContext): Promise<number> {
  const { runner, gateway } = ctx;
  const { numbers, more } = await gateway.openPullRequests(SWEEP_PR_LIMIT);
  if (more)
    runner.annotate(
      "warning",
      `more than ${SWEEP_PR_LIMIT} open pull requests: the ${SWEEP_PR_LIMIT} newest are swept, the others on their next event`,
    );
  const rows: string[] = [];
  for (const number of numbers) {
    const collected = await collectForRun(ctx, false, { kind: "pull_request", number });
    if ("kind" in collected && collected.kind === "no-config") {
      runner.info(`model-approval sweep: #${number}: no config on ${collected.where}; skipped`);
      continue;
    }
    const result = await decisionOfRun(ctx, collected);
    await publish(ctx, collected, result);
    await announce(ctx, collected, result);
    runner.info(`model-approval sweep: #${number}: ${renderText(result).split("\n")[0] ?? result.decision}`);
    rows.push(`| #${number} | ${result.decision} | ${cell(result.summary)} |`);
  }
  await runner.appendSummary(
    [
      "## model-approval sweep",
      "",
      rows.length === 0 ? "No open pull request to decide." : "| PR | Decision | Why |\n| --- | --- | --- |",
      ...rows,
      "",
    ].join("\n"),
  );
  runner.setOutput("decision", "");
  return runner.failed ? 1 : 0;
}
