// The Action's node step played in this process instead of as `node dist/action.js`: runAction
// with the real ActionsRunner (@actions/core's workflow commands and files), the step's variables
// in process.env and its standard output captured. For test files that play many runs: a child
// process and the bundle's load cost a few hundred milliseconds each. What only the bundle can
// show (it builds, it starts on each Node.js, action.yml's steps around it) stays with the tests
// that run dist/action.js.
import { readRunnerEnvironment } from "../action/env.js";
import { runAction, type OctokitFactory } from "../action/run.js";
import { createActionOctokit } from "../github/octokit.js";
import { httpFetch } from "../github/http-fetch.js";
import type { NodeStepResult } from "./run-action.js";

/** The variables a runner sets for a step; the test process's other variables are left alone. */
const RUNNER_VARIABLE = /^(?:GITHUB_|INPUT_|RUNNER_|CI$)/;

/**
 * The Action's client, as it runs without a proxy (through http-fetch.ts). A local GitHub fails
 * only when told to: a retried 5xx is retried at once.
 */
const localOctokit: OctokitFactory = (token, baseUrl) =>
  createActionOctokit(token, { baseUrl, fetch: httpFetch, sleep: async () => undefined });

let running = false;

export async function runNodeStepInProcess(
  env: Record<string, string>,
  octokitFor: OctokitFactory = localOctokit,
): Promise<NodeStepResult> {
  // process.env and process.stdout are the process's: two runs at once would mix them.
  if (running) throw new Error("runNodeStepInProcess: another in-process run is still going");
  running = true;
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const write = process.stdout.write;
  let stdout = "";
  for (const name of Object.keys(process.env)) if (RUNNER_VARIABLE.test(name)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (name !== "PATH") process.env[name] = value;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runAction(readRunnerEnvironment(process.env), undefined, octokitFor);
    return { code, stdout, stderr: "" };
  } finally {
    process.stdout.write = write;
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
    // core.setFailed sets the exit code of the process it runs in: here, the test's.
    process.exitCode = savedExitCode;
    running = false;
  }
}
