// The runner's environment as the Action reads it: here, which workflow file GITHUB_WORKFLOW_REF names.
import { describe, expect, it } from "@jest/globals";
import { readRunnerEnvironment } from "../../src/action/env.js";

const base = { GITHUB_REPOSITORY: "acme/models", GITHUB_RUN_ID: "42" };

describe("the run's workflow file", () => {
  it("is the path GITHUB_WORKFLOW_REF names in this repository, without its ref", () => {
    const env = readRunnerEnvironment({
      ...base,
      GITHUB_WORKFLOW_REF: "acme/models/.github/workflows/train.yml@refs/pull/7/merge",
    });
    expect(env).toMatchObject({ runId: 42, workflow: ".github/workflows/train.yml" });
  });

  it("matches the repository however GitHub cases it", () => {
    const env = readRunnerEnvironment({
      ...base,
      GITHUB_WORKFLOW_REF: "Acme/Models/.github/workflows/train.yml@refs/heads/main",
    });
    expect(env.workflow).toBe(".github/workflows/train.yml");
  });

  it("is unknown for another repository's workflow, a ref without a path, or none", () => {
    for (const ref of [
      "other/repo/.github/workflows/train.yml@refs/heads/main",
      "acme/models/@refs/heads/main",
    ])
      expect(readRunnerEnvironment({ ...base, GITHUB_WORKFLOW_REF: ref })).not.toHaveProperty("workflow");
    expect(readRunnerEnvironment(base)).not.toHaveProperty("workflow");
    expect(
      readRunnerEnvironment({ GITHUB_WORKFLOW_REF: "/.github/workflows/train.yml@refs/heads/main" }),
    ).not.toHaveProperty("workflow");
  });
});

describe("a proxy", () => {
  it("is named by any of the variables the toolkit reads, and by none otherwise", () => {
    expect(readRunnerEnvironment(base).proxied).toBe(false);
    expect(readRunnerEnvironment({ ...base, NO_PROXY: "github.com", HTTPS_PROXY: "" }).proxied).toBe(false);
    for (const name of ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"])
      expect([name, readRunnerEnvironment({ ...base, [name]: "http://proxy:3128" }).proxied]).toEqual([
        name,
        true,
      ]);
  });
});
