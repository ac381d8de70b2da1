// The webhook payload validators of the local GitHub, compiled once for a whole test run. Compiling
// @octokit/webhooks-schemas with ajv costs 3-4 s, and jest gives every test file its own module
// registry, so each file that built a payload paid it again. jest's globalSetup (one process, before
// the workers start) writes ajv's standalone code for the events the project uses into
// node_modules/.cache, named by the schemas' and ajv's versions, and points the workers at it
// (MODEL_APPROVAL_WEBHOOK_VALIDATORS). One standaloneCode call exports them all, so definitions
// they share are emitted once and referenced correctly.
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const require = createRequire(import.meta.url);

/** The events whose payloads the local GitHub and the tests build; others compile on demand. */
export const WEBHOOK_EVENTS = [
  "check_run",
  "deployment",
  "deployment_protection_rule",
  "membership",
  "pull_request",
  "pull_request_review",
  "push",
  "workflow_dispatch",
  "workflow_run",
];

const versionOf = (pkg) => require(`${pkg}/package.json`).version;

/** Where the standalone validators of these versions are kept. */
export function webhookValidatorsPath() {
  const cache = join(dirname(require.resolve("ajv/package.json")), "..", ".cache", "model-approval");
  const versions = `${versionOf("@octokit/webhooks-schemas")}-ajv-${versionOf("ajv")}`;
  return join(cache, `webhook-validators-${versions}.cjs`);
}

/** The schema's definitions for `events`: `pull_request$opened`, `push$event`, `check_run_event`. */
export function definitionNames(definitions, events = WEBHOOK_EVENTS) {
  return Object.keys(definitions).filter((name) =>
    events.some((event) => name.startsWith(`${event}$`) || name === `${event}_event`),
  );
}

/** Writes the standalone validators unless they are there; returns their path. */
export function ensureWebhookValidators() {
  const file = webhookValidatorsPath();
  if (existsSync(file)) return file;
  const schema = require("@octokit/webhooks-schemas");
  // The options of src/local-github/webhooks.ts's own compile: formats are not checked there either.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { source: true } });
  ajv.addSchema(schema, "webhooks");
  const refs = Object.fromEntries(
    definitionNames(schema.definitions).map((name) => [name, `webhooks#/definitions/${name}`]),
  );
  const code = standaloneCode.default(ajv, refs);
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
  return file;
}
