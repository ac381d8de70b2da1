// Wires the action together from an explicit runner environment; returns the exit code.
import { readFile } from "node:fs/promises";
import { GitHubGateway } from "../github/gateway.js";
import type { OctokitLike } from "../github/types.js";
import { createActionOctokit } from "../github/octokit.js";
import { httpFetch } from "../github/http-fetch.js";
import type { RunnerEnvironment } from "./env.js";
import { readEventContext, type EventContext } from "./event.js";
import { parseInputs } from "./inputs.js";
import { ActionsRunner, type Runner } from "./runner.js";
import { describeError } from "../core/failure.js";
import { runEvaluate } from "./evaluate.js";
import { runGate } from "./gate.js";
import { runSweep } from "./sweep.js";
import { ACTIONS_APP_SLUG } from "../github/surfaces.js";

const ACTIONS_IDENTITY = { login: `${ACTIONS_APP_SLUG}[bot]`, appSlug: ACTIONS_APP_SLUG };

async function readEvent(env: RunnerEnvironment): Promise<EventContext> {
  let payload: unknown = {};
  if (env.eventPath) {
    try {
      payload = JSON.parse(await readFile(env.eventPath, "utf8"));
    } catch (error) {
      throw new Error(`could not read the event payload ${env.eventPath}: ${describeError(error)}`);
    }
  }
  return readEventContext(env.eventName, payload, env.sha);
}

/** How the Action gets its Octokit; tests running it in-process against a local GitHub pass their own. */
export type OctokitFactory = (token: string, baseUrl: string, proxied: boolean) => OctokitLike;

// Without a proxy the requests go through Node's own http and https clients (http-fetch.ts, as
// the App's do): the toolkit's fetch is its bundled undici, whose HTTP parser is a WebAssembly
// module to compile and whose Request, Response and streams cost each request more
// (bench/action.mjs). A proxy is the toolkit's to honour, as it does for every action.
const actionOctokit: OctokitFactory = (token, baseUrl, proxied) =>
  createActionOctokit(token, { baseUrl, ...(proxied ? {} : { fetch: httpFetch }) });

export async function runAction(
  env: RunnerEnvironment,
  runner: Runner = new ActionsRunner(),
  octokitFor: OctokitFactory = actionOctokit,
): Promise<number> {
  try {
    const parsed = parseInputs(env.inputs);
    if (!parsed.ok) {
      for (const error of parsed.errors) runner.setFailed(error);
      runner.setOutput("decision", "error");
      return 1;
    }
    const inputs = parsed.inputs;
    const [owner = "", repo = ""] = env.repository.split("/");
    if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must be owner/name, got '${env.repository}'`);
    const event = await readEvent(env);
    if (!event.sha)
      throw new Error("no commit to decide about: GITHUB_SHA is empty and the event has no pull request");
    // GITHUB_TOKEN acts as the github-actions app: the check runs and the comment it owns are those.
    const octokit = octokitFor(inputs.token, env.apiUrl, env.proxied ?? false);
    const gateway = new GitHubGateway(octokit, { owner, repo }, ACTIONS_IDENTITY, {
      ...(env.serverUrl ? { serverUrl: env.serverUrl } : {}),
      ...(env.repositoryId !== undefined ? { repositoryId: env.repositoryId } : {}),
    });
    const context = {
      inputs,
      event,
      gateway,
      runner,
      workspace: env.workspace,
      runnerTemp: env.runnerTemp,
      ...(env.runId !== undefined
        ? {
            run: {
              id: env.runId,
              attempt: env.runAttempt ?? 1,
              ...(env.workflow ? { workflow: env.workflow } : {}),
            },
          }
        : {}),
      notifyEnv: env.notify ?? {},
      ...(env.repositoryId !== undefined ? { repositoryId: env.repositoryId } : {}),
      ...(env.serverUrl ? { serverUrl: env.serverUrl } : {}),
    };
    if (inputs.mode === "gate") return await runGate(context);
    if (inputs.mode === "sweep") return await runSweep(context);
    return await runEvaluate(context);
  } catch (error) {
    // Anything unexpected still ends as a reported failure, never as a silent pass or a stack trace.
    runner.setOutput("decision", "error");
    runner.setFailed(`model-approval: ${describeError(error)}`);
    return 1;
  }
}
