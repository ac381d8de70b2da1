// Parquet predictions: a genuine pyarrow file (snappy), generated files with several row groups,
// gzip and an unreadable codec (scripts/fixtures/predictions-parquet.mjs), column selection.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { AsyncBuffer } from "hyparquet";
import type { PredictionsSpec } from "../../../src/core/config/types.js";
import { readParquetTable } from "../../../src/node/predictions/parquet.js";
import { readPredictionsFile } from "../../../src/node/predictions/read.js";
import { BINARY, FIXTURES, error, list, sliceValues, spec } from "./support/read.js";

async function readFixture(name: string, s: PredictionsSpec) {
  return readPredictionsFile(join(FIXTURES, name), name, s);
}

async function tableOf(name: string, s: PredictionsSpec) {
  const read = await readFixture(name, s);
  if (!read.ok) throw new Error(read.error);
  return read.table;
}

/** The fixture's bytes as hyparquet reads them, counting what it asks for. */
function counted(name: string): { file: AsyncBuffer; requested: () => number } {
  const bytes = readFileSync(join(FIXTURES, name));
  let requested = 0;
  const file: AsyncBuffer = {
    byteLength: bytes.length,
    slice(start, end = bytes.length) {
      requested += end - start;
      return bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end) as ArrayBuffer;
    },
  };
  return { file, requested: () => requested };
}

describe("Parquet: a genuine predictions file (pyarrow, snappy)", () => {
  // A bank-churn model's scored customers (see the fixtures' README): BOOLEAN labels, an INT32 id.
  const s = spec({
    task: "binary",
    label: "actual_churn",
    score: "churn_probability",
    id: "customer_id",
    slices: ["geography", "age_group"],
  });

  it("reads its 10,000 rows: labels from booleans, ids as decimal text, slices", async () => {
    const t = await tableOf("bank-churn.parquet", s);
    expect(t.rows).toBe(10000);
    expect(list(t.labels).filter((y) => y === 1)).toHaveLength(2037);
    expect(t.ids!.slice(0, 3)).toEqual(["15634602", "15647311", "15619304"]);
    expect(t.ids![9999]).toBe("15628319");
    expect(new Set(t.ids).size).toBe(10000);
    expect([t.scores![0], t.scores![1], t.scores![9999]]).toEqual([
      0.36341803876780554, 0.15768632567182123, 0.08051337716207857,
    ]);
    expect(list(t.labels.subarray(0, 3))).toEqual([1, 0, 1]);
    expect(t.slices[0]!.values).toEqual(["France", "Spain", "Germany"]);
    expect(sliceValues(t, 0)[9999]).toBe("France");
    expect([...t.slices[1]!.values].sort()).toEqual(["18-29", "30-39", "40-49", "50-59", "60+"]);
  });

  it("says which column is missing, listing the file's columns", async () => {
    const read = await readFixture("bank-churn.parquet", { ...s, score: "probability" });
    expect(read).toEqual({
      ok: false,
      error:
        "bank-churn.parquet: no column 'probability' (columns: customer_id, churn_probability, predicted_class, " +
        "risk_level, suggested_action, geography, gender, age_group, products_group, is_active_member, balance_zero, " +
        "actual_churn, model_name, model_version, scored_at)",
    });
  });

  it("refuses a date where a number belongs, naming the row", async () => {
    const read = await readFixture("bank-churn.parquet", { ...s, weight: "scored_at" });
    expect(read).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^bank-churn\.parquet: row 1: column 'scored_at': 2026-.*Z is a date, not a number$/,
      ),
    });
  });
});

