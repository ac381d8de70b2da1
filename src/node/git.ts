// Baselines pinned to a git ref, read by the CLI from the local clone: `git show REF:PATH`, run with
// execFile (no shell), so neither the ref nor the path is ever interpreted by one. Failures become
// errors naming the ref and the path; nothing here throws for bad input.
import { execFile } from "node:child_process";
import type { MetricSourceSpec } from "../core/config/types.js";
import { parseMetricsFile } from "../core/metrics/parse.js";
import type { MetricSource } from "../core/metrics/types.js";

/** Metrics files are small; git output beyond this is a wrong path. */
const MAX_GIT_BYTES = 32 * 1024 * 1024;

type Git = { ok: true; out: string } | { ok: false; error: string };

function git(cwd: string, args: string[]): Promise<Git> {
  return new Promise((done) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_GIT_BYTES, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const why =
            code === "ENOENT"
              ? "git is not installed"
              : stderr.trim().split("\n")[0] || error.message.split("\n")[0] || "git failed";
          done({ ok: false, error: why });
        } else done({ ok: true, out: stdout });
      },
    );
  });
}

/** A ref resolved to the commit it names. */
export interface ResolvedRef {
  /** The ref as used, e.g. origin/main. */
  ref: string;
  commit: string;
}

async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
  const found = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  return found.ok ? found.out.trim() : undefined;
}

/**
 * What `ref: base` means locally: the PR's base branch when a PR is given (its upstream copy,
 * origin/BRANCH, before a local BRANCH), else the upstream default branch (origin/HEAD, e.g.
 * origin/main), else a local main.
 */
export async function baseRefCandidates(cwd: string, baseBranch?: string): Promise<string[]> {
  if (baseBranch) return [`origin/${baseBranch}`, baseBranch];
  const head = await git(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  return head.ok && head.out.trim() ? [head.out.trim()] : ["main"];
}

async function resolveRef(cwd: string, candidates: string[]): Promise<ResolvedRef | { error: string }> {
  const inside = await git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok) return { error: `${cwd} is not in a git repository (${inside.error})` };
  for (const ref of candidates) {
    const commit = await commitOf(cwd, ref);
    if (commit) return { ref, commit };
  }
  return {
    error: `ref ${candidates.map((r) => `'${r}'`).join(" or ")} does not exist in this git repository`,
  };
}

export interface GitBaselineOptions {
  cwd: string;
  /** The PR's base branch, when a PR is given. */
  baseBranch?: string;
}

/**
 * Loads the sources pinned to a ref from git history; `ref: base` is the upstream default branch
 * (or the PR's base branch). Each source records the ref and commit it was read at.
 */
export async function loadGitSources(
  specs: MetricSourceSpec[],
  options: GitBaselineOptions,
): Promise<{ sources: MetricSource[]; errors: Record<string, string> }> {
  const sources: MetricSource[] = [];
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    if (spec.ref === undefined) continue;
    const candidates =
      spec.ref === "base" ? await baseRefCandidates(options.cwd, options.baseBranch) : [spec.ref];
    const resolved = await resolveRef(options.cwd, candidates);
    if ("error" in resolved) {
      errors[spec.name] = `${spec.path} at ref '${spec.ref}': ${resolved.error}`;
      continue;
    }
    const where = `${resolved.ref} (${resolved.commit.slice(0, 7)})`;
    // REF:PATH is relative to the repository's root, as the Action reads it through the API.
    const object = `${resolved.commit}:${spec.path}`;
    const type = await git(options.cwd, ["cat-file", "-t", "--end-of-options", object]);
    if (!type.ok) {
      errors[spec.name] = `${spec.path} does not exist at ${where}`;
      continue;
    }
    if (type.out.trim() !== "blob") {
      errors[spec.name] =
        `${spec.path} at ${where} is a ${type.out.trim()}, not a file: a baseline read at a ref is one file`;
      continue;
    }
    const shown = await git(options.cwd, ["show", "--end-of-options", object]);
    if (!shown.ok) {
      errors[spec.name] = `${spec.path} at ${where} could not be read: ${shown.error}`;
      continue;
    }
    const parsed = parseMetricsFile(shown.out, { name: spec.name, file: spec.path, format: spec.format });
    if (parsed.ok) sources.push({ ...parsed.source, at: { ref: resolved.ref, commit: resolved.commit } });
    else errors[spec.name] = `${parsed.error} (at ${where})`;
  }
  return { sources, errors };
}
