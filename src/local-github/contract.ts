// GitHub's contract as the OpenAPI subset describes it: which operation a request is, whether the
// request is well-formed, and whether a response body has the documented shape.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import {
  AJV_OPTIONS,
  contractExportName,
  keptContractValidators,
  type Validators,
} from "./precompiled-validators.js";
import { fixturePath } from "./fixture-path.js";

export interface SubsetParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  /** A path parameter that may span segments (x-multi-segment), e.g. a file path. */
  multiSegment?: boolean;
  schema: Schema;
}

export interface SubsetOperation {
  key: string;
  operationId: string;
  method: string;
  path: string;
  parameters: SubsetParameter[];
  requestBody: { required: boolean; schema: Schema } | null;
  responses: Record<string, { contentTypes: string[]; schema: Schema | null }>;
}

export interface Subset {
  $id: string;
  source: { package: string; version: string };
  operations: SubsetOperation[];
  definitions: Record<string, Schema>;
}

export type Schema = { [keyword: string]: unknown };

export interface Match {
  operation: SubsetOperation;
  /** Path parameters, decoded. */
  params: Record<string, string>;
}

const SUBSET = "test/fixtures/openapi/github-subset.json";

export function subsetPath(): string {
  return fixturePath(SUBSET);
}

let loaded: Contract | undefined;

/**
 * The contract, once per process (each jest test file is one), with its validators kept
 * precompiled (precompiled-validators.ts).
 */
export function loadContract(): Contract {
  if (loaded) return loaded;
  const text = readFileSync(subsetPath(), "utf8");
  loaded = new Contract(JSON.parse(text) as Subset, keptContractValidators(text));
  return loaded;
}

function pathPattern(operation: SubsetOperation): { regex: RegExp; names: string[] } {
  const template = operation.path;
  const multi = new Set(
    operation.parameters.filter((p) => p.in === "path" && p.multiSegment).map((p) => p.name),
  );
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) =>
      segment.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        // A file path may arrive with literal slashes or as one %2F-encoded segment.
        return name === "path" || multi.has(name) ? "(.+)" : "([^/]+)";
      }),
    )
    .join("/");
  return { regex: new RegExp(`^${source}$`), names };
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || "(root)"} ${e.message ?? ""}${e.params ? " " + JSON.stringify(e.params) : ""}`,
    )
    .join("; ");
}

function coerce(value: string, schema: Schema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

export class Contract {
  private ajv: Ajv | undefined;
  private readonly patterns: { operation: SubsetOperation; index: number; regex: RegExp; names: string[] }[];
  private readonly compiled = new Map<string, ValidateFunction>();

  /** @param precompiled validators of this subset, by contractExportName */
  constructor(
    readonly subset: Subset,
    private readonly precompiled: Validators = {},
  ) {
    this.patterns = subset.operations.map((operation, index) => ({
      operation,
      index,
      ...pathPattern(operation),
    }));
  }

  get version(): string {
    return `${this.subset.source.package}@${this.subset.source.version}`;
  }

  operation(key: string): SubsetOperation {
    const found = this.subset.operations.find((o) => o.key === key);
    if (!found)
      throw new Error(`${key} is not in the OpenAPI subset; add it to scripts/gen-openapi-subset.mjs`);
    return found;
  }

  /**
   * The operation a request is for. A multi-segment parameter ({ref}, {path}) can swallow what a
   * longer template spells out (commits/{ref} would take commits/x/check-runs), so the template
   * with the most segments wins, as GitHub routes them.
   */
  match(method: string, pathname: string): Match | undefined {
    let best: (Match & { segments: number }) | undefined;
    for (const { operation, regex, names } of this.patterns) {
      if (operation.method !== method) continue;
      const found = regex.exec(pathname);
      if (!found) continue;
      const segments = operation.path.split("/").length;
      if (best && best.segments >= segments) continue;
      const params = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? "")]),
      );
      best = { operation, params, segments };
    }
    return best && { operation: best.operation, params: best.params };
  }

  private validator(operation: SubsetOperation, pointer: string): ValidateFunction {
    const index = this.subset.operations.indexOf(operation);
    const ref = `${this.subset.$id}#/operations/${index}/${pointer}`;
    let validate = this.compiled.get(ref) ?? this.precompiled[contractExportName(index, pointer)];
    if (!validate) {
      if (!this.ajv) {
        // Formats (uri, date-time) are not checked: the fake's placeholder values would drown real findings.
        this.ajv = new Ajv(AJV_OPTIONS);
        this.ajv.addSchema(this.subset);
      }
      validate = this.ajv.compile({ $ref: ref });
    }
    this.compiled.set(ref, validate);
    return validate;
  }

  /**
   * Problems with a request, each a sentence. `invalid` ones GitHub would refuse (422);
   * `ignored` ones GitHub would silently ignore, which hides a bug just as well.
   */
  checkRequest(
    match: Match,
    query: URLSearchParams,
    body: unknown,
  ): { invalid: string[]; ignored: string[] } {
    const { operation, params } = match;
    const problems: string[] = [];
    const ignored: string[] = [];
    operation.parameters.forEach((parameter, i) => {
      if (parameter.in === "header") return;
      const raw = parameter.in === "path" ? params[parameter.name] : (query.get(parameter.name) ?? undefined);
      if (raw === undefined || raw === "") {
        if (parameter.required) problems.push(`missing required ${parameter.in} parameter ${parameter.name}`);
        return;
      }
      const validate = this.validator(operation, `parameters/${i}/schema`);
      if (!validate(coerce(raw, parameter.schema)))
        problems.push(`${parameter.in} parameter ${parameter.name}=${raw}: ${describeErrors(validate)}`);
    });
    const known = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
    for (const name of query.keys()) if (!known.has(name)) ignored.push(`unknown query parameter ${name}`);
    if (operation.requestBody) {
      if (body === undefined) {
        if (operation.requestBody.required) problems.push("missing required request body");
      } else {
        const validate = this.validator(operation, "requestBody/schema");
        if (!validate(body)) problems.push(`request body: ${describeErrors(validate)}`);
      }
    } else if (body !== undefined) {
      ignored.push("request body sent to an operation that takes none");
    }
    return { invalid: problems, ignored };
  }

  /** Problems with a response; statuses GitHub does not document are only allowed for errors. */
  checkResponse(operation: SubsetOperation, status: number, body: unknown): string[] {
    const documented = operation.responses[String(status)];
    if (!documented) return status >= 400 ? [] : [`status ${status} is not documented for ${operation.key}`];
    if (!documented.schema)
      return body === undefined ? [] : [`status ${status} of ${operation.key} has no body`];
    const validate = this.validator(operation, `responses/${status}/schema`);
    return validate(body) ? [] : [`response ${status} body: ${describeErrors(validate)}`];
  }

  /** The JSON schema of a documented response, for building bodies of the right shape. */
  responseSchema(operation: SubsetOperation, status: number): Schema | null {
    return operation.responses[String(status)]?.schema ?? null;
  }

  definition(ref: string): Schema {
    const name = ref.replace("#/definitions/", "");
    const schema = this.subset.definitions[name];
    if (!schema) throw new Error(`no definition ${name} in the OpenAPI subset`);
    return schema;
  }
}
