// The local GitHub's validators (webhook payloads, and its OpenAPI contract), compiled once for a
// whole test run. Compiling
// @octokit/webhooks-schemas with ajv costs 3-4 s, and jest gives every test file its own module
// registry, so each file that built a payload paid it again. jest's globalSetup (one process, before
// the workers start) writes ajv's standalone code for the events the project uses into
// node_modules/.cache, named by the schemas' and ajv's versions, and points the workers at it
// (MODEL_APPROVAL_WEBHOOK_VALIDATORS). One standaloneCode call exports them all, so definitions
// they share are emitted once and referenced correctly.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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

const cacheDir = () => join(dirname(require.resolve("ajv/package.json")), "..", ".cache", "model-approval");

/** Where the standalone validators of these versions are kept. */
export function webhookValidatorsPath() {
  const versions = `${versionOf("@octokit/webhooks-schemas")}-ajv-${versionOf("ajv")}`;
  return join(cacheDir(), `webhook-validators-${versions}.cjs`);
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
  write(file, standaloneCode.default(ajv, refs));
  return file;
}

function write(file, code) {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
}

// The same for the local GitHub's OpenAPI contract (src/local-github/contract.ts): each
// operation's parameter, request-body and response schemas, compiled per test file before.

const SUBSET = "test/fixtures/openapi/github-subset.json";
const REPOSITORY = fileURLToPath(new URL("..", import.meta.url));

/** The export name of one schema of operation `index`: `o3_parameters_1`, `o3_responses_200`. */
export function contractExportName(index, pointer) {
  return `o${index}_${pointer.replace(/\/schema$/, "").replace(/\//g, "_")}`;
}

/** Every schema pointer of an operation the contract checks. */
export function contractPointers(operation) {
  return [
    ...operation.parameters.map((_, i) => `parameters/${i}/schema`),
    ...(operation.requestBody ? ["requestBody/schema"] : []),
    ...Object.entries(operation.responses)
      .filter(([, response]) => response.schema)
      .map(([status]) => `responses/${status}/schema`),
  ];
}

/** Where the standalone contract validators of this subset (by content) and ajv are kept. */
export function contractValidatorsPath(root = REPOSITORY) {
  const text = readFileSync(join(root, SUBSET));
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return join(cacheDir(), `contract-validators-${digest}-ajv-${versionOf("ajv")}.cjs`);
}

export function ensureContractValidators(root = REPOSITORY) {
  const file = contractValidatorsPath(root);
  if (existsSync(file)) return file;
  const subset = JSON.parse(readFileSync(join(root, SUBSET), "utf8"));
  // The options of src/local-github/contract.ts's own compile.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { source: true } });
  ajv.addSchema(subset);
  const refs = {};
  subset.operations.forEach((operation, index) => {
    for (const pointer of contractPointers(operation))
      refs[contractExportName(index, pointer)] = `${subset.$id}#/operations/${index}/${pointer}`;
  });
  write(file, standaloneCode.default(ajv, refs));
  return file;
}