describe("Parquet: row groups and columns", () => {
  const s = spec({
    task: "binary",
    label: "label",
    score: "score",
    id: "id",
    weight: "weight",
    slices: ["region"],
  });

  it("reads three row groups in order; INT64 values become numbers and ids text", async () => {
    const t = await tableOf("binary-groups.parquet", s);
    expect(t.rows).toBe(10);
    expect(t.ids).toEqual(["101", "102", "103", "104", "105", "106", "107", "108", "109", "110"]);
    expect(list(t.labels)).toEqual([1, 0, 1, 0, 0, 1, 1, 0, 1, 0]);
    expect(list(t.scores!)).toEqual([0.9, 0.2, 0.65, 0.4, 0.1, 0.8, 0.55, 0.3, 0.95, 0.05]);
    expect(list(t.weights!)).toEqual([1, 1, 2, 0.5, 1, 1, 1, 3, 1, 1]);
    expect(sliceValues(t, 0)).toEqual([
      "eu",
      "us",
      "eu",
      "(missing)",
      "apac",
      "us",
      "(missing)",
      "eu",
      "us",
      "apac",
    ]);
    expect(t.slices[0]!.values).toEqual(["eu", "us", "(missing)", "apac"]);
  });

  it("fetches only the columns the spec names, not the large one it does not", async () => {
    const { file, requested } = counted("binary-groups.parquet");
    const t = await readParquetTable(file, "binary-groups.parquet", s);
    expect(t.rows).toBe(10);
    expect(file.byteLength).toBeGreaterThan(50000);
    expect(requested()).toBeLessThan(24000);
    const { file: all, requested: allRequested } = counted("binary-groups.parquet");
    await readParquetTable(all, "binary-groups.parquet", { ...s, slices: ["region", "blob"] });
    expect(allRequested()).toBeGreaterThan(50000);
  });

  it("numbers rows across row groups in its messages", async () => {
    const regression = spec({ task: "regression", label: "y", prediction: "yhat" });
    expect(await readFixture("regression-null.parquet", regression)).toEqual({
      ok: false,
      error: "regression-null.parquet: row 5: column 'yhat' is null",
    });
    expect(await readFixture("binary-groups.parquet", { ...s, score: "weight" })).toEqual({
      ok: false,
      error: "binary-groups.parquet: row 3: column 'weight': 2 is not a probability in [0, 1]",
    });
    expect(await readFixture("binary-groups.parquet", { ...s, label: "score" })).toEqual({
      ok: false,
      error: "binary-groups.parquet: row 1: column 'score': 0.9 is not a binary label (0, 1, true or false)",
    });
  });
});

describe("Parquet: compression and damage", () => {
  it("reads gzip pages (with node:zlib) and matches multiclass labels", async () => {
    const t = await tableOf(
      "multiclass-gzip.parquet",
      spec({
        task: "multiclass",
        label: "species",
        scores: [
          { cls: "cat", column: "p_cat" },
          { cls: "dog", column: "p_dog" },
          { cls: "bird", column: "p_bird" },
        ],
      }),
    );
    expect(t.classes).toEqual(["cat", "dog", "bird"]);
    expect(list(t.labels)).toEqual([0, 1, 2, 1, 0, 2]);
    expect(list(t.classScores!.subarray(0, 6))).toEqual([0.7, 0.2, 0.1, 0.1, 0.8, 0.1]);
  });

  it("names a codec it cannot decompress", async () => {
    expect(await readFixture("lz4.parquet", BINARY)).toEqual({
      ok: false,
      error:
        "lz4.parquet: column 'label' is compressed with LZ4_RAW, which this reader cannot decompress; " +
        "write the file with snappy (pyarrow's default), gzip or no compression",
    });
  });

  it("says a file that is not Parquet is not", async () => {
    expect(await error("p.parquet", "label,score\n1,0.5\n", BINARY)).toMatch(
      /^p\.parquet: not a Parquet file \(/,
    );
    expect(await error("p.parquet", "", BINARY)).toMatch(/^p\.parquet: not a Parquet file \(/);
  });

  it("says a truncated file cannot be read, without throwing", async () => {
    const bytes = readFileSync(join(FIXTURES, "binary-groups.parquet"));
    const cut = Buffer.concat([bytes.subarray(0, 4), Buffer.alloc(2000), bytes.subarray(bytes.length - 600)]);
    const message = await error("cut.parquet", cut, spec({ task: "binary", label: "label", score: "score" }));
    expect(message).toMatch(/^cut\.parquet: (not a Parquet file|cannot read rows)/);
  });
});
