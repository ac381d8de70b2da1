import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/core/config/parse.js";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";

const config = (baseline: string) => `metrics:
  eval: metrics/eval.json
baseline: ${baseline}
steps:
  - name: change_check
    type: test
    inputs:
      checks: [f1 >= baseline - 0.01]
`;

function errors(baseline: string): string[] {
  const result = parseConfig(config(baseline), "gate.yml");
  if (result.ok) throw new Error("expected errors");
  return result.diagnostics.map(formatDiagnostic);
}

describe("a baseline that is what is deployed", () => {
  it("for every source: the environment, failing before the first deployment by default", () => {
    const result = parseConfig(config("{ environment: production }"), "gate.yml");
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join("\n"));
    expect(result.config.baseline).toEqual([]);
    expect(result.config.deployedBaseline).toEqual([
      { environment: "production", whenMissing: "fail", location: expect.objectContaining({ line: 3 }) },
    ]);
  });

  it("for one source, beside a file source, with when_missing: pass", () => {
    const result = parseConfig(
      config("{ eval: { environment: production, when_missing: pass }, other: { path: b.json, ref: base } }"),
      "gate.yml",
    );
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join("\n"));
    expect(result.config.deployedBaseline).toEqual([
      expect.objectContaining({ name: "eval", environment: "production", whenMissing: "pass" }),
    ]);
    expect(result.config.baseline).toEqual([
      expect.objectContaining({ name: "other", path: "b.json", ref: "base" }),
    ]);
  });

  it.each([
    [
      "{ environment: production, when_missing: maybe }",
      "gate.yml:3:52: error: unknown when_missing value 'maybe'",
    ],
    ["{ environment: production, eval: x.json }", "gate.yml:3:38: error: unknown key 'eval'"],
    ["{ eval: { environment: production, path: x } }", "gate.yml:3:46: error: unknown key 'path'"],
    ["{ environment: '' }", "gate.yml:3:26: error: 'environment' must not be empty"],
    [
      "{ when_missing: pass }",
      "gate.yml:3:27: error: 'when_missing' says what a deployed baseline does before the first deployment, but 'baseline' names no 'environment'",
    ],
  ])("%s is a located error", (baseline, message) => {
    expect(errors(baseline).join("\n")).toContain(message);
  });

  it("lists the keys a deployed baseline allows", () => {
    expect(errors("{ environment: production, eval: x.json }").join("\n")).toContain(
      "allowed keys here: environment, when_missing",
    );
  });
});
