// `--metrics` / `--baseline` arguments (CLI) and the Action's metrics inputs on top of the config's
// sources: a NAME matching a configured source replaces its path; an unnamed FILE replaces the
// config's only source; anything else is added under its name (or its file's base name).
import type { MetricSourceSpec } from "../core/config/types.js";
import { parseMetricArg } from "./metrics-files.js";

export function overrideSources(fromConfig: MetricSourceSpec[], args: string[]): MetricSourceSpec[] {
  const merged = new Map(fromConfig.map((spec) => [spec.name, spec] as const));
  for (const arg of args) {
    const parsed = parseMetricArg(arg);
    const only = fromConfig.length === 1 ? fromConfig[0] : undefined;
    const name = parsed.name ?? only?.name ?? parsed.defaultName;
    const previous = merged.get(name);
    merged.set(name, {
      ...previous,
      name,
      path: parsed.path,
      // A format set in the config describes the config's file, not a replacement file.
      format: parsed.format ?? (previous?.path === parsed.path ? previous.format : undefined),
      // A file given on the command line is read from the working tree, never from a git ref.
      ref: undefined,
    });
  }
  return [...merged.values()];
}
