// action.yml's composite step, run as the runner runs it: `${{ inputs.X }}` expressions are
// evaluated into the text (the env values, and the script were any there), then bash runs the script.
// Hostile inputs must reach the action as data, never as shell.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { parseAnnotations, parseOutputFile, requireBundle } from "./support/run-bundled.js";

interface CompositeStep {
  run: string;
  env: Record<string, string>;
}

/** The step that runs dist/action.js (the Node.js check before it has no inputs: node-check.test.ts). */
function compositeStep(): CompositeStep {
  const action = parse(readFileSync(resolve("action.yml"), "utf8")) as {
    runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] };
  };
  expect(action.runs.using).toBe("composite");
  const steps = action.runs.steps.filter((s) => s.run !== undefined && s.id === "model-approval");
  expect(steps).toHaveLength(1);
  return { run: steps[0]!.run!, env: steps[0]!.env ?? {} };
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;

/** The runner's expression evaluation, for the only expressions the step may use: inputs. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(EXPRESSION, (_, expression: string) => {
    const m = /^inputs\.([\w-]+)$/.exec(expression);
    if (!m || inputs[m[1]!] === undefined)
      throw new Error(`the test cannot evaluate the expression '${expression}'`);
    return inputs[m[1]!]!;
  });
}

async function runStep(step: CompositeStep, inputs: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "action-yml-"));
  const script = join(root, "step.sh");
  writeFileSync(script, evaluate(step.run, inputs));
  const outputFile = join(root, "output");
  writeFileSync(outputFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTION_PATH: resolve("."),
    GITHUB_EVENT_NAME: "push",
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_SHA: "0000000000000000000000000000000000000001",
    // Never reached: the inputs are refused before any request.
    GITHUB_API_URL: "http://127.0.0.1:9",
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: root,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(root, "summary"),
  };
  for (const [name, value] of Object.entries(step.env)) env[name] = evaluate(value, inputs);
  // The runner's own invocation of a `shell: bash` step.
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return {
    code,
    annotations: parseAnnotations(stdout),
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
  };
}

function hostileInputs(markers: string) {
  const touch = (name: string) => `touch ${join(markers, name)}`;
  return {
    config: `"; ${touch("config")}; echo "`,
    metrics: `$(${touch("metrics")})`,
    baseline: `\`${touch("baseline")}\``,
    "github-token": `x" && ${touch("token")} && echo "$(id)`,
    mode: `$(${touch("mode")})`,
    app: `\`${touch("app")}\``,
    "dry-run": `'; ${touch("dry-run")}; echo '$(id)`,
  };
}

function markerDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "pwned-")), "markers");
  mkdirSync(dir);
  return dir;
}

beforeAll(requireBundle);

describe("action.yml's composite step", () => {
  it("passes every input through env, none into the script", () => {
    const step = compositeStep();
    expect(step.run).not.toMatch(EXPRESSION);
    expect(Object.values(step.env).every((v) => /^\$\{\{\s*inputs\.[\w-]+\s*\}\}$/.test(v))).toBe(true);
  });

  it("runs no command hidden in an input, and hands the action the inputs intact", async () => {
    const markers = markerDir();
    const inputs = hostileInputs(markers);
    const result = await runStep(compositeStep(), inputs);

    expect(readdirSync(markers)).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("error");
    expect(result.annotations.map((a) => a.message)).toEqual(
      expect.arrayContaining([
        `input 'mode' must be 'evaluate', 'gate' or 'sweep', got '${inputs.mode}'`,
        `input 'app' must be true or false, got '${inputs.app}'`,
        `input 'dry-run' must be true or false, got '${inputs["dry-run"]}'`,
      ]),
    );
  });

  it("would catch an input interpolated into the script (the harness can fail)", async () => {
    const markers = markerDir();
    const inputs = hostileInputs(markers);
    const unsafe = { run: `echo "mode: \${{ inputs.mode }}"`, env: {} };
    const result = await runStep(unsafe, inputs);
    expect(result.code).toBe(0);
    expect(readdirSync(markers)).toEqual(["mode"]);
  });
});
