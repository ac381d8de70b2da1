// The only place that reads process.env (with v8-flags.ts, which must ask `namesProxy` before the
// toolkit loads): everything after this takes the environment as data.

/** Inputs as the composite step passes them (INPUT_ + upper-cased name, dashes as underscores). */
export interface RawInputs {
  config: string;
  metrics: string;
  baseline: string;
  githubToken: string;
  mode: string;
  app: string;
  dryRun: string;
}

export interface RunnerEnvironment {
  inputs: RawInputs;
  eventName: string;
  /** Path of the webhook payload that triggered the workflow. */
  eventPath?: string;
  /** owner/name */
  repository: string;
  sha: string;
  apiUrl: string;
  /** The GitHub server's web address, for links in reports. */
  serverUrl?: string;
  workspace: string;
  runnerTemp: string;
  /** This workflow run and attempt, when running on GitHub Actions. */
  runId?: number;
  runAttempt?: number;
  /** The workflow file this run runs, from GITHUB_WORKFLOW_REF (owner/repo/path@ref), in this repository. */
  workflow?: string;
  /** GitHub's id of the repository (GITHUB_REPOSITORY_ID), for the decision's record. */
  repositoryId?: number;
  /** The notification destinations' URLs and secrets (MODEL_APPROVAL_NOTIFY_*), from the step's env. */
  notify?: Record<string, string>;
  /**
   * Whether the runner names an HTTP proxy (https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY):
   * the toolkit's own client, which knows proxies and no_proxy, then sends the requests.
   */
  proxied?: boolean;
}

type Env = Record<string, string | undefined>;

/** Whether `env` names an HTTP proxy, in any of the variables the toolkit reads. */
export function namesProxy(env: Env): boolean {
  return ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"].some((name) => !!env[name]);
}

/**
 * Reads an input under the name the composite step gives it (INPUT_GITHUB_TOKEN) and, for a
 * `uses:` of the script directly, the runner's own spelling (INPUT_GITHUB-TOKEN).
 */
function input(env: Env, name: string): string {
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper.replace(/-/g, "_")}`] ?? env[`INPUT_${upper}`] ?? "").trim();
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** `.github/workflows/x.yml` of `owner/repo/.github/workflows/x.yml@refs/...`, if in `repository`. */
function workflowPath(ref: string | undefined, repository: string | undefined): string | undefined {
  const prefix = `${repository ?? ""}/`;
  if (!ref || prefix === "/" || !ref.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
  const at = ref.lastIndexOf("@");
  const path = ref.slice(prefix.length, at < 0 ? undefined : at);
  return path || undefined;
}

export function readRunnerEnvironment(env: Env): RunnerEnvironment {
  const runId = positive(env.GITHUB_RUN_ID);
  const workflow = workflowPath(env.GITHUB_WORKFLOW_REF, env.GITHUB_REPOSITORY);
  const repositoryId = positive(env.GITHUB_REPOSITORY_ID);
  const runAttempt = positive(env.GITHUB_RUN_ATTEMPT);
  return {
    ...(runId !== undefined ? { runId, runAttempt: runAttempt ?? 1 } : {}),
    ...(workflow ? { workflow } : {}),
    ...(repositoryId !== undefined ? { repositoryId } : {}),
    inputs: {
      config: input(env, "config"),
      metrics: input(env, "metrics"),
      baseline: input(env, "baseline"),
      githubToken: input(env, "github-token"),
      mode: input(env, "mode"),
      app: input(env, "app"),
      dryRun: input(env, "dry-run"),
    },
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    repository: env.GITHUB_REPOSITORY ?? "",
    sha: env.GITHUB_SHA ?? "",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || env.TMPDIR || "/tmp",
    proxied: namesProxy(env),
    notify: Object.fromEntries(
      Object.entries(env).filter(
        (entry): entry is [string, string] =>
          entry[0].startsWith("MODEL_APPROVAL_NOTIFY_") && entry[1] !== undefined,
      ),
    ),
  };
}
