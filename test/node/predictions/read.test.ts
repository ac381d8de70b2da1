// readPredictionsFile: which reader a file gets, and files that cannot be read at all. The formats'
// own rules are in csv.test.ts, jsonl.test.ts and parquet.test.ts.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { readPredictionsFile } from "../../../src/node/predictions/read.js";
import { BINARY, FIXTURES, error, list, spec, table, write } from "./support/read.js";

describe("readPredictionsFile: the format", () => {
  it("takes it from the extension: .csv, .jsonl, .ndjson, .parquet (any case)", async () => {
    const csv = await table("p.CSV", "label,score\n1,0.75\n", BINARY);
    const jsonl = await table("p.jsonl", '{"label":1,"score":0.75}\n', BINARY);
    const ndjson = await table("p.ndjson", '{"label":1,"score":0.75}\n', BINARY);
    for (const t of [csv, jsonl, ndjson]) expect([list(t.labels), list(t.scores!)]).toEqual([[1], [0.75]]);
    const parquet = await readPredictionsFile(join(FIXTURES, "lz4.parquet"), "lz4.parquet", BINARY);
    expect(parquet).toEqual({ ok: false, error: expect.stringContaining("LZ4_RAW") });
  });

  it("takes `file` over the extension", async () => {
    const t = await table("predictions.txt", '{"label":0,"score":0.25}\n', { ...BINARY, file: "jsonl" });
    expect(list(t.scores!)).toEqual([0.25]);
    expect(await error("p.csv", "label,score\n0,0.25\n", { ...BINARY, file: "jsonl" })).toMatch(
      /^p\.csv:1: invalid JSON: /,
    );
  });

  it("asks for `file` when the name does not say", async () => {
    expect(await error("predictions.tsv", "label\tscore\n", BINARY)).toBe(
      "predictions.tsv: cannot tell the predictions file's format from its name; set file: csv | jsonl | parquet",
    );
  });
});

describe("readPredictionsFile: files that cannot be read", () => {
  it("says a file does not exist", async () => {
    const full = join(write("x.csv", ""), "..", "absent.csv");
    expect(await readPredictionsFile(full, "out/absent.csv", BINARY)).toEqual({
      ok: false,
      error: "out/absent.csv: no such file or directory",
    });
  });

  it("says a directory is not a predictions file", async () => {
    const dir = join(write("y.csv", ""), "..", "dir.csv");
    mkdirSync(dir, { recursive: true });
    expect(await readPredictionsFile(dir, "dir.csv", BINARY)).toEqual({
      ok: false,
      error: "dir.csv: is a directory, not a predictions file",
    });
  });

  it("says a spec without the task's columns is incomplete, before reading", async () => {
    expect(await error("a.csv", "label,score\n1,0.5\n", spec({ task: "binary" }))).toBe(
      "a.csv: the binary predictions spec names no score column",
    );
    expect(await error("a.csv", "label\n1\n", spec({ task: "multiclass", scores: [] }))).toBe(
      "a.csv: the multiclass predictions spec names no scores",
    );
    expect(await error("a.csv", "label\n1\n", spec({ task: "regression" }))).toBe(
      "a.csv: the regression predictions spec names no prediction column",
    );
    const twice = spec({
      task: "multiclass",
      scores: [
        { cls: "a", column: "pa" },
        { cls: "a", column: "pb" },
      ],
    });
    expect(await error("a.csv", "label,pa,pb\na,1,0\n", twice)).toBe(
      "a.csv: class 'a' is listed twice in scores",
    );
  });
});
