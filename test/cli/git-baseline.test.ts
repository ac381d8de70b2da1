import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./support.js";

const CONFIG = `version: 1
metrics:
  eval: metrics/eval.json
baseline:
  eval: { path: metrics/eval.json, ref: base }
steps:
  - name: train_model
    type: training
  - name: check
    type: test
    inputs:
      checks: [f1 >= baseline - 0.01]
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
    },
  }).trim();
}

/** A repository whose main has f1 0.80 committed, and a working tree with `f1` measured. */
function repository(f1: number, config = CONFIG): { dir: string; main: string } {
  const dir = mkdtempSync(join(tmpdir(), "ma-git-"));
  git(dir, "init", "--quiet", "--initial-branch=main");
  mkdirSync(join(dir, "metrics"));
  mkdirSync(join(dir, ".github"));
  writeFileSync(join(dir, ".github/model-approval.yml"), config);
  writeFileSync(join(dir, "metrics/eval.json"), JSON.stringify({ f1: 0.8 }));
  git(dir, "add", ".");
  git(dir, "commit", "--quiet", "-m", "production model");
  const main = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "--quiet", "-b", "candidate");
  writeFileSync(join(dir, "metrics/eval.json"), JSON.stringify({ f1 }));
  return { dir, main };
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe("the CLI reads a baseline pinned to a ref from git", () => {
  it("reads `ref: base` from main without origin, and says which ref and commit", async () => {
    const { dir, main } = repository(0.795);
    const { code, stdout, stderr } = await cli(["evaluate", "--format", "json"], dir);
    expect(stderr).toContain(`baseline eval: metrics/eval.json read at main (${main})`);
    expect(code).toBe(0);
    const report = json(stdout);
    expect(JSON.stringify(report)).toContain('"baseline":0.8');
    expect(JSON.stringify(report)).toContain(`"ref":"main","commit":"${main}"`);
  });

  it("fails the change check when the working tree's model is worse than main's", async () => {
    const { dir } = repository(0.7);
    const { code, stdout } = await cli(["evaluate"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/REJECTED/);
  });

  it("prefers the upstream default branch, origin/HEAD, over a local main", async () => {
    const { dir } = repository(0.85);
    // origin/main holds a better model than the local main.
    git(dir, "checkout", "--quiet", "-b", "upstream", "main");
    writeFileSync(join(dir, "metrics/eval.json"), JSON.stringify({ f1: 0.9 }));
    git(dir, "commit", "--quiet", "-am", "upstream's model");
    const upstream = git(dir, "rev-parse", "HEAD");
    git(dir, "update-ref", "refs/remotes/origin/main", upstream);
    git(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
    git(dir, "checkout", "--quiet", "candidate");
    const { code, stderr } = await cli(["evaluate"], dir);
    expect(stderr).toContain(`read at origin/main (${upstream})`);
    expect(code).toBe(1);
  });

  it("reads any other ref as named", async () => {
    const { dir, main } = repository(0.795, CONFIG.replace("ref: base", "ref: v1"));
    git(dir, "tag", "v1", main);
    const { code, stderr } = await cli(["evaluate"], dir);
    expect(stderr).toContain(`read at v1 (${main})`);
    expect(code).toBe(0);
  });

  it("names the ref when it does not exist, and does not approve", async () => {
    const { dir } = repository(0.9, CONFIG.replace("ref: base", "ref: no-such-ref"));
    const { code, stderr } = await cli(["evaluate"], dir);
    expect(stderr).toContain(
      "baseline: metrics/eval.json at ref 'no-such-ref': ref 'no-such-ref' does not exist in this git repository",
    );
    expect(code).not.toBe(0);
  });

  it("names the path and the ref when the file does not exist there", async () => {
    const { dir, main } = repository(
      0.9,
      CONFIG.replace("path: metrics/eval.json", "path: metrics/old.json"),
    );
    const { code, stderr } = await cli(["evaluate"], dir);
    expect(stderr).toContain(`baseline: metrics/old.json does not exist at main (${main.slice(0, 7)})`);
    expect(code).not.toBe(0);
  });

  it("says so outside a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-nogit-"));
    mkdirSync(join(dir, "metrics"));
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github/model-approval.yml"), CONFIG);
    writeFileSync(join(dir, "metrics/eval.json"), JSON.stringify({ f1: 0.9 }));
    const { code, stderr } = await cli(["evaluate"], dir);
    expect(stderr).toMatch(/metrics\/eval.json at ref 'base': .* is not in a git repository/);
    expect(code).not.toBe(0);
  });

  it("lets --baseline override the ref", async () => {
    const { dir } = repository(0.7);
    writeFileSync(join(dir, "prod.json"), JSON.stringify({ f1: 0.7 }));
    const { code, stderr } = await cli(["evaluate", "--baseline", "eval=prod.json"], dir);
    expect(stderr).not.toContain("read at");
    expect(code).toBe(0);
  });

  it("with --pr reads the PR's base branch", async () => {
    const { dir } = repository(0.85);
    git(dir, "checkout", "--quiet", "-b", "release", "main");
    writeFileSync(join(dir, "metrics/eval.json"), JSON.stringify({ f1: 0.95 }));
    git(dir, "commit", "--quiet", "-am", "release model");
    const release = git(dir, "rev-parse", "HEAD");
    git(dir, "checkout", "--quiet", "candidate");
    writeFileSync(
      join(dir, "pr.json"),
      JSON.stringify({
        number: 7,
        user: { login: "bob" },
        head: { sha: "a".repeat(40) },
        base: { ref: "release" },
      }),
    );
    const { code, stderr } = await cli(["evaluate", "--pr", "pr.json"], dir);
    expect(stderr).toContain(`read at release (${release})`);
    expect(code).toBe(1);
  });
});

describe("the CLI and a baseline that is what is deployed", () => {
  const DEPLOYED = CONFIG.replace(
    "eval: { path: metrics/eval.json, ref: base }",
    "eval: { environment: production }",
  );

  it("is an error naming what to give: the CLI reads no deployments", async () => {
    const { dir } = repository(0.9, DEPLOYED);
    const { code, stdout } = await cli(["evaluate"], dir);
    expect(code).toBe(2);
    expect(stdout).toContain(
      "the CLI reads no deployments: give the live model's metrics with --baseline NAME=FILE",
    );
  });

  it("compares with the live model's metrics given with --baseline", async () => {
    const { dir } = repository(0.7, DEPLOYED);
    writeFileSync(join(dir, "live.json"), JSON.stringify({ f1: 0.8 }));
    const { code, stdout } = await cli(["evaluate", "--baseline", "eval=live.json"], dir);
    expect(code).toBe(1);
    expect(stdout).toContain("from baseline 0.8");
  });
});
