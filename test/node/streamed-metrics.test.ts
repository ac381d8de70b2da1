// Files past the size read whole: a 50 MB JSON and a 1,000,000-row training log are read as
// streams (bench/memory.mjs measures that memory does not grow with them); what is kept and what
// the report is told are checked here.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCondition } from "../../src/core/conditions/parse.js";
import type { MetricRef } from "../../src/core/conditions/types.js";
import { lookupMetric } from "../../src/core/metrics/lookup.js";
import { MAX_KEPT_VALUES } from "../../src/core/metrics/keep.js";
import { MAX_WHOLE_BYTES, loadMetricSources } from "../../src/node/metrics-files.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "streamed-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refs(...conditions: string[]): MetricRef[] {
  return conditions.map((text) => {
    const parsed = parseCondition(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.condition.metric;
  });
}

/** Writes `parts()` to a file in pieces, so the test never holds the whole file either. */
function writeFile(name: string, parts: () => Generator<string>): string {
  const fd = openSync(join(dir, name), "w");
  let batch = "";
  for (const part of parts()) {
    batch += part;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = "";
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return name;
}

/** `count` numbers, comma-separated: the ith is (i % 997) / 997, yielded a cycle at a time. */
function* numbers(count: number): Generator<string> {
  const cycle = Array.from({ length: 997 }, (_, k) => `${k / 997}`);
  const whole = cycle.join(",");
  for (let at = 0; at < count; at += cycle.length) {
    const part = count - at >= cycle.length ? whole : cycle.slice(0, count - at).join(",");
    yield at === 0 ? part : `,${part}`;
  }
}

async function load(path: string, conditions: string[], extra: object = {}) {
  return loadMetricSources([{ name: "m", path, ...extra }], { cwd: dir, refs: refs(...conditions) });
}

describe("a JSON file past the size read whole", () => {
  let report: string;
  beforeAll(() => {
    report = writeFile("report.json", function* () {
      yield '{"eval": {"accuracy": 0.91, "f1": 0.87}, "per_sample": [';
      yield* numbers(6_000_000);
      yield '], "drift": {"metrics": [{"metric_id": "Share", "value": {"share": 0.1}, "plot": [';
      yield* numbers(1000);
      yield ']}]}, "eval.accuracy": 0.5}\n';
    });
  });

  it("keeps only the keys the conditions name, and says so", async () => {
    const { sources, errors } = await load(report, [
      "m.eval.f1 >= 0.8",
      'drift.metrics[metric_id="Share"].value.share < 0.2',
    ]);
    expect(errors).toEqual({});
    const [source] = sources;
    expect(source?.values).toEqual({
      eval: { f1: 0.87 },
      drift: { metrics: [{ metric_id: "Share", value: { share: 0.1 } }] },
    });
    expect(source?.note).toMatch(
      /^\d+ MiB, over the 32 MiB read whole: read as a stream, keeping only the keys the conditions name$/,
    );
  });

  it("keeps every key a reference could reach, so it resolves as in the whole file", async () => {
    const [ref] = refs("eval.accuracy >= 0.9");
    const { sources } = await load(report, ["eval.accuracy >= 0.9"]);
    expect(sources[0]?.values).toEqual({ eval: { accuracy: 0.91 }, "eval.accuracy": 0.5 });
    // The nested key first, as in the whole file.
    expect(lookupMetric(ref!, sources)).toMatchObject({ ok: true, value: 0.91, key: "eval.accuracy" });
  });

  it("still refuses a malformed file, where the fault is", async () => {
    const path = writeFile("broken.json", function* () {
      yield '{"accuracy": 0.9,\n "per_sample": [';
      yield* numbers(6_000_000);
      yield "],\n oops}\n";
    });
    const { errors } = await load(path, ["accuracy > 0.5"]);
    expect(errors).toEqual({ m: "broken.json:3:2: invalid JSON: expected a quoted key, found 'o'" });
  });

  it("refuses to keep more values than the documented cap", async () => {
    const path = writeFile("wide.json", function* () {
      // A long string under a key not kept: skipped, never built.
      yield `{"pad": "${"x".repeat(MAX_WHOLE_BYTES)}", "per_sample": [`;
      yield* numbers(MAX_KEPT_VALUES + 1);
      yield "]}";
    });
    const { errors } = await load(path, ["per_sample[0] > 0"]);
    expect(errors.m).toMatch(
      new RegExp(
        `^wide\\.json:1:\\d+: invalid JSON: more than ${MAX_KEPT_VALUES} values under the keys the conditions name`,
      ),
    );
  });

  it("reads a large trainer_state.json's evaluation entries only", async () => {
    const path = writeFile("trainer_state.json", function* () {
      yield '{"best_model_checkpoint": "out/checkpoint-400000", "global_step": 600000, "log_history": [';
      for (let step = 1; step <= 600_000; step++) {
        yield `${step === 1 ? "" : ","}{"epoch": ${step / 1000}, "loss": 0.5, "learning_rate": 1e-5, "step": ${step}}`;
        if (step % 200_000 === 0)
          yield `,{"epoch": ${step / 1000}, "eval_accuracy": ${step / 1e6}, "eval_loss": 0.3, "step": ${step}}`;
      }
      yield "]}";
    });
    const final = await load(path, ["accuracy > 0.5"]);
    expect(final.errors).toEqual({});
    expect(final.sources[0]?.values).toEqual({
      epoch: 600,
      eval_accuracy: 0.6,
      eval_loss: 0.3,
      step: 600000,
    });
    expect(final.sources[0]?.note).toMatch(
      /^final evaluation: log_history entry at step 600000, epoch 600; \d+ MiB/,
    );
    const best = await load(path, ["accuracy > 0.5"], { checkpoint: "best" });
    expect(best.sources[0]?.values).toMatchObject({ eval_accuracy: 0.4, step: 400000 });
  });
});

describe("a training log past the size read whole", () => {
  it("reads a 1,000,000-row Lightning log's last values, row by row", async () => {
    const path = writeFile("metrics.csv", function* () {
      yield "epoch,step,train_loss,val_loss,val_accuracy\n";
      for (let step = 0; step < 1_000_000; step++) {
        const epoch = Math.floor(step / 10_000);
        yield `${epoch},${step},${(1 / (step + 1)).toFixed(8)},,\n`;
        if (step % 10_000 === 9_999) yield `${epoch},${step},,${(1 / (epoch + 2)).toFixed(6)},0.${epoch}\n`;
      }
    });
    const { sources, errors } = await load(path, []);
    expect(errors).toEqual({});
    expect(sources[0]?.values).toEqual({
      epoch: 99,
      step: 999_999,
      train_loss: 0.000001,
      val_loss: 0.009901,
      val_accuracy: 0.99,
    });
  });

  it("refuses a table that long that is not a training log, at its line", async () => {
    const path = writeFile("table.csv", function* () {
      yield "name,value\n";
      for (let i = 0; i < 20_000; i++) yield `metric_${i},0.5\n`;
    });
    const { errors } = await load(path, []);
    expect(errors).toEqual({
      m: "table.csv:10001: more than 10000 rows and no epoch or step column: only a training log is read at this length",
    });
  });
});

describe("formats read whole", () => {
  it("refuses YAML past the size read whole, saying why", async () => {
    writeFileSync(join(dir, "big.yaml"), "");
    truncateSync(join(dir, "big.yaml"), MAX_WHOLE_BYTES + 1);
    const { errors } = await load("big.yaml", []);
    expect(errors).toEqual({
      m: `big.yaml: ${MAX_WHOLE_BYTES + 1} bytes: YAML is read whole, up to ${MAX_WHOLE_BYTES} bytes (32 MiB); write the metrics as JSON or CSV, or fewer of them`,
    });
  });
});
