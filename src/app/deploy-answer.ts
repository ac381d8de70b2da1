// What the App tells GitHub about a deploy job waiting on a custom deployment protection rule.
import type { Config } from "../core/config/types.js";
import { clip as clipTo, GITHUB_LIMITS } from "../core/github-limits.js";
import type { DecisionResult } from "../core/policy/types.js";

/** No `state` is a status report: the job keeps waiting and the comment says what is missing. */
export interface DeployAnswer {
  state?: "approved" | "rejected";
  comment: string;
}

export function deployEnvironments(config: Config): string[] {
  return config.steps.flatMap((step) => (step.type === "deploy" ? [step.environment] : []));
}

/**
 * Whether the config gates `environment` for an App that GitHub asked about it. Without a `deploy`
 * step every environment is gated: enabling the App as a protection rule on one was the choice.
 * Environment names are case-insensitive on GitHub.
 */
export function isGatedEnvironment(config: Config, environment: string): boolean {
  const named = deployEnvironments(config);
  if (named.length === 0) return true;
  const wanted = environment.toLowerCase();
  return named.some((name) => name.toLowerCase() === wanted);
}

/** What the report says about which environments the App answers. */
export function deployScopeNote(config: Config): string | undefined {
  if (deployEnvironments(config).length > 0) return undefined;
  return "no deploy step names an environment, so the App gates every environment it is enabled on as a deployment protection rule (a deploy step narrows that)";
}

function clip(text: string): string {
  return clipTo(text, GITHUB_LIMITS.deploymentComment);
}

function missing(result: DecisionResult): string {
  if (result.pendingApprovers.length === 0) return result.summary;
  const who = result.pendingApprovers.map((a) => `@${a}`).join(", ");
  return `${result.summary} — needs an approving review from ${who}`;
}

export function deployAnswer(result: DecisionResult, subject: string): DeployAnswer {
  const about = `model-approval (${subject})`;
  switch (result.decision) {
    case "approved":
      return {
        state: "approved",
        comment: clip(`${about}: ${result.autoApproved ? "auto-approved" : "approved"} — ${result.summary}`),
      };
    case "rejected":
      // on_reject: block keeps the deploy waiting for a new candidate instead of failing the run.
      return result.failPipeline
        ? { state: "rejected", comment: clip(`${about}: rejected — ${result.summary}`) }
        : { comment: clip(`${about}: blocked (rejected, waiting for a new candidate) — ${result.summary}`) };
    case "pending":
      return { comment: clip(`${about}: waiting — ${missing(result)}`) };
    default:
      return { comment: clip(`${about}: cannot decide — ${result.summary}`) };
  }
}

/** A deploy we cannot decide about (a read failed, the config is broken) waits, with the reason. */
export function undecidedAnswer(subject: string, why: string): DeployAnswer {
  return { comment: clip(`model-approval (${subject}): cannot decide — ${why}`) };
}
