// Files a pull request may not touch and still be auto-approved: the gate's own config (the App
// reads the base branch's copy, but a changed config is a change to the rules under review), the
// workflows that run the gate, and the paths the config protects (training code, eval data).
import picomatch from "picomatch";
import type { Config } from "../config/types.js";

export const DEFAULT_CONFIG_PATH = ".github/model-approval.yml";
const ALWAYS_GUARDED = [".github/workflows/**", ".github/model-approval.{yml,yaml}"];

export interface GuardedChange {
  file: string;
  /** The pattern or path it matched. */
  pattern: string;
  rule: "config" | "workflow" | "protected";
}

function normalise(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/**
 * `train`, `train/` and `/train/**` all mean the folder as people write it in .gitignore or
 * CODEOWNERS: a protected path that matches nothing would silently allow auto-approval.
 */
function protectedMatcher(pattern: string): (file: string) => boolean {
  const cleaned = normalise(pattern).replace(/^\/+/, "").replace(/\/+$/, "");
  const exact = picomatch(cleaned, { dot: true });
  const inside = picomatch(`${cleaned}/**`, { dot: true });
  return (file) => exact(file) || inside(file);
}

export function guardedChanges(config: Config, changedFiles: string[]): GuardedChange[] {
  const configFile = normalise(config.file);
  const rules: { pattern: string; rule: GuardedChange["rule"]; match: (file: string) => boolean }[] = [
    { pattern: configFile, rule: "config", match: (file) => file === configFile },
    ...ALWAYS_GUARDED.map((pattern) => ({
      pattern,
      rule: pattern.includes("workflows") ? ("workflow" as const) : ("config" as const),
      match: picomatch(pattern, { dot: true }),
    })),
    ...config.protectedPaths.map((pattern) => ({
      pattern,
      rule: "protected" as const,
      match: protectedMatcher(pattern),
    })),
  ];
  const hits: GuardedChange[] = [];
  for (const raw of changedFiles) {
    const file = normalise(raw);
    const rule = rules.find((r) => r.match(file));
    if (rule) hits.push({ file, pattern: rule.pattern, rule: rule.rule });
  }
  return hits;
}
