// Gathers everything the core needs to decide: metrics, baseline, model digest, and the PR's
// reviews, changed files and team members. Every read failure names what was being read.
import type { Config, MetricSourceSpec } from "../core/config/types.js";
import type { MetricSource } from "../core/metrics/types.js";
import type { DecideInput, ModelIdentity } from "../core/policy/types.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseMetricsFile } from "../core/metrics/parse.js";
import { loadMetricSources } from "../node/metrics-files.js";
import { overrideSources } from "../node/metric-overrides.js";
import { expandMetricArgs } from "./metric-args.js";
import { digestArtifacts } from "../node/artifacts.js";
import type { EventContext } from "./event.js";
import { loadPullRequestContext, loadTeamMembers } from "../github/pull-request-reads.js";
import { InputError, reading } from "./errors.js";
import { readTrustedSnapshot } from "../github/trusted-snapshot.js";

export type CollectGateway = Pick<
  GitHubGateway,
  "getFileText" | "findCheckRun" | "listReviews" | "listChangedFiles" | "listTeamMembers"
>;

export interface CollectOptions {
  workspace: string;
  event: EventContext;
  gateway: CollectGateway;
  metricArgs: string[];
  baselineArgs: string[];
}

type Measured = Pick<DecideInput, "metrics" | "baseline" | "metricErrors" | "baselineErrors" | "model">;

export interface Collected {
  input: DecideInput;
  /** Where the metrics came from, e.g. "the workspace" or "the model-approval/metrics check run". */
  metricsOrigin: "workspace" | "snapshot";
  warnings: string[];
}

async function loadFromWorkspace(
  specs: MetricSourceSpec[],
  cwd: string,
): Promise<{ sources: MetricSource[]; errors: Record<string, string> }> {
  if (specs.length === 0) return { sources: [], errors: {} };
  return loadMetricSources(specs, { cwd });
}

/**
 * Baselines pinned to a git ref are the production model's metrics: read them at that ref through the
 * API, never from the PR's workspace. `ref: base` means the PR's base commit.
 */
async function loadBaseline(specs: MetricSourceSpec[], { workspace, event, gateway }: CollectOptions) {
  const local = await loadFromWorkspace(
    specs.filter((spec) => spec.ref === undefined),
    workspace,
  );
  const sources = [...local.sources];
  const errors = { ...local.errors };
  for (const spec of specs) {
    if (spec.ref === undefined) continue;
    let ref = spec.ref;
    let where = `ref ${spec.ref}`;
    if (spec.ref === "base") {
      if (!event.pr) {
        errors[spec.name] =
          `${spec.path}: 'ref: base' needs a pull request, and this ${event.name} run has none`;
        continue;
      }
      ref = event.pr.baseSha;
      where = `the base branch ${event.pr.baseRef}`;
    }
    const text = await reading(`baseline ${spec.path} at ${where}`, () =>
      gateway.getFileText(spec.path, ref),
    );
    if (text === null) {
      errors[spec.name] = `${spec.path} does not exist at ${where}`;
      continue;
    }
    const parsed = parseMetricsFile(text, { name: spec.name, file: spec.path, format: spec.format });
    if (parsed.ok) sources.push(parsed.source);
    else errors[spec.name] = parsed.error;
  }
  return { sources, errors };
}

async function digestModel(config: Config, workspace: string): Promise<ModelIdentity | undefined> {
  if (config.model.artifacts.length === 0)
    return config.model.name ? { name: config.model.name, artifacts: [] } : undefined;
  const digest = await digestArtifacts(config.model.artifacts, { cwd: workspace });
  return { ...digest, name: config.model.name };
}

/** Input lines with their globs expanded; a glob that matches nothing is an input error. */
async function inputSpecs(fromConfig: MetricSourceSpec[], lines: string[], cwd: string, input: string) {
  const expanded = await expandMetricArgs(lines, cwd, input);
  if (expanded.errors.length > 0) throw new InputError(expanded.errors.join("; "));
  return overrideSources(fromConfig, expanded.lines);
}

export async function collectDecideInput(config: Config, options: CollectOptions): Promise<Collected> {
  const { workspace, event, gateway } = options;
  const warnings: string[] = [];
  const metricSpecs = await inputSpecs(config.metrics, options.metricArgs, workspace, "metrics");
  const baselineSpecs = await inputSpecs(config.baseline, options.baselineArgs, workspace, "baseline");

  const metrics = await loadFromWorkspace(metricSpecs, workspace);
  let measured: Measured | undefined;
  let metricsOrigin: Collected["metricsOrigin"] = "workspace";

  // A review-triggered run has no training output in its workspace: use what the training run published.
  if (
    event.name === "pull_request_review" &&
    event.pr &&
    metricSpecs.length > 0 &&
    metrics.sources.length === 0
  ) {
    const lookup = await readTrustedSnapshot(gateway, event.pr.headSha);
    if (lookup.found) {
      const { metrics, metricErrors, baseline, baselineErrors, model } = lookup.snapshot;
      measured = { metrics, metricErrors, baseline, baselineErrors, model };
      metricsOrigin = "snapshot";
    } else {
      warnings.push(`the metrics files are not in the workspace and ${lookup.why}`);
    }
  }
  if (!measured) {
    const baseline = await loadBaseline(baselineSpecs, options);
    measured = {
      metrics: metrics.sources,
      metricErrors: metrics.errors,
      baseline: baseline.sources,
      baselineErrors: baseline.errors,
      model: await digestModel(config, workspace),
    };
  }

  const [pr, teams] = await Promise.all([
    event.pr ? loadPullRequestContext(gateway, event.pr) : undefined,
    reading("team members", () => loadTeamMembers(gateway, config)),
  ]);
  warnings.push(...teams.warnings);
  return { input: { config, ...measured, pr, teamMembers: teams.members }, metricsOrigin, warnings };
}
