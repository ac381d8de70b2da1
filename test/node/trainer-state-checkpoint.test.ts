import { describe, expect, it } from "@jest/globals";
import { loadMetricSources } from "../../src/node/metrics-files.js";

const PATH = "test/fixtures/metrics/real/huggingface/financial-news/trainer_state.json";

describe("loadMetricSources with a trainer_state.json", () => {
  it("passes the source's checkpoint choice to the reader", async () => {
    const { sources, errors } = await loadMetricSources(
      [
        { name: "final", path: PATH },
        { name: "best", path: PATH, checkpoint: "best" },
      ],
      { cwd: process.cwd(), refs: [] },
    );
    expect(errors).toEqual({});
    expect(sources.map((s) => [s.name, s.values.step, s.values.eval_accuracy])).toEqual([
      ["final", 10350, 0.7786840674279499],
      ["best", 8280, 0.7808591625883632],
    ]);
  });
});
