import {
  LineCounter,
  parseAllDocuments,
  isAlias,
  isScalar,
  visit,
  type Document,
  type YAMLError,
} from "yaml";
import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Config } from "./types.js";
import { Locator } from "./locate.js";
import { validate } from "./schema-validator.generated.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { semanticChecks } from "./semantic.js";
import { normalise } from "./normalise.js";

export type ParseConfigResult =
  { ok: true; config: Config; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** A config needs no aliases beyond a handful; a high count is an expansion attack ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

const MINIMAL_EXAMPLE =
  "steps:\n  - name: approve_model\n    type: approval\n    inputs:\n      approvers: ['alice']";

function at(file: string, line: number, column: number, message: string, hint?: string): Diagnostic {
  return { file, line, column, severity: "error", message, ...(hint ? { hint } : {}) };
}

function yamlMessage(error: YAMLError, text: string): { message: string; hint?: string } {
  const first = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
  if (error.code === "DUPLICATE_KEY") {
    const key = /^\s*("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/
      .exec(text.slice(error.pos[0]))?.[1]
      ?.replace(/^["']|["']$/g, "");
    return {
      message: key ? `duplicate key '${key}'` : "duplicate key",
      hint: "each key may appear once per mapping",
    };
  }
  // A mis-indented `inputs:` is the seed format's most common slip; YAML reports it as a structure error nearby.
  const around = text
    .slice(Math.max(0, text.lastIndexOf("\n", error.pos[0])), error.pos[0] + 200)
    .split("\n")
    .slice(0, 4);
  if (around.some((line) => /^\s*inputs\s*:/.test(line))) {
    return {
      message: `invalid YAML: ${first}`,
      hint: "'inputs:' must line up with its step's 'name:' and 'type:'",
    };
  }
  if (/\t/.test(text))
    return { message: `invalid YAML: ${first}`, hint: "YAML indentation must use spaces, not tabs" };
  return { message: `invalid YAML: ${first}` };
}

function yamlDiagnostics(
  doc: Document,
  text: string,
  file: string,
  lines: LineCounter,
  severity: "error" | "warning",
): Diagnostic[] {
  const list = severity === "error" ? doc.errors : doc.warnings;
  // One slip often trips several YAML rules at the same spot; report the first.
  const unique = list.filter((e, i) => list.findIndex((o) => o.pos[0] === e.pos[0]) === i);
  return unique.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const { message, hint } = yamlMessage(e, text);
    return { ...at(file, pos.line, pos.col, message, hint), severity };
  });
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** `? [a, b]: x` is valid YAML but names nothing in a config; converting it would stringify the key. */
function complexKeyDiagnostics(doc: Document, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        out.push(
          locator.error(
            locator.atNode(pair.key as Parameters<Locator["atNode"]>[0]),
            "a mapping key must be a plain name, not a list, mapping or alias",
          ),
        );
      }
    },
  });
  return out;
}

function parseUnsafe(text: string, file: string): ParseConfigResult {
  const fail = (diagnostics: Diagnostic[]): ParseConfigResult => ({
    ok: false,
    diagnostics: diagnostics.sort(compareDiagnostics),
  });
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    // yaml would print its own warnings to the console; core code only returns data.
    logLevel: "error",
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const doc = docs[0];
  if (!doc || (doc.contents === null && doc.errors.length === 0)) {
    return fail([at(file, 1, 1, "the config file is empty", `a minimal config:\n${MINIMAL_EXAMPLE}`)]);
  }
  const diagnostics = docs.flatMap((d) => yamlDiagnostics(d, text, file, lines, "error"));
  const warnings = yamlDiagnostics(doc, text, file, lines, "warning");
  const second = docs[1];
  if (second) {
    const pos = lines.linePos(second.range[0]);
    diagnostics.push(
      at(
        file,
        pos.line,
        pos.col,
        "the file holds several YAML documents; a config is exactly one",
        "remove the '---' separator and merge or delete the extra document",
      ),
    );
  }
  if (diagnostics.length > 0) return fail(diagnostics);

  const locator = new Locator(file, doc, lines);
  const complexKeys = complexKeyDiagnostics(doc, locator);
  if (complexKeys.length > 0) return fail(complexKeys);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message))) {
      const pos = lines.linePos(firstAliasOffset(doc));
      return fail([
        at(
          file,
          pos.line,
          pos.col,
          `YAML aliases expand too much (${e.message})`,
          "write the values out instead of repeating anchors",
        ),
      ]);
    }
    throw e;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || isAlias(doc.contents)) {
    const where = locator.atNode(doc.contents);
    return fail([
      locator.error(
        where,
        "the config must be a mapping with a 'steps' list",
        `a minimal config:\n${MINIMAL_EXAMPLE}`,
      ),
    ]);
  }
  const record = data as Record<string, unknown>;
  const schemaOk = validate(record);
  diagnostics.push(...(schemaOk ? [] : schemaDiagnostics(validate.errors ?? [], record, locator)));
  const semantic = semanticChecks(record, locator);
  diagnostics.push(...semantic.errors);
  warnings.push(...semantic.warnings);
  // The schema reports through its own rules; if it rejected the data without a message we can word, still fail closed.
  if (!schemaOk && diagnostics.length === 0)
    diagnostics.push(at(file, 1, 1, "the config does not match the schema"));
  if (diagnostics.length > 0) return fail(diagnostics);
  return {
    ok: true,
    config: normalise(record, file, locator, semantic.conditions),
    warnings: warnings.sort(compareDiagnostics),
  };
}

/**
 * Parses and validates `.github/model-approval.yml`. Never throws: every problem, from YAML syntax to
 * a condition's operator, comes back as a diagnostic located at FILE:LINE:COL, sorted by position.
 */
export function parseConfig(text: string, file: string): ParseConfigResult {
  try {
    return parseUnsafe(typeof text === "string" ? text : String(text), file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, diagnostics: [at(file, 1, 1, `could not read the config: ${reason}`)] };
  }
}
