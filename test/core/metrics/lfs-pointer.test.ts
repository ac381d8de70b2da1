import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseMetricsFile } from "../../../src/core/metrics/parse.js";
import { parseTensorboardEvents } from "../../../src/core/metrics/formats/tensorboard.js";
import type { MetricFormat } from "../../../src/core/config/types.js";

const POINTER = readFileSync(
  "test/fixtures/metrics/real/lfs/events.out.tfevents.1674944078.gpu07.cyverse.org.12415.0",
  "utf8",
);
const SAID =
  "this is a Git LFS pointer, not the metrics: fetch LFS files in checkout (actions/checkout with lfs: true)";

describe("a Git LFS pointer in place of a metrics file", () => {
  it.each<[string, MetricFormat | undefined]>([
    ["metrics/eval.json", undefined],
    ["metrics/eval.yaml", undefined],
    ["metrics/eval.csv", undefined],
    ["out/trainer_state.json", "huggingface"],
    ["dvc/metrics.json", "dvc"],
    ["runs/events.out.tfevents.1674944078.gpu07.cyverse.org.12415.0", undefined],
  ])("is named as such for %s (format %s), not as a syntax error", (file, format) => {
    expect(parseMetricsFile(POINTER, { name: "m", file, format })).toEqual({
      ok: false,
      error: `${file}: ${SAID}`,
    });
  });

  it("is named as such by the TensorBoard reader, which reads the file's bytes", () => {
    const file = "runs/events.out.tfevents.1674944078.gpu07.cyverse.org.12415.0";
    expect(parseTensorboardEvents(new TextEncoder().encode(POINTER), { name: "tb", file })).toEqual({
      ok: false,
      error: `${file}: ${SAID}`,
    });
  });

  it("is recognised behind a byte-order mark (hand-made)", () => {
    const result = parseMetricsFile(`\uFEFF${POINTER}`, { name: "m", file: "m.json" });
    expect(result).toEqual({ ok: false, error: `m.json: ${SAID}` });
  });
});
