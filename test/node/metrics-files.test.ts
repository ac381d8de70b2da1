import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import type { MetricFormat } from "../../src/core/config/types.js";
import { MAX_STREAMED_BYTES, loadMetricSources, parseMetricArg } from "../../src/node/metrics-files.js";

const cwd = "test/fixtures/metrics";
// root reads files whatever their mode: as root the permission case runs the bundled CLI as
// `nobody` (runuser), otherwise in-process.
const AS_ROOT = process.getuid?.() === 0;
const RUN = "mlflow/mlruns/0/4f1c2b7e9a0d4e6f8b3c5d7e9f1a2b3c";

describe("loadMetricSources", () => {
  it("loads files of several formats, detecting each", async () => {
    const { sources, errors } = await loadMetricSources(
      [
        { name: "hf", path: "huggingface/all_results.json" },
        { name: "wb", path: "wandb/wandb-summary.json" },
        { name: "report", path: "sklearn/binary-report.json" },
        { name: "table", path: "csv/header-row.csv" },
      ],
      { cwd, refs: [] },
    );
    expect(errors).toEqual({});
    expect(sources.map((s) => [s.name, s.file, s.format])).toEqual([
      ["hf", "huggingface/all_results.json", "huggingface"],
      ["wb", "wandb/wandb-summary.json", "wandb"],
      ["report", "sklearn/binary-report.json", "sklearn"],
      ["table", "csv/header-row.csv", "csv"],
    ]);
  });

  it("reads an MLflow run directory: latest value by step, then timestamp, keys with / kept", async () => {
    const { sources, errors } = await loadMetricSources([{ name: "run", path: RUN }], { cwd, refs: [] });
    expect(errors).toEqual({});
    expect(sources).toHaveLength(1);
    const run = sources[0]!;
    expect(run).toMatchObject({ name: "run", file: RUN, format: "mlflow" });
    expect(run.values).toMatchObject({ accuracy: 0.9134, loss: 0.275, "eval/f1": 0.8871 });
    expect(run.values.grad_norm).toBeNaN();
    expect(Object.keys(run.values).sort()).toEqual(["accuracy", "eval/f1", "grad_norm", "loss"]);
  });

  it("honours an explicit format", async () => {
    const { sources } = await loadMetricSources(
      [{ name: "plain", path: "huggingface/all_results.json", format: "json" }],
      { cwd, refs: [] },
    );
    expect(sources[0]?.format).toBe("json");
  });

  it("collects errors by source name, with the path, and keeps loading the rest", async () => {
    const { sources, errors } = await loadMetricSources(
      [
        { name: "missing", path: "nope/eval.json" },
        { name: "broken", path: "malformed/extra-column.csv" },
        { name: "dir", path: "csv" },
        { name: "mlfile", path: "json/python-dump.json", format: "mlflow" },
        { name: "typo", path: "json/python-dump.json", format: "hugginface" as MetricFormat },
        { name: "ok", path: "yaml/metrics.yaml" },
      ],
      { cwd, refs: [] },
    );
    expect(sources.map((s) => s.name)).toEqual(["ok"]);
    expect(errors).toEqual({
      missing: "nope/eval.json: no such file or directory",
      broken: "malformed/extra-column.csv:3: expected 2 columns, got 3",
      dir: "csv: is a directory, and neither an MLflow run directory (it has no metrics/ inside) nor a TensorBoard run directory (no events.out.tfevents.* files in it)",
      mlfile:
        "json/python-dump.json: format mlflow reads a run directory (one that contains metrics/), not a file",
      typo: expect.stringMatching(
        /^json\/python-dump\.json: unknown metrics format 'hugginface'; expected one of json, /,
      ),
    });
  });

  describe("with a temporary directory", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "metrics-files-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reports an unreadable file without throwing", async () => {
      writeFileSync(join(dir, "secret.json"), "{}");
      chmodSync(join(dir, "secret.json"), 0o000);
      if (!AS_ROOT) {
        const { errors } = await loadMetricSources([{ name: "s", path: "secret.json" }], {
          cwd: dir,
          refs: [],
        });
        expect(errors).toEqual({ s: "secret.json: permission denied" });
        return;
      }
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, "c.yml"), "metrics: secret.json\nsteps:\n  - { name: t, type: training }\n");
      const cli = spawnSync(
        "runuser",
        ["-u", "nobody", "--", process.execPath, resolve("dist/cli.js"), "evaluate", "--config", "c.yml"],
        {
          cwd: dir,
          encoding: "utf8",
        },
      );
      expect(cli.stdout + cli.stderr).toContain("metrics could not be read: secret.json: permission denied");
      expect(cli.status).toBe(2);
    });

    it("refuses a file over the documented 1 GiB cap before reading it, text or event file", async () => {
      const limit = 1024 * 1024 * 1024;
      expect(MAX_STREAMED_BYTES).toBe(limit);
      for (const name of ["huge.json", "events.out.tfevents.1.host.1.0"]) {
        // Sparse: the size is what is checked, nothing is written.
        writeFileSync(join(dir, name), "");
        truncateSync(join(dir, name), limit + 1);
      }
      const { errors } = await loadMetricSources(
        [
          { name: "j", path: "huge.json" },
          { name: "tb", path: "events.out.tfevents.1.host.1.0" },
        ],
        { cwd: dir, refs: [] },
      );
      const said = (path: string) =>
        `${path}: ${limit + 1} bytes is too large for a metrics file (limit ${limit}); is the path right?`;
      expect(errors).toEqual({ j: said("huge.json"), tb: said("events.out.tfevents.1.host.1.0") });
    });

    it("reports a malformed MLflow metric file with its path and line", async () => {
      mkdirSync(join(dir, "run/metrics/eval"), { recursive: true });
      writeFileSync(join(dir, "run/metrics/eval/acc"), "1 0.5 0\n2 oops 1\n");
      const { errors } = await loadMetricSources([{ name: "r", path: "run" }], { cwd: dir, refs: [] });
      expect(errors).toEqual({
        r: "run/metrics/eval/acc:2: expected 'timestamp value step', got '2 oops 1'",
      });
    });
  });
});

