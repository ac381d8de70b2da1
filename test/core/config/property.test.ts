import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { stringify } from "yaml";
import { parseConfig } from "../../../src/core/config/parse.js";

const hasSteps = (value: unknown) => value !== null && typeof value === "object" && "steps" in value;

describe("parseConfig never throws and never accepts a config without steps", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 400 }), (text) => {
        const result = parseConfig(text, "fuzz.yml");
        if (result.ok) expect(result.config.steps.length).toBeGreaterThan(0);
        else expect(result.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("on YAML-ish text built from YAML punctuation", () => {
    const token = fc.constantFrom(
      "steps:",
      "\n",
      "  ",
      "- ",
      "name: a",
      "type: approval",
      "inputs:",
      "approvers:",
      "[",
      "]",
      "{",
      "}",
      ",",
      "&a ",
      "*a",
      "'",
      '"',
      ":",
      "#",
      "---",
      "a > 1",
      "!!str ",
      "? ",
      "|\n",
      "\t",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const text = tokens.join("");
        const result = parseConfig(text, "fuzz.yml");
        if (result.ok) expect(text).toContain("steps");
      }),
      { numRuns: 1000 },
    );
  });

  it("on arbitrary JSON values written as YAML", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const result = parseConfig(stringify(value), "fuzz.yml");
        if (!hasSteps(value)) expect(result.ok).toBe(false);
        if (!result.ok) {
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("on config-shaped values with arbitrary leaves", () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("a > 1", "approval", "test", "deploy", "training"),
    );
    const step = fc.dictionary(
      fc.constantFrom("name", "type", "inputs", "on_fail", "on_reject", "users"),
      leaf,
    );
    const config = fc.record(
      { version: leaf, steps: fc.array(step, { maxLength: 4 }), metrics: leaf, baseline: leaf },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (value) => {
        const result = parseConfig(stringify(value), "fuzz.yml");
        if (!hasSteps(value)) expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
