// What the training run's workspace holds: its metrics, the baseline and the model digest. Used as
// evidence only when GitHub describes this run as the training run (src/github/candidate/evidence.ts).
import type { Config, MetricSourceSpec } from "../core/config/types.js";
import type { Measurements } from "../core/candidate/types.js";
import { GateError } from "../core/failure.js";
import type { ModelIdentity } from "../core/policy/types.js";
import { parseMetricsFile, type ParseMetricsResult } from "../core/metrics/parse.js";
import type { MetricSource } from "../core/metrics/types.js";
import type { GitHubGateway } from "../github/gateway.js";
import { reading } from "../github/errors.js";
import { MAX_SNAPSHOT_BYTES } from "../github/candidate/evidence.js";
import { encodeSnapshot } from "../core/candidate/snapshot.js";
import { isDvcYaml, loadDvcYaml, type ReadText } from "../node/dvc.js";
import { loadMetricSources } from "../node/metrics-files.js";
import { loadPredictionSources } from "../node/predictions-sources.js";
import { conditionRefs } from "../core/config/metric-refs.js";
import type { MetricRef } from "../core/conditions/types.js";
import { overrideSources } from "../node/metric-overrides.js";
import { digestArtifacts } from "../node/artifacts.js";
import { expandMetricArgs } from "./metric-args.js";

export interface MeasureOptions {
  workspace: string;
  metricArgs: string[];
  baselineArgs: string[];
  gateway: Pick<GitHubGateway, "getFileText" | "commitAt">;
  /** The PR's base commit, where `ref: base` baselines are read; undefined outside a PR. */
  baseSha?: string;
  /** The PR's base branch. */
  baseRef?: string;
}

/** Input lines with their globs expanded; a glob that matches nothing is an input error. */
async function inputSpecs(fromConfig: MetricSourceSpec[], lines: string[], cwd: string, input: string) {
  const expanded = await expandMetricArgs(lines, cwd, input);
  const { specs, errors } = overrideSources(fromConfig, expanded.lines);
  const problems = [...expanded.errors, ...errors.map((e) => `input '${input}': ${e}`)];
  if (problems.length > 0) throw new GateError("input", problems.join("; "));
  return specs;
}

/**
 * Baselines pinned to a git ref are the production model's metrics: read them at that ref through
 * the API, never from the PR's workspace. `ref: base` means the PR's base commit.
 */
async function loadBaseline(specs: MetricSourceSpec[], options: MeasureOptions, refs: MetricRef[]) {
  const local = await loadMetricSources(
    specs.filter((spec) => spec.ref === undefined),
    { cwd: options.workspace, refs },
  );
  const sources: MetricSource[] = [...local.sources];
  const errors = { ...local.errors };
  for (const spec of specs) {
    if (spec.ref === undefined) continue;
    if (spec.ref === "base" && !options.baseSha) {
      errors[spec.name] = `${spec.path}: 'ref: base' needs a pull request, and this run has none`;
      continue;
    }
    // A named ref is resolved once, first: every file of the baseline (a dvc.yaml's entries too)
    // is then read at that one commit, even if the branch moves meanwhile, and the report names it.
    const ref =
      spec.ref === "base"
        ? options.baseSha!
        : await reading(`the commit of baseline ref ${spec.ref}`, () => options.gateway.commitAt(spec.ref!));
    if (ref === null) {
      errors[spec.name] = `${spec.path}: ref ${spec.ref} names no commit in this repository`;
      continue;
    }
    const where =
      spec.ref === "base" ? `the PR's base ${ref.slice(0, 7)}` : `ref ${spec.ref} (${ref.slice(0, 7)})`;
    // The same reads for a dvc.yaml's entries: the production model's files, at the same commit.
    const read: ReadText = async (_full, shown) => {
      const text = await reading(`baseline ${shown} at ${where}`, () =>
        options.gateway.getFileText(shown, ref),
      );
      return text === null ? { ok: false, error: `${shown} does not exist at ${where}` } : { ok: true, text };
    };
    let parsed: ParseMetricsResult;
    if (isDvcYaml(spec.path) && (spec.format === undefined || spec.format === "dvc")) {
      parsed = await loadDvcYaml(spec, spec.path, read);
    } else {
      const text = await read(spec.path, spec.path);
      parsed = text.ok
        ? parseMetricsFile(text.text, {
            name: spec.name,
            file: spec.path,
            format: spec.format,
            checkpoint: spec.checkpoint,
          })
        : text;
    }
    // Where it came from, for the report: the base branch or the ref as written, and its commit.
    const at = { ref: spec.ref === "base" ? (options.baseRef ?? "base") : spec.ref, commit: ref };
    if (parsed.ok) sources.push({ ...parsed.source, at });
    else errors[spec.name] = parsed.error;
  }
  return { sources, errors };
}

async function digestModel(config: Config, workspace: string): Promise<ModelIdentity | undefined> {
  if (config.model.artifacts.length === 0)
    return config.model.name ? { name: config.model.name, artifacts: [] } : undefined;
  const digest = await digestArtifacts(config.model.artifacts, { cwd: workspace });
  return { ...digest, ...(config.model.name ? { name: config.model.name } : {}) };
}

export async function measureWorkspace(config: Config, options: MeasureOptions): Promise<Measurements> {
  const metricSpecs = await inputSpecs(config.metrics, options.metricArgs, options.workspace, "metrics");
  const baselineSpecs = await inputSpecs(
    config.baseline,
    options.baselineArgs,
    options.workspace,
    "baseline",
  );
  const refs = conditionRefs(config);
  const metrics = await loadMetricSources(metricSpecs, { cwd: options.workspace, refs });
  const baseline = await loadBaseline(baselineSpecs, options, refs);
  const computed = await loadPredictionSources(metricSpecs, baselineSpecs, options.workspace);
  const model = await digestModel(config, options.workspace);
  const measurements: Measurements = {
    metrics: [...metrics.sources, ...computed.metrics],
    baseline: [...baseline.sources, ...computed.baseline],
    metricErrors: { ...metrics.errors, ...computed.metricErrors },
    baselineErrors: { ...baseline.errors, ...computed.baselineErrors },
    ...(model ? { model } : {}),
  };
  fitsASnapshot(measurements);
  return measurements;
}

/**
 * What this run measures is what the App and later runs judge, through its snapshot: a snapshot
 * they would refuse as too large makes this run's decision an error too, so that no surface
 * approves what another cannot read.
 */
function fitsASnapshot(measurements: Measurements): void {
  const bytes = Buffer.byteLength(
    encodeSnapshot({ claims: { repository: "-", commit: "-" }, ...measurements }),
  );
  if (bytes > MAX_SNAPSHOT_BYTES)
    throw new GateError(
      "input",
      `the measurements make a ${bytes}-byte snapshot, over the ${MAX_SNAPSHOT_BYTES} bytes the App and later runs read: name fewer metrics files, or slice predictions by fewer values`,
    );
}
