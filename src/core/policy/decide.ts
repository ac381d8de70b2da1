// The decision about one candidate: steps in config order, then the overall verdict by precedence
// error > rejected > pending > approved. Every policy outcome is made here, from the candidate alone
// (its config, evidence, PR and commit), so the Action, the App and the CLI cannot drift apart.
import type { Config, Step } from "../config/types.js";
import type { Candidate, Measurements } from "../candidate/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { Failure } from "../failure.js";
import { decimalArithmetic } from "../conditions/decimal.js";
import { listMetricNumbers } from "../metrics/lookup.js";
import type { MetricSource } from "../metrics/types.js";
import { staleRecordings } from "../predictions/settings.js";
import {
  evaluateApproval,
  evaluateTest,
  type ApprovalEvaluated,
  type Evaluated,
  type MissingBaseline,
  type PolicySources,
} from "./steps.js";
import { candidateModel, shortSha } from "./reviews.js";
import { judgeOverrides, type JudgedOverrides } from "./override.js";
import { needsEvidence } from "./evidence-needed.js";

export { needsEvidence };
import { readClock } from "./timeout.js";
import type {
  CandidateSummary,
  DecisionResult,
  Decision,
  MeasuredMetric,
  PredictionsReport,
  MetricRow,
  Override,
  Reason,
  SourceOrigin,
  StepResult,
} from "./types.js";

const SATISFIED = new Set<StepResult["status"]>([
  "passed",
  "warned",
  "approved",
  "auto_approved",
  "overridden",
  "ready",
]);

/** An approval step that ended the candidate: an objection, or no approval in time. */
const isRejection = (s: StepResult) =>
  (s.type === "test" && s.status === "failed") ||
  (s.type === "approval" && (s.status === "rejected" || s.status === "timed_out"));

const NO_MEASUREMENTS: Measurements = { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };

function rule(outcome: Reason["outcome"], name: string, message: string, extra = {}): Reason {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}

/** Why the decision must wait for the training run's evidence, or undefined when it need not. */
function waitingForEvidence(candidate: Candidate): string | undefined {
  const { evidence } = candidate;
  if (evidence.kind === "present" || !needsEvidence(candidate.config.config)) return undefined;
  return evidence.why;
}

/** Why nothing can approve this candidate whatever its evidence and votes, or undefined. */
function ineligible(candidate: Candidate): { rule: string; why: string } | undefined {
  const { pr } = candidate;
  if (pr && pr.state !== "open")
    return {
      rule: "pull-request-closed",
      why: `PR #${pr.number} is ${pr.state}: nothing on it is approved any more`,
    };
  if (pr && pr.headSha !== candidate.commit)
    return {
      rule: "superseded",
      why: `PR #${pr.number} has moved on to ${shortSha(pr.headSha)}: ${shortSha(candidate.commit)} is no longer its head`,
    };
  const branch = candidate.defaultBranch;
  if (!pr && branch && !branch.contains)
    return {
      rule: "not-on-default-branch",
      why: `outside a pull request only commits on the default branch ${branch.name} are approved, and ${shortSha(candidate.commit)} is not on it`,
    };
  return undefined;
}

function trainingStep(step: Step, measurements: Measurements, waitingFor: string | undefined): StepResult {
  // Training itself runs in the workflow: this step only says what it left (or that it left nothing yet).
  const reasons: Reason[] = [];
  if (waitingFor !== undefined) {
    reasons.push(
      rule("pending", "evidence-missing", `waiting for the training run's evidence: ${waitingFor}`),
    );
    return { name: step.name, type: "training", status: "pending", reasons };
  }
  const model = measurements.model;
  const unreadable = model?.errors ?? [];
  if (unreadable.length > 0) {
    // Without a digest nobody can say which model was approved: no verdict.
    reasons.push({
      kind: "model",
      outcome: "fail",
      message: `the model cannot be identified: ${unreadable.join("; ")}`,
      data: { errors: unreadable, artifacts: model?.artifacts ?? [] },
    });
    return { name: step.name, type: "training", status: "error", reasons };
  }
  if (model?.digest) {
    reasons.push({
      kind: "model",
      outcome: "info",
      message: `${model.name ? `model ${model.name}` : "model"}: sha256:${model.digest.slice(0, 12)} over ${model.artifacts.length} artifact(s)`,
      data: { digest: model.digest, artifacts: model.artifacts },
    });
  }
  return { name: step.name, type: "training", status: "passed", reasons };
}

