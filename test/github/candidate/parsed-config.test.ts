// The rules are parsed once per text: the kept result is what a fresh parse gives, and no caller
// can change it for the next.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseConfig } from "../../../src/core/config/parse.js";
import { parsedConfig } from "../../../src/github/candidate/parsed-config.js";

const fixture = (name: string): string => readFileSync(`test/fixtures/config/${name}`, "utf8");
const VALID = fixture("valid/seed-team-lead.yml");
const INVALID = fixture("invalid/approvers-string.yml");

describe("parsedConfig", () => {
  it("gives what parseConfig gives, for valid and invalid rules alike", () => {
    expect(parsedConfig(VALID, ".github/model-approval.yml")).toEqual(
      parseConfig(VALID, ".github/model-approval.yml"),
    );
    const invalid = parsedConfig(INVALID, ".github/model-approval.yml");
    expect(invalid.ok).toBe(false);
    expect(invalid).toEqual(parseConfig(INVALID, ".github/model-approval.yml"));
  });

  it("parses a text once, and another text or file name anew", () => {
    const first = parsedConfig(VALID, "a.yml");
    expect(parsedConfig(VALID, "a.yml")).toBe(first);
    expect(parsedConfig(`${VALID}\n`, "a.yml")).not.toBe(first);
    const elsewhere = parsedConfig(INVALID, "b.yml");
    // Diagnostics name the file they were read from.
    expect(elsewhere.ok || elsewhere.diagnostics.every((d) => d.file === "b.yml")).toBe(true);
    expect(parsedConfig(INVALID, "c.yml")).not.toBe(elsewhere);
  });

  it("is frozen throughout, so one event cannot change the next one's rules", () => {
    const result = parsedConfig(VALID, "frozen.yml");
    if (!result.ok) throw new Error("the fixture is valid");
    const step = result.config.steps[0]!;
    expect(() => {
      (result.config.steps as unknown[]).push(step);
    }).toThrow(TypeError);
    expect(() => {
      (step as { name: string }).name = "renamed";
    }).toThrow(TypeError);
    expect(Object.isFrozen(result.warnings)).toBe(true);
    expect(parsedConfig(VALID, "frozen.yml")).toEqual(parseConfig(VALID, "frozen.yml"));
  });
});
