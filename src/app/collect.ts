// The App's reads: everything comes from GitHub, re-read on every event (level-triggered), so
// the state lives in GitHub and any instance can handle any delivery.
import type { Config } from "../core/config/types.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DecideInput } from "../core/policy/types.js";
import { parseConfig } from "../core/config/parse.js";
import type { GitHubGateway } from "../github/gateway.js";
import { readTrustedSnapshot } from "../github/trusted-snapshot.js";

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
