// `model-approval evaluate`: the Action's decision, computed locally from files.
import { formatDiagnostic, type Diagnostic } from "../core/diagnostics.js";
import { parseConfig } from "../core/config/parse.js";
import type { Config } from "../core/config/types.js";
import type { Measurements } from "../core/candidate/types.js";
import { GateError } from "../core/failure.js";
import { configErrorResult } from "../core/policy/index.js";
import type { DecisionResult, ModelIdentity } from "../core/policy/types.js";
import { collectCandidate, decisionFor, type Subject } from "../github/candidate/index.js";
import { renderJsonReport, renderMarkdown, renderText } from "../core/report/index.js";
import { digestArtifacts } from "../node/artifacts.js";
import { loadGitSources } from "../node/git.js";
import { loadMetricSources } from "../node/metrics-files.js";
import { loadPredictionSources } from "../node/predictions-sources.js";
import { conditionRefs } from "../core/config/metric-refs.js";
import { overrideSources } from "../node/metric-overrides.js";
import {
  InputError,
  readChangedFiles,
  readPullRequest,
  readReviews,
  readTeams,
  readText,
} from "./evaluate-inputs.js";
import { EXIT_USAGE, type CliIo } from "./io.js";
import { LOCAL_BRANCH, LOCAL_PR, localPorts } from "./local-ports.js";
import { DEFAULT_CONFIG } from "./validate.js";

export const EVALUATE_USAGE = `Usage: model-approval evaluate [options]

Decides from local files exactly as the Action and the App would.

Options:
  --config CONFIG          the config (default ${DEFAULT_CONFIG})
  --metrics [NAME=]FILE    a metrics file; NAME replaces the config's source of that name, an
                           unnamed FILE replaces the config's only source; repeatable
  --baseline [NAME=]FILE   the production model's metrics, likewise; repeatable. Without it a
                           baseline with a ref is read from git (git show REF:PATH); 'ref: base'
                           is the PR's base branch with --pr, else origin/HEAD (else main)
  --pr PR.json             a GitHub REST pull request (user.login, head.sha, base.ref)
  --reviews REVIEWS.json   a GitHub REST list-reviews array (needs --pr)
  --teams TEAMS.json       {"org/team": ["login", ...]}
  --changed-files FILE     the PR's changed paths, one per line (needs --pr)
  --format text|json|markdown   (default text)

Without --pr no manual approval can be given: a step that needs one is pending.
Exit status: 0 approved, 1 rejected, 3 pending, 2 config or input error.
`;

export const EXIT_CODES: Record<DecisionResult["decision"], number> = {
  approved: 0,
  rejected: 1,
  pending: 3,
  error: EXIT_USAGE,
};

type Format = "text" | "json" | "markdown";

interface Options {
  config: string;
  metrics: string[];
  baseline: string[];
  pr?: string;
  reviews?: string;
  teams?: string;
  changedFiles?: string;
  format: Format;
  help: boolean;
}

const VALUE_OPTIONS = [
  "--config",
  "--metrics",
  "--baseline",
  "--pr",
  "--reviews",
  "--teams",
  "--changed-files",
  "--format",
];

function parseArgs(args: string[]): Options | { error: string } {
  const options: Options = { config: DEFAULT_CONFIG, metrics: [], baseline: [], format: "text", help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.includes(name)) {
      return { error: arg.startsWith("-") ? `unknown option '${arg}'` : `unexpected argument '${arg}'` };
    }
    const value = name !== arg ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") return { error: `${name} needs a value` };
    switch (name) {
      case "--metrics":
        options.metrics.push(value);
        break;
      case "--baseline":
        options.baseline.push(value);
        break;
      case "--format":
        if (value !== "text" && value !== "json" && value !== "markdown")
          return { error: `--format must be text, json or markdown, not '${value}'` };
        options.format = value;
        break;
      case "--config":
        options.config = value;
        break;
      case "--pr":
        options.pr = value;
        break;
      case "--reviews":
        options.reviews = value;
        break;
      case "--teams":
        options.teams = value;
        break;
      case "--changed-files":
        options.changedFiles = value;
        break;
    }
  }
  if (!options.pr && (options.reviews || options.changedFiles))
    return { error: "--reviews and --changed-files describe a pull request: pass --pr PR.json too" };
  return options;
}

function inputDiagnostic(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: "error", message };
}

async function modelIdentity(config: Config, cwd: string): Promise<ModelIdentity | undefined> {
  const name = config.model.name;
  if (config.model.artifacts.length === 0) return name ? { name, artifacts: [] } : undefined;
  const identity = await digestArtifacts(config.model.artifacts, { cwd });
  return name ? { ...identity, name } : identity;
}

