import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/core/config/parse.js";

const config = (source: string): string =>
  [
    "metrics:",
    `  tb: ${source}`,
    "steps:",
    "  - name: t",
    "    type: test",
    "    inputs:",
    "      checks: ['eval/accuracy >= 0.9']",
  ].join("\n");

describe("a TensorBoard source's step", () => {
  it("is read into the source spec", () => {
    const result = parseConfig(
      config("{ path: runs/events.out.tfevents.1.host, format: tensorboard, step: 1200 }"),
      "c.yml",
    );
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    expect(result.config.metrics).toMatchObject([
      { name: "tb", path: "runs/events.out.tfevents.1.host", format: "tensorboard", step: 1200 },
    ]);
  });

  it.each(["-1", "1.5", "latest"])("must be a whole number ≥ 0, not %s, with its line", (step) => {
    const result = parseConfig(config(`{ path: runs/events.out.tfevents.1.host, step: ${step} }`), "c.yml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ line: 2 });
    expect(result.diagnostics[0]?.message).toMatch(
      /^(step must be at least 0|'step' must be a whole number)$/,
    );
  });
});
