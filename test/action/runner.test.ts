import { describe, it, expect } from "@jest/globals";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProcessRunner, annotationCommand, outputBlock } from "../../src/action/runner.js";

describe("workflow commands", () => {
  it("formats an annotation with its position, escaping what the runner would misread", () => {
    expect(
      annotationCommand("error", "bad: 50%\nnext", {
        file: "a,b:c.yml",
        startLine: 3,
        startColumn: 7,
        title: "t",
      }),
    ).toBe("::error title=t,file=a%2Cb%3Ac.yml,line=3,col=7::bad: 50%25%0Anext");
    expect(annotationCommand("warning", "plain")).toBe("::warning::plain");
  });

  it("writes outputs as delimited blocks that a value cannot close", () => {
    expect(outputBlock("decision", "approved", "D")).toBe("decision<<D\napproved\nD\n");
    expect(() => outputBlock("x", "evil\nD\ninjected=1", "D")).toThrow("contains its delimiter");
  });

  it("appends outputs and summary to the runner's files and records failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "runner-"));
    const lines: string[] = [];
    const runner = new ProcessRunner({ outputFile: join(dir, "out"), summaryFile: join(dir, "sum") }, (l) =>
      lines.push(l),
    );
    runner.setOutput("decision", "pending");
    runner.appendSummary("# hi");
    runner.info("::not-a-command::");
    expect(runner.failed).toBe(false);
    runner.setFailed("nope");
    expect(runner.failed).toBe(true);
    expect(readFileSync(join(dir, "out"), "utf8")).toMatch(
      /^decision<<ghadelimiter_[0-9a-f-]+\npending\nghadelimiter_[0-9a-f-]+\n$/,
    );
    expect(readFileSync(join(dir, "sum"), "utf8")).toBe("# hi\n");
    expect(lines).toEqual([" ::not-a-command::", "::error::nope"]);
  });
});
