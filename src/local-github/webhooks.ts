/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are patched field by field */
// Webhook payloads as GitHub sends them: real examples from @octokit/webhooks-examples, changed by
// a deep patch, and checked against @octokit/webhooks-schemas so a patch cannot produce a payload
// GitHub never would.
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import { AJV_OPTIONS, keptWebhookValidators, type Validators } from "./precompiled-validators.js";

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
const schema = require("@octokit/webhooks-schemas") as { definitions: Record<string, unknown> };

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The validators kept precompiled (precompiled-validators.ts), looked for once; null: none. */
let precompiled: Validators | null | undefined;

/** The precompiled webhook validators in use, if any. */
export function precompiledWebhookValidators(): Validators | null {
  if (precompiled === undefined) precompiled = keptWebhookValidators() ?? null;
  return precompiled;
}

function definitionName(event: string, action?: string): string {
  if (action !== undefined) return `${event}$${action}`;
  // Events without actions (push, workflow_dispatch) are named `push$event`; `check_run_event`
  // is the union of an event's actions.
  return `${event}$event` in schema.definitions ? `${event}$event` : `${event}_event`;
}

function validator(event: string, action?: string): ValidateFunction {
  const name = definitionName(event, action);
  let validate = validators.get(name) ?? precompiledWebhookValidators()?.[name];
  if (!validate) {
    if (!(name in schema.definitions))
      throw new Error(`@octokit/webhooks-schemas has no schema for ${event}${action ? `.${action}` : ""}`);
    // Formats are not checked: examples carry placeholder URLs and dates that are fine for tests.
    ajv ??= new Ajv(AJV_OPTIONS);
    if (!ajv.getSchema("webhooks")) ajv.addSchema(schema, "webhooks");
    validate = ajv.getSchema(`webhooks#/definitions/${name}`);
    if (!validate) throw new Error(`cannot compile the schema of ${name}`);
    validators.set(name, validate);
  }
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

/** The example each `event.action` is built from, found once: validating every example is slow. */
const chosen = new Map<string, WebhookPayload>();

function chosenExample(event: string, action: string | undefined): WebhookPayload {
  const key = `${event}.${action ?? ""}`;
  const known = chosen.get(key);
  if (known) return known;
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
  chosen.set(key, example);
  return example;
}

/**
 * A copy of the first example of `event.action` that satisfies the schema (older examples
 * predate fields GitHub now sends), with `patch` applied and the result validated. With no
 * example for the action, another action's example is used with `action` set, so the patch
 * must add what that action carries (e.g. `changes` for edited).
 */
export function loadWebhookExample(event: string, action?: string, patch: DeepPatch = {}): WebhookPayload {
  const example = chosenExample(event, action);
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
