import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseMetricsFile } from "../../../src/core/metrics/parse.js";
import type { MetricTree } from "../../../src/core/metrics/types.js";

const REAL = "test/fixtures/metrics/real";

function values(text: string, file: string): MetricTree {
  const result = parseMetricsFile(text, { name: "m", file });
  if (!result.ok) throw new Error(result.error);
  return result.source.values;
}

const real = (path: string) => values(readFileSync(`${REAL}/${path}`, "utf8"), path);

describe("Lightning CSVLogger metrics.csv (train and validation on separate, partly empty rows)", () => {
  it("takes each column's last logged value at the highest epoch/step", () => {
    expect(real("lightning/metrics.csv")).toEqual({
      epoch: 5,
      step: 8595,
      test_loss: 0.0322248712182045,
      // Not logged in epoch 5: its last value, epoch 4 step 8549, not null from the empty cells below it.
      train_loss: 0.021989192813634872,
      val_accuracy: 0.996399998664856,
      val_loss: 0.01422041654586792,
    });
  });

  it("orders by epoch then step, not by row position (hand-made)", () => {
    const text = "epoch,step,val_loss,train_loss\n1,20,,0.3\n1,25,0.4,\n0,10,0.9,0.8\n";
    expect(values(text, "metrics.csv")).toEqual({ epoch: 1, step: 25, val_loss: 0.4, train_loss: 0.3 });
  });

  it("keeps a column no row filled as null, so a check on it fails (hand-made)", () => {
    expect(values("epoch,step,val_loss\n0,1,\n0,2,\n", "metrics.csv")).toEqual({
      epoch: 0,
      step: 2,
      val_loss: null,
    });
  });

  it("names the line of a step that is not a number (hand-made)", () => {
    const result = parseMetricsFile("epoch,step,loss\n0,1,0.5\n0,,0.4\n", { name: "m", file: "metrics.csv" });
    expect(result).toEqual({ ok: false, error: "metrics.csv:3: step is not a number" });
  });
});

describe("a Keras history saved by pandas (pd.DataFrame(history.history).to_csv())", () => {
  it("reads the unnamed index column as the epoch and the last epoch's row", () => {
    const v = real("keras/history.csv");
    expect(v).toEqual({
      epoch: 19,
      loss: 1.5960538387298584,
      accuracy: 0.5397927761077881,
      val_loss: 2.9923126697540283,
      val_accuracy: 0.26054704189300537,
    });
    expect(v).not.toHaveProperty("");
  });

  it("does not take a non-RangeIndex first column for epochs (hand-made)", () => {
    const result = parseMetricsFile(",loss\n0,0.5\n5,0.4\n", { name: "m", file: "h.csv" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("h.csv:3: 2 data rows and no epoch or step column");
  });

  it("does not read a saved MLflow search_runs table as epochs: its rows are runs (hand-made)", () => {
    const result = parseMetricsFile(",run_id,metrics.accuracy\n0,new,0.5\n1,old,0.9\n", {
      name: "m",
      file: "runs.csv",
    });
    expect(result.ok).toBe(false);
  });
});
