// mode: evaluate — read the config and the evidence, decide, publish, set outputs.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { formatDiagnostic } from "../core/diagnostics.js";
import type { DecisionResult } from "../core/policy/types.js";
import { parseConfig } from "../core/config/parse.js";
import { configErrorResult, decide } from "../core/policy/index.js";
import { renderJsonReport, renderMarkdown } from "../core/report/index.js";
import { encodeSnapshot } from "../core/report/snapshot.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { EventContext } from "./event.js";
import type { ActionInputs } from "./inputs.js";
import type { Runner } from "./runner.js";
import { InputError, ReadError, describeError } from "./errors.js";
import { GitHubError } from "../github/errors.js";
import { loadConfigText } from "./load-config.js";
import { collectDecideInput, type Collected } from "./collect.js";
import { publish } from "./publish.js";

export interface EvaluateContext {
  inputs: ActionInputs;
  event: EventContext;
  gateway: GitHubGateway;
  runner: Runner;
  workspace: string;
  runnerTemp: string;
}

function annotateDiagnostic(runner: Runner, d: Diagnostic): void {
  runner.annotate(d.severity, d.hint ? `${d.message} (${d.hint})` : d.message, {
    title: "model-approval config",
    file: d.file,
    startLine: d.line,
    startColumn: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  });
}

function configMissing(path: string, origin: string): Diagnostic {
  return {
    file: path,
    line: 1,
    column: 1,
    severity: "error",
    message: `config file not found (looked in ${origin})`,
    hint: "add .github/model-approval.yml, or point the 'config' input at your config",
  };
}

/**
 * A failed read or an unusable input is an error decision: it must never be mistaken for a verdict
 * on the model. It has no place in the config file, so it carries no diagnostic, only the summary.
 */
function failureResult(error: unknown): DecisionResult {
  return { ...configErrorResult([]), summary: describeError(error) };
}

function isDecisionFailure(error: unknown): boolean {
  return error instanceof ReadError || error instanceof InputError || error instanceof GitHubError;
}

async function decideFromConfig(
  ctx: EvaluateContext,
): Promise<{ result: DecisionResult; collected?: Collected }> {
  const { inputs, event, gateway, runner } = ctx;
  const source = await loadConfigText(inputs.config, { workspace: ctx.workspace, pr: event.pr, gateway });
  for (const warning of source.warnings)
    runner.annotate("warning", warning, { file: inputs.config, startLine: 1, startColumn: 1 });
  if (source.text === null)
    return { result: configErrorResult([configMissing(inputs.config, source.origin)]) };
  runner.info(`config: ${inputs.config} from ${source.origin}`);

  const parsed = parseConfig(source.text, inputs.config);
  if (!parsed.ok) return { result: configErrorResult(parsed.diagnostics) };
  for (const warning of parsed.warnings) annotateDiagnostic(runner, warning);

  const collected = await collectDecideInput(parsed.config, {
    workspace: ctx.workspace,
    event,
    gateway,
    metricArgs: inputs.metrics,
    baselineArgs: inputs.baseline,
  });
  for (const warning of collected.warnings) runner.annotate("warning", warning);
  if (!source.untrusted && collected.input.pr?.changedFiles.includes(inputs.config)) {
    runner.annotate(
      "warning",
      `this pull request changes ${inputs.config}: the version on ${source.origin} decides, and the PR cannot be auto-approved`,
      { file: inputs.config, startLine: 1, startColumn: 1 },
    );
  }
  if (collected.metricsOrigin === "snapshot")
    runner.info(`metrics: from the model-approval/metrics check run of ${event.sha}`);
  // A config the PR supplied itself cannot approve that PR: the decision stops at pending.
  const input = source.untrusted
    ? { ...collected.input, untrustedConfig: source.untrusted }
    : collected.input;
  return { result: decide(input), collected };
}

function writeReport(result: DecisionResult, runnerTemp: string): string {
  const dir = join(runnerTemp, "model-approval");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "report.json");
  writeFileSync(path, renderJsonReport(result));
  return path;
}

/** Returns the process exit code. */
export async function runEvaluate(ctx: EvaluateContext): Promise<number> {
  const { runner, inputs, event } = ctx;
  let outcome: { result: DecisionResult; collected?: Collected };
  try {
    outcome = await decideFromConfig(ctx);
  } catch (error) {
    if (!isDecisionFailure(error)) throw error;
    outcome = { result: failureResult(error) };
  }
  const { collected } = outcome;
  const result: DecisionResult = {
    ...outcome.result,
    headSha: outcome.result.headSha ?? event.sha,
    pr: outcome.result.pr ?? event.pr?.number,
  };
  for (const d of result.diagnostics) {
    runner.info(formatDiagnostic(d));
    annotateDiagnostic(runner, d);
  }

  // The job summary is not the sticky comment: no marker, and GitHub allows it 1 MiB.
  await runner.appendSummary(renderMarkdown(result, { marker: false, maxLength: 1_000_000 }));
  const reportPath = writeReport(result, ctx.runnerTemp);
  runner.setOutput("decision", result.decision);
  runner.setOutput("auto-approved", String(result.autoApproved));
  runner.setOutput("model-digest", result.model?.digest ?? "");
  runner.setOutput("report", reportPath);

  // Metrics are published only when this run measured them: a review-triggered run that read the
  // snapshot, or found nothing, must not overwrite what the training run recorded.
  const snapshotText =
    collected?.metricsOrigin === "workspace" &&
    !(event.name === "pull_request_review" && collected.input.metrics.length === 0)
      ? encodeSnapshot({
          metrics: collected.input.metrics,
          baseline: collected.input.baseline,
          metricErrors: collected.input.metricErrors ?? {},
          baselineErrors: collected.input.baselineErrors ?? {},
          model: collected.input.model,
        })
      : undefined;
  const failures = await publish(result, {
    gateway: ctx.gateway,
    runner,
    event,
    app: inputs.app,
    dryRun: inputs.dryRun,
    snapshotText,
  });

  runner.info(`model-approval: ${result.decision} — ${result.summary}`);
  if (result.decision === "error") runner.setFailed(result.summary);
  else if (result.decision === "rejected" && result.failPipeline)
    runner.setFailed(`rejected: ${result.summary}`);
  for (const failure of failures) runner.setFailed(failure);
  return runner.failed ? 1 : 0;
}
