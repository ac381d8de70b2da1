// Runs the bundled Action (dist/action.js) the way a GitHub-hosted runner does: a child process
// with INPUT_* variables, the event payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at the local GitHub.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DEFAULT_TOKEN } from "./state.js";

export interface ActionRunOptions {
  /** Path of dist/action.js. */
  bundle: string;
  apiUrl: string;
  repository: string;
  eventName: string;
  payload: unknown;
  sha: string;
  /** The checked-out workspace after the job's earlier steps (training), path → content. */
  workspace: Record<string, string>;
  inputs?: Record<string, string>;
  /** Leave the runner's folders in place (the report in RUNNER_TEMP, the workspace) for inspection. */
  keepFiles?: boolean;
}

export interface ActionResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, raw. */
  outputs: string;
  summary: string;
  /** GITHUB_WORKSPACE of the run; gone afterwards unless keepFiles was set. */
  workspace: string;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionResult> {
  if (!existsSync(options.bundle)) throw new Error(`${options.bundle} is missing: run 'npm run build' first`);
  const root = mkdtempSync(join(tmpdir(), "model-approval-runner-"));
  const workspace = join(root, "workspace");
  try {
    const temp = join(root, "temp");
    mkdirSync(temp, { recursive: true });
    for (const [path, content] of Object.entries(options.workspace)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    mkdirSync(workspace, { recursive: true });
    const files = {
      event: join(root, "event.json"),
      output: join(root, "output"),
      summary: join(root, "summary"),
    };
    writeFileSync(files.event, JSON.stringify(options.payload));
    writeFileSync(files.output, "");
    writeFileSync(files.summary, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: options.repository,
      GITHUB_SHA: options.sha,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
    };
    for (const [name, value] of Object.entries({ "github-token": DEFAULT_TOKEN, ...options.inputs }))
      env[`INPUT_${name.replace(/-/g, "_").toUpperCase()}`] = value;
    const child = spawn(process.execPath, [options.bundle], {
      cwd: workspace,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    return {
      code,
      stdout,
      stderr,
      outputs: readFileSync(files.output, "utf8"),
      summary: readFileSync(files.summary, "utf8"),
      workspace,
    };
  } finally {
    if (!options.keepFiles) rmSync(root, { recursive: true, force: true });
  }
}
