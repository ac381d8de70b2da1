// Runs the Action as a runner does (src/local-github/run-action.ts: action.yml's steps, the
// runner's variables and files) and reads what it left: the outputs and the annotations. The node
// step runs in this process (src/local-github/in-process-action.ts) unless `bundle` asks for
// dist/action.js in a child process, as on a runner: the smoke tests that show the bundle works.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { runBundledAction as runAsRunner, type FakeGitHub } from "../../../src/local-github/index.js";
import { runNodeStepInProcess } from "../../../src/local-github/in-process-action.js";

export const BUNDLE = resolve("dist/action.js");

export function requireBundle(): void {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run 'npm run build' before these tests`);
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  workspace: string;
  /** Every step of action.yml as the runner played it, and the job's outcome. */
  steps: { step: string; outcome: string; error?: string }[];
  outcome: "success" | "failure";
}

export interface ActionRunOptions {
  apiUrl: string;
  eventName: string;
  payload: unknown;
  /** Files of the checked-out repository, path → content. */
  files?: Record<string, string | Uint8Array>;
  inputs?: Record<string, string>;
  /** The step's own `env:`. */
  env?: Record<string, string>;
  /** Run dist/action.js in a child process, as a runner does; by default the node step runs in-process. */
  bundle?: boolean;
  /** The node binary that runs the bundle; default the one running the tests. */
  node?: string;
  sha?: string;
  repository?: string;
  /**
   * The workflow run this job belongs to, in `fake`: GITHUB_RUN_ID and friends are set, and
   * action.yml's upload step records the snapshot as an artifact of that run.
   */
  run?: { fake: FakeGitHub; id: number; attempt?: number; workflowPath?: string };
}

const unescape = (s: string) =>
  s
    .replace(/%0A/g, "\n")
    .replace(/%0D/g, "\r")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties = Object.fromEntries(
      (m[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf("=")), unescape(kv.slice(kv.indexOf("=") + 1))]),
    );
    found.push({ level: m[1]!, properties, message: unescape(m[3]!) });
  }
  return found;
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join("\n");
  }
  return outputs;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionRun> {
  const run = await runAsRunner({
    bundle: BUNDLE,
    node: options.node,
    ...(options.bundle || options.node
      ? {}
      : { nodeStep: (env: Record<string, string>) => runNodeStepInProcess(env) }),
    apiUrl: options.apiUrl,
    repository: options.repository ?? "Codertocat/Hello-World",
    eventName: options.eventName,
    payload: options.payload,
    sha: options.sha ?? "0000000000000000000000000000000000000001",
    workspace: options.files ?? {},
    inputs: options.inputs,
    ...(options.env ? { env: options.env } : {}),
    // The tests read the JSON report the run leaves in RUNNER_TEMP.
    keepFiles: true,
    ...(options.run ? runnerRun(options.run, options.repository ?? "Codertocat/Hello-World") : {}),
  });
  return { ...run, outputs: parseOutputFile(run.outputs), annotations: parseAnnotations(run.stdout) };
}

function runnerRun(run: NonNullable<ActionRunOptions["run"]>, repository: string) {
  const { fake, id } = run;
  const facts = fake.state.workflowRun(repository, id);
  return {
    run: { id, attempt: run.attempt ?? facts.runAttempt, workflowPath: run.workflowPath ?? facts.path },
    uploadArtifact: (name: string, files: Record<string, Uint8Array>) => {
      fake.state.addArtifact(repository, { runId: id, name, files });
    },
  };
}
