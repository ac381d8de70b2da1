// What a training run recorded: its measurements, and what it says about itself (which repository,
// commit, pull request and run). It travels as a JSON file inside an artifact of that run; readers
// believe the claims only where GitHub's own description of the run agrees (collect.ts checks).
// JSON cannot hold NaN or ±Infinity, and those must survive (they make checks fail), so non-finite
// numbers are written as {"$number": "NaN"}.
import { METRIC_FORMATS, type MetricFormat } from "../config/types.js";
import type { MetricSource, MetricTree, MetricValue } from "../metrics/types.js";
import type { ModelIdentity } from "../policy/types.js";
import type { Measurements, WorkflowRunRef } from "./types.js";
import { InvalidPredictions, decodePredictionsResult } from "../predictions/decode.js";
import { predictionValues } from "../predictions/values.js";
import { setOwnKey } from "../own-key.js";

export const SNAPSHOT_FORMAT = "model-approval-snapshot";
export const SNAPSHOT_VERSION = 2;
const NON_FINITE = "$number";

/** What the recording run says about itself. */
export interface SnapshotClaims {
  repository: string;
  commit: string;
  pullRequest?: number;
  run?: WorkflowRunRef;
}

export interface Snapshot extends Measurements {
  claims: SnapshotClaims;
}

export type DecodedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

export function replaceNonFinite(_key: string, value: unknown): unknown {
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
  const { claims, metrics, baseline, metricErrors, baselineErrors, model } = snapshot;
  const body = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    claims,
    metrics,
    baseline,
    metricErrors,
    baselineErrors,
    ...(model ? { model } : {}),
  };
  return JSON.stringify(body, replaceNonFinite, 2) + "\n";
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
  for (const [key, v] of Object.entries(value)) setOwnKey(out, key, metricValue(v, `${where}.${key}`));
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
    const at = s.at;
    if (
      at !== undefined &&
      !(
        isRecord(at) &&
        typeof at.ref === "string" &&
        (at.commit === undefined || typeof at.commit === "string")
      )
    )
      throw new Invalid(`${where}[${i}].at is not {ref, commit?}`);
    // A candidate's computed source carries its results, and its values are read from them (never
    // from a second copy that could say otherwise); nothing else carries results.
    const computed = where === "metrics" && format === "predictions";
    if (computed !== (s.predictions !== undefined))
      throw new Invalid(
        computed
          ? `${where}[${i}] is a predictions source without its computed results`
          : `${where}[${i}] carries computed results but is not a candidate's predictions source`,
      );
    const predictions = computed ? predictionsOf(s.predictions, `${where}[${i}].predictions`) : undefined;
    return {
      name,
      file,
      format: format as MetricFormat,
      values: predictions ? predictionValues(predictions) : tree(s.values, `${where}[${i}].values`),
      ...(typeof s.note === "string" ? { note: s.note } : {}),
      ...(predictions ? { predictions } : {}),
      ...(at === undefined
        ? {}
        : {
            at: {
              ref: at.ref as string,
              ...(at.commit === undefined ? {} : { commit: at.commit as string }),
            },
          }),
    };
  });
}

function predictionsOf(value: unknown, where: string) {
  try {
    return decodePredictionsResult(value, where);
  } catch (error) {
    if (error instanceof InvalidPredictions) throw new Invalid(error.message);
    throw error;
  }
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
  if (
    value.digest !== undefined &&
    (typeof value.digest !== "string" || !/^[0-9a-f]{64}$/.test(value.digest))
  )
    throw new Invalid("model.digest is not a sha256 hex digest");
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

function positiveInteger(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1)
    throw new Invalid(`${where} is not a positive integer`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") throw new Invalid(`${where} is not a string`);
  return value;
}

function claims(value: unknown): SnapshotClaims {
  if (!isRecord(value)) throw new Invalid("claims is not an object");
  const run = value.run;
  return {
    repository: text(value.repository, "claims.repository"),
    commit: text(value.commit, "claims.commit"),
    ...(value.pullRequest === undefined || value.pullRequest === null
      ? {}
      : { pullRequest: positiveInteger(value.pullRequest, "claims.pullRequest") }),
    ...(run === undefined || run === null
      ? {}
      : isRecord(run)
        ? {
            run: {
              id: positiveInteger(run.id, "claims.run.id"),
              attempt: positiveInteger(run.attempt, "claims.run.attempt"),
              workflow: text(run.workflow, "claims.run.workflow"),
              event: text(run.event, "claims.run.event"),
            },
          }
        : (() => {
            throw new Invalid("claims.run is not an object");
          })()),
  };
}

/** Reads a snapshot file. Never throws: garbage is an error result. */
export function decodeSnapshot(input: string): DecodedSnapshot {
  try {
    const parsed: unknown = JSON.parse(typeof input === "string" ? input : "", reviver);
    if (!isRecord(parsed) || parsed.format !== SNAPSHOT_FORMAT)
      throw new Invalid("not a model-approval snapshot");
    if (parsed.version !== SNAPSHOT_VERSION)
      throw new Invalid(`unsupported snapshot version ${JSON.stringify(parsed.version)}`);
    const m = model(parsed.model);
    const snapshot: Snapshot = {
      claims: claims(parsed.claims),
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
