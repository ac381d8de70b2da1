// The metrics a workflow run measured, carried in its check run's text so that a later run (on a
// review) and the App, neither of which has the files, decide from the same numbers. It is a
// hidden HTML comment holding base64 JSON. JSON cannot hold NaN or ±Infinity, and those must
// survive (they make checks fail), so non-finite numbers are written as {"$number": "NaN"}.
import { METRIC_FORMATS, type MetricFormat } from "../config/types.js";
import type { MetricSource, MetricTree, MetricValue } from "../metrics/types.js";
import type { ModelIdentity } from "../policy/types.js";

export const SNAPSHOT_VERSION = 1;
const PATTERN = /<!-- model-approval:snapshot ([A-Za-z0-9+/=]*) -->/;
const NON_FINITE = "$number";

export interface Snapshot {
  metrics: MetricSource[];
  baseline: MetricSource[];
  metricErrors: Record<string, string>;
  baselineErrors: Record<string, string>;
  model?: ModelIdentity;
}

export type DecodedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return { [NON_FINITE]: String(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const tagged = (value as Record<string, unknown>)[NON_FINITE];
    if (keys.length === 1 && (tagged === "NaN" || tagged === "Infinity" || tagged === "-Infinity"))
      return Number(tagged);
  }
  return value;
}

export function encodeSnapshot(snapshot: Snapshot): string {
  const json = JSON.stringify({ version: SNAPSHOT_VERSION, ...snapshot }, replacer);
  return `<!-- model-approval:snapshot ${Buffer.from(json, "utf8").toString("base64")} -->`;
}

class Invalid extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function metricValue(value: unknown, where: string): MetricValue {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return value as MetricValue;
  if (Array.isArray(value)) return value.map((v, i) => metricValue(v, `${where}[${i}]`));
  if (isRecord(value)) return tree(value, where);
  throw new Invalid(`${where} is not a metric value`);
}

function tree(value: unknown, where: string): MetricTree {
  if (!isRecord(value)) throw new Invalid(`${where} is not an object`);
  const out: MetricTree = {};
  // defineProperty, so a "__proto__" key stays a key instead of replacing the prototype.
  for (const [key, v] of Object.entries(value))
    Object.defineProperty(out, key, {
      value: metricValue(v, `${where}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function sources(value: unknown, where: string): MetricSource[] {
  if (!Array.isArray(value)) throw new Invalid(`${where} is not a list`);
  return value.map((s, i) => {
    if (!isRecord(s)) throw new Invalid(`${where}[${i}] is not an object`);
    const { name, file, format } = s;
    if (typeof name !== "string" || typeof file !== "string")
      throw new Invalid(`${where}[${i}] lacks a name or file`);
    if (typeof format !== "string" || !METRIC_FORMATS.includes(format as MetricFormat))
      throw new Invalid(`${where}[${i}] has an unknown format`);
    return { name, file, format: format as MetricFormat, values: tree(s.values, `${where}[${i}].values`) };
  });
}

function errors(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value) || Object.values(value).some((v) => typeof v !== "string"))
    throw new Invalid(`${where} is not a map of messages`);
  return value as Record<string, string>;
}

function model(value: unknown): ModelIdentity | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || !Array.isArray(value.artifacts)) throw new Invalid("model is malformed");
  if (value.name !== undefined && typeof value.name !== "string")
    throw new Invalid("model.name is not a string");
  if (value.digest !== undefined && typeof value.digest !== "string")
    throw new Invalid("model.digest is not a string");
  const artifacts = value.artifacts.map((a, i) => {
    if (
      !isRecord(a) ||
      typeof a.path !== "string" ||
      typeof a.sha256 !== "string" ||
      typeof a.bytes !== "number"
    )
      throw new Invalid(`model.artifacts[${i}] is malformed`);
    return { path: a.path, sha256: a.sha256, bytes: a.bytes };
  });
  const errors = value.errors;
  if (errors !== undefined && (!Array.isArray(errors) || errors.some((e) => typeof e !== "string")))
    throw new Invalid("model.errors is not a list of messages");
  return {
    ...(errors === undefined ? {} : { errors: errors as string[] }),
    ...(value.name === undefined ? {} : { name: value.name as string }),
    ...(value.digest === undefined ? {} : { digest: value.digest as string }),
    artifacts,
  };
}

/** Reads the snapshot out of a check run's text. Never throws: garbage is an error result. */
export function decodeSnapshot(text: string): DecodedSnapshot {
  const match = PATTERN.exec(typeof text === "string" ? text : "");
  if (!match) return { ok: false, error: "no model-approval snapshot in the text" };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(match[1] ?? "", "base64").toString("utf8"), reviver);
    if (!isRecord(parsed)) throw new Invalid("not an object");
    if (parsed.version !== SNAPSHOT_VERSION)
      throw new Invalid(`unsupported snapshot version ${JSON.stringify(parsed.version)}`);
    const m = model(parsed.model);
    const snapshot: Snapshot = {
      metrics: sources(parsed.metrics, "metrics"),
      baseline: sources(parsed.baseline, "baseline"),
      metricErrors: errors(parsed.metricErrors, "metricErrors"),
      baselineErrors: errors(parsed.baselineErrors, "baselineErrors"),
      ...(m ? { model: m } : {}),
    };
    return { ok: true, snapshot };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the snapshot is malformed: ${why}` };
  }
}
