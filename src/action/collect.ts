// Gathers everything the core needs to decide: metrics, baseline, model digest, and the PR's
// reviews, changed files and team members. Every read failure names what was being read.
import type { Config, MetricSourceSpec } from "../core/config/types.js";
import type { MetricSource } from "../core/metrics/types.js";
import type { DecideInput, ModelIdentity, PullRequestContext } from "../core/policy/types.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseMetricsFile } from "../core/metrics/parse.js";
import { loadMetricSources, parseMetricArg } from "../node/metrics-files.js";
import { digestArtifacts } from "../node/artifacts.js";
import type { EventContext } from "./event.js";
import { ReadError, describeError, reading } from "./errors.js";
import { readTrustedSnapshot } from "./snapshot-source.js";

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

export interface Collected {
  input: DecideInput;
  /** Where the metrics came from, e.g. "the workspace" or "the model-approval/metrics check run". */
  metricsOrigin: "workspace" | "snapshot";
  warnings: string[];
}

/** Input lines replace the config's source of the same name; an unnamed line replaces a config's only source. */
export function overrideSources(fromConfig: MetricSourceSpec[], args: string[]): MetricSourceSpec[] {
  const merged = new Map(fromConfig.map((spec) => [spec.name, spec] as const));
  for (const arg of args) {
    const parsed = parseMetricArg(arg);
    const only = fromConfig.length === 1 ? fromConfig[0] : undefined;
    const name = parsed.name ?? only?.name ?? parsed.defaultName;
    const previous = merged.get(name);
    merged.set(name, {
      ...previous,
      name,
      path: parsed.path,
      format: parsed.format ?? (previous?.path === parsed.path ? previous?.format : undefined),
      ref: undefined,
    });
  }
  return [...merged.values()];
}

async function loadFromWorkspace(
  specs: MetricSourceSpec[],
  cwd: string,
): Promise<{ sources: MetricSource[]; errors: Record<string, string> }> {
  if (specs.length === 0) return { sources: [], errors: {} };
  return loadMetricSources(specs, { cwd });
}

/** Baselines with `ref: base` are the production model's metrics: read from the base commit, not the PR. */
async function loadBaseline(specs: MetricSourceSpec[], { workspace, event, gateway }: CollectOptions) {
  const atBase = specs.filter((spec) => spec.ref === "base");
  const local = await loadFromWorkspace(
    specs.filter((spec) => spec.ref !== "base"),
    workspace,
  );
  const sources = [...local.sources];
  const errors = { ...local.errors };
  for (const spec of atBase) {
    if (!event.pr) {
      errors[spec.name] =
        `${spec.path}: 'ref: base' needs a pull request, and this ${event.name} run has none`;
      continue;
    }
    const pr = event.pr;
    const text = await reading(`baseline ${spec.path} at the base commit ${pr.baseSha}`, () =>
      gateway.getFileText(spec.path, pr.baseSha),
    );
    if (text === null) {
      errors[spec.name] = `${spec.path} does not exist on the base branch ${pr.baseRef}`;
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

async function teamMembers(
  config: Config,
  gateway: CollectGateway,
  warnings: string[],
): Promise<Record<string, string[]>> {
  const teams = new Set(config.steps.flatMap((step) => (step.type === "approval" ? step.teams : [])));
  const members: Record<string, string[]> = {};
  for (const team of teams) {
    const [org = "", slug = ""] = team.split("/");
    try {
      members[team] = await gateway.listTeamMembers(org, slug);
    } catch (error) {
      // The default GITHUB_TOKEN cannot read org teams. A team we cannot see has no members, which
      // only ever withholds approval, so this degrades to a warning rather than an error.
      if (isForbiddenOrMissing(error)) {
        members[team] = [];
        warnings.push(
          `could not read the members of team ${team} (${describeError(error)}): its members' reviews do not count; give the token read:org (members: read)`,
        );
      } else throw new ReadError(`the members of team ${team}`, error);
    }
  }
  return members;
}

function isForbiddenOrMissing(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return status === 403 || status === 404;
}

async function pullRequestContext(
  event: EventContext,
  gateway: CollectGateway,
): Promise<PullRequestContext | undefined> {
  const pr = event.pr;
  if (!pr) return undefined;
  const [reviews, changedFiles] = await Promise.all([
    reading(`the reviews of PR #${pr.number}`, () => gateway.listReviews(pr.number)),
    reading(`the files changed by PR #${pr.number}`, () => gateway.listChangedFiles(pr.number)),
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

export async function collectDecideInput(config: Config, options: CollectOptions): Promise<Collected> {
  const { workspace, event, gateway } = options;
  const warnings: string[] = [];
  const metricSpecs = overrideSources(config.metrics, options.metricArgs);
  const baselineSpecs = overrideSources(config.baseline, options.baselineArgs);

  const metrics = await loadFromWorkspace(metricSpecs, workspace);
  let measured:
    Pick<DecideInput, "metrics" | "baseline" | "metricErrors" | "baselineErrors" | "model"> | undefined;
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
      const s = lookup.snapshot;
      measured = {
        metrics: s.metrics,
        metricErrors: s.metricErrors,
        baseline: s.baseline,
        baselineErrors: s.baselineErrors,
        model: s.model,
      };
      metricsOrigin = "snapshot";
    } else {
      warnings.push(`the metrics files are not in the workspace and ${lookup.why}`);
    }
  }
  if (!measured) {
    const baseline = await loadBaseline(baselineSpecs, options);
    const model = await reading("the model artifacts", () => digestModel(config, workspace));
    measured = {
      metrics: metrics.sources,
      metricErrors: metrics.errors,
      baseline: baseline.sources,
      baselineErrors: baseline.errors,
      model,
    };
  }

  const [pr, members] = await Promise.all([
    pullRequestContext(event, gateway),
    teamMembers(config, gateway, warnings),
  ]);
  return {
    input: { config, ...measured, pr, teamMembers: members },
    metricsOrigin,
    warnings,
  };
}
