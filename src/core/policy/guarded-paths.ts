// Files a pull request may not touch and still be auto-approved: the gate's own config (the rules
// are read from the default branch, but a changed config is a change to the rules under review),
// the workflows that run the gate and the training, the files the evidence is read from (a metrics
// file or model committed in the PR is not training output), and the paths the config protects.
import picomatch from "picomatch";
import type { Config } from "../config/types.js";
import { CONFIG_PATH_PATTERN, WORKFLOWS_DIR } from "../names.js";

export interface GuardedChange {
  file: string;
  /** The pattern or path it matched. */
  pattern: string;
  rule: "config" | "workflow" | "evidence" | "protected";
}

type Matcher = (file: string) => boolean;

function normalise(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/** A path as the config names it (a file, or a folder standing for everything in it). */
function pathMatcher(path: string): Matcher {
  const cleaned = normalise(path).replace(/^\/+/, "").replace(/\/+$/, "");
  return (file) => file === cleaned || file.startsWith(`${cleaned}/`);
}

/**
 * A protected path as .gitignore and CODEOWNERS read it: a pattern with a slash at its start or in
 * its middle is anchored at the repository root; one without (`*.py`, `train.py`, `data/`) matches
 * at any depth. Either way it also covers everything inside a folder it matches. A pattern that
 * silently matched less would silently allow auto-approval.
 */
export function protectedMatcher(pattern: string): Matcher {
  const trimmed = normalise(pattern).replace(/\/+$/, "");
  const anchored = trimmed.includes("/");
  const body = trimmed.replace(/^\/+/, "");
  const glob = anchored ? body : `**/${body}`;
  const exact = picomatch(glob, { dot: true });
  const inside = picomatch(`${glob}/**`, { dot: true });
  return (file) => exact(file) || inside(file);
}

/** The files the evidence comes from: the config's metric sources read from the workspace, its artifacts, and any other metrics files the run read. */
export function evidencePaths(config: Config, extra: string[] = []): string[] {
  const local = [...config.metrics, ...config.baseline.filter((spec) => spec.ref === undefined)];
  return [...new Set([...local.map((spec) => spec.path), ...config.model.artifacts, ...extra])];
}

export function guardedChanges(
  config: Config,
  changedFiles: string[],
  extraEvidence: string[] = [],
): GuardedChange[] {
  const configFile = normalise(config.file);
  const rules: { pattern: string; rule: GuardedChange["rule"]; match: Matcher }[] = [
    { pattern: configFile, rule: "config", match: (file) => file === configFile },
    { pattern: CONFIG_PATH_PATTERN, rule: "config", match: picomatch(CONFIG_PATH_PATTERN, { dot: true }) },
    { pattern: `${WORKFLOWS_DIR}/**`, rule: "workflow", match: pathMatcher(WORKFLOWS_DIR) },
    ...evidencePaths(config, extraEvidence).map((path) => ({
      pattern: path,
      rule: "evidence" as const,
      match: pathMatcher(path),
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
