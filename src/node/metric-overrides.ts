// `--metrics` / `--baseline` arguments (CLI) and the Action's metrics inputs on top of the config's
// sources: a NAME matching a configured source replaces its path; an unnamed FILE replaces the
// config's only source; anything else is added under its name (or its file's base name). Two files
// for one name would silently drop one of them, so that is an input error.
import type { MetricSourceSpec } from "../core/config/types.js";
import { parseMetricArg } from "./metrics-files.js";

export interface OverriddenSources {
  specs: MetricSourceSpec[];
  /** e.g. "two files for the source 'eval': runs/a/eval.json and runs/b/eval.json; name them". */
  errors: string[];
}

export function overrideSources(fromConfig: MetricSourceSpec[], args: string[]): OverriddenSources {
  const merged = new Map(fromConfig.map((spec) => [spec.name, spec] as const));
  const given = new Map<string, string>();
  const errors: string[] = [];
  for (const arg of args) {
    const parsed = parseMetricArg(arg);
    const only = fromConfig.length === 1 ? fromConfig[0] : undefined;
    const name = parsed.name ?? only?.name ?? parsed.defaultName;
    const earlier = given.get(name);
    if (earlier !== undefined && earlier !== parsed.path) {
      errors.push(
        `two files for the metric source '${name}': ${earlier} and ${parsed.path}; give each its own name, e.g. a=${earlier} b=${parsed.path}`,
      );
      continue;
    }
    given.set(name, parsed.path);
    const previous = merged.get(name);
    merged.set(name, {
      ...previous,
      name,
      path: parsed.path,
      // A format set in the config describes the config's file, not a replacement file; but a
      // predictions source stays one (its columns are the config's), read from the file given.
      format:
        parsed.format ??
        (previous?.predictions
          ? "predictions"
          : previous?.path === parsed.path
            ? previous.format
            : undefined),
      // A file given on the command line is read from the working tree, never from a git ref.
      ref: undefined,
    });
  }
  return { specs: [...merged.values()], errors };
}
