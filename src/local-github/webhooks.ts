/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are patched field by field */
// Webhook payloads as GitHub sends them: real examples from @octokit/webhooks-examples, changed by
// a deep patch, and checked against @octokit/webhooks-schemas so a patch cannot produce a payload
// GitHub never would.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

export type WebhookPayload = Record<string, any>;

/** Objects merge key by key; arrays and other values replace; `undefined` deletes the key. */
export type DeepPatch = { [key: string]: unknown };

interface ExampleGroup {
  name: string;
  actions: string[];
  examples: WebhookPayload[];
}

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as ExampleGroup[];
type Schemas = { definitions: Record<string, unknown> };
let schemas: Schemas | undefined;
/** The schemas (a large JSON document), read only when a validator must be compiled. */
const schemaOf = (): Schemas => (schemas ??= require("@octokit/webhooks-schemas") as Schemas);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Compiled validators, kept as ajv standalone code beside the installed schemas: compiling the
 * schema costs 3-4 s, and every test file (each its own module registry) would pay it again.
 * Keyed by the schemas' and ajv's versions, so an upgrade of either compiles afresh.
 */
const versionOf = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;
const SCHEMAS_VERSION = `${versionOf("@octokit/webhooks-schemas")}-ajv-${versionOf("ajv")}`;
const CACHE_DIR = join(
  dirname(require.resolve("@octokit/webhooks-schemas/package.json")),
  "..",
  "..",
  ".cache",
  "model-approval-webhook-validators",
  SCHEMAS_VERSION,
);

function cachePath(name: string): string {
  return join(CACHE_DIR, `${name.replace(/[^\w$-]/g, "_")}.cjs`);
}

function cached(name: string): ValidateFunction | undefined {
  try {
    return require(cachePath(name)) as ValidateFunction;
  } catch {
    return undefined;
  }
}

/** Writes the standalone code atomically (tests compile in parallel workers); a failure only costs speed. */
function keep(name: string, code: string): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = cachePath(name);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  } catch {
    // A read-only node_modules: every process compiles for itself, as before.
  }
}

/** Events with actions: `pull_request$opened`; without (push), `push$event`; or `check_run_event`. */
function definitionNames(event: string, action?: string): string[] {
  return action !== undefined ? [`${event}$${action}`] : [`${event}$event`, `${event}_event`];
}

function compile(name: string): ValidateFunction {
  // Formats are not checked: examples carry placeholder URLs and dates that are fine for tests.
  ajv ??= new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { source: true } });
  if (!ajv.getSchema("webhooks")) ajv.addSchema(schemaOf(), "webhooks");
  const validate = ajv.getSchema(`webhooks#/definitions/${name}`);
  if (!validate) throw new Error(`cannot compile the schema of ${name}`);
  keep(name, standaloneCode.default(ajv, validate));
  return validate;
}

function validator(event: string, action?: string): ValidateFunction {
  const names = definitionNames(event, action);
  const known = names.find((name) => validators.has(name));
  if (known) return validators.get(known)!;
  for (const name of names) {
    const validate = cached(name);
    if (validate) {
      validators.set(name, validate);
      return validate;
    }
  }
  const name = names.find((n) => n in schemaOf().definitions);
  if (!name)
    throw new Error(`@octokit/webhooks-schemas has no schema for ${event}${action ? `.${action}` : ""}`);
  const validate = compile(name);
  validators.set(name, validate);
  return validate;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `target` with `patch` applied, deeply; neither argument is changed. */
export function deepPatch<T>(target: T, patch: DeepPatch): T {
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = deepPatch(out[key], value);
    else out[key] = structuredClone(value);
  }
  return out as T;
}

/** Throws with ajv's errors when `payload` is not a valid `event.action` payload. */
export function validateWebhook(event: string, action: string | undefined, payload: unknown): void {
  const validate = validator(event, action);
  if (validate(payload)) return;
  const errors = (validate.errors ?? [])
    .slice(0, 10)
    .map((e) => `  ${e.instancePath || "(root)"} ${e.message ?? ""} ${JSON.stringify(e.params)}`)
    .join("\n");
  throw new Error(`invalid ${event}${action ? `.${action}` : ""} webhook payload:\n${errors}`);
}

/**
 * A copy of the first example of `event.action` that satisfies the schema (older examples
 * predate fields GitHub now sends), with `patch` applied and the result validated. With no
 * example for the action, another action's example is used with `action` set, so the patch
 * must add what that action carries (e.g. `changes` for edited).
 */
export function loadWebhookExample(event: string, action?: string, patch: DeepPatch = {}): WebhookPayload {
  const group = examples.find((g) => g.name === event);
  if (!group) throw new Error(`@octokit/webhooks-examples has no ${event} examples`);
  const valid = (p: WebhookPayload): boolean => validator(event, p.action as string | undefined)(p);
  const sameAction = group.examples.filter((p) => p.action === action);
  const example =
    sameAction.find(valid) ?? (sameAction.length === 0 ? group.examples.find(valid) : undefined);
  if (!example)
    throw new Error(
      `no ${event}${action ? `.${action}` : ""} example in @octokit/webhooks-examples is valid`,
    );
  const payload = deepPatch(structuredClone(example), {
    ...(action !== undefined ? { action } : {}),
    ...patch,
  });
  validateWebhook(event, action, payload);
  return payload;
}

/** The patch that points a payload's `repository` at `fullName` (and its id, when given). */
export function repositoryPatch(fullName: string, defaultBranch = "main", id?: number): DeepPatch {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    repository: {
      ...(id !== undefined ? { id } : {}),
      name,
      full_name: fullName,
      owner: { login: owner },
      default_branch: defaultBranch,
    },
  };
}

export interface DeploymentProtectionRuleOptions {
  repository: string;
  environment: string;
  sha: string;
  runId: number;
  ref?: string;
  /** The event that started the workflow run, e.g. "pull_request" or "push". */
  event?: string;
  pullRequests?: { number: number; headSha: string; baseRef?: string; author?: string }[];
  apiUrl?: string;
  installationId?: number;
}

/**
 * A `deployment_protection_rule.requested` payload. No example exists, so it is assembled from
 * parts of real examples (repository, sender, deployment, pull requests) and validated.
 */
export function deploymentProtectionRulePayload(
  options: DeploymentProtectionRuleOptions,
  patch: DeepPatch = {},
): WebhookPayload {
  const base = loadWebhookExample("pull_request", "opened", repositoryPatch(options.repository));
  const deployment = loadWebhookExample("deployment", "created").deployment as WebhookPayload;
  const apiUrl = (options.apiUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const payload: WebhookPayload = {
    action: "requested",
    environment: options.environment,
    event: options.event ?? (options.pullRequests?.length ? "pull_request" : "push"),
    deployment_callback_url: `${apiUrl}/repos/${options.repository}/actions/runs/${options.runId}/deployment_protection_rule`,
    deployment: deepPatch(deployment, {
      sha: options.sha,
      ref: options.ref ?? "main",
      environment: options.environment,
      original_environment: options.environment,
      task: "deploy",
    }),
    pull_requests: (options.pullRequests ?? []).map((pr) =>
      deepPatch(base.pull_request, {
        number: pr.number,
        head: { sha: pr.headSha },
        base: { ref: pr.baseRef ?? "main" },
        ...(pr.author ? { user: { login: pr.author } } : {}),
      }),
    ),
    repository: base.repository,
    sender: base.sender,
    installation: { id: options.installationId ?? 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" },
  };
  const patched = deepPatch(payload, patch);
  validateWebhook("deployment_protection_rule", "requested", patched);
  return patched;
}
