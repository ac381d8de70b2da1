import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseDvcYaml } from "../../../src/core/metrics/dvc-yaml.js";

const REAL = "test/fixtures/metrics/real/dvc";

function entries(text: string) {
  const result = parseDvcYaml(text, "dvc.yaml");
  if (!result.ok) throw new Error(result.error);
  return result.entries;
}

function error(text: string): string {
  const result = parseDvcYaml(text, "dvc.yaml");
  if (result.ok) throw new Error("expected dvc.yaml to be rejected");
  return result.error;
}

describe("parseDvcYaml on genuine dvc.yaml files", () => {
  it("finds a stage's `metrics: - file: {cache: false}` entry, with its stage and position", () => {
    expect(entries(readFileSync(`${REAL}/mnist-dvc/dvc.yaml`, "utf8"))).toEqual([
      { path: "metrics.json", stage: "train", line: 28, column: 7 },
    ]);
  });

  it("finds DVC 3's top-level `metrics:` list", () => {
    expect(entries(readFileSync(`${REAL}/example-get-started/dvc.yaml`, "utf8"))).toEqual([
      { path: "eval/metrics.json", line: 55, column: 3 },
    ]);
  });
});

// Error cases are dvc.yaml shapes, written inline: none of them is a metrics file.
describe("parseDvcYaml: what it cannot follow fails, located", () => {
  it("takes plain and one-key-map entries, top level first, and strips ./", () => {
    const text =
      "stages:\n  eval:\n    cmd: x\n    metrics:\n    - ./eval/a.json\n    - b.yaml:\n        cache: false\nmetrics:\n- top.json\n";
    expect(entries(text).map((e) => [e.path, e.stage])).toEqual([
      ["top.json", undefined],
      ["eval/a.json", "eval"],
      ["b.yaml", "eval"],
    ]);
  });

  it("rejects a templated path", () => {
    expect(error("stages:\n  t:\n    cmd: x\n    metrics:\n    - ${out}/m.json\n")).toBe(
      "dvc.yaml:5:7: stage 't' metrics: '${out}/m.json' is templated; name the metrics file itself as the metrics source",
    );
  });

  it("rejects a foreach stage with metrics", () => {
    expect(
      error("stages:\n  t:\n    foreach: [a, b]\n    do:\n      cmd: x\n      metrics:\n      - m.json\n"),
    ).toMatch(/^dvc\.yaml:2:3: stage 't' is a foreach\/matrix stage with metrics/);
  });

  it("rejects entries that are not paths, and metrics that are not a list", () => {
    expect(error("metrics:\n- 3\n")).toBe(
      "dvc.yaml:2:3: metrics: expected a metrics file path, e.g. '- eval/metrics.json'",
    );
    expect(error("metrics: m.json\n")).toBe("dvc.yaml:1:10: metrics must be a list of files");
  });

  it("says when there are no metrics at all", () => {
    expect(error("stages:\n  t:\n    cmd: x\n")).toBe(
      "dvc.yaml: declares no metrics (no 'metrics:' at the top or in any stage)",
    );
  });

  it("locates a YAML syntax error", () => {
    expect(error("stages:\n  t:\n    cmd: x\n   bad: [\n")).toMatch(/^dvc\.yaml:\d+:\d+: invalid YAML: /);
  });
});
