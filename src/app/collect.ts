// The App's reads: everything comes from GitHub, re-read on every event (level-triggered), so
// the state lives in GitHub and any instance can handle any delivery.
import type { Config } from "../core/config/types.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DecideInput, PullRequestContext } from "../core/policy/types.js";
import { parseConfig } from "../core/config/parse.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { PullRequest } from "../github/types.js";
import { isForbidden, isNotFound } from "../github/errors.js";
import { readTrustedSnapshot } from "../action/snapshot-source.js";

export const CONFIG_PATH = ".github/model-approval.yml";

export type AppGateway = Pick<
  GitHubGateway,
  | "getFileText"
  | "getPullRequest"
  | "listReviews"
  | "listChangedFiles"
  | "listTeamMembers"
  | "pullRequestsForCommit"
  | "findCheckRun"
  | "upsertCheckRun"
  | "upsertStickyComment"
  | "setStateLabel"
  | "requestReviewers"
  | "waitingDeploymentsForSha"
  | "reviewDeploymentProtectionRule"
  | "answerDeploymentCallback"
>;

export type LoadedConfig =
  | { kind: "none" }
  | { kind: "invalid"; diagnostics: Diagnostic[] }
  | { kind: "valid"; config: Config; warnings: Diagnostic[] };

/** The config as of `ref`; for a PR that is the base branch, so a PR cannot loosen its own gate. */
export async function loadConfig(
  gateway: Pick<AppGateway, "getFileText">,
  ref: string,
): Promise<LoadedConfig> {
  const text = await gateway.getFileText(CONFIG_PATH, ref);
  if (text === null) return { kind: "none" };
  const parsed = parseConfig(text, CONFIG_PATH);
  return parsed.ok
    ? { kind: "valid", config: parsed.config, warnings: parsed.warnings }
    : { kind: "invalid", diagnostics: parsed.diagnostics };
}

export type Measurements = Pick<
  DecideInput,
  "metrics" | "baseline" | "metricErrors" | "baselineErrors" | "model"
> & {
  /** Set when no trusted metrics exist for the commit: why. */
  missing?: string;
};

/** The metrics the Action recorded on `sha`, if GitHub Actions recorded them there. */
export async function loadMeasurements(
  gateway: Pick<AppGateway, "findCheckRun">,
  sha: string,
): Promise<Measurements> {
  const lookup = await readTrustedSnapshot(gateway, sha);
  if (!lookup.found) return { metrics: [], baseline: [], missing: lookup.why };
  const s = lookup.snapshot;
  return {
    metrics: s.metrics,
    baseline: s.baseline,
    metricErrors: s.metricErrors,
    baselineErrors: s.baselineErrors,
    model: s.model,
  };
}

/** Members of the listed teams only; no team listed costs no API call. */
export async function loadTeamMembers(
  gateway: Pick<AppGateway, "listTeamMembers">,
  config: Config,
): Promise<{ members: Record<string, string[]>; warnings: string[] }> {
  const teams = [...new Set(config.steps.flatMap((step) => (step.type === "approval" ? step.teams : [])))];
  const warnings: string[] = [];
  const entries = await Promise.all(
    teams.map(async (team): Promise<[string, string[]]> => {
      const [org = "", slug = ""] = team.split("/");
      try {
        return [team, await gateway.listTeamMembers(org, slug)];
      } catch (error) {
        // A team we cannot see has no members: that only ever withholds an approval.
        if (!isNotFound(error) && !isForbidden(error)) throw error;
        warnings.push(`team ${team} could not be read: its members' reviews do not count`);
        return [team, []];
      }
    }),
  );
  return { members: Object.fromEntries(entries), warnings };
}

export async function loadPullRequestContext(
  gateway: Pick<AppGateway, "listReviews" | "listChangedFiles">,
  pr: PullRequest,
): Promise<PullRequestContext> {
  const [reviews, changedFiles] = await Promise.all([
    gateway.listReviews(pr.number),
    gateway.listChangedFiles(pr.number),
  ]);
  return {
    number: pr.number,
    author: pr.author,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    changedFiles,
    reviews,
  };
}
