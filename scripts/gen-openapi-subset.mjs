// Regenerates test/fixtures/openapi/github-subset.json: the operations the gateway uses, cut from
// GitHub's OpenAPI description, with the schemas they reference turned into plain JSON Schema.
// The fake GitHub API checks every request and response against it.
//
//   node scripts/gen-openapi-subset.mjs [--from path/to/api.github.com.json]
//
// Without --from it runs `npm pack @octokit/openapi@VERSION` into a temp dir (a ~29 MB download,
// 385 MB unpacked, so never a dependency). To move to a newer description, bump VERSION, rerun,
// and review the diff of the subset.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const PACKAGE = "@octokit/openapi";
const VERSION = "23.0.2";
const SPEC_FILE = "generated/api.github.com.json";
const OUT = "test/fixtures/openapi/github-subset.json";

/** Every route src/github/gateway.ts calls (add a line when it learns a new one), then the local GitHub's own. */
export const OPERATIONS = [
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "GET /orgs/{org}/teams/{team_slug}/members",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
  "GET /repos/{owner}/{repo}/commits/{ref}",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
  "GET /repos/{owner}/{repo}/actions/runs",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
  "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules",
  // What is live: the deployments to an environment and their statuses (a deployed baseline).
  "GET /repos/{owner}/{repo}/deployments",
  "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
  // The local GitHub (src/local-github) also serves what the App's authentication and a person
  // driving the demo need.
  "GET /app",
  "GET /repos/{owner}/{repo}/installation",
  "POST /app/installations/{installation_id}/access_tokens",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
  // What the product reads of a PR's history, its runs and their evidence, and who pushed.
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
  "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
  "GET /repos/{owner}/{repo}/activity",
  "GET /repos/{owner}/{repo}/pulls",
  "GET /installation/repositories",
  // The ledger's API and details page: may this caller's token read the repository, and who is it?
  "GET /repos/{owner}/{repo}",
  "GET /user",
  // History without the App: the attestations the Action's decisions were signed into.
  "GET /repos/{owner}/{repo}/attestations/{subject_digest}",
];

// Documentation-only keywords; dropping them keeps the committed file small and reviewable.
const DROPPED = new Set([
  "description",
  "example",
  "examples",
  "externalDocs",
  "title",
  "xml",
  "discriminator",
  "deprecated",
  "readOnly",
  "writeOnly",
]);
const SCHEMA_MAPS = ["properties", "patternProperties"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not"];

function loadSpec() {
  const from = process.argv.indexOf("--from");
  if (from !== -1) return { spec: JSON.parse(readFileSync(process.argv[from + 1], "utf8")), cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), "openapi-"));
  execFileSync("npm", ["pack", `${PACKAGE}@${VERSION}`, "--silent", "--pack-destination", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const tarball = `octokit-openapi-${VERSION}.tgz`;
  execFileSync("tar", ["xzf", tarball, `package/${SPEC_FILE}`], { cwd: dir });
  const spec = JSON.parse(readFileSync(join(dir, "package", SPEC_FILE), "utf8"));
  return { spec, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function resolve(spec, node) {
  if (!node?.$ref) return node;
  const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(node.$ref) ?? [];
  const target = spec.components?.[kind]?.[name];
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return resolve(spec, target);
}

/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07, as ajv reads it): `nullable` becomes a null type,
 * component refs point at `#/definitions/`, and referenced names are collected.
 */
function toJsonSchema(schema, refs) {
  if (typeof schema !== "object" || schema === null) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    refs.add(name);
    const ref = { $ref: `#/definitions/${name}` };
    return schema.nullable ? { anyOf: [ref, { type: "null" }] } : ref;
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (SCHEMA_MAPS.includes(key))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, refs)]));
    else if (SCHEMA_LISTS.includes(key)) out[key] = value.map((v) => toJsonSchema(v, refs));
    else if (SCHEMA_SINGLES.includes(key) && typeof value === "object") out[key] = toJsonSchema(value, refs);
    else out[key] = value;
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

function operation(spec, key, refs) {
  const [method, path] = key.split(" ");
  const item = spec.paths[path];
  const op = item?.[method.toLowerCase()];
  if (!op) throw new Error(`${key} is not in ${PACKAGE}@${VERSION}`);
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .map((p) => resolve(spec, p))
    .map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
      // A path parameter that may span segments (a file path, BASE...HEAD with slashes in a branch).
      ...(p["x-multi-segment"] === true ? { multiSegment: true } : {}),
      schema: toJsonSchema(p.schema ?? {}, refs),
    }));
  const body = op.requestBody ? resolve(spec, op.requestBody) : undefined;
  const bodySchema = body?.content?.["application/json"]?.schema;
  const responses = {};
  for (const [status, raw] of Object.entries(op.responses)) {
    const response = resolve(spec, raw);
    const content = response.content ?? {};
    const json = content["application/json"] ?? Object.values(content).find((c) => c.schema);
    responses[status] = {
      contentTypes: Object.keys(content),
      schema: json?.schema ? toJsonSchema(json.schema, refs) : null,
    };
  }
  return {
    key,
    operationId: op.operationId,
    method,
    path,
    parameters,
    requestBody: bodySchema
      ? { required: body.required === true, schema: toJsonSchema(bodySchema, refs) }
      : null,
    responses,
  };
}

function main() {
  const { spec, cleanup } = loadSpec();
  try {
    const refs = new Set();
    const operations = OPERATIONS.map((key) => operation(spec, key, refs));
    const definitions = {};
    const queue = [...refs];
    while (queue.length > 0) {
      const name = queue.shift();
      if (name in definitions) continue;
      const found = new Set();
      definitions[name] = toJsonSchema(spec.components.schemas[name], found);
      for (const ref of found) if (!(ref in definitions)) queue.push(ref);
    }
    const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
    const subset = {
      $id: "https://model-approval.invalid/github-subset.json",
      $comment: `Generated by scripts/gen-openapi-subset.mjs from ${PACKAGE}@${VERSION} ${SPEC_FILE} (OpenAPI ${spec.openapi}). Do not edit.`,
      source: { package: PACKAGE, version: VERSION, file: SPEC_FILE, openapi: spec.openapi },
      operations,
      definitions: sorted,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(subset, null, 1) + "\n");
    console.log(`${OUT}: ${operations.length} operations, ${Object.keys(sorted).length} schemas`);
  } finally {
    cleanup();
  }
}

main();
