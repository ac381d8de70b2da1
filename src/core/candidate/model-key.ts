// What identifies the model a vote was cast on. With model.artifacts it is their digest; without,
// the metrics the model was judged on stand in for it (an approver approved those numbers).
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";
import type { Measurements } from "./types.js";

/** undefined when nothing identifies the model (no artifacts, no metrics). */
export function modelKey(measurements: Measurements | undefined): string | undefined {
  if (!measurements) return undefined;
  const digest = measurements.model?.digest;
  if (digest) return `sha256:${digest}`;
  if (measurements.metrics.length === 0) return undefined;
  const metrics = measurements.metrics.map((s) => ({ name: s.name, values: s.values }));
  return `metrics:${createHash("sha256").update(canonicalJson(metrics)).digest("hex")}`;
}

/** "sha256:0123456789ab" / "metrics:0123456789ab", for people. */
export function shortKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const colon = key.indexOf(":");
  return `${key.slice(0, colon + 1)}${key.slice(colon + 1, colon + 13)}`;
}
