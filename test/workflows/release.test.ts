// .github/workflows/release.yml's own scripts, run under bash as the runner runs them, against
// scratch repositories: which tags it releases, the notes it takes from CHANGELOG.md, and where it
// moves the major tag. No network: "origin" is a bare repository on disk.
import { describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";

interface Step {
  id?: string;
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(resolve(".github/workflows/release.yml"), "utf8")) as {
  jobs: Record<string, { steps: Step[] }>;
};

function script(job: string, pick: (step: Step) => boolean): string {
  const step = workflow.jobs[job]?.steps.find(pick);
  if (!step?.run) throw new Error(`release.yml: no such run step in job ${job}`);
  return step.run;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
};

function runStep(run: string, cwd: string, env: Record<string, string>) {
  const file = join(mkdtempSync(join(tmpdir(), "release-step-")), "step.sh");
  writeFileSync(file, run);
  const output = join(dirname(file), "output");
  writeFileSync(output, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
    cwd,
    env: {
      PATH: [dirname(process.execPath), process.env.PATH].join(":"),
      HOME: cwd,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: dirname(file),
      ...IDENTITY,
      ...env,
    },
    encoding: "utf8",
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.2.3] - 2026-12-01

### Fixed

- A thing.

## [1.2.2] - 2026-11-01

- An older thing.

[1.2.3]: https://example.com/v1.2.3
[1.2.2]: https://example.com/v1.2.2
`;

/** A checkout of the tag: package.json at `declared`, CHANGELOG.md and the notes script. */
function checkout(declared: string, changelog = CHANGELOG): string {
  const dir = mkdtempSync(join(tmpdir(), "release-checkout-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", version: declared }));
  writeFileSync(join(dir, "CHANGELOG.md"), changelog);
  mkdirSync(join(dir, "scripts"));
  copyFileSync(resolve("scripts/release-notes.mjs"), join(dir, "scripts", "release-notes.mjs"));
  return dir;
}

describe("release.yml: the version check", () => {
  const versionStep = script("verify", (s) => s.id === "version");

  it("releases vX.Y.Z when package.json says X.Y.Z and CHANGELOG.md has its section", () => {
    const result = runStep(versionStep, checkout("1.2.3"), { TAG: "v1.2.3" });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ version: "1.2.3", major: "v1", prerelease: "false" });
  });

  it("marks a pre-release, which moves no major tag", () => {
    const changelog = CHANGELOG.replace(
      "## [1.2.3]",
      "## [2.0.0-rc.1] - 2026-12-02\n\n- Soon.\n\n## [1.2.3]",
    );
    const result = runStep(versionStep, checkout("2.0.0-rc.1", changelog), { TAG: "v2.0.0-rc.1" });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ version: "2.0.0-rc.1", major: "v2", prerelease: "true" });
  });

  it.each([["v1.2"], ["v1.2.3.4"], ["1.2.3"], ["v1.2.3-"], ["v1.2.3; echo x"]])(
    "refuses the tag %j",
    (tag) => {
      const result = runStep(versionStep, checkout("1.2.3"), { TAG: tag });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`::error::tag ${tag} is not vMAJOR.MINOR.PATCH`);
      expect(result.outputs).toEqual({});
    },
  );

  it("refuses a tag package.json does not declare", () => {
    const result = runStep(versionStep, checkout("1.2.2"), { TAG: "v1.2.3" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "::error file=package.json::package.json's version is 1.2.2, the tag v1.2.3",
    );
  });

  it("refuses a version CHANGELOG.md says nothing about", () => {
    const result = runStep(versionStep, checkout("1.2.4"), { TAG: "v1.2.4" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("CHANGELOG.md has no section '## [1.2.4]'");
  });
});

describe("scripts/release-notes.mjs", () => {
  const notes = (version: string) =>
    execFileSync(process.execPath, ["scripts/release-notes.mjs", version], {
      cwd: checkout("1.2.3"),
      encoding: "utf8",
      // What it says on stderr is asserted, not printed among the test results.
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("prints the version's section, without the headings around it or the link definitions", () => {
    expect(notes("1.2.3")).toBe("### Fixed\n\n- A thing.\n");
    expect(notes("1.2.2")).toBe("- An older thing.\n");
  });

  it("fails for an empty section, saying which", () => {
    expect(() => notes("Unreleased")).toThrow(/CHANGELOG\.md has no section '## \[Unreleased\]' with notes/);
  });
});

describe("release.yml: moving the major tag", () => {
  const moveStep = script("release", (s) => s.name === "Move the major tag to the released commit");
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "init.defaultBranch=main", ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...IDENTITY },
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();

  /** origin with one commit per tag (annotated), v1 at `v1At`; and a clone of it, as checkout leaves it. */
  function repositories(tags: string[], v1At: string) {
    const root = mkdtempSync(join(tmpdir(), "release-tags-"));
    const origin = join(root, "origin.git");
    const work = join(root, "work");
    git(root, "init", "-q", "--bare", origin);
    git(root, "init", "-q", work);
    for (const tag of tags) {
      git(work, "commit", "-q", "--allow-empty", "-m", tag);
      git(work, "tag", "-a", "-m", tag, tag);
    }
    git(work, "tag", "v1", `${v1At}^{commit}`);
    git(work, "remote", "add", "origin", origin);
    git(work, "push", "-q", "origin", "--tags");
    const commit = (tag: string) => git(origin, "rev-parse", `${tag}^{commit}`);
    return { work, origin, commit };
  }

  it("moves v1 to the released commit of the highest v1 release, in origin", () => {
    const repos = repositories(["v1.2.3", "v1.3.0"], "v1.2.3");
    const result = runStep(moveStep, repos.work, { TAG: "v1.3.0", MAJOR: "v1" });
    expect(result.code).toBe(0);
    expect(repos.commit("v1")).toBe(repos.commit("v1.3.0"));
    expect(result.stdout).toContain(`::notice::v1 now points at v1.3.0 (${repos.commit("v1.3.0")})`);
  });

  it("leaves v1 where it is for a backport older than the latest release", () => {
    const repos = repositories(["v1.3.0", "v1.2.4"], "v1.3.0");
    const result = runStep(moveStep, repos.work, { TAG: "v1.2.4", MAJOR: "v1" });
    expect(result.code).toBe(0);
    expect(repos.commit("v1")).toBe(repos.commit("v1.3.0"));
    expect(result.stdout).toContain("::notice::v1 stays where it is: v1.3.0 is a later release than v1.2.4");
  });

  it("orders versions as numbers, and ignores pre-releases and other majors", () => {
    const repos = repositories(["v1.9.0", "v1.10.0", "v1.11.0-rc.1", "v2.0.0"], "v1.9.0");
    const result = runStep(moveStep, repos.work, { TAG: "v1.10.0", MAJOR: "v1" });
    expect(result.code).toBe(0);
    expect(repos.commit("v1")).toBe(repos.commit("v1.10.0"));
  });
});