function waitingTest(step: Step, why: string): StepResult {
  return {
    name: step.name,
    type: "test",
    status: "pending",
    reasons: [rule("pending", "evidence-missing", `waiting for the training run's evidence: ${why}`)],
  };
}

function deployStep(name: string, environment: string, before: StepResult[]): StepResult {
  const waiting = before.filter((s) => !SATISFIED.has(s.status));
  if (waiting.length === 0) {
    return {
      name,
      type: "deploy",
      status: "ready",
      reasons: [
        rule(
          "pass",
          "deploy-ready",
          `every earlier step passed or is approved: deploying to ${environment} may proceed`,
          {
            environment,
          },
        ),
      ],
    };
  }
  return {
    name,
    type: "deploy",
    status: "blocked",
    reasons: [
      rule(
        "pending",
        "deploy-blocked",
        `blocked until ${waiting.map((s) => `${s.name} (${s.status})`).join(", ")} ${waiting.length === 1 ? "is" : "are"} resolved`,
        { environment, waitingOn: waiting.map((s) => s.name) },
      ),
    ],
  };
}

/** The failed checks' reasons: each names its metric, value and bound, so the condition's text would only repeat them. */
function failingChecks(step: StepResult): string {
  const failed = step.reasons.filter((r) => r.kind === "check" && r.outcome === "fail");
  return failed
    .map((r) => {
      const prefix = `${String(r.data?.condition ?? "")}: `;
      return r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message;
    })
    .join("; ");
}

interface Outcome {
  decision: Decision;
  failPipeline: boolean;
  summary: string;
  failure?: Failure;
  override?: Override;
}

function overriddenOutcome(override: Override): Outcome {
  return {
    decision: "approved",
    failPipeline: false,
    summary: `overridden by ${override.by}: ${override.reason}`,
    override,
  };
}

/**
 * An override approves what the rules did not: each unsatisfied approval step is overridden, the
 * deploy steps may proceed, and the failed checks keep saying they failed.
 */
function overriddenSteps(config: Config, steps: StepResult[], judged: JudgedOverrides): StepResult[] {
  const override = judged.override!;
  const said = rule("pass", "overridden", `overridden by ${override.by}: ${override.reason}`, {
    login: override.by,
    at: override.at,
  });
  said.children = judged.reasons;
  return steps.map((step) => {
    if (step.type === "approval" && !SATISFIED.has(step.status))
      return { ...step, status: "overridden", reasons: [said, ...step.reasons] };
    if (step.type !== "deploy") return step;
    const cfg = config.steps.find((s) => s.name === step.name);
    const environment = cfg?.type === "deploy" ? cfg.environment : undefined;
    const to = environment ? ` to ${environment}` : "";
    return {
      ...step,
      status: "ready",
      reasons: [
        rule("pass", "deploy-overridden", `deploying${to} may proceed: overridden by ${override.by}`, {
          ...(environment ? { environment } : {}),
        }),
      ],
    };
  });
}

/** Overrides that did not count are still shown, under the first approval step, saying why not. */
function withOverrideReasons(steps: StepResult[], reasons: Reason[]): StepResult[] {
  const first = steps.findIndex((s) => s.type === "approval");
  if (first < 0) return steps;
  return steps.map((s, i) => (i === first ? { ...s, reasons: [...s.reasons, ...reasons] } : s));
}

/** Input that cannot be judged: no verdict on the model (and no approval through on_fail: warn). */
function inputFailure(config: Config, measurements: Measurements, rows: MetricRow[]): Failure | undefined {
  const modelErrors = measurements.model?.errors ?? [];
  if (modelErrors.length > 0)
    return {
      code: "model_unreadable",
      message: `the model artifacts could not be hashed: ${modelErrors.join("; ")}`,
    };
  // Evidence that names no model when the rules name its files approves nothing: an approval
  // would bind to no digest, and nothing could tell the model deployed from another.
  if (config.model.artifacts.length > 0 && !measurements.model?.digest)
    return {
      code: "model_unreadable",
      message: `the config lists model.artifacts (${config.model.artifacts.join(", ")}), but the evidence names no model digest: the training run recorded none`,
    };
  const unreadable = [
    ...Object.values(measurements.metricErrors),
    ...Object.values(measurements.baselineErrors).map((e) => `baseline ${e}`),
  ];
  if (unreadable.length > 0)
    return { code: "metrics_unreadable", message: `metrics could not be read: ${unreadable.join("; ")}` };
  const ambiguous = [...new Set(rows.flatMap((row) => (row.inputError ? [row.inputError] : [])))];
  if (ambiguous.length > 0)
    return { code: "ambiguous_metric", message: `a metric reference is ambiguous: ${ambiguous.join("; ")}` };
  return undefined;
}

