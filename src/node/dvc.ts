/**
 * A `dvc.yaml` given as a metric source: its `metrics:` entries (top-level and per stage) are
 * followed, each file read with format detection, and the values combined into one source. One
 * file: its metrics at the top (as `dvc metrics show` output of one file is read). Several: each
 * under its path as dvc.yaml writes it (relative to dvc.yaml's folder), as `dvc metrics show`
 * names them, e.g. `` dvc.`eval/metrics.json`.accuracy ``.
 */
import { dirname, isAbsolute, join, posix, resolve } from "node:path";
import type { MetricSourceSpec } from "../core/config/types.js";
import { parseDvcYaml, type DvcMetricsEntry } from "../core/metrics/dvc-yaml.js";
import { parseMetricsFile, type ParseMetricsResult } from "../core/metrics/parse.js";
import type { MetricTree } from "../core/metrics/types.js";
import { setOwnKey } from "../core/own-key.js";

export type ReadText = (
  full: string,
  shown: string,
) => Promise<{ ok: true; text: string } | { ok: false; error: string }>;

export function isDvcYaml(path: string): boolean {
  return /(^|[\\/])dvc\.yaml$/.test(path);
}

function describeEntry(spec: MetricSourceSpec, entry: DvcMetricsEntry): string {
  const where = `${spec.path}:${entry.line}:${entry.column}`;
  return entry.stage === undefined ? `${where}: metrics` : `${where}: stage '${entry.stage}' metrics`;
}

/** Why an entry cannot be read, with what usually fixes it. */
function entryError(spec: MetricSourceSpec, entry: DvcMetricsEntry, error: string): string {
  const hint = error.endsWith("no such file or directory")
    ? " (outputs DVC caches are not in git: run 'dvc pull' or 'dvc repro' before the gate)"
    : "";
  return `${describeEntry(spec, entry)}: ${error}${hint}`;
}

export async function loadDvcYaml(
  spec: MetricSourceSpec,
  full: string,
  read: ReadText,
): Promise<ParseMetricsResult> {
  const own = await read(full, spec.path);
  if (!own.ok) return own;
  const parsed = parseDvcYaml(own.text, spec.path);
  if (!parsed.ok) return parsed;
  const seen = new Set<string>();
  const entries = parsed.entries.filter((entry) => !seen.has(entry.path) && seen.add(entry.path));
  const files: string[] = [];
  const values: MetricTree = {};
  for (const entry of entries) {
    // Shown and guarded as a path from where the config's paths start, like spec.path itself.
    const shown = posix.normalize(join(dirname(spec.path), entry.path).replace(/\\/g, "/"));
    // A dvc.yaml comes from the repository, perhaps from the PR: it names files in it, never the
    // runner's other files (whose keys a not-found message would list in the report).
    if (
      isAbsolute(entry.path) ||
      /^[A-Za-z]:/.test(entry.path) ||
      (!isAbsolute(spec.path) && shown.startsWith("../"))
    ) {
      return { ok: false, error: entryError(spec, entry, `${entry.path}: is outside the repository`) };
    }
    if (/\.toml$/i.test(entry.path)) {
      return {
        ok: false,
        error: entryError(spec, entry, `${shown}: TOML metrics files are not read; write JSON or YAML`),
      };
    }
    const text = await read(resolve(dirname(full), entry.path), shown);
    if (!text.ok) return { ok: false, error: entryError(spec, entry, text.error) };
    const one = parseMetricsFile(text.text, { name: spec.name, file: shown });
    if (!one.ok) return { ok: false, error: entryError(spec, entry, one.error) };
    files.push(shown);
    setOwnKey(values, entry.path, one.source.values);
  }
  const only = entries.length === 1 ? (values[entries[0]!.path] as MetricTree) : undefined;
  return {
    ok: true,
    source: { name: spec.name, file: spec.path, format: "dvc", values: only ?? values, files },
  };
}