describe("parseMetricArg", () => {
  it.each([
    ["metrics/eval.json", { path: "metrics/eval.json", defaultName: "eval" }],
    ["eval=metrics/eval.json", { name: "eval", path: "metrics/eval.json", defaultName: "eval" }],
    ["test=out/all_results.json", { name: "test", path: "out/all_results.json", defaultName: "all_results" }],
    [
      "hf:huggingface=out/m.json",
      { name: "hf", format: "huggingface", path: "out/m.json", defaultName: "m" },
    ],
    ["mlruns/0/abc123/", { path: "mlruns/0/abc123/", defaultName: "abc123" }],
    ["metrics/run=3/eval.json", { path: "metrics/run=3/eval.json", defaultName: "eval" }],
    [".json", { path: ".json", defaultName: "metrics" }],
    ["  eval = m.yaml ", { name: "eval", path: "m.yaml", defaultName: "m" }],
  ])("%j", (arg, expected) => {
    expect(parseMetricArg(arg)).toEqual(expected);
  });
});

describe("loadMetricSources: TensorBoard event files", () => {
  const TB = "real/tensorboard/events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0";

  it("reads an event file detected by its name, as bytes", async () => {
    const { sources, errors } = await loadMetricSources([{ name: "tb", path: TB }], { cwd, refs: [] });
    expect(errors).toEqual({});
    expect(sources).toEqual([
      {
        name: "tb",
        file: TB,
        format: "tensorboard",
        values: { "dup_steps/bar": 1.9624147415161133, "dup_steps/foo": 1.5478503704071045 },
      },
    ]);
  });

  it("reads the step a source names", async () => {
    const { sources } = await loadMetricSources([{ name: "tb", path: TB, format: "tensorboard", step: 50 }], {
      cwd,
      refs: [],
    });
    expect(sources[0]?.values).toEqual({
      "dup_steps/bar": 1.8369089365005493,
      "dup_steps/foo": 1.970374584197998,
    });
  });

  it("refuses step: on a file that is not an event file", async () => {
    const { errors } = await loadMetricSources(
      [{ name: "hf", path: "huggingface/all_results.json", step: 3 }],
      { cwd, refs: [] },
    );
    expect(errors).toEqual({
      hf: "huggingface/all_results.json: 'step:' applies to TensorBoard event files (events.out.tfevents.*) and run directories only; remove it or set format: tensorboard",
    });
  });

  it("reports a text file given as format tensorboard as damaged, not as metrics", async () => {
    const { errors } = await loadMetricSources(
      [{ name: "hf", path: "huggingface/all_results.json", format: "tensorboard" }],
      { cwd, refs: [] },
    );
    expect(errors.hf).toMatch(
      /^huggingface\/all_results\.json: record 0 at byte 0: the length's CRC does not match/,
    );
  });
});
