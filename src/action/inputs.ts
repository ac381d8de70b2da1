// Validates the action's inputs; a wrong input is a clear error, never a default silently taken.
import { CONFIG_PATH } from "../core/names.js";
import type { RawInputs } from "./env.js";

export type Mode = "evaluate" | "gate" | "sweep";

export interface ActionInputs {
  config: string;
  /** `[NAME=]PATH` lines, as written (parsed by the metrics loader). */
  metrics: string[];
  baseline: string[];
  token: string;
  mode: Mode;
  app: boolean;
  dryRun: boolean;
}

export type InputsResult = { ok: true; inputs: ActionInputs } | { ok: false; errors: string[] };

export const DEFAULT_CONFIG = CONFIG_PATH;

/** The YAML 1.2 core schema booleans, as the runner's own getBooleanInput accepts them. */
function parseBoolean(name: string, value: string, fallback: boolean, errors: string[]): boolean {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  errors.push(`input '${name}' must be true or false, got '${value}'`);
  return fallback;
}

/** One entry per non-blank line; `#` starts a comment line so a list can be annotated. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

export function parseInputs(raw: RawInputs): InputsResult {
  const errors: string[] = [];
  const mode = raw.mode === "" ? "evaluate" : raw.mode;
  if (mode !== "evaluate" && mode !== "gate" && mode !== "sweep")
    errors.push(`input 'mode' must be 'evaluate', 'gate' or 'sweep', got '${raw.mode}'`);
  const app = parseBoolean("app", raw.app, false, errors);
  const dryRun = parseBoolean("dry-run", raw.dryRun, false, errors);
  if (raw.githubToken === "")
    errors.push("input 'github-token' is empty: pass ${{ github.token }} or a token with checks: write");
  const config = raw.config === "" ? DEFAULT_CONFIG : raw.config;
  if (config.includes("\n")) errors.push("input 'config' must be a single path");
  // The App reads only CONFIG_PATH: two configs would mean two sets of rules for one PR.
  if (app && config !== CONFIG_PATH)
    errors.push(
      `input 'config' must be ${CONFIG_PATH} with app: true (the App reads only that file), got '${config}'`,
    );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    inputs: {
      config,
      metrics: splitLines(raw.metrics),
      baseline: splitLines(raw.baseline),
      token: raw.githubToken,
      mode: mode as Mode,
      app,
      dryRun,
    },
  };
}
