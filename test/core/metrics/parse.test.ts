import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { lookupMetric } from "../../../src/core/metrics/lookup.js";
import { detectFormat, parseMetricsFile } from "../../../src/core/metrics/parse.js";
import type { MetricFormat } from "../../../src/core/config/types.js";
import type { MetricSource } from "../../../src/core/metrics/types.js";

const FIXTURES = "test/fixtures/metrics";
const read = (path: string) => readFileSync(`${FIXTURES}/${path}`, "utf8");

function load(path: string, format?: MetricFormat): MetricSource {
  const result = parseMetricsFile(read(path), { name: "m", file: path, format });
  if (!result.ok) throw new Error(result.error);
  return result.source;
}

function failure(text: string, file: string, format?: MetricFormat): string {
  const result = parseMetricsFile(text, { name: "m", file, format });
  if (result.ok) throw new Error(`expected ${file} to be rejected`);
  return result.error;
}

const value = (source: MetricSource, ...segments: string[]) => {
  const r = lookupMetric({ segments, text: segments.join(".") }, [source]);
  return r.ok ? r.value : r.reason;
};

describe("detectFormat", () => {
  it.each([
    ["json/python-dump.json", "json"],
    ["yaml/metrics.yaml", "yaml"],
    ["csv/name-value.csv", "csv"],
    ["csv/metrics.tsv", "csv"],
    ["huggingface/all_results.json", "huggingface"],
    ["huggingface/metrics.json", "huggingface"],
    ["wandb/wandb-summary.json", "wandb"],
    ["sklearn/binary-report.json", "sklearn"],
    ["sklearn/multilabel-report.json", "sklearn"],
    ["dvc/metrics-show.json", "dvc"],
    ["dvc/metrics.json", "json"],
  ])("reads %s as %s", (path, format) => {
    expect(detectFormat(path, read(path))).toBe(format);
  });

  it("sniffs the syntax when the extension says nothing", () => {
    expect(detectFormat("metrics", '{"accuracy": 0.9}')).toBe("json");
    expect(detectFormat("metrics.txt", "accuracy,0.9\n")).toBe("csv");
    expect(detectFormat("metrics", "accuracy: 0.9\n")).toBe("yaml");
  });

  it("falls back to the extension when the content does not parse", () => {
    expect(detectFormat("eval.json", "{oops")).toBe("json");
    expect(detectFormat("out/all_results.json", "{oops")).toBe("huggingface");
  });
});

