// The local GitHub's validators (webhook payloads against @octokit/webhooks-schemas, requests and
// responses against the OpenAPI subset), compiled once and kept as ajv standalone code. Compiling
// them costs 3-4 s for the webhook schemas alone: every jest test file paid it (each has its own
// module registry), and so did every `npm start` demo (two thirds of its 14 s). They are kept in
// node_modules/.cache/model-approval, named by the schemas' versions or the subset's content hash
// and ajv's version, so what is found there always matches what it validates. The first process
// that needs a set writes it (two at once both write the same file, each renamed into place
// whole); where it cannot be written, each validator is compiled where it is used, as before. One
// standaloneCode call exports a whole set, so the definitions it shares are emitted once and
// referenced correctly.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { SubsetOperation } from "./contract.js";

const require = createRequire(import.meta.url);

/** The events whose payloads the local GitHub and the tests build; others compile on demand. */
export const WEBHOOK_EVENTS = [
  "check_run",
  "deployment",
  "deployment_protection_rule",
  "issue_comment",
  "membership",
  "pull_request",
  "pull_request_review",
  "push",
  "workflow_dispatch",
  "workflow_run",
];

/** The options of every compile of these schemas: formats are not checked (placeholder values). */
export const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false } as const;

export type Validators = Record<string, ValidateFunction>;

const versionOf = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

function cacheDir(): string {
  return join(dirname(require.resolve("ajv/package.json")), "..", ".cache", "model-approval");
}

export function webhookValidatorsPath(): string {
  // The list is in the name too: a cache compiled for fewer events is not taken for this one.
  const events = createHash("sha256").update(WEBHOOK_EVENTS.join(",")).digest("hex").slice(0, 8);
  const versions = `${versionOf("@octokit/webhooks-schemas")}-${events}-ajv-${versionOf("ajv")}`;
  return join(cacheDir(), `webhook-validators-${versions}.cjs`);
}

export function contractValidatorsPath(subsetText: string): string {
  const digest = createHash("sha256").update(subsetText).digest("hex").slice(0, 16);
  return join(cacheDir(), `contract-validators-${digest}-ajv-${versionOf("ajv")}.cjs`);
}

/** The schema's definitions for `events`: `pull_request$opened`, `push$event`, `check_run_event`. */
export function webhookDefinitionNames(
  definitions: Record<string, unknown>,
  events: readonly string[] = WEBHOOK_EVENTS,
): string[] {
  return Object.keys(definitions).filter((name) =>
    events.some((event) => name.startsWith(`${event}$`) || name === `${event}_event`),
  );
}

/** The export name of one schema of operation `index`: `o3_parameters_1`, `o3_responses_200`. */
export function contractExportName(index: number, pointer: string): string {
  return `o${index}_${pointer.replace(/\/schema$/, "").replace(/\//g, "_")}`;
}

/** Every schema pointer of an operation the contract checks. */
export function contractPointers(operation: SubsetOperation): string[] {
  return [
    ...operation.parameters.map((_, i) => `parameters/${i}/schema`),
    ...(operation.requestBody ? ["requestBody/schema"] : []),
    ...Object.entries(operation.responses)
      .filter(([, response]) => response.schema)
      .map(([status]) => `responses/${status}/schema`),
  ];
}

/** The validators kept at `file`, or undefined when there are none. */
export function loadValidators(file: string): Validators | undefined {
  return existsSync(file) ? (require(file) as Validators) : undefined;
}

/** The validators kept at `file`, written by `ensure` first when missing; undefined if that fails. */
function kept(file: string, ensure: () => string): Validators | undefined {
  try {
    return loadValidators(file) ?? loadValidators(ensure());
  } catch {
    // A read-only node_modules: the caller compiles what it uses, as before.
    return undefined;
  }
}

export function keptWebhookValidators(): Validators | undefined {
  return kept(webhookValidatorsPath(), ensureWebhookValidators);
}

export function keptContractValidators(subsetText: string): Validators | undefined {
  return kept(contractValidatorsPath(subsetText), () => ensureContractValidators(subsetText));
}

function write(file: string, code: string): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
}

function compileSet(schema: object, key: string | undefined, refs: Record<string, string>): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  ajv.addSchema(schema, key);
  return standaloneCode.default(ajv, refs);
}

/** Writes the webhook validators unless they are there; returns their path. */
export function ensureWebhookValidators(): string {
  const file = webhookValidatorsPath();
  if (existsSync(file)) return file;
  const schema = require("@octokit/webhooks-schemas") as { definitions: Record<string, unknown> };
  const refs = Object.fromEntries(
    webhookDefinitionNames(schema.definitions).map((name) => [name, `webhooks#/definitions/${name}`]),
  );
  write(file, compileSet(schema, "webhooks", refs));
  return file;
}

/** Writes the contract validators of the subset in `subsetText` unless they are there. */
export function ensureContractValidators(subsetText: string): string {
  const file = contractValidatorsPath(subsetText);
  if (existsSync(file)) return file;
  const subset = JSON.parse(subsetText) as { $id: string; operations: SubsetOperation[] };
  const refs: Record<string, string> = {};
  subset.operations.forEach((operation, index) => {
    for (const pointer of contractPointers(operation))
      refs[contractExportName(index, pointer)] = `${subset.$id}#/operations/${index}/${pointer}`;
  });
  write(file, compileSet(subset, undefined, refs));
  return file;
}
