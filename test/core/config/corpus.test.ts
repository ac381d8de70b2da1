import { describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../../../src/core/config/parse.js";

const VALID = "test/fixtures/config/valid";
const INVALID = "test/fixtures/config/invalid";

interface Expected {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".yml"));
const validFiles = [
  ...yamlFiles(VALID).map((f) => join(VALID, f)),
  ...yamlFiles("examples").map((f) => join("examples", f)),
];

describe("valid corpus (the spec's snippets and examples/)", () => {
  it.each(validFiles)("%s validates", (file) => {
    const result = parseConfig(readFileSync(file, "utf8"), file);
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
  });

  it("examples start with the editor schema comment", () => {
    for (const file of yamlFiles("examples")) {
      expect(readFileSync(join("examples", file), "utf8")).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/schema\/model-approval\.schema\.json\n/,
      );
    }
  });
});

describe("invalid corpus", () => {
  it.each(yamlFiles(INVALID))("%s gives its expected diagnostics", (name) => {
    const file = join(INVALID, name);
    const expected = JSON.parse(readFileSync(file.replace(/\.yml$/, ".expected.json"), "utf8")) as Expected[];
    const result = parseConfig(readFileSync(file, "utf8"), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => ({ line: d.line, column: d.column }))).toEqual(
      expected.map((e) => ({ line: e.line, column: e.column })),
    );
    result.diagnostics.forEach((d, i) => {
      const e = expected[i] as Expected;
      expect(d).toMatchObject({ file, severity: "error" });
      expect(d.message).toContain(e.message);
      if (e.hint) expect(d.hint).toContain(e.hint);
    });
  });

  it("every invalid fixture has an expectation", () => {
    for (const name of yamlFiles(INVALID)) {
      expect(readdirSync(INVALID)).toContain(name.replace(/\.yml$/, ".expected.json"));
    }
  });
});