function verdict(config: Config, steps: StepResult[], approvals: Map<string, ApprovalEvaluated>): Outcome {
  const configStep = (name: string) => config.steps.find((s) => s.name === name);
  const rejections = steps.filter(isRejection);
  if (rejections.length > 0) {
    const failPipeline = rejections.some((s) => {
      const cfg = configStep(s.name);
      return cfg?.type === "test" || (cfg?.type === "approval" && cfg.onReject === "fail_pipeline");
    });
    const first = rejections[0]!;
    const why =
      first.type === "test"
        ? `${first.name} failed: ${failingChecks(first)}`
        : first.status === "timed_out"
          ? `${first.name} ${first.reasons[0]?.message ?? "timed out"}`
          : `${first.name} rejected: ${first.reasons[0]?.message ?? "changes requested"}`;
    const how = failPipeline ? "" : " (on_reject: block — waiting for a new candidate)";
    return { decision: "rejected", failPipeline, summary: `${why}${how}` };
  }
  const waiting = steps.filter((s) => s.type !== "deploy" && !SATISFIED.has(s.status));
  if (waiting.length > 0) {
    const first = waiting[0]!;
    const approval = approvals.get(first.name);
    let why: string;
    if (first.type === "test") why = `${first.name} needs a manual approval`;
    else if (approval && approval.stillNeeded.length > 0)
      why = `${first.name} needs ${approval.missingApprovals} more approval(s) from ${approval.stillNeeded.join(", ")}`;
    else if (approval && approval.missingApprovals > 0 && first.type === "approval")
      why = `${first.name} needs ${approval.missingApprovals} more approval(s), and none of its listed approvers can give one here`;
    else why = `${first.name} is ${first.status}`;
    const pendingReason = first.reasons.find(
      (r) => r.data?.rule === "no-pull-request" && r.outcome === "pending",
    );
    return {
      decision: "pending",
      failPipeline: false,
      summary: pendingReason ? `${why} (no pull request)` : why,
    };
  }
  const parts = steps
    .filter((s) => s.type === "approval")
    .map((s) =>
      s.status === "auto_approved"
        ? `${s.name} auto-approved`
        : `${s.name} ${s.reasons[0]?.message ?? "approved"}`,
    );
  const warned = steps.filter((s) => s.status === "warned").map((s) => `${s.name} warned`);
  const summary = [...(parts.length ? parts : ["every check passed"]), ...warned].join("; ");
  return { decision: "approved", failPipeline: false, summary };
}

/** The deploy steps cannot proceed, for a reason outside the steps (untrusted rules). */
function blockDeploys(steps: StepResult[], ruleName: string, why: string): StepResult[] {
  return steps.map((step) =>
    step.type === "deploy"
      ? { ...step, status: "blocked", reasons: [rule("pending", ruleName, `blocked: ${why}`)] }
      : step,
  );
}

/**
 * A rejected candidate is not deployed: its deploy steps say so, rather than that they wait.
 * Under `on_reject: block` the deploy job stays blocked instead of failing, for a new candidate.
 */
function rejectDeploys(
  config: Config,
  steps: StepResult[],
  why: { rule: string; message: string },
  failPipeline: boolean,
  /** Nothing about this candidate may deploy (a closed PR, a superseded head), not even a step before the rejection. */
  everyDeploy = false,
): StepResult[] {
  return steps.map((step) => {
    if (step.type !== "deploy" || (step.status === "ready" && !everyDeploy)) return step;
    const cfg = config.steps.find((s) => s.name === step.name);
    const environment = cfg?.type === "deploy" ? cfg.environment : undefined;
    const to = environment ? ` to ${environment}` : "";
    const consequence = failPipeline
      ? `the deploy${to} does not proceed`
      : `the deploy${to} stays blocked until a new candidate (on_reject: block)`;
    return {
      ...step,
      status: "rejected",
      reasons: [
        rule("fail", why.rule, `rejected: ${why.message}; ${consequence}`, {
          ...(environment ? { environment } : {}),
          failPipeline,
        }),
      ],
    };
  });
}

