import type { Diagnostic } from "../diagnostics.js";
import { STEP_TYPES } from "./types.js";
import type { SchemaError } from "./schema-validator.generated.js";
import { configSchema } from "./schema-validator.generated.js";
import { didYouMean } from "./suggest.js";
import type { Locator, PathSegment } from "./locate.js";

const INPUTS_BY_STEP_TYPE: Record<string, string[]> = {
  test: ["checks"],
  approval: ["approvers", "min_approvals", "auto_approve_if", "allow_self_approval"],
  deploy: ["environment"],
};

const REQUIRED_INPUT: Record<string, string> = {
  test: "checks",
  approval: "approvers",
  deploy: "environment",
};

const REQUIRED_INPUT_EXAMPLE: Record<string, string> = {
  checks: "inputs: { checks: ['accuracy >= 0.9'] }",
  approvers: "inputs: { approvers: ['alice'] }",
  environment: "inputs: { environment: production }",
};

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = configSchema;
  for (const segment of pointerToPath(schemaPath.replace(/^#/, ""))) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node !== null && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
}

function keysOf(schema: Record<string, unknown> | undefined): string[] {
  const properties = schema?.properties;
  return properties && typeof properties === "object" ? Object.keys(properties) : [];
}

/** The keys the schema allows in the mapping at `path`. ajv's schemaPath restarts inside each $ref, so
 * it cannot say which definition applied; the data path and the step's type can. */
function allowedKeys(data: unknown, path: readonly PathSegment[]): string[] {
  const definition = (name: string) => schemaAt(`#/definitions/${name}`);
  const elseOf = (name: string) => definition(name)?.else as Record<string, unknown> | undefined;
  if (path.length === 0) return keysOf(configSchema);
  if (path.length === 1 && (path[0] === "model" || path[0] === "evidence"))
    return keysOf(schemaAt(`#/properties/${path[0]}`));
  if (path[0] === "baseline" && path.length <= 2) {
    // A deployed baseline ({ environment, when_missing }) for every source or for one.
    const node = valueAt(data, path);
    if (node !== null && typeof node === "object" && "environment" in node)
      return keysOf(definition("deployedBaseline"));
  }
  if (path[0] === "metrics" || path[0] === "baseline") {
    // A predictions source takes its own keys (format: predictions says which shape applies).
    const source = valueAt(data, path.slice(0, 2));
    const predictions =
      source !== null && typeof source === "object" && "format" in source && source.format === "predictions";
    const plain = (elseOf("metricSource") as Record<string, unknown> | undefined)?.else as
      Record<string, unknown> | undefined;
    const keys = keysOf(predictions ? definition("predictionsSource") : plain);
    return path[0] === "metrics" ? keys.filter((k) => k !== "ref") : keys;
  }
  if (path[0] === "steps" && path.length === 2) return keysOf(definition("step"));
  if (path[0] === "steps" && path.length === 3 && path[2] === "inputs") {
    const type = String(valueAt(data, path.slice(0, 2).concat("type")));
    return INPUTS_BY_STEP_TYPE[type] ?? [];
  }
  return keysOf(elseOf("condition"));
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

/** "approvers", or "steps[2]" for an item of a list. */
function describePath(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the config";
  if (typeof last === "number") return `${describePath(path.slice(0, -1))}[${last}]`;
  return last;
}

/** For a path inside a step, the step's index, name and type as written. */
function stepContext(
  data: unknown,
  path: readonly PathSegment[],
): { name: string; type: unknown } | undefined {
  if (path[0] !== "steps" || typeof path[1] !== "number") return undefined;
  const step = valueAt(data, path.slice(0, 2));
  if (step === null || typeof step !== "object") return undefined;
  const { name, type } = step as Record<string, unknown>;
  return { name: typeof name === "string" ? name : `#${path[1] + 1}`, type };
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
};

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");
}

function exampleList(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? `['${value.trim()}']` : fallback;
}

type Message = { message: string; hint?: string; atKey?: boolean } | null;

function unknownKeyMessage(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  const key = String(error.params.additionalProperty);
  const allowed = allowedKeys(data, path);
  const suggestion = didYouMean(key, allowed);
  const message = suggestion
    ? `unknown key '${key}' (did you mean '${suggestion}'?)`
    : `unknown key '${key}'`;
  const step = stepContext(data, path);
  const isStep = path.length === 2 && step !== undefined;
  const isInputs = path.length === 3 && path[2] === "inputs" && step !== undefined;
  let hint: string | undefined;
  if (key === "inputs" && !isStep) {
    hint = "'inputs:' belongs to a step: indent it to line up with that step's 'name:' and 'type:'";
  } else if (isStep && Object.values(INPUTS_BY_STEP_TYPE).some((keys) => keys.includes(key))) {
    hint = `'${key}' goes under the step's 'inputs:', indented below it`;
  } else if (isInputs) {
    const owner = Object.entries(INPUTS_BY_STEP_TYPE).find(([, keys]) => keys.includes(key))?.[0];
    if (owner && owner !== step?.type)
      hint = `'${key}' is an input of ${owner} steps, not of ${String(step?.type)} steps`;
    else if (allowed.length === 0) hint = `${String(step?.type)} steps take no inputs`;
  }
  if (!hint && allowed.length > 0 && !suggestion) hint = `allowed keys here: ${allowed.join(", ")}`;
  return { message, hint, atKey: true };
}

function requiredMessage(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  const missing = String(error.params.missingProperty);
  const step = stepContext(data, path);
  if (path.length === 0 && missing === "steps") {
    return {
      message: "the config has no 'steps'",
      hint: "list the workflow's steps, e.g. steps: [{ name: approve_model, type: approval, inputs: { approvers: ['alice'] } }]",
    };
  }
  if (step && path.length === 2) {
    if (missing === "type") {
      return {
        message: `step '${step.name}' has no 'type'`,
        hint: `add 'type:' with one of: ${STEP_TYPES.join(", ")}`,
      };
    }
    if (missing === "name")
      return { message: "step has no 'name'", hint: "give every step a unique 'name:'" };
    if (missing === "inputs") {
      const input = REQUIRED_INPUT[String(step.type)] ?? "";
      return {
        message: `${String(step.type)} step '${step.name}' needs 'inputs:' with '${input}'`,
        hint: `e.g. ${REQUIRED_INPUT_EXAMPLE[input] ?? ""}`,
      };
    }
  }
  if (step && path.length === 3 && path[2] === "inputs") {
    const message =
      missing === "approvers"
        ? `approval step '${step.name}' has no approvers`
        : `${String(step.type)} step '${step.name}' has no '${missing}'`;
    return { message, hint: `e.g. ${REQUIRED_INPUT_EXAMPLE[missing] ?? `${missing}: ...`}` };
  }
  if (path[0] === "metrics" || path[0] === "baseline") {
    return {
      message: `metric source '${String(path[1])}' needs a 'path'`,
      hint: "e.g. { path: metrics/eval.json }",
    };
  }
  if (error.schemaPath.includes("/condition/")) {
    return {
      message: `condition is missing '${missing}'`,
      hint: "the object form is { metric: accuracy, op: '>=', value: 0.9 }",
    };
  }
  return { message: `'${describePath(path)}' is missing '${missing}'` };
}

function typeMessage(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  const name = describePath(path);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  if (last === "approvers") {
    const example = exampleList(value, "['bob']");
    return { message: `approvers must be a list, e.g. ${example}`, hint: `write approvers: ${example}` };
  }
  if (last === "checks" || last === "auto_approve_if") {
    return {
      message: `${last} must be a list of conditions`,
      hint: `e.g. ${last}: [${typeof value === "string" && value.trim() ? `'${value.trim()}'` : "'accuracy >= 0.9'"}]`,
    };
  }
  if (last === "artifacts" || last === "protected_paths") {
    return {
      message: `${last} must be a list`,
      hint: `e.g. ${last}: ${exampleList(value, "['models/model.pkl']")}`,
    };
  }
  if (last === "steps")
    return { message: "steps must be a list", hint: "write each step as a '- name: ...' item" };
  if (last === "timeout") return durationMessage(value);
  if (last === "escalate_to" || last === "override_by") {
    const example = exampleList(value, "['bob']");
    return { message: `${last} must be a list, e.g. ${example}`, hint: `write ${last}: ${example}` };
  }
  if (last === "notify" || (path[0] === "notify" && path.length === 2))
    return {
      message: "notify must be a list of destinations",
      hint: "e.g. notify: [{ to: ml-team, type: slack }]",
    };
  if (path[0] === "evidence" && path.length >= 2) {
    return {
      message: "evidence.workflow must be a workflow file or a list of them",
      hint: "e.g. evidence: { workflow: .github/workflows/train.yml }",
    };
  }
  if (path[0] === "steps" && path.length === 2) {
    return { message: "each step must be a mapping", hint: "e.g. - name: train_model\n      type: training" };
  }
  if (error.schemaPath.includes("/condition/") && typeof last === "number") {
    return {
      message: "a condition must be a string like 'accuracy >= 0.9' or an object {metric, op, value}",
    };
  }
  if ((path[0] === "metrics" || path[0] === "baseline") && path.length === 2) {
    return {
      message: `metric source '${name}' must be a path or { path, format, checkpoint, step${path[0] === "baseline" ? ", ref" : ""} }`,
    };
  }
  if ((last === "metrics" || last === "baseline") && path.length === 1) {
    return {
      message: `${last} must be a path or a mapping of names to files`,
      hint: `e.g. ${last}: metrics/eval.json, or ${last}: { eval: metrics/eval.json }`,
    };
  }
  return { message: `'${name}' must be ${describeType(error.params.type)}` };
}

function enumMessage(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  if (value === null)
    return { message: `'${describePath(path)}' is empty`, hint: `allowed values: ${allowed.join(", ")}` };
  const suggestion = typeof value === "string" ? didYouMean(value, allowed) : undefined;
  const shown = typeof value === "string" ? `'${value}'` : JSON.stringify(value);
  const subject = last === "type" && path[0] === "steps" ? "step type" : `${describePath(path)} value`;
  return {
    message: `unknown ${subject} ${shown}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
    hint: `allowed ${last === "type" ? "types" : "values"}: ${allowed.join(", ")}`,
  };
}

function patternMessage(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  const value = valueAt(data, path);
  if (error.params.pattern === "\\S")
    return { message: `'${describePath(path.filter((s) => typeof s === "string"))}' must not be empty` };
  if (path[0] === "evidence") {
    return {
      message: `'${String(value)}' is not a workflow file`,
      hint: "name the training workflow's file, e.g. evidence: { workflow: .github/workflows/train.yml }",
    };
  }
  if (path[path.length - 1] === "timeout") return durationMessage(value);
  if (path[0] === "notify" && path[path.length - 1] === "to")
    return {
      message: `'${String(value)}' is not a destination name`,
      hint: "name a destination with lower-case letters, digits and dashes (e.g. ml-team); its URL goes in the environment as MODEL_APPROVAL_NOTIFY_ML_TEAM_URL, never in the repository",
    };
  const list = path[path.length - 2];
  if (list === "approvers" || list === "escalate_to" || list === "override_by") {
    return {
      message: `'${String(value)}' is not a GitHub login or an org/team slug`,
      hint: "approvers are logins like 'alice' (or 'mona_acme' for Enterprise Managed Users) or teams like 'my-org/ml-leads'",
    };
  }
  return { message: `'${String(value)}' is not a valid ${describePath(path)}` };
}

function durationMessage(value: unknown): { message: string; hint: string } {
  return {
    message: `timeout ${JSON.stringify(value)} is not a duration`,
    hint: "write a whole number and a unit: m (minutes), h (hours), d (days) or w (weeks), e.g. timeout: 72h",
  };
}

function messageFor(error: SchemaError, data: unknown, path: PathSegment[]): Message {
  // Combinators only summarise errors reported on their branches; name checks come back as "propertyNames".
  if (["if", "allOf", "anyOf", "oneOf", "then", "else"].includes(error.keyword)) return null;
  if (error.schemaPath.includes("/propertyNames/")) return null;
  const last = path[path.length - 1];
  switch (error.keyword) {
    case "additionalProperties":
      return unknownKeyMessage(error, data, path);
    case "required":
      return requiredMessage(error, data, path);
    case "type":
      return typeMessage(error, data, path);
    case "enum":
      return enumMessage(error, data, path);
    case "pattern":
      return patternMessage(error, data, path);
    case "propertyNames":
      return {
        message: `invalid ${String(path[0])} source name '${String(error.params.propertyName)}'`,
        hint: "use letters, digits, '_' and '-'",
        atKey: true,
      };
    case "const":
      return {
        message: `unsupported config version ${JSON.stringify(valueAt(data, path))}`,
        hint: "this release reads version: 1",
      };
    case "minItems":
      if (last === "approvers")
        return { message: "approvers is empty", hint: "list at least one login or org/team, e.g. ['alice']" };
      if (last === "steps") return { message: "steps is empty", hint: "list at least one step" };
      return {
        message: `${describePath(path)} is empty`,
        hint: "list at least one condition, e.g. ['accuracy >= 0.9']",
      };
    case "minimum":
      return { message: `${describePath(path)} must be at least ${String(error.params.limit)}` };
    default:
      return { message: `${describePath(path)}: ${error.message ?? error.keyword}` };
  }
}

/** Turns ajv's errors into located diagnostics with the config's own vocabulary. */
export function schemaDiagnostics(
  errors: readonly SchemaError[],
  data: unknown,
  locator: Locator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // `users:` in place of `approvers:` is one mistake: say "unknown key 'users' (did you mean 'approvers'?)" only.
  const misspelt = new Set(
    errors
      .filter((e) => e.keyword === "additionalProperties")
      .map((e) => {
        const path = pointerToPath(e.instancePath);
        return `${e.instancePath}|${didYouMean(String(e.params.additionalProperty), allowedKeys(data, path)) ?? ""}`;
      }),
  );
  for (const error of errors) {
    const basePath = pointerToPath(error.instancePath);
    if (
      error.keyword === "required" &&
      misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`)
    )
      continue;
    const message = messageFor(error, data, basePath);
    if (!message) continue;
    const key =
      error.keyword === "additionalProperties"
        ? String(error.params.additionalProperty)
        : error.keyword === "propertyNames"
          ? String(error.params.propertyName)
          : undefined;
    const location = key !== undefined ? locator.atKey([...basePath, key]) : locator.at(basePath);
    const diagnostic = locator.error(location, message.message, message.hint);
    const id = `${location.line}:${location.column}:${message.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic);
  }
  return out;
}
