import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/core/config/parse.js";

const config = (source: string) =>
  parseConfig(
    [
      "metrics:",
      `  hf: ${source}`,
      "steps:",
      "  - name: t",
      "    type: test",
      "    inputs:",
      "      checks: [accuracy >= 0.5]",
    ].join("\n"),
    "c.yml",
  );

describe("a metric source's checkpoint option", () => {
  it("is read into the source spec", () => {
    const result = config("{ path: out/trainer_state.json, format: huggingface, checkpoint: best }");
    expect(result.ok && result.config.metrics).toMatchObject([
      { name: "hf", path: "out/trainer_state.json", format: "huggingface", checkpoint: "best" },
    ]);
  });

  it("rejects an unknown choice with its location and the allowed values", () => {
    const result = config("{ path: out/trainer_state.json, checkpoint: latest }");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: "c.yml", line: 2 });
    expect(result.diagnostics[0]?.message).toContain("'latest'");
    expect(`${result.diagnostics[0]?.message} ${result.diagnostics[0]?.hint}`).toContain("final, best");
  });
});