/** "accuracy_check failed, approve_model rejected": the steps that rejected the candidate. */
function rejectingSteps(steps: StepResult[]): string {
  return steps
    .filter(isRejection)
    .map((s) => `${s.name} ${s.status.replace("_", " ")}`)
    .join(", ");
}

/** The predictions sources' computed metrics, for reports; nothing when there are none. */
function predictionsReports(measurements: Measurements): { predictions?: PredictionsReport[] } {
  const reports = measurements.metrics.flatMap((source) =>
    source.predictions ? [{ source: source.name, file: source.file, ...source.predictions }] : [],
  );
  return reports.length > 0 ? { predictions: reports } : {};
}

/** Every number the metrics files hold, each beside the same key of the same-named baseline source. */
function allMetrics(measurements: Measurements): MeasuredMetric[] {
  return measurements.metrics.flatMap((source) => {
    const base = measurements.baseline.find((b) => b.name === source.name);
    const baseline = new Map(base ? listMetricNumbers(base).map((n) => [n.key, n.value]) : []);
    return listMetricNumbers(source).map(({ key, value }) => {
      const before = baseline.get(key);
      const comparable = before !== undefined && Number.isFinite(before) && Number.isFinite(value);
      return {
        source: source.name,
        file: source.file,
        key,
        value,
        ...(before === undefined ? {} : { baseline: before }),
        ...(comparable ? { delta: decimalArithmetic(value, "-", before) } : {}),
      };
    });
  });
}

function sourceOrigins(measurements: Measurements): SourceOrigin[] {
  const origins = (kind: SourceOrigin["kind"], sources: Measurements["metrics"]): SourceOrigin[] =>
    sources.map((s) => ({
      kind,
      name: s.name,
      file: s.file,
      ...(s.note ? { note: s.note } : {}),
      ...(s.at ? { ref: s.at.ref } : {}),
      ...(s.at?.commit ? { commit: s.at.commit } : {}),
    }));
  return [...origins("metrics", measurements.metrics), ...origins("baseline", measurements.baseline)];
}

export function summarizeCandidate(candidate: Candidate): CandidateSummary {
  const { evidence, config } = candidate;
  const modelKey = candidateModel(candidate);
  const live = deployedSources(candidate).baseline;
  const sources =
    evidence.kind === "present"
      ? sourceOrigins({ ...evidence.measurements, baseline: [...evidence.measurements.baseline, ...live] })
      : [];
  return {
    repository: candidate.repository,
    commit: candidate.commit,
    ...(candidate.pr ? { pr: candidate.pr.number } : {}),
    ...(modelKey === undefined ? {} : { modelKey }),
    evidence:
      evidence.kind === "missing"
        ? {
            kind: "missing",
            where: evidence.why,
            ...(evidence.training ? { run: evidence.training.run } : {}),
          }
        : evidence.origin.kind === "measured"
          ? {
              kind: "measured",
              where: evidence.origin.where,
              ...(evidence.origin.run ? { run: evidence.origin.run } : {}),
            }
          : {
              kind: "recorded",
              where: `artifact ${evidence.origin.artifact.name} of workflow run ${evidence.origin.run.id} (attempt ${evidence.origin.run.attempt})`,
              run: evidence.origin.run,
              artifactId: evidence.origin.artifact.id,
            },
    config: { ...config.origin, trusted: config.untrusted === undefined },
    ...(sources.length > 0 ? { sources } : {}),
    ...(candidate.serverUrl ? { serverUrl: candidate.serverUrl } : {}),
  };
}

/**
 * The baselines that are what is live: each deployed baseline's source (or, for every source, all
 * of them) from the snapshot of the live deployment, or why there is none.
 */
