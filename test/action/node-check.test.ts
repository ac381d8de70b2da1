// action.yml's Node.js check, run as the runner runs a `shell: bash` step, with a PATH holding no
// `node`, an old one, or the real one: an old or missing Node.js must stop the action with an
// annotation saying what to do, before dist/action.js can fail in a way that names neither.
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { parseAnnotations } from "./support/run-bundled.js";

interface ActionStep {
  id?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}

function actionSteps(): ActionStep[] {
  const action = parse(readFileSync(resolve("action.yml"), "utf8")) as { runs: { steps: ActionStep[] } };
  return action.runs.steps;
}

function checkStep(): ActionStep {
  const step = actionSteps().find((s) => s.id === "node-version");
  if (!step?.run) throw new Error("action.yml has no run step with id node-version");
  return step;
}

/** bash itself, found before PATH is narrowed (the check must not need anything else from PATH). */
function bashPath(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "bash"))) return join(dir, "bash");
  }
  throw new Error("no bash on PATH");
}

/** A directory with a `node` that prints `output` for --version (and exits with `code`). */
function fakeNode(output: string, code = 0): string {
  const dir = mkdtempSync(join(tmpdir(), "fake-node-"));
  const node = join(dir, "node");
  writeFileSync(node, `#!/bin/sh\nprintf '%s\\n' '${output}'\nexit ${code}\n`);
  chmodSync(node, 0o755);
  return dir;
}

const emptyDir = () => mkdtempSync(join(tmpdir(), "no-node-"));

/** Runs the check step with exactly `path` as PATH; `flags` as the runner passes them, or stricter. */
function runCheck(path: string, flags = ["-eo", "pipefail"]) {
  const script = join(mkdtempSync(join(tmpdir(), "node-check-")), "step.sh");
  writeFileSync(script, checkStep().run!);
  const result = spawnSync(bashPath(), ["--noprofile", "--norc", ...flags, script], {
    env: { PATH: path },
    encoding: "utf8",
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    errors: parseAnnotations(result.stdout).filter((a) => a.level === "error"),
  };
}

const WHAT_TO_DO = /add actions\/setup-node with node-version: 20 \(or newer\) before this step/;

describe("action.yml's Node.js check", () => {
  it("comes before the node step, in bash, with no inputs and no expressions", () => {
    const steps = actionSteps();
    const check = steps.findIndex((s) => s.id === "node-version");
    expect(check).toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(steps.findIndex((s) => s.id === "model-approval"));
    expect(steps[check]).toMatchObject({ shell: "bash" });
    expect(steps[check]!.env).toBeUndefined();
    expect(steps[check]!.run).not.toContain("${{");
  });

  it("fails with an annotation when there is no node on PATH", () => {
    const result = runCheck(emptyDir());
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.properties.title).toBe("model-approval needs Node.js 20 or newer");
    expect(result.errors[0]!.message).toMatch(/^no 'node' found on PATH: /);
    expect(result.errors[0]!.message).toMatch(WHAT_TO_DO);
    expect(result.errors[0]!.message).toMatch(/self-hosted runners/);
    // Bash builtins only: nothing else was looked up on the empty PATH.
    expect(result.stderr).toBe("");
  });

  it.each([["v18.19.0"], ["v8.17.0"], ["v16.20.2"], ["v19.9.0"]])(
    "fails with an annotation naming the Node.js found: %s",
    (version) => {
      const dir = fakeNode(version);
      const result = runCheck(dir);
      expect(result.code).toBe(1);
      expect(result.errors.map((a) => a.message)).toEqual([
        expect.stringContaining(`found Node.js ${version} at ${join(dir, "node")}: `),
      ]);
      expect(result.errors[0]!.message).toMatch(WHAT_TO_DO);
    },
  );

  it.each([
    ["prints nothing", "", 0],
    ["prints something else", "not a version", 0],
    ["fails", "v22.0.0", 3],
    ["prints a workflow command", "::warning::x%0Ay", 0],
  ])("fails when node's --version %s, saying its version is unknown", (_label, output, code) => {
    const result = runCheck(fakeNode(output, code));
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^found Node\.js (of unknown version|\S+) at /);
    expect(result.stdout).not.toMatch(/^::warning/m);
    expect(result.stdout).not.toContain("%0A");
  });

  it.each([["v20.0.0"], ["v22.11.0"], ["v100.1.2"], ["v20.19.0\r"]])("passes silently for %j", (version) => {
    const result = runCheck(fakeNode(version));
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("passes silently with the real node, under set -u too", () => {
    for (const flags of [
      ["-eo", "pipefail"],
      ["-euo", "pipefail"],
    ]) {
      const result = runCheck(dirname(process.execPath), flags);
      expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
    }
  });
});
