import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseCondition } from "../../src/core/conditions/parse.js";
import { lookupMetric } from "../../src/core/metrics/lookup.js";
import { loadMetricSources } from "../../src/node/metrics-files.js";

const cwd = "test/fixtures/metrics";
const ref = (...segments: string[]) => ({ segments, text: segments.join(".") });

describe("a dvc.yaml as the metric source", () => {
  it("follows a stage's metrics entry: the one file's metrics at the top, the file kept as evidence", async () => {
    const { sources, errors } = await loadMetricSources(
      [{ name: "dvc", path: "real/dvc/mnist-dvc/dvc.yaml" }],
      { cwd, refs: [] },
    );
    expect(errors).toEqual({});
    expect(sources).toEqual([
      {
        name: "dvc",
        file: "real/dvc/mnist-dvc/dvc.yaml",
        format: "dvc",
        values: { accuracy: 0.9906666874885559, loss: 0.057571277022361755 },
        files: ["real/dvc/mnist-dvc/metrics.json"],
      },
    ]);
    expect(lookupMetric(ref("dvc", "accuracy"), sources)).toMatchObject({
      ok: true,
      value: 0.9906666874885559,
    });
  });

  it("fails closed, at the entry's line, when the metrics file is a DVC output not pulled", async () => {
    const { sources, errors } = await loadMetricSources(
      [{ name: "dvc", path: "real/dvc/example-get-started/dvc.yaml" }],
      { cwd, refs: [] },
    );
    expect(sources).toEqual([]);
    expect(errors.dvc).toBe(
      "real/dvc/example-get-started/dvc.yaml:55:3: metrics: real/dvc/example-get-started/eval/metrics.json: no such file or directory (outputs DVC caches are not in git: run 'dvc pull' or 'dvc repro' before the gate)",
    );
  });

  it("reads an explicit format: yaml as a plain YAML file, not followed", async () => {
    const { sources } = await loadMetricSources(
      [{ name: "raw", path: "real/dvc/mnist-dvc/dvc.yaml", format: "yaml" }],
      { cwd, refs: [] },
    );
    expect(sources[0]).toMatchObject({ format: "yaml" });
    expect(sources[0]?.files).toBeUndefined();
  });

  describe("several metrics files", () => {
    let dir: string;
    beforeAll(() => {
      // Genuine metrics files from two projects, side by side under one (test-written) dvc.yaml.
      dir = mkdtempSync(join(tmpdir(), "dvc-yaml-"));
      mkdirSync(join(dir, "eval"));
      mkdirSync(join(dir, "toml"));
      copyFileSync(resolve(cwd, "real/dvc/mnist-dvc/metrics.json"), join(dir, "eval/mnist.json"));
      copyFileSync(resolve(cwd, "real/dvc/iris-dvc/metrics.json"), join(dir, "iris.json"));
      writeFileSync(
        join(dir, "dvc.yaml"),
        "stages:\n  evaluate:\n    cmd: python eval.py\n    metrics:\n    - eval/mnist.json:\n        cache: false\nmetrics:\n- iris.json\n",
      );
      writeFileSync(join(dir, "toml", "dvc.yaml"), "metrics:\n- report.toml\n");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("names each file's metrics by its path in dvc.yaml, as `dvc metrics show` does", async () => {
      const { sources, errors } = await loadMetricSources([{ name: "dvc", path: "dvc.yaml" }], {
        cwd: dir,
        refs: [],
      });
      expect(errors).toEqual({});
      expect(sources[0]?.values).toEqual({
        "eval/mnist.json": { accuracy: 0.9906666874885559, loss: 0.057571277022361755 },
        "iris.json": { accuracy: 1 },
      });
      expect(sources[0]?.files).toEqual(["iris.json", "eval/mnist.json"]);
      const check = parseCondition("dvc.eval/mnist.json.accuracy >= 0.99");
      if (!check.ok) throw new Error(check.message);
      expect(lookupMetric(check.condition.metric, sources)).toMatchObject({
        ok: true,
        value: 0.9906666874885559,
      });
      const bare = parseCondition("accuracy >= 0.99");
      if (!bare.ok) throw new Error(bare.message);
      expect(lookupMetric(bare.condition.metric, sources)).toMatchObject({ ok: false });
    });

    it("refuses entries outside the repository", async () => {
      mkdirSync(join(dir, "outside"));
      writeFileSync(join(dir, "outside", "dvc.yaml"), "metrics:\n- /etc/hostname\n");
      const absolute = await loadMetricSources([{ name: "dvc", path: "outside/dvc.yaml" }], {
        cwd: dir,
        refs: [],
      });
      expect(absolute.errors.dvc).toBe(
        "outside/dvc.yaml:2:3: metrics: /etc/hostname: is outside the repository",
      );
      writeFileSync(join(dir, "outside", "dvc.yaml"), "metrics:\n- ../../outside.json\n");
      const climbing = await loadMetricSources([{ name: "dvc", path: "outside/dvc.yaml" }], {
        cwd: dir,
        refs: [],
      });
      expect(climbing.errors.dvc).toBe(
        "outside/dvc.yaml:2:3: metrics: ../../outside.json: is outside the repository",
      );
    });

    it("refuses a TOML entry rather than misreading it", async () => {
      const { errors } = await loadMetricSources([{ name: "dvc", path: "toml/dvc.yaml" }], {
        cwd: dir,
        refs: [],
      });
      expect(errors.dvc).toBe(
        "toml/dvc.yaml:2:3: metrics: toml/report.toml: TOML metrics files are not read; write JSON or YAML",
      );
    });
  });
});