function deployedSources(candidate: Candidate): { baseline: MetricSource[]; missing: MissingBaseline[] } {
  const baseline: MetricSource[] = [];
  const missing: MissingBaseline[] = [];
  for (const spec of candidate.config.config.deployedBaseline) {
    const live = candidate.deployedBaselines?.[spec.environment];
    const source = spec.name !== undefined ? { source: spec.name } : {};
    if (!live) {
      missing.push({ ...source, pass: false, why: `what is deployed to ${spec.environment} was not read` });
      continue;
    }
    if (live.kind !== "found") {
      missing.push({ ...source, pass: live.kind === "none" && spec.whenMissing === "pass", why: live.why });
      continue;
    }
    const at = { ref: `${spec.environment} (deployment ${live.deployment.id})`, commit: live.deployment.sha };
    const wanted = live.metrics.filter((m) => spec.name === undefined || m.name === spec.name);
    if (spec.name !== undefined && wanted.length === 0)
      missing.push({
        ...source,
        pass: false,
        why: `the metrics recorded for ${shortSha(live.deployment.sha)}, live in ${spec.environment}, have no source '${spec.name}'`,
      });
    baseline.push(...wanted.map((m) => ({ ...m, at })));
  }
  return { baseline, missing };
}

export function decide(candidate: Candidate): DecisionResult {
  const { config } = candidate.config;
  const waitingFor = waitingForEvidence(candidate);
  const recorded = candidate.evidence.kind === "present" ? candidate.evidence.measurements : NO_MEASUREMENTS;
  // Results computed under other settings than the rules now give answer other rules: as unreadable.
  const stale = staleRecordings(config.metrics, recorded.metrics);
  const measurements =
    Object.keys(stale).length === 0
      ? recorded
      : {
          ...recorded,
          metrics: recorded.metrics.filter((m) => stale[m.name] === undefined),
          metricErrors: { ...recorded.metricErrors, ...stale },
        };
  const deployed = deployedSources(candidate);
  const sources: PolicySources = {
    metrics: measurements.metrics,
    baseline: [...measurements.baseline, ...deployed.baseline],
    metricErrors: measurements.metricErrors,
    baselineErrors: measurements.baselineErrors,
    missingBaselines: deployed.missing,
  };
  // A failed require_approval test anywhere in the config forbids auto-approval everywhere.
  const tests = new Map<string, Evaluated>();
  if (waitingFor === undefined)
    for (const step of config.steps)
      if (step.type === "test") tests.set(step.name, evaluateTest(step, sources));
  const manualBy = [...tests.values()]
    .filter((t) => t.result.status === "needs_approval")
    .map((t) => t.result.name);

  const approvals = new Map<string, ApprovalEvaluated>();
  const evidenceNeeded = needsEvidence(config);
  for (const step of config.steps) {
    if (step.type === "approval")
      approvals.set(
        step.name,
        evaluateApproval(
          step,
          config,
          candidate,
          sources,
          manualBy,
          waitingFor,
          readClock(step, candidate, evidenceNeeded),
        ),
      );
  }
  const overrides = judgeOverrides(candidate);
  // needs_approval is settled by a human approval in some approval step.
  const humanApproved = [...approvals.values()].some((a) => a.result.status === "approved");

  let steps: StepResult[] = [];
  const rows: MetricRow[] = [];
  for (const step of config.steps) {
    if (step.type === "training") steps.push(trainingStep(step, measurements, waitingFor));
    else if (step.type === "deploy") steps.push(deployStep(step.name, step.environment, steps));
    else if (step.type === "test" && waitingFor !== undefined) steps.push(waitingTest(step, waitingFor));
    else {
      const evaluated = step.type === "test" ? tests.get(step.name)! : approvals.get(step.name)!;
      rows.push(...evaluated.rows);
      const result = evaluated.result;
      if (result.status === "needs_approval" && humanApproved) {
        steps.push({
          ...result,
          status: "approved",
          reasons: [
            rule(
              "pass",
              "manually-approved",
              "checks failed or were inconclusive, and a manual approval was given",
            ),
            ...result.reasons,
          ],
        });
      } else steps.push(result);
    }
  }

  let outcome: Outcome;
  const failure = waitingFor === undefined ? inputFailure(config, measurements, rows) : undefined;
  const blocked = ineligible(candidate);
  if (failure) outcome = { decision: "error", failPipeline: true, summary: failure.message, failure };
  else if (blocked) {
    outcome = { decision: "rejected", failPipeline: true, summary: blocked.why };
    steps = rejectDeploys(config, steps, { rule: blocked.rule, message: blocked.why }, true, true);
  } else if (overrides.override && !candidate.config.untrusted) {
    outcome = overriddenOutcome(overrides.override);
    steps = overriddenSteps(config, steps, overrides);
  } else {
    outcome = verdict(config, steps, approvals);
    if (outcome.decision === "rejected")
      steps = rejectDeploys(
        config,
        steps,
        { rule: "deploy-rejected", message: rejectingSteps(steps) },
        outcome.failPipeline,
      );
    if (outcome.decision === "approved" && waitingFor !== undefined) {
      outcome = {
        decision: "pending",
        failPipeline: false,
        summary: `waiting for the training run's evidence: ${waitingFor}`,
      };
    } else if (outcome.decision === "pending" && waitingFor !== undefined) {
      outcome = { ...outcome, summary: `waiting for the training run's evidence: ${waitingFor}` };
    }
    const untrusted = candidate.config.untrusted;
    if (outcome.decision === "approved" && untrusted) {
      outcome = { decision: "pending", failPipeline: false, summary: `not approved: ${untrusted}` };
      steps = blockDeploys(steps, "untrusted-config", untrusted);
    }
  }

  if (overrides.reasons.length > 0 && !outcome.override)
    steps = withOverrideReasons(steps, overrides.reasons);
  const { decision, failPipeline, summary } = outcome;
  const timing =
    decision === "pending" || decision === "rejected"
      ? [...approvals.values()].flatMap((a) => (a.timing ? [a.timing] : []))[0]
      : undefined;
  const pendingApprovers =
    decision === "pending" ? [...new Set([...approvals.values()].flatMap((a) => a.stillNeeded))] : [];
  const approvalSteps = steps.filter((s) => s.type === "approval");
  const autoApproved =
    decision === "approved" &&
    approvalSteps.length > 0 &&
    approvalSteps.every((s) => s.status === "auto_approved");
  const model = candidate.evidence.kind === "present" ? measurements.model : undefined;
  return {
    schemaVersion: 1,
    decision,
    autoApproved,
    failPipeline,
    steps,
    metrics: rows,
    ...(model ? { model } : {}),
    headSha: candidate.commit,
    ...(candidate.pr ? { pr: candidate.pr.number } : {}),
    pendingApprovers,
    diagnostics: [],
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    summary,
    ...(outcome.override ? { override: outcome.override } : {}),
    ...(timing ? { timing } : {}),
    candidate: summarizeCandidate(candidate),
    ...(candidate.evidence.kind === "present" ? { allMetrics: allMetrics(measurements) } : {}),
    ...predictionsReports(measurements),
  };
}

