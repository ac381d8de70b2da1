// The package as a user gets it: `npm pack` of this checkout, installed into an empty directory
// with no dev dependencies and no network, then the CLI run there, through npx and as its
// installed link, on copies of the examples. The package has no runtime dependency (dist/ is
// self-contained), so an offline install needs nothing from npm's cache and works on a clean
// machine.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: nothing from the `npm test` running these tests. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^npm_/i.test(name) && name !== "NODE_OPTIONS" && name !== "INIT_CWD") env[name] = value;
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: "utf8", timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EVENT_FILE = "real/tensorboard/events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0";

let root: string;
let project: string;
let tarball: { filename: string; size: number; files: { path: string; mode: number }[] };
let install: Run;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "model-approval-pack-"));
  const packDir = join(root, "pack");
  mkdirSync(packDir);
  // --ignore-scripts: pack the committed dist/ as it is (prepack would rebuild it under the other
  // tests' feet); CI checks beforehand that dist/ is what the sources build.
  const pack = run(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir],
    process.cwd(),
  );
  expect(pack.code).toBe(0);
  const packed = JSON.parse(pack.stdout) as (typeof tarball)[];
  expect(packed).toHaveLength(1);
  tarball = packed[0]!;

  project = join(root, "project");
  mkdirSync(join(project, "metrics"), { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true }));
  for (const file of ["minimal.yml", "auto-approve.yml", "full.yml"])
    copyFileSync(join("examples", file), join(project, file));
  copyFileSync("examples/metrics/eval.json", join(project, "metrics/eval.json"));
  copyFileSync("test/fixtures/config/invalid/approvers-string.yml", join(project, "approvers-string.yml"));
  // The event reader is a chunk of its own (dist/chunks/), loaded only when an event file is read.
  copyFileSync(`test/fixtures/metrics/${EVENT_FILE}`, join(project, "metrics", "events.out.tfevents.1"));
  install = run(
    "npm",
    ["install", "--omit=dev", "--offline", "--no-audit", "--no-fund", join(packDir, tarball.filename)],
    project,
  );
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const npx = (...args: string[]) => run("npx", ["--offline", "--no", "model-approval", ...args], project);
/**
 * The link npx runs, run as a shell runs it (its shebang): what the package installed, without
 * npx's own half second of start-up on every call. One test goes through npx itself.
 */
const cli = (...args: string[]) => run(join(project, "node_modules/.bin/model-approval"), args, project);

describe("the npm package", () => {
  it("holds the bundles, action.yml, the schema and the docs, and no source, test or tooling", () => {
    const paths = tarball.files.map((f) => f.path).sort();
    for (const needed of [
      "package.json",
      "README.md",
      "action.yml",
      "dist/cli.js",
      "dist/action.js",
      "schema/model-approval.schema.json",
      "docs/config.md",
    ])
      expect(paths).toContain(needed);
    const allowed =
      /^(package\.json|README\.md|LICENSE|action\.yml|dist\/(chunks\/)?[^/]+\.js|schema\/[^/]+\.json|docs\/[^/]+\.md)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    // About 1.0 MB before the Parquet reader (hyparquet, a lazily loaded chunk of ~140 KB in each
    // of the CLI's and the Action's bundles); a jump past this says something large got bundled.
    expect(tarball.size).toBeLessThan(1_100_000);
  });

  it("declares no runtime dependency and installs offline as one package", () => {
    expect(install.stderr).not.toMatch(/ERR!|EBADENGINE/);
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(/added 1 package\b/);
    const manifest = JSON.parse(
      readFileSync(join(project, "node_modules/model-approval/package.json"), "utf8"),
    );
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ "model-approval": "dist/cli.js" });
    expect(manifest.scripts?.prepare).toBeUndefined();
  });

  it("links an executable model-approval with a node shebang", () => {
    const bin = realpathSync(join(project, "node_modules/.bin/model-approval"));
    expect(bin).toBe(realpathSync(join(project, "node_modules/model-approval/dist/cli.js")));
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("validate: exit 0 for valid configs, 2 with FILE:LINE:COL for a bad one", () => {
    const ok = npx("validate", "minimal.yml", "auto-approve.yml", "full.yml");
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("minimal.yml: valid\nauto-approve.yml: valid\nfull.yml: valid\n");

    const bad = cli("validate", "approvers-string.yml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "approvers-string.yml:7:18: error: approvers must be a list, e.g. ['bob']\n  hint: ",
    );
  });

  it("evaluate: 0 approved, 3 pending, 2 for input it cannot read", () => {
    const approved = cli("evaluate", "--config", "auto-approve.yml", "--metrics", "eval=metrics/eval.json");
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/^model-approval: APPROVED \(auto-approved\)/);

    const json = cli(
      "evaluate",
      "--config",
      "auto-approve.yml",
      "--metrics",
      "eval=metrics/eval.json",
      "--format",
      "json",
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ decision: "approved", autoApproved: true });

    const pending = cli("evaluate", "--config", "minimal.yml");
    expect(pending.code).toBe(3);
    expect(pending.stdout).toMatch(/^model-approval: PENDING/);

    const missing = cli("evaluate", "--config", "auto-approve.yml", "--metrics", "eval=metrics/missing.json");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("metrics/missing.json: no such file or directory");
  });

  it("evaluate reads a TensorBoard event file through the chunk it loads for it", () => {
    writeFileSync(
      join(project, "tensorboard.yml"),
      "version: 1\nmetrics:\n  tb: metrics/events.out.tfevents.1\nsteps:\n  - name: loss\n    type: test\n    inputs:\n      checks: [tb.dup_steps/foo < 1.6]\n",
    );
    const result = cli("evaluate", "--config", "tensorboard.yml", "--format", "json");
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({
      decision: "approved",
      metrics: [{ metric: "tb.dup_steps/foo", value: 1.5478503704071045, passed: true }],
    });
  });
});
