// mode: gate — the deploy job's last check in action-only mode: the commit must carry an approved
// decision, recorded by GitHub Actions (not by anyone with checks:write).
import type { GitHubGateway } from "../github/gateway.js";
import type { EventContext } from "./event.js";
import type { Runner } from "./runner.js";
import { ACTIONS_APP_SLUG } from "../github/surfaces.js";
import { DECISION_CHECK } from "../github/surfaces.js";
import { reading } from "./errors.js";

export type GateVerdict =
  | { pass: true; message: string }
  | { pass: false; reason: string; decision: "pending" | "rejected" | "error" };

export async function checkGate(
  gateway: Pick<GitHubGateway, "findCheckRun">,
  sha: string,
): Promise<GateVerdict> {
  const run = await reading(`the ${DECISION_CHECK} check run of ${sha}`, () =>
    gateway.findCheckRun(sha, DECISION_CHECK),
  );
  if (!run)
    return {
      pass: false,
      decision: "error",
      reason: `no decision recorded for ${sha}: no ${DECISION_CHECK} check run`,
    };
  const slug = run.app?.slug;
  if (slug !== ACTIONS_APP_SLUG) {
    return {
      pass: false,
      decision: "error",
      reason: `the ${DECISION_CHECK} check run on ${sha} was created by '${slug ?? "unknown"}', not GitHub Actions: not trusted`,
    };
  }
  const said = [run.output?.title, run.output?.summary].filter(Boolean).join(": ");
  if (run.status !== "completed")
    return {
      pass: false,
      decision: "pending",
      reason: `not approved yet (${run.status})${said ? ": " + said : ""}`,
    };
  if (run.conclusion !== "success")
    return {
      pass: false,
      decision: "rejected",
      reason: `not approved (${run.conclusion})${said ? ": " + said : ""}`,
    };
  return { pass: true, message: `approved: ${said || sha}` };
}

/**
 * The approval check run stays on the commit it was made for: re-running an old workflow run's deploy
 * job would pass on it after the PR moved on. Only the PR's current head may pass the gate.
 */
export async function checkCurrentHead(
  gateway: Pick<GitHubGateway, "getPullRequest">,
  event: EventContext,
): Promise<GateVerdict | null> {
  if (!event.pr) return null;
  const { number } = event.pr;
  const current = await reading(`pull request #${number}`, () => gateway.getPullRequest(number));
  if (current.headSha === event.sha) return null;
  return {
    pass: false,
    decision: "error",
    reason: `the pull request has moved on to ${current.headSha}: this commit's approval no longer applies`,
  };
}

export async function runGate({
  gateway,
  runner,
  event,
}: {
  gateway: GitHubGateway;
  runner: Runner;
  event: EventContext;
}): Promise<number> {
  const verdict = (await checkCurrentHead(gateway, event)) ?? (await checkGate(gateway, event.sha));
  runner.setOutput("decision", verdict.pass ? "approved" : verdict.decision);
  if (verdict.pass) {
    runner.info(`model-approval gate: ${verdict.message}`);
    return 0;
  }
  runner.setFailed(`model-approval gate: ${verdict.reason}`);
  return 1;
}
