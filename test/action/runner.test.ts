import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActionsRunner } from "../../src/action/runner.js";

describe("ActionsRunner", () => {
  const saved = { ...process.env };
  let dir: string;
  let lines: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "runner-"));
    process.env.GITHUB_OUTPUT = join(dir, "out");
    process.env.GITHUB_STEP_SUMMARY = join(dir, "sum");
    writeFileSync(process.env.GITHUB_OUTPUT, "");
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, "");
    lines = [];
    jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk).replace(/\n$/, ""));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  it("annotates with the position, escaping what the runner would misread", () => {
    new ActionsRunner().annotate("error", "bad: 50%\nnext", {
      file: "a,b:c.yml",
      startLine: 3,
      startColumn: 7,
      title: "t",
    });
    expect(lines).toEqual(["::error title=t,file=a%2Cb%3Ac.yml,line=3,col=7::bad: 50%25%0Anext"]);
  });

  it("writes outputs as delimited blocks that a value cannot close, and the summary to its file", async () => {
    const runner = new ActionsRunner();
    runner.setOutput("decision", "pending");
    runner.setOutput("note", "two\nlines");
    await runner.appendSummary("# hi");
    const out = readFileSync(join(dir, "out"), "utf8");
    expect(out).toMatch(/^decision<<(ghadelimiter_[0-9a-f-]+)\npending\n\1\n/);
    expect(out).toMatch(/note<<(ghadelimiter_[0-9a-f-]+)\ntwo\nlines\n\1\n$/);
    expect(readFileSync(join(dir, "sum"), "utf8")).toBe("# hi\n");
  });

  it("never lets an info line be read as a command, and records failure", () => {
    const runner = new ActionsRunner();
    runner.info("::add-mask::secret");
    expect(runner.failed).toBe(false);
    runner.setFailed("nope");
    expect(runner.failed).toBe(true);
    expect(process.exitCode).toBe(1);
    expect(lines).toEqual([" ::add-mask::secret", "::error::nope"]);
  });
});