/** The metrics files, as the Action's training run would measure them. */
async function measure(
  config: Config,
  options: Options,
  cwd: string,
  warn: (m: string) => void,
  baseBranch: string | undefined,
): Promise<Measurements> {
  const metrics = overrideSources(config.metrics, options.metrics);
  const baselines = overrideSources(config.baseline, options.baseline);
  const collapsed = [
    ...metrics.errors.map((e) => `--metrics: ${e}`),
    ...baselines.errors.map((e) => `--baseline: ${e}`),
  ];
  if (collapsed.length > 0) throw new GateError("input", collapsed.join("; "));
  const refs = conditionRefs(config);
  const loaded = await loadMetricSources(metrics.specs, { cwd, refs });
  // A baseline pinned to a ref is read from git history, as the Action reads it through the API.
  const local = await loadMetricSources(
    baselines.specs.filter((spec) => spec.ref === undefined),
    { cwd, refs },
  );
  const pinned = await loadGitSources(baselines.specs, { cwd, ...(baseBranch ? { baseBranch } : {}) });
  const computed = await loadPredictionSources(metrics.specs, baselines.specs, cwd);
  const baselineErrors = { ...local.errors, ...pinned.errors, ...computed.baselineErrors };
  Object.assign(loaded.errors, computed.metricErrors);
  for (const message of Object.values(loaded.errors)) warn(`metrics: ${message}`);
  for (const message of Object.values(baselineErrors)) warn(`baseline: ${message}`);
  for (const source of pinned.sources)
    warn(`baseline ${source.name}: ${source.file} read at ${source.at?.ref} (${source.at?.commit})`);
  const model = await modelIdentity(config, cwd);
  return {
    metrics: [...loaded.sources, ...computed.metrics],
    baseline: [...local.sources, ...pinned.sources, ...computed.baseline],
    metricErrors: loaded.errors,
    baselineErrors,
    ...(model ? { model } : {}),
  };
}

async function evaluate(options: Options, cwd: string, warn: (m: string) => void): Promise<DecisionResult> {
  let text: string;
  try {
    text = await readText(options.config, cwd);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return configErrorResult([inputDiagnostic(options.config, `config file: ${error.detail}`)]);
  }
  const parsed = parseConfig(text, options.config);
  if (!parsed.ok) return configErrorResult(parsed.diagnostics);
  for (const w of parsed.warnings) warn(formatDiagnostic(w));

  let files;
  try {
    const pr = options.pr ? await readPullRequest(options.pr, cwd) : undefined;
    files = {
      configPath: options.config,
      configText: text,
      ...(pr ? { pr } : {}),
      reviews: options.reviews ? await readReviews(options.reviews, cwd) : [],
      ...(options.changedFiles ? { changedFiles: await readChangedFiles(options.changedFiles, cwd) } : {}),
      teams: options.teams ? await readTeams(options.teams, cwd) : {},
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return configErrorResult([{ ...inputDiagnostic(error.file, error.detail), ...error.position }]);
  }
  if (files.pr && !files.changedFiles)
    warn("no --changed-files: protected paths cannot be ruled out, so there is no auto-approval");

  const subject: Subject = files.pr
    ? { kind: "pull_request", number: files.pr.number ?? LOCAL_PR }
    : { kind: "commit", sha: "local", defaultBranch: LOCAL_BRANCH };
  const collected = await collectCandidate(localPorts(files), subject, {
    configPath: options.config,
    unreadableTeam:
      "it is not in --teams, so its members' reviews do not count: give its members with --teams",
    // Given the live model's metrics as files, the CLI compares with those instead.
    ...(options.baseline.length > 0
      ? { deploymentsUnread: "the CLI compares with the --baseline files; give one for each source" }
      : {}),
    measuring: (config) => ({
      local: true,
      runId: 0,
      attempt: 1,
      at: "",
      where: "the local files",
      measure: () => measure(config, options, cwd, warn, files.pr?.baseRef),
    }),
  });
  if (collected.kind === "no-config")
    return configErrorResult([inputDiagnostic(options.config, "config file: not found")]);
  if (collected.kind === "candidate") {
    for (const w of collected.warnings) warn(w);
    // Team lookups the port could not answer: the report says so too, where the team would be asked.
    for (const [team, why] of Object.entries(collected.candidate.unreadableTeams ?? {}))
      warn(`team ${team}: ${why}`);
  }
  return decisionFor(collected);
}

function render(result: DecisionResult, format: Format): string {
  if (format === "json") return renderJsonReport(result);
  if (format === "markdown") return renderMarkdown(result) + "\n";
  return renderText(result);
}

/** `model-approval evaluate`: exit 0 approved, 1 rejected, 3 pending, 2 config or input error. */
export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if ("error" in options) {
    io.stderr.write(`model-approval evaluate: ${options.error}\n\n${EVALUATE_USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(EVALUATE_USAGE);
    return 0;
  }
  const warn = (message: string) => io.stderr.write(`warning: ${message}\n`);
  const result = await evaluate(options, io.cwd, warn);
  for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  // On a config error the text report would only repeat the diagnostics just written to stderr.
  if (result.decision !== "error" || options.format !== "text" || result.diagnostics.length === 0)
    io.stdout.write(render(result, options.format));
  if (result.decision === "error") io.stderr.write(`model-approval: ERROR — ${result.summary}\n`);
  return EXIT_CODES[result.decision];
}