describe("parseMetricsFile", () => {
  it("reads Python json.dump output with NaN and ±Infinity", () => {
    const s = load("json/python-dump.json");
    expect(s).toMatchObject({ name: "m", file: "json/python-dump.json", format: "json" });
    expect(s.values.accuracy).toBe(0.9134);
    expect(s.values.auc).toBeNaN();
    expect(s.values.max_drift).toBe(Number.POSITIVE_INFINITY);
    expect(s.values.min_margin).toBe(Number.NEGATIVE_INFINITY);
    expect(value(s, "per_class", "fraud", "recall")).toBe(0.77);
    expect(value(s, "val", "loss")).toBe(0.2312);
    expect(value(s, "auc")).toContain("is NaN");
  });

  it("keeps NaN/Infinity inside strings as text", () => {
    const s = parseMetricsFile('{"note": "NaN, Infinity", "x": 1}', { name: "m", file: "a.json" });
    expect(s.ok && s.source.values).toEqual({ note: "NaN, Infinity", x: 1 });
  });

  it("reads YAML with .nan and .inf", () => {
    const s = load("yaml/metrics.yaml");
    expect(s.format).toBe("yaml");
    expect(s.values.calibration_error).toBeNaN();
    expect(s.values.max_drift).toBe(Number.POSITIVE_INFINITY);
    expect(s.values.min_margin).toBe(Number.NEGATIVE_INFINITY);
    expect(value(s, "latency", "p95_ms")).toBe(104.2);
  });

  it.each([
    ["csv/name-value.csv", { accuracy: 0.9134, f1: 0.8871, "latency p95 (ms)": 104.2, auc: Number.NaN }],
    ["csv/name-value-no-header.csv", { accuracy: 0.9134, f1: 0.8871 }],
    ["csv/header-row.csv", { accuracy: 0.9134, f1: 0.8871, latency_p95_ms: 104.2 }],
    ["csv/pandas-dataframe.csv", { accuracy: 0.9134, f1: 0.8871, loss: null }],
    ["csv/pandas-series.csv", { accuracy: 0.9134, f1: 0.8871 }],
    ["csv/metrics.tsv", { accuracy: 0.9134, f1: 0.8871 }],
    ["csv/keras-csvlogger.csv", { epoch: 2, accuracy: 0.9, loss: 0.33, val_accuracy: 0.88, val_loss: 0.41 }],
  ])("reads %s", (path, expected) => {
    const s = load(path);
    expect(s.format).toBe("csv");
    expect(s.values).toEqual(expected);
  });

  it("reads MLflow search_runs CSV, naming metrics without the metrics. prefix", () => {
    const s = load("csv/mlflow-search-runs.csv");
    expect(s.values).toMatchObject({
      accuracy: 0.9134,
      f1: 0.8871,
      "params.lr": 0.001,
      "tags.mlflow.runName": "bright-owl-42",
    });
    expect(s.values).not.toHaveProperty("");
  });

  it("reads quoted CSV fields with commas, quotes and newlines", () => {
    const s = parseMetricsFile('name,value\n"f1, macro",0.8\n"say ""hi""",1\n"multi\nline",2\n', {
      name: "m",
      file: "q.csv",
    });
    expect(s.ok && s.source.values).toEqual({ "f1, macro": 0.8, 'say "hi"': 1, "multi\nline": 2 });
  });

  it("refuses a table of several runs: no row says it is the candidate", () => {
    const text = "run_id,metrics.accuracy,metrics.f1\nnew,0.5,0.4\nold,0.95,0.9\n";
    expect(failure(text, "runs.csv")).toBe(
      "runs.csv:3: 2 data rows and no epoch or step column: which row is the candidate model? keep only its row, or write name,value rows",
    );
  });

  it("reads a training log at its highest epoch, whatever the row order", () => {
    const s = parseMetricsFile("epoch,accuracy\n2,0.9\n0,0.5\n1,0.8\n", { name: "m", file: "log.csv" });
    expect(s.ok && s.source.values).toEqual({ epoch: 2, accuracy: 0.9 });
  });

  it("reads Hugging Face Trainer results and maps bare names to eval_ keys", () => {
    const s = load("huggingface/all_results.json");
    expect(s.format).toBe("huggingface");
    expect(value(s, "accuracy")).toBe(0.9134);
    expect(value(s, "eval_loss")).toBe(0.2789);
    expect(value(s, "train_loss")).toBe(0.2231);
    expect(value(s, "epoch")).toBe(3);
  });

  it("reads W&B summaries with / in keys and keeps internal keys", () => {
    const s = load("wandb/wandb-summary.json");
    expect(s.format).toBe("wandb");
    expect(value(s, "eval/accuracy")).toBe(0.9134);
    expect(value(s, "eval", "f1")).toBe(0.8871);
    expect(value(s, "_wandb", "runtime")).toBe(640);
    expect(value(s, "confusion")).toContain("is a group of metrics");
  });

  it("reads sklearn binary and multilabel classification reports", () => {
    const binary = load("sklearn/binary-report.json");
    expect(binary.format).toBe("sklearn");
    expect(value(binary, "accuracy")).toBe(0.9874);
    expect(value(binary, "macro avg", "f1-score")).toBe(0.9308);
    expect(value(binary, "1", "recall")).toBe(0.832);
    const multi = load("sklearn/multilabel-report.json");
    expect(multi.format).toBe("sklearn");
    expect(value(multi, "micro avg", "f1-score")).toBe(0.8223);
    expect(value(multi, "accuracy")).toContain("not found");
  });

  it("reads a classification report saved with pandas (DataFrame(report).T.to_csv())", () => {
    const s = load("sklearn/report-dataframe.csv");
    expect(value(s, "accuracy")).toBe(0.9874);
    expect(value(s, "macro avg", "f1-score")).toBe(0.9308);
    expect(value(s, "1", "recall")).toBe(0.832);
    expect(value(s, "weighted avg", "support")).toBe(10000);
  });

  it("reads DVC metrics files and unwraps `dvc metrics show --json`", () => {
    expect(value(load("dvc/metrics.json", "dvc"), "eval", "roc_auc")).toBe(0.9612);
    const show = load("dvc/metrics-show.json");
    expect(show.format).toBe("dvc");
    expect(value(show, "roc_auc", "test")).toBe(0.9460641905800842);
    const two = load("dvc/metrics-show-two-files.json");
    expect(value(two, "eval/metrics.json", "roc_auc")).toBe(0.946);
    expect(value(two, "train/metrics.yaml", "loss")).toBe(0.21);
  });

  it("reports a file DVC could not read", () => {
    expect(failure(read("dvc/metrics-show-error.json"), "show.json")).toMatch(
      /^show\.json: dvc could not read eval\/metrics\.json in workspace/,
    );
  });

  it("lets an explicit format override detection", () => {
    expect(load("huggingface/all_results.json", "json").format).toBe("json");
    expect(value(load("huggingface/all_results.json", "json"), "accuracy")).toContain("not found");
  });

  it.each([
    [
      "malformed/missing-colon.json",
      "malformed/missing-colon.json:4:10: invalid JSON: expected ':', found '0'",
    ],
    [
      "malformed/lowercase-nan.json",
      "malformed/lowercase-nan.json:3:9: invalid JSON: expected a value, found 'n'",
    ],
    [
      "malformed/duplicate-key.json",
      'malformed/duplicate-key.json:2:2: invalid JSON: duplicate key "accuracy"',
    ],
    ["malformed/extra-column.csv", "malformed/extra-column.csv:3: expected 2 columns, got 3"],
  ])("rejects %s with file and line", (path, message) => {
    expect(failure(read(path), path)).toBe(message);
  });

  it("rejects duplicate YAML keys with the line", () => {
    expect(failure(read("malformed/duplicate-key.yaml"), "m.yaml")).toMatch(
      /^m\.yaml:3:1: invalid YAML: .*unique/i,
    );
  });

  it.each([
    ["", "e.json", "e.json:1:1: invalid JSON: expected a value, found end of file"],
    ['{"a": 1', "t.json", "t.json:1:8: invalid JSON: expected ',' or '}', found end of file"],
    ['{"a": 1} x', "t.json", "t.json:1:10: invalid JSON: unexpected 'x' after the document"],
    ['{"a": "x\n"}', "t.json", "t.json:1:7: invalid JSON: unterminated string"],
    [
      "[0.9, 0.8]",
      "l.json",
      "l.json: expected a mapping of metric names to values at the top level, found a list",
    ],
    [
      "",
      "e.yaml",
      "e.yaml: expected a mapping of metric names to values at the top level, found nothing (the document is empty or null)",
    ],
    ["", "e.csv", "e.csv: no rows: the file is empty"],
    ['name,value\n"open,1\n', "q.csv", "q.csv:2: unterminated quoted field"],
    ["name,value\nf1,1\nf1,2\n", "d.csv", "d.csv:3: duplicate metric 'f1' (first on line 2)"],
    [
      "accuracy\n0.9\n",
      "one.csv",
      "one.csv:1: expected 'name,value' rows or a header row and a data row, got one column",
    ],
  ])("rejects %j in %s", (text, file, message) => {
    expect(failure(text, file)).toBe(message);
  });

  it("refuses a nesting bomb without overflowing the stack", () => {
    expect(failure("[".repeat(100000), "deep.json")).toMatch(
      /^deep\.json:1:\d+: invalid JSON: nesting deeper than/,
    );
  });

  it("does not let __proto__ keys alter objects", () => {
    const s = parseMetricsFile('{"__proto__": {"accuracy": 1}}', { name: "m", file: "p.json" });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(value(s.source, "accuracy")).toContain("not found");
    expect(({} as Record<string, unknown>).accuracy).toBeUndefined();
  });

  it("asks for a run directory when format mlflow is given a file", () => {
    expect(failure("{}", "run.json", "mlflow")).toMatch(/^run\.json: format mlflow reads a run directory/);
  });
});
