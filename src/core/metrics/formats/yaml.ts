import { parseDocument } from "yaml";
import type { MetricValue } from "../types.js";
import { MetricsFormatError } from "./error.js";

/** A metrics file needs no aliases; many of them is an expansion attack. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML 1.2 (core schema: `.nan`, `.inf`, `-.inf` are numbers). Throws MetricsFormatError. */
export function parseYamlDocument(text: string): MetricValue {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
    throw new MetricsFormatError(`invalid YAML: ${message}`, error.linePos?.[0].line, error.linePos?.[0].col);
  }
  try {
    return (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null) as MetricValue;
  } catch (e) {
    throw new MetricsFormatError(`invalid YAML: ${(e as Error).message}`);
  }
}
