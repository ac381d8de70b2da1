// The node step played in-process must leave the test process as it found it: its variables, its
// standard output and its exit code are the process's own.
import { describe, expect, it } from "@jest/globals";
import { runNodeStepInProcess } from "../../src/local-github/in-process-action.js";

describe("runNodeStepInProcess", () => {
  it("captures the step's workflow commands and restores the environment and exit code", async () => {
    process.env.GITHUB_SHA = "left by the test";
    const exitCode = process.exitCode;
    const result = await runNodeStepInProcess({
      PATH: "/nowhere",
      GITHUB_REPOSITORY: "not-a-repository",
      GITHUB_EVENT_NAME: "push",
      INPUT_GITHUB_TOKEN: "t",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error::model-approval: GITHUB_REPOSITORY must be owner/name");
    expect(process.exitCode).toBe(exitCode);
    expect(process.env.GITHUB_REPOSITORY).toBeUndefined();
    expect(process.env.INPUT_GITHUB_TOKEN).toBeUndefined();
    expect(process.env.GITHUB_SHA).toBe("left by the test");
    expect(process.env.PATH).not.toBe("/nowhere");
    delete process.env.GITHUB_SHA;
  });
});
