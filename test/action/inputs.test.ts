import { describe, it, expect } from "@jest/globals";
import { readRunnerEnvironment, type RawInputs } from "../../src/action/env.js";
import { parseInputs, splitLines, DEFAULT_CONFIG } from "../../src/action/inputs.js";

const raw = (over: Partial<RawInputs> = {}): RawInputs => ({
  config: "",
  metrics: "",
  baseline: "",
  githubToken: "t0k",
  mode: "",
  app: "",
  dryRun: "",
  ...over,
});

describe("readRunnerEnvironment", () => {
  it("reads the composite step's underscore names and the runner's variables", () => {
    const env = readRunnerEnvironment({
      INPUT_GITHUB_TOKEN: "abc",
      INPUT_DRY_RUN: " true ",
      INPUT_METRICS: "eval=a.json\nb.json\n",
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: "/tmp/e.json",
      GITHUB_REPOSITORY: "o/r",
      GITHUB_SHA: "deadbeef",
      GITHUB_API_URL: "http://127.0.0.1:1234",
      GITHUB_WORKSPACE: "/ws",
      RUNNER_TEMP: "/rt",
      GITHUB_OUTPUT: "/out",
      GITHUB_STEP_SUMMARY: "/sum",
    });
    expect(env.inputs).toEqual({
      config: "",
      metrics: "eval=a.json\nb.json",
      baseline: "",
      githubToken: "abc",
      mode: "",
      app: "",
      dryRun: "true",
    });
    expect(env).toMatchObject({
      eventName: "push",
      eventPath: "/tmp/e.json",
      repository: "o/r",
      sha: "deadbeef",
      apiUrl: "http://127.0.0.1:1234",
      workspace: "/ws",
      runnerTemp: "/rt",
    });
  });

  it("also accepts the runner's hyphenated spelling, and defaults the API URL", () => {
    const env = readRunnerEnvironment({ "INPUT_DRY-RUN": "false", "INPUT_GITHUB-TOKEN": "x" });
    expect(env.inputs.dryRun).toBe("false");
    expect(env.inputs.githubToken).toBe("x");
    expect(env.apiUrl).toBe("https://api.github.com");
  });
});

describe("parseInputs", () => {
  it("applies the defaults of action.yml", () => {
    expect(parseInputs(raw())).toEqual({
      ok: true,
      inputs: {
        config: DEFAULT_CONFIG,
        metrics: [],
        baseline: [],
        token: "t0k",
        mode: "evaluate",
        app: false,
        dryRun: false,
      },
    });
  });

  it("accepts the YAML booleans and the gate mode", () => {
    const parsed = parseInputs(raw({ app: "True", dryRun: "TRUE", mode: "gate" }));
    expect(parsed).toMatchObject({ ok: true, inputs: { app: true, dryRun: true, mode: "gate" } });
  });

  it("reports every bad input by name instead of guessing", () => {
    const parsed = parseInputs(raw({ mode: "deploy", dryRun: "yes", app: "1", githubToken: "" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      "input 'mode' must be 'evaluate', 'gate' or 'sweep', got 'deploy'",
      "input 'app' must be true or false, got '1'",
      "input 'dry-run' must be true or false, got 'yes'",
      expect.stringContaining("input 'github-token' is empty"),
    ]);
  });

  it("splits metrics into lines, skipping blanks and comments", () => {
    expect(splitLines("eval=metrics/eval.json\r\n\n  # the test split\n  test=metrics/*.csv  \n")).toEqual([
      "eval=metrics/eval.json",
      "test=metrics/*.csv",
    ]);
    const parsed = parseInputs(raw({ metrics: "a.json\nb=c.json", baseline: "eval=prod.json" }));
    expect(parsed).toMatchObject({
      ok: true,
      inputs: { metrics: ["a.json", "b=c.json"], baseline: ["eval=prod.json"] },
    });
  });
});
