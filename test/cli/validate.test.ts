import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./support.js";

// The examples, and the configs .github/workflows/self-test.yml runs the Action with.
const examples = ["examples", ".github/self-test"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => join(dir, f)),
);

describe("model-approval validate", () => {
  it("exits 0 for every example, naming each file", async () => {
    const { code, stdout, stderr } = await cli(["validate", ...examples]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    for (const file of examples) expect(stdout).toContain(`${file}: valid`);
  });

  it("reports the seed's approvers: 'bob' mistake with line, column and hint, exit 2", async () => {
    const file = "test/fixtures/config/invalid/approvers-string.yml";
    const { code, stderr } = await cli(["validate", file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:7:18: error: approvers must be a list, e.g. ['bob']\n  hint: `);
  });

  it("prints all diagnostics sorted by position", async () => {
    const file = "test/fixtures/config/invalid/several-errors.yml";
    const { code, stderr } = await cli(["validate", file]);
    expect(code).toBe(2);
    const positions = [...stderr.matchAll(/:(\d+):(\d+): error:/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(positions).toEqual([
      [1, 10],
      [6, 26],
      [7, 14],
      [11, 18],
    ]);
    expect(stderr).toMatch(/4 errors\n$/);
  });

  it("prints diagnostics as JSON on stdout with --format json", async () => {
    const file = "test/fixtures/config/invalid/users-instead-of-approvers.yml";
    const { code, stdout } = await cli(["validate", "--format", "json", file]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      valid: false,
      diagnostics: [
        {
          file,
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 12,
          severity: "error",
          message: "unknown key 'users' (did you mean 'approvers'?)",
        },
      ],
    });
    const ok = await cli(["validate", "--format=json", "examples/minimal.yml"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, diagnostics: [] });
  });

  it("reads .github/model-approval.yml relative to the working directory by default", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-validate-"));
    const missing = await cli(["validate"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(".github/model-approval.yml:1:1: error: config file not found");

    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github/model-approval.yml"), "steps:\n  - name: t\n    type: training\n");
    const found = await cli(["validate"], dir);
    expect(found).toMatchObject({ code: 0, stderr: "" });
  });

  it("explains a missing file, a directory and an empty file, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-validate-"));
    writeFileSync(join(dir, "empty.yml"), "");
    for (const [file, message] of [
      ["nope.yml", "config file not found"],
      [".", "is a directory"],
      ["empty.yml", "the config file is empty"],
    ]) {
      const { code, stderr } = await cli(["validate", file as string], dir);
      expect(code).toBe(2);
      expect(stderr).toContain(`${file}:1:1: error: ${message}`);
    }
  });

  it("fails when any one of several files is invalid", async () => {
    const { code, stdout } = await cli([
      "validate",
      "examples/minimal.yml",
      "test/fixtures/config/invalid/no-steps.yml",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("examples/minimal.yml: valid\n");
  });

  it("rejects bad options with usage, exit 2", async () => {
    for (const args of [["--format", "xml"], ["--format"], ["--strict"]]) {
      const { code, stderr } = await cli(["validate", ...args]);
      expect(code).toBe(2);
      expect(stderr).toContain("Usage: model-approval validate");
    }
  });

  it("shows its help", async () => {
    const { code, stdout } = await cli(["validate", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: model-approval validate [CONFIG...]");
  });
});
