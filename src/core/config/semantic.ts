import type { Diagnostic } from "../diagnostics.js";
import { COMPARE_OPS, parseCondition } from "../conditions/parse.js";
import type { Condition } from "../conditions/types.js";
import { parseDuration } from "./duration.js";
import { checkPredictionSources, predictionRefProblem } from "./predictions.js";
import type { Locator, PathSegment } from "./locate.js";

type Data = Record<string, unknown>;

const isRecord = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

export interface ParsedConditions {
  /** Keyed by the JSON pointer of the list, e.g. "/steps/1/inputs/checks". */
  byList: Map<string, Condition[]>;
}

function conditionListPaths(steps: unknown[]): PathSegment[][] {
  const paths: PathSegment[][] = [];
  steps.forEach((step, i) => {
    if (!isRecord(step) || !isRecord(step.inputs)) return;
    if (step.type === "test" && Array.isArray(step.inputs.checks))
      paths.push(["steps", i, "inputs", "checks"]);
    if (step.type === "approval" && Array.isArray(step.inputs.auto_approve_if)) {
      paths.push(["steps", i, "inputs", "auto_approve_if"]);
    }
  });
  return paths;
}

function get(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path)
    node = isRecord(node) || Array.isArray(node) ? (node as Data)[String(segment)] : undefined;
  return node;
}

/** Only shapes the schema accepts are parsed here, so a malformed entry is reported once. */
function parseable(item: unknown): boolean {
  if (typeof item === "string") return item.trim() !== "";
  return (
    isRecord(item) &&
    typeof item.metric === "string" &&
    (COMPARE_OPS as readonly unknown[]).includes(item.op) &&
    (typeof item.value === "number" || typeof item.value === "string")
  );
}

function checkConditions(data: Data, locator: Locator, out: Diagnostic[]): Map<string, Condition[]> {
  const parsed = new Map<string, Condition[]>();
  const hasBaseline =
    typeof data.baseline === "string" || (isRecord(data.baseline) && Object.keys(data.baseline).length > 0);
  const steps = Array.isArray(data.steps) ? data.steps : [];
  for (const listPath of conditionListPaths(steps)) {
    const list = get(data, listPath) as unknown[];
    const conditions: Condition[] = [];
    list.forEach((item, i) => {
      if (!parseable(item)) return;
      const path = [...listPath, i];
      const result = parseCondition(item, locator.at(path));
      if (!result.ok) {
        const start = locator.stringStart(path);
        const location =
          result.field !== undefined
            ? locator.at([...path, result.field])
            : start !== undefined
              ? locator.atOffset(start + result.column - 1)
              : locator.at(path);
        out.push(
          locator.error(
            location,
            `invalid condition: ${result.message}`,
            "conditions are METRIC OP VALUE, e.g. 'accuracy >= 0.9' or 'f1 >= baseline - 0.01'",
          ),
        );
        return;
      }
      if (result.condition.value.kind === "baseline" && !hasBaseline) {
        out.push(
          locator.error(
            locator.at(path),
            `condition '${result.condition.text}' compares with the baseline, but the config declares no 'baseline'`,
            "add a top-level 'baseline:' naming the production model's metrics, e.g. baseline: { eval: { path: metrics/eval.json, ref: base } }",
          ),
        );
        return;
      }
      const sliceProblem = predictionRefProblem(result.condition, data);
      if (sliceProblem) {
        out.push(
          locator.error(
            locator.at(path),
            `condition '${result.condition.text}': ${sliceProblem}`,
            "slice a predictions source with slices: [column, …], and name its columns",
          ),
        );
        return;
      }
      conditions.push(result.condition);
    });
    parsed.set(listPath.join("/"), conditions);
  }
  return parsed;
}

function checkStepNames(steps: unknown[], locator: Locator, out: Diagnostic[]): void {
  const firstLine = new Map<string, number>();
  steps.forEach((step, i) => {
    if (!isRecord(step) || typeof step.name !== "string") return;
    const location = locator.at(["steps", i, "name"]);
    const first = firstLine.get(step.name);
    if (first === undefined) firstLine.set(step.name, location.line);
    else
      out.push(
        locator.error(
          location,
          `duplicate step name '${step.name}' (first used on line ${first})`,
          "step names must be unique",
        ),
      );
  });
}

/** `when_missing` belongs to a deployed baseline: beside no `environment` it would be read as a source. */
function checkDeployedBaseline(data: Data, locator: Locator, out: Diagnostic[]): void {
  const baseline = data.baseline;
  if (!isRecord(baseline) || "environment" in baseline || !("when_missing" in baseline)) return;
  out.push(
    locator.error(
      locator.at(["baseline", "when_missing"]),
      "'when_missing' says what a deployed baseline does before the first deployment, but 'baseline' names no 'environment'",
      "e.g. baseline: { environment: production, when_missing: pass }",
    ),
  );
}

const STEP_ONLY_KEYS: Record<string, string> = {
  on_fail: "test",
  on_reject: "approval",
  timeout: "approval",
  on_timeout: "approval",
};

function checkStepKeys(steps: unknown[], locator: Locator, out: Diagnostic[]): void {
  steps.forEach((step, i) => {
    if (!isRecord(step) || typeof step.type !== "string") return;
    for (const [key, owner] of Object.entries(STEP_ONLY_KEYS)) {
      if (
        key in step &&
        step.type !== owner &&
        ["training", "test", "approval", "deploy"].includes(step.type)
      ) {
        out.push(
          locator.error(
            locator.atKey(["steps", i, key]),
            `'${key}' applies to ${owner} steps only, not to ${step.type} steps`,
            `remove '${key}' from step '${String(step.name)}'`,
          ),
        );
      }
    }
  });
}

