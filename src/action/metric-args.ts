// The `metrics` and `baseline` inputs are `[NAME=]PATH` lines whose PATH may be a glob; a runner
// has no shell expanding them, so the action does.
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import picomatch from "picomatch";
import { parseMetricArg } from "../node/metrics-files.js";

const GLOB_CHARS = /[*?[\]{}]/;

/** The directory part before the first glob character, so only that subtree is walked. */
function staticPrefix(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return fixed.join("/");
}

async function matchGlob(pattern: string, cwd: string): Promise<string[]> {
  const base = staticPrefix(pattern);
  const isMatch = picomatch(pattern, { dot: false });
  let entries;
  try {
    entries = await readdir(join(cwd, base), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() || e.isDirectory())
    .map((e) => relative(cwd, join(e.parentPath, e.name)).replace(/\\/g, "/"))
    .filter((path) => isMatch(path))
    .sort();
}

export interface ExpandedArgs {
  /** `[NAME[:FORMAT]=]PATH` lines with every glob replaced by the paths it matches. */
  lines: string[];
  errors: string[];
}

/**
 * Expands globs. An unnamed glob gives one source per match (named after the file); a named one
 * must match exactly one path, since a name stands for one source.
 */
export async function expandMetricArgs(lines: string[], cwd: string, input: string): Promise<ExpandedArgs> {
  const out: string[] = [];
  const errors: string[] = [];
  for (const line of lines) {
    const arg = parseMetricArg(line);
    if (!GLOB_CHARS.test(arg.path)) {
      out.push(line);
      continue;
    }
    const matches = await matchGlob(arg.path, cwd);
    if (matches.length === 0) errors.push(`input '${input}': '${arg.path}' matches no file`);
    else if (arg.name !== undefined && matches.length > 1) {
      errors.push(
        `input '${input}': '${line}' names one source but matches ${matches.length} paths (${matches.slice(0, 5).join(", ")})`,
      );
    } else {
      const prefix = arg.name === undefined ? "" : `${arg.name}${arg.format ? ":" + arg.format : ""}=`;
      out.push(...matches.map((path) => prefix + path));
    }
  }
  return { lines: out, errors };
}
