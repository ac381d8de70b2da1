// The decision: steps in config order, then the overall verdict by precedence
// error > rejected > pending > approved. Pure: everything it knows comes in through DecideInput.
import type { Config, Step } from "../config/types.js";
import type { ConditionSources } from "../conditions/evaluate.js";
import type { Diagnostic } from "../diagnostics.js";
import { formatDiagnostic } from "../diagnostics.js";
import { evaluateApproval, evaluateTest, type ApprovalEvaluated, type Evaluated } from "./steps.js";
import type { DecideInput, DecisionResult, Decision, MetricRow, Reason, StepResult } from "./types.js";

const SATISFIED = new Set<StepResult["status"]>(["passed", "warned", "approved", "auto_approved", "ready"]);

function trainingStep(step: Step, input: DecideInput): StepResult {
  const reasons: Reason[] = [
    {
      kind: "rule",
      outcome: "info",
      message: "training runs in the workflow; model-approval judges its outputs in the later steps",
      data: { rule: "training" },
    },
  ];
  const model = input.model;
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

function deployStep(name: string, environment: string, before: StepResult[]): StepResult {
  const waiting = before.filter((s) => !SATISFIED.has(s.status));
  if (waiting.length === 0) {
    return {
      name,
      type: "deploy",
      status: "ready",
      reasons: [
        {
          kind: "rule",
          outcome: "pass",
          message: `every earlier step passed or is approved: deploying to ${environment} may proceed`,
          data: { rule: "deploy-ready", environment },
        },
      ],
    };
  }
  return {
    name,
    type: "deploy",
    status: "blocked",
    reasons: [
      {
        kind: "rule",
        outcome: "pending",
        message: `blocked until ${waiting.map((s) => `${s.name} (${s.status})`).join(", ")} ${waiting.length === 1 ? "is" : "are"} resolved`,
        data: { rule: "deploy-blocked", environment, waitingOn: waiting.map((s) => s.name) },
      },
    ],
  };
}

function failingChecks(step: StepResult): string {
  const failed = step.reasons.filter((r) => r.kind === "check" && r.outcome === "fail");
  return failed.map((r) => r.message).join("; ");
}

interface Outcome {
  decision: Decision;
  failPipeline: boolean;
  summary: string;
}

function outcome(
  config: Config,
  steps: StepResult[],
  approvals: Map<string, ApprovalEvaluated>,
  input: DecideInput,
): Outcome {
  const modelErrors = input.model?.errors ?? [];
  if (modelErrors.length > 0) {
    const summary = `the model artifacts could not be hashed: ${modelErrors.join("; ")}`;
    return { decision: "error", failPipeline: true, summary };
  }
  // A metrics file that is missing or malformed is bad input, not a judgement on the model: no
  // verdict (and no approval through an on_fail: warn check that could not be evaluated).
  const unreadable = [
    ...Object.values(input.metricErrors ?? {}),
    ...Object.values(input.baselineErrors ?? {}).map((e) => `baseline ${e}`),
  ];
  if (unreadable.length > 0) {
    const summary = `metrics could not be read: ${unreadable.join("; ")}`;
    return { decision: "error", failPipeline: true, summary };
  }
  const configStep = (name: string) => config.steps.find((s) => s.name === name);
  const rejections = steps.filter(
    (s) => (s.type === "test" && s.status === "failed") || (s.type === "approval" && s.status === "rejected"),
  );
  if (rejections.length > 0) {
    const failPipeline = rejections.some((s) => {
      const cfg = configStep(s.name);
      return cfg?.type === "test" || (cfg?.type === "approval" && cfg.onReject === "fail_pipeline");
    });
    const first = rejections[0]!;
    const why =
      first.type === "test"
        ? `${first.name} failed: ${failingChecks(first)}`
        : `${first.name} rejected: ${first.reasons[0]?.message ?? "changes requested"}`;
    const how = failPipeline ? "" : " (on_reject: block — waiting for a new candidate)";
    return { decision: "rejected", failPipeline, summary: `${why}${how}` };
  }
  const waiting = steps.filter((s) => s.type !== "deploy" && !SATISFIED.has(s.status));
  if (waiting.length > 0) {
    const first = waiting[0]!;
    const approval = approvals.get(first.name);
    let why: string;
    if (first.type === "test") why = `${first.name} failed and needs a manual approval`;
    else if (approval && approval.stillNeeded.length > 0)
      why = `${first.name} needs ${approval.missingApprovals} more approval(s) from ${approval.stillNeeded.join(", ")}`;
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
  const approvalSteps = steps.filter((s) => s.type === "approval");
  const parts = approvalSteps.map((s) =>
    s.status === "auto_approved"
      ? `${s.name} auto-approved`
      : `${s.name} ${s.reasons[0]?.message ?? "approved"}`,
  );
  const warned = steps.filter((s) => s.status === "warned").map((s) => `${s.name} warned`);
  const summary = [...(parts.length ? parts : ["every check passed"]), ...warned].join("; ");
  return { decision: "approved", failPipeline: false, summary };
}

export function decide(input: DecideInput): DecisionResult {
  const { config } = input;
  const sources: ConditionSources = {
    metrics: input.metrics,
    baseline: input.baseline,
    metricErrors: input.metricErrors,
    baselineErrors: input.baselineErrors,
  };
  // A failed require_approval test anywhere in the config forbids auto-approval everywhere.
  const tests = new Map<string, Evaluated>();
  for (const step of config.steps)
    if (step.type === "test") tests.set(step.name, evaluateTest(step, sources));
  const manualBy = [...tests.values()]
    .filter((t) => t.result.status === "needs_approval")
    .map((t) => t.result.name);

  const approvals = new Map<string, ApprovalEvaluated>();
  for (const step of config.steps) {
    if (step.type === "approval")
      approvals.set(step.name, evaluateApproval(step, config, input, sources, manualBy));
  }
  // needs_approval is settled by a human approval in some approval step.
  const humanApproved = [...approvals.values()].some((a) => a.result.status === "approved");

  const steps: StepResult[] = [];
  const rows: MetricRow[] = [];
  for (const step of config.steps) {
    if (step.type === "training") steps.push(trainingStep(step, input));
    else if (step.type === "deploy") steps.push(deployStep(step.name, step.environment, steps));
    else {
      const evaluated = step.type === "test" ? tests.get(step.name)! : approvals.get(step.name)!;
      rows.push(...evaluated.rows);
      const result = evaluated.result;
      if (result.status === "needs_approval" && humanApproved) {
        steps.push({
          ...result,
          status: "approved",
          reasons: [
            {
              kind: "rule",
              outcome: "pass",
              message: "checks failed, and a manual approval was given",
              data: { rule: "manually-approved" },
            },
            ...result.reasons,
          ],
        });
      } else steps.push(result);
    }
  }

  const verdict = outcome(config, steps, approvals, input);
  const { failPipeline } = verdict;
  let { decision, summary } = verdict;
  if (decision === "approved" && input.untrustedConfig) {
    decision = "pending";
    summary = `not approved: ${input.untrustedConfig}`;
    for (const [i, step] of steps.entries()) {
      if (step.type !== "deploy") continue;
      steps[i] = {
        ...step,
        status: "blocked",
        reasons: [
          {
            kind: "rule",
            outcome: "pending",
            message: `blocked: ${input.untrustedConfig}`,
            data: { rule: "untrusted-config" },
          },
        ],
      };
    }
  }
  const pendingApprovers =
    decision === "pending" ? [...new Set([...approvals.values()].flatMap((a) => a.stillNeeded))] : [];
  const approvalSteps = steps.filter((s) => s.type === "approval");
  const autoApproved =
    decision === "approved" &&
    approvalSteps.length > 0 &&
    approvalSteps.every((s) => s.status === "auto_approved");
  return {
    schemaVersion: 1,
    decision,
    autoApproved,
    failPipeline,
    steps,
    metrics: rows,
    ...(input.model ? { model: input.model } : {}),
    ...(input.pr ? { headSha: input.pr.headSha } : {}),
    ...(input.pr?.number === undefined ? {} : { pr: input.pr.number }),
    pendingApprovers,
    diagnostics: [],
    summary,
  };
}

/** An invalid config or unreadable input: no verdict on the model, only the problems. */
export function configErrorResult(diagnostics: Diagnostic[]): DecisionResult {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0] ?? diagnostics[0];
  const count = errors.length || diagnostics.length;
  const summary = first
    ? `invalid config or input: ${formatDiagnostic({ ...first, hint: undefined })}${count > 1 ? ` (and ${count - 1} more)` : ""}`
    : "invalid config or input";
  return {
    schemaVersion: 1,
    decision: "error",
    autoApproved: false,
    failPipeline: true,
    steps: [],
    metrics: [],
    pendingApprovers: [],
    diagnostics,
    summary,
  };
}