/** What a decision without a candidate can still say about its subject. */
export interface Subject {
  repository: string;
  commit?: string;
  pr?: number;
}

function withoutVerdict(
  summary: string,
  subject: Subject | undefined,
  diagnostics: Diagnostic[],
  failure: Failure,
): DecisionResult {
  return {
    schemaVersion: 1,
    decision: "error",
    autoApproved: false,
    failPipeline: true,
    steps: [],
    metrics: [],
    ...(subject?.commit ? { headSha: subject.commit } : {}),
    ...(subject?.pr === undefined ? {} : { pr: subject.pr }),
    pendingApprovers: [],
    diagnostics,
    failure,
    summary,
  };
}

/** An invalid config: no verdict on the model, only the problems, located in the file. */
export function configErrorResult(diagnostics: Diagnostic[], subject?: Subject): DecisionResult {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0] ?? diagnostics[0];
  const count = errors.length || diagnostics.length;
  const summary = first
    ? `invalid config or input: ${formatDiagnostic({ ...first, hint: undefined })}${count > 1 ? ` (and ${count - 1} more)` : ""}`
    : "invalid config or input";
  return withoutVerdict(summary, subject, diagnostics, { code: "config_invalid", message: summary });
}

/** A read that failed, an unusable input, a bug: no verdict, and never an approval. */
export function failureResult(failure: Failure, subject?: Subject): DecisionResult {
  return withoutVerdict(failure.message, subject, [], failure);
}
