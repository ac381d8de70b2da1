// JSON Lines predictions: one object per non-blank line, numbers as JSON numbers, located errors.
import { describe, expect, it } from "@jest/globals";
import { BINARY, error, list, sliceValues, spec, table } from "./support/read.js";

const lines = (...rows: unknown[]) =>
  rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

describe("JSON Lines", () => {
  it("reads labels, scores, weights, integer and string ids, and slices", async () => {
    const t = await table(
      "p.jsonl",
      lines(
        { id: 17, label: true, score: 0.75, w: 2, g: "eu", extra: [1, 2] },
        { id: "a-2", label: 0, score: 0, w: 0.5, g: null },
        { id: 9007199254740991, label: false, score: 1, w: 1 },
        { id: "x", label: 1, score: 0.5, w: 1, g: "" },
        { id: "y", label: 1, score: 0.5, w: 1, g: 3 },
      ),
      { ...BINARY, id: "id", weight: "w", slices: ["g"] },
    );
    expect(t.ids).toEqual(["17", "a-2", "9007199254740991", "x", "y"]);
    expect(list(t.labels)).toEqual([1, 0, 0, 1, 1]);
    expect(list(t.scores!)).toEqual([0.75, 0, 1, 0.5, 0.5]);
    expect(list(t.weights!)).toEqual([2, 0.5, 1, 1, 1]);
    expect(t.slices[0]!.values).toEqual(["eu", "(missing)", "3"]);
    expect(sliceValues(t, 0)).toEqual(["eu", "(missing)", "(missing)", "(missing)", "3"]);
  });

  it("skips blank lines, a BOM and CRs, and numbers lines from 1", async () => {
    const text =
      '\uFEFF{"label":1,"score":0.5}\r\n\r\n   \n{"label":0,"score":0.25}\r\n{"label":0,"score":"0.5"}';
    expect(await error("b.jsonl", text, BINARY)).toBe(
      `b.jsonl:5: column 'score': "0.5" is a string, not a number (write numbers unquoted)`,
    );
    const t = await table("b.jsonl", text.replace('"0.5"}', "0.5}"), BINARY);
    expect(list(t.scores!)).toEqual([0.5, 0.25, 0.5]);
  });

  it("names the line of a syntax error, or of a line that is not an object", async () => {
    expect(
      await error("s.jsonl", lines({ label: 1, score: 0.5 }, '{"label": 1, "score": }'), BINARY),
    ).toMatch(/^s\.jsonl:2: invalid JSON: /);
    expect(await error("s.jsonl", lines([1, 0.5]), BINARY)).toBe(
      "s.jsonl:1: expected a JSON object, got an array",
    );
    expect(await error("s.jsonl", lines(0.5), BINARY)).toBe(
      "s.jsonl:1: expected a JSON object, got a number",
    );
  });

  it("names a row without a needed column, with that row's keys", async () => {
    expect(await error("m.jsonl", lines({ label: 1, score: 0.5 }, { label: 0, prob: 0.5 }), BINARY)).toBe(
      "m.jsonl:2: no column 'score' (columns: label, prob)",
    );
  });

  it("takes a slice absent from some rows as missing, but refuses one no row has", async () => {
    const s = { ...BINARY, slices: ["regoin"] };
    expect(await error("n.jsonl", lines({ label: 1, score: 0.5, region: "eu" }), s)).toBe(
      "n.jsonl: no column 'regoin' (columns: label, score, region)",
    );
  });

  it.each([
    [{ label: "1", score: 0.5 }, `column 'label': "1" is a string, not a label (0, 1, true or false)`],
    [{ label: 2, score: 0.5 }, "column 'label': 2 is not a binary label (0, 1, true or false)"],
    [{ label: null, score: 0.5 }, "column 'label' is null"],
    [{ label: 1, score: null }, "column 'score' is null"],
    [{ label: 1, score: true }, "column 'score': true is a boolean, not a number"],
    [{ label: 1, score: [0.5] }, "column 'score': [0.5] is an array, not a number"],
    [{ label: 1, score: 1.5 }, "column 'score': 1.5 is not a probability in [0, 1]"],
  ])("refuses %j", async (row, message) => {
    expect(await error("v.jsonl", lines({ label: 0, score: 0.1 }, row), BINARY)).toBe(
      `v.jsonl:2: ${message}`,
    );
  });

  it("refuses ids that are not strings or integers, and ids repeated as number and text", async () => {
    const s = { ...BINARY, id: "id" };
    expect(await error("i.jsonl", lines({ id: 1.5, label: 1, score: 0.5 }), s)).toBe(
      "i.jsonl:1: column 'id': 1.5 is not a string or an integer",
    );
    expect(
      await error("i.jsonl", lines({ id: 1, label: 1, score: 0.5 }, { id: "1", label: 0, score: 0.5 }), s),
    ).toBe("i.jsonl:2: column 'id': id '1' is repeated (first on line 1)");
  });

  it("matches multiclass labels given as numbers to the classes' names", async () => {
    const s = spec({
      task: "multiclass",
      label: "y",
      scores: [
        { cls: "1", column: "p1" },
        { cls: "2", column: "p2" },
      ],
    });
    const t = await table(
      "c.jsonl",
      lines({ y: 2, p1: 0.4, p2: 0.6 }, { y: "1", p1: 0.9, p2: 0.1 }, { y: 1.0, p1: 1, p2: 0 }),
      s,
    );
    expect(list(t.labels)).toEqual([1, 0, 0]);
    expect(list(t.classScores!)).toEqual([0.4, 0.6, 0.9, 0.1, 1, 0]);
    expect(await error("c.jsonl", lines({ y: 3, p1: 0.5, p2: 0.5 }), s)).toBe(
      "c.jsonl:1: column 'y': 3 is not one of the classes (1, 2)",
    );
  });

  it("reads a file larger than one read, lines split between reads", async () => {
    const n = 30000;
    const rows = Array.from({ length: n }, (_, i) => ({
      id: `row-${i}`,
      label: i % 2,
      score: (i % 100) / 100,
      note: "é".repeat(i % 5),
    }));
    const text = lines(...rows);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    const t = await table("big.jsonl", text, { ...BINARY, id: "id", slices: ["note"] });
    expect(t.ids).toEqual(rows.map((r) => r.id));
    expect(list(t.scores!)).toEqual(rows.map((r) => r.score));
    expect(t.slices[0]!.values).toEqual(["(missing)", "é", "éé", "ééé", "éééé"]);
  });

  it("refuses a file with no objects", async () => {
    expect(await error("e.jsonl", "\n \n", BINARY)).toBe("e.jsonl: no rows: the file has no JSON objects");
  });
});
