import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { lookupMetric } from "../../../src/core/metrics/lookup.js";
import { detectFormat, parseMetricsFile, type ParseOptions } from "../../../src/core/metrics/parse.js";
import type { MetricSource } from "../../../src/core/metrics/types.js";

const FINANCIAL = "test/fixtures/metrics/real/huggingface/financial-news/trainer_state.json";
const LORA = "test/fixtures/metrics/real/huggingface/lora-imdb/trainer_state.json";

function parse(file: string, opts: Partial<ParseOptions> = {}, text = readFileSync(file, "utf8")) {
  return parseMetricsFile(text, { name: "hf", file, ...opts });
}

function load(file: string, opts: Partial<ParseOptions> = {}): MetricSource {
  const result = parse(file, opts);
  if (!result.ok) throw new Error(result.error);
  return result.source;
}

describe("Hugging Face trainer_state.json", () => {
  it("is detected by name and reads the final evaluation by default, keys as logged", () => {
    expect(detectFormat(FINANCIAL, readFileSync(FINANCIAL, "utf8"))).toBe("huggingface");
    const s = load(FINANCIAL);
    expect(s.format).toBe("huggingface");
    expect(s.values).toMatchObject({
      step: 10350,
      epoch: 10.0,
      eval_accuracy: 0.7786840674279499,
      eval_loss: 1.4856339693069458,
      eval_macro_f1: 0.23465918315899845,
    });
    expect(s.values).not.toHaveProperty("loss");
    expect(s.values).not.toHaveProperty("log_history");
    expect(s.note).toBe("final evaluation: log_history entry at step 10350, epoch 10");
  });

  it("reads the best checkpoint's evaluation with checkpoint: best, and says which", () => {
    const s = load(FINANCIAL, { checkpoint: "best" });
    expect(s.values).toMatchObject({
      step: 8280,
      epoch: 8.0,
      eval_accuracy: 0.7808591625883632,
      // best_metric in the file: metric_for_best_model was eval_macro_f1.
      eval_macro_f1: 0.2460840305718579,
    });
    expect(s.note).toBe(
      "best checkpoint ./drive/MyDrive/CSE594/results/checkpoint-8280: log_history entry at step 8280, epoch 8",
    );
  });

  it("lets `accuracy` find eval_accuracy, as for all_results.json", () => {
    const r = lookupMetric({ segments: ["accuracy"], text: "accuracy" }, [load(FINANCIAL)]);
    expect(r).toMatchObject({ ok: true, value: 0.7786840674279499, key: "eval_accuracy" });
  });

  it("reads a run whose evaluations hold only eval_loss", () => {
    const s = load(LORA);
    expect(s.values).toEqual({
      epoch: 3.0,
      eval_loss: 0.3891691565513611,
      eval_runtime: 3.0155,
      eval_samples_per_second: 165.81,
      eval_steps_per_second: 10.612,
      step: 375,
    });
  });

  it("refuses checkpoint: best when the run tracked no best model", () => {
    expect(parse(LORA, { checkpoint: "best" })).toEqual({
      ok: false,
      error:
        `${LORA}: checkpoint: best, but best_model_checkpoint is not set: the run did not track a best model ` +
        "(set metric_for_best_model / load_best_model_at_end), or use checkpoint: final",
    });
  });

  it("is recognised by shape under another name (hand-made)", () => {
    const text =
      '{"global_step": 2, "log_history": [{"eval_f1": 0.5, "step": 1}, {"eval_f1": 0.7, "step": 2}]}';
    const result = parse("state.json", {}, text);
    expect(result.ok && result.source).toMatchObject({ format: "huggingface", values: { eval_f1: 0.7 } });
  });

  it("finds the best entry from the checkpoint name when best_global_step is absent (hand-made)", () => {
    const text = JSON.stringify({
      global_step: 20,
      best_model_checkpoint: ".\\results\\checkpoint-10",
      log_history: [
        { eval_f1: 0.9, step: 10 },
        { eval_f1: 0.7, step: 20 },
      ],
    });
    const result = parse("trainer_state.json", { checkpoint: "best" }, text);
    expect(result.ok && result.source.values).toEqual({ eval_f1: 0.9, step: 10 });
  });

  it.each([
    [
      "no evaluations",
      { global_step: 5, log_history: [{ loss: 0.5, step: 5 }] },
      "final",
      "log_history has no evaluation entries (eval_* keys): the Trainer never evaluated; set eval_strategy",
    ],
    [
      "a best checkpoint never evaluated",
      { global_step: 5, best_model_checkpoint: "out/checkpoint-4", log_history: [{ eval_f1: 1, step: 5 }] },
      "best",
      "best_model_checkpoint 'out/checkpoint-4' is step 4, and log_history has no eval entry at that step",
    ],
  ] as const)("names %s (hand-made)", (_, state, checkpoint, message) => {
    const result = parse("trainer_state.json", { checkpoint }, JSON.stringify(state));
    expect(result).toEqual({ ok: false, error: `trainer_state.json: ${message}` });
  });

  it("refuses checkpoint: on a file that is no trainer_state.json", () => {
    const result = parse("all_results.json", { checkpoint: "best" }, '{"eval_accuracy": 0.9}');
    expect(result).toEqual({
      ok: false,
      error:
        "all_results.json: checkpoint: best applies to a Hugging Face trainer_state.json (with log_history); this file is read as huggingface",
    });
  });
});