function checkApprovers(steps: unknown[], locator: Locator, out: Diagnostic[], warnings: Diagnostic[]): void {
  steps.forEach((step, i) => {
    if (!isRecord(step) || step.type !== "approval" || !isRecord(step.inputs)) return;
    const approvers = step.inputs.approvers;
    if (!Array.isArray(approvers) || !approvers.every((a) => typeof a === "string")) return;
    const seen = new Set<string>();
    approvers.forEach((approver: string, j) => {
      const key = approver.toLowerCase();
      if (seen.has(key))
        warnings.push({
          ...locator.at(["steps", i, "inputs", "approvers", j]),
          severity: "warning",
          message: `approver '${approver}' is listed twice`,
        });
      seen.add(key);
    });
    const users = [...seen].filter((a) => !a.includes("/"));
    const hasTeam = seen.size > users.length;
    const min = step.inputs.min_approvals;
    if (
      !hasTeam &&
      typeof min === "number" &&
      Number.isInteger(min) &&
      min > users.length &&
      users.length > 0
    ) {
      out.push(
        locator.error(
          locator.at(["steps", i, "inputs", "min_approvals"]),
          `min_approvals is ${min} but only ${users.length} approver${users.length === 1 ? " is" : "s are"} listed, so the step could never be approved`,
          "list more approvers (or a team), or lower min_approvals",
        ),
      );
    }
  });
}

/** GitHub ends a deploy job that has waited 30 days: a longer wait could never be answered. */
const LONGEST_WAIT_MS = 30 * 86_400_000;

/** A timeout's duration is in range, and its escalation is complete and not half-written. */
function checkTimeouts(steps: unknown[], locator: Locator, out: Diagnostic[]): void {
  steps.forEach((step, i) => {
    if (!isRecord(step) || step.type !== "approval") return;
    const inputs = isRecord(step.inputs) ? step.inputs : {};
    const name = String(step.name);
    const escalates = step.on_timeout === "escalate";
    if (typeof step.timeout === "string") {
      const ms = parseDuration(step.timeout);
      const total = ms === undefined ? undefined : escalates ? 2 * ms : ms;
      if (ms !== undefined && ms < 60_000)
        out.push(
          locator.error(
            locator.at(["steps", i, "timeout"]),
            `timeout ${step.timeout} is shorter than a minute`,
            "write a timeout of at least 1m, e.g. timeout: 72h",
          ),
        );
      else if (total !== undefined && total > LONGEST_WAIT_MS)
        out.push(
          locator.error(
            locator.at(["steps", i, "timeout"]),
            `timeout ${step.timeout}${escalates ? " (twice, with on_timeout: escalate)" : ""} is longer than 30 days, after which GitHub ends a waiting deploy job`,
            escalates ? "write at most timeout: 15d with on_timeout: escalate" : "write at most timeout: 30d",
          ),
        );
    }
    if ("on_timeout" in step && !("timeout" in step))
      out.push(
        locator.error(
          locator.atKey(["steps", i, "on_timeout"]),
          `'on_timeout' says what a timeout does, but step '${name}' has no 'timeout'`,
          "add e.g. timeout: 72h to the step",
        ),
      );
    if (escalates && !("escalate_to" in inputs))
      out.push(
        locator.error(
          locator.at(["steps", i, "on_timeout"]),
          `on_timeout: escalate needs 'escalate_to' in step '${name}'s inputs: whom to escalate to`,
          "add e.g. escalate_to: [my-org/ml-leads] to the step's inputs",
        ),
      );
    if ("escalate_to" in inputs && !escalates)
      out.push(
        locator.error(
          locator.atKey(["steps", i, "inputs", "escalate_to"]),
          `'escalate_to' is used only with on_timeout: escalate, and step '${name}' does not escalate`,
          "add on_timeout: escalate (and a timeout) to the step, or remove escalate_to",
        ),
      );
  });
}

/** Each destination is named once: two entries for one name would be two rules for one URL. */
function checkNotify(data: Data, locator: Locator, out: Diagnostic[]): void {
  if (!Array.isArray(data.notify)) return;
  const first = new Map<string, number>();
  data.notify.forEach((rule: unknown, i) => {
    if (!isRecord(rule) || typeof rule.to !== "string") return;
    const location = locator.at(["notify", i, "to"]);
    const line = first.get(rule.to);
    if (line === undefined) first.set(rule.to, location.line);
    else
      out.push(
        locator.error(
          location,
          `destination '${rule.to}' is listed twice (first on line ${line})`,
          "list each destination once, with every event it gets under 'on'",
        ),
      );
  });
}

/** Checks the schema cannot express. Runs on schema-invalid data too, so it only looks at well-shaped parts. */
export function semanticChecks(
  data: Data,
  locator: Locator,
): { errors: Diagnostic[]; warnings: Diagnostic[]; conditions: Map<string, Condition[]> } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const steps = Array.isArray(data.steps) ? data.steps : [];
  checkStepNames(steps, locator, errors);
  checkStepKeys(steps, locator, errors);
  checkApprovers(steps, locator, errors, warnings);
  checkDeployedBaseline(data, locator, errors);
  checkTimeouts(steps, locator, errors);
  checkNotify(data, locator, errors);
  checkPredictionSources(data, locator, errors);
  const conditions = checkConditions(data, locator, errors);
  return { errors, warnings, conditions };
}
