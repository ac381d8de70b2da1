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
    expect(parsedConfig(VALID, ".github/model-approval.yml", true)).toEqual(
      parseConfig(VALID, ".github/model-approval.yml"),
    );
    const invalid = parsedConfig(INVALID, ".github/model-approval.yml", true);
    expect(invalid.ok).toBe(false);
    expect(invalid).toEqual(parseConfig(INVALID, ".github/model-approval.yml"));
  });

  it("parses a text once, and another text or file name anew", () => {
    const first = parsedConfig(VALID, "a.yml", true);
    expect(parsedConfig(VALID, "a.yml", true)).toBe(first);
    expect(parsedConfig(`${VALID}\n`, "a.yml", true)).not.toBe(first);
    expect(parsedConfig(VALID, "b.yml", true)).not.toBe(first);
  });

  it("keeps neither a pull request's own copy nor rules that do not parse", () => {
    const untrusted = parsedConfig(VALID, "pr.yml", false);
    expect(parsedConfig(VALID, "pr.yml", false)).not.toBe(untrusted);
    expect(parsedConfig(VALID, "pr.yml", false)).toEqual(untrusted);
    // What an author pushed is not what the default branch is later read as.
    expect(parsedConfig(VALID, "pr.yml", true)).not.toBe(untrusted);
    const invalid = parsedConfig(INVALID, "b.yml", true);
    // Diagnostics name the file they were read from.
    expect(invalid.ok || invalid.diagnostics.every((d) => d.file === "b.yml")).toBe(true);
    expect(parsedConfig(INVALID, "b.yml", true)).not.toBe(invalid);
  });

  it("counts what a parse holds in memory, not only its text", () => {
    // 54 KiB of rules whose parse holds about 1.2 MiB (measured): past what one entry may take.
    // Counted by the text alone (108 KiB) it would be kept.
    const checks = (i: number) =>
      Array.from({ length: 20 }, (_, j) => `        - m${i}_${j} >= 0.${j}\n`).join("");
    const steps = Array.from(
      { length: 100 },
      (_, i) => `  - name: check_${i}\n    type: test\n    inputs:\n      checks:\n${checks(i)}`,
    ).join("");
    const large = `version: 1\nsteps:\n${steps}  - name: ok\n    type: approval\n    inputs:\n      approvers: [alice]\n`;
    const first = parsedConfig(large, "large.yml", true);
    expect(first.ok).toBe(true);
    expect(parsedConfig(large, "large.yml", true)).not.toBe(first);
  });

  it("counts rules written in two-byte characters at what they hold", () => {
    // 300,000 UTF-16 units: 0.6 MiB counted once, past the 1 MiB an entry may take counted twice
    // over, as measured for such texts.
    const wide = `# ${"漢".repeat(300_000)}\n${VALID}`;
    const first = parsedConfig(wide, "wide.yml", true);
    expect(first.ok).toBe(true);
    expect(parsedConfig(wide, "wide.yml", true)).not.toBe(first);
  });

  it("is frozen throughout, so one event cannot change the next one's rules", () => {
    // Kept results are copied by structuredClone, whose objects are of Node's realm, not the
    // test's: the errors are matched by message, not by class.
    const result = parsedConfig(VALID, "frozen.yml", true);
    if (!result.ok) throw new Error("the fixture is valid");
    const step = result.config.steps[0]!;
    expect(() => {
      (result.config.steps as unknown[]).push(step);
    }).toThrow(/not extensible/);
    expect(() => {
      (step as { name: string }).name = "renamed";
    }).toThrow(/read only/);
    expect(Object.isFrozen(result.warnings)).toBe(true);
    expect(parsedConfig(VALID, "frozen.yml", true)).toEqual(parseConfig(VALID, "frozen.yml"));
  });
});
