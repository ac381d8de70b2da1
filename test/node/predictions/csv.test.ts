// CSV predictions: RFC 4180 quoting, BOM/CRLF/blank lines, each value rule and its located message,
// pieces of any size (the reader's buffer boundaries).
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { PredictionsSpec } from "../../../src/core/config/types.js";
import type { PredictionTable } from "../../../src/core/predictions/table.js";
import { CHUNK_BYTES, readCsvTable, type ReadInto } from "../../../src/node/predictions/csv.js";
import { BINARY, error, list, sliceValues, spec, table } from "./support/read.js";

/** The bytes of `text`, handed over at most `size` at a time. */
function pieces(text: string, size: number): ReadInto {
  const bytes = Buffer.from(text, "utf8");
  let position = 0;
  return (buffer, at, length) => {
    const n = Math.min(length, size, bytes.length - position);
    buffer.set(bytes.subarray(position, position + n), at);
    position += n;
    return n;
  };
}

function readText(
  text: string,
  s: PredictionsSpec,
  size = CHUNK_BYTES,
  chunkBytes = CHUNK_BYTES,
): PredictionTable {
  return readCsvTable(pieces(text, size), "t.csv", s, chunkBytes);
}

const FULL = spec({
  task: "binary",
  label: "y",
  score: "p",
  id: "id",
  weight: "w",
  slices: ["region", "device"],
});

describe("CSV: a table", () => {
  it("keeps the spec's columns, in file order, and ignores the rest", async () => {
    const t = await table(
      "p.csv",
      "id,y,p,w,region,device,notes\n" +
        "a1,1,0.9,1,eu,ios,x\n" +
        "a2,0,0.125,2.5,us,,y\n" +
        "a3,1,0.5,0,eu,web,z\n" +
        "7,0,1e-3,1,,ios,\n",
      FULL,
    );
    expect(t).toMatchObject({ file: "p.csv", task: "binary", rows: 4, ids: ["a1", "a2", "a3", "7"] });
    expect(list(t.labels)).toEqual([1, 0, 1, 0]);
    expect(list(t.scores!)).toEqual([0.9, 0.125, 0.5, 0.001]);
    expect(list(t.weights!)).toEqual([1, 2.5, 0, 1]);
    expect(t.slices.map((s) => [s.column, s.values, list(s.codes)])).toEqual([
      ["region", ["eu", "us", "(missing)"], [0, 1, 0, 2]],
      ["device", ["ios", "(missing)", "web"], [0, 1, 2, 0]],
    ]);
    expect(t.labels).toBeInstanceOf(Float64Array);
    expect(t.labels.length).toBe(4); // trimmed, not the grown capacity
    expect(t.slices[0]!.codes).toBeInstanceOf(Uint32Array);
    expect(t.classScores).toBeUndefined();
  });

  it("reads numbers as Number() does, fast path or not", () => {
    const cells = [
      "0.1",
      "-3",
      "+2.5",
      "5.",
      ".25",
      "1e3",
      "-2.5E-2",
      " 7 ",
      "123456789012345678",
      "0.30000000000000004",
    ];
    const t = readText(
      `y,yhat\n${cells.map((c) => `${c},${c}`).join("\n")}\n`,
      spec({ task: "regression", label: "y", prediction: "yhat" }),
    );
    const expected = cells.map((c) => Number(c));
    expect(list(t.labels)).toEqual(expected);
    expect(list(t.predictions!)).toEqual(expected);
  });

  it("matches multiclass labels to the classes, also as numbers, and keeps scores row-major", async () => {
    const s = spec({
      task: "multiclass",
      label: "label",
      scores: [
        { cls: "0", column: "p0" },
        { cls: "1", column: "p1" },
        { cls: "2", column: "p2" },
      ],
    });
    const t = await table("m.csv", "label,p0,p1,p2\n2,0.1,0.2,0.7\n0,0.8,0.1,0.1\n1.0,0.3,0.6,0.1\n", s);
    expect(t.classes).toEqual(["0", "1", "2"]);
    expect(list(t.labels)).toEqual([2, 0, 1]);
    expect(list(t.classScores!)).toEqual([0.1, 0.2, 0.7, 0.8, 0.1, 0.1, 0.3, 0.6, 0.1]);
    expect(await error("m.csv", "label,p0,p1,p2\n2,0.1,0.2,0.7\ncat,0.8,0.1,0.1\n", s)).toBe(
      "m.csv:3: column 'label': 'cat' is not one of the classes (0, 1, 2)",
    );
  });

  it("reads a column the spec names twice once (an id that is also a slice)", async () => {
    const t = await table("d.csv", "label,score,user\n1,0.5,u1\n0,0.5,u2\n", {
      ...BINARY,
      id: "user",
      slices: ["user"],
    });
    expect(t.ids).toEqual(["u1", "u2"]);
    expect(sliceValues(t, 0)).toEqual(["u1", "u2"]);
  });
});

describe("CSV: RFC 4180", () => {
  it("reads quoted commas, doubled quotes and newlines inside quotes, counting lines", async () => {
    const text =
      'id,label,score,note\n"a,1",1,"0.5","say ""hi"""\n"b\nc",0,0.25,"two\nlines"\nd,1,0.75,"x"\ne,1,oops,y\n';
    expect(await error("q.csv", text, { ...BINARY, id: "id", slices: ["note"] })).toBe(
      "q.csv:7: column 'score': 'oops' is not a number",
    );
    const t = await table("q.csv", text.replace("oops", "1"), { ...BINARY, id: "id", slices: ["note"] });
    expect(t.ids).toEqual(["a,1", "b\nc", "d", "e"]);
    expect(list(t.scores!)).toEqual([0.5, 0.25, 0.75, 1]);
    expect(t.slices[0]!.values).toEqual(['say "hi"', "two\nlines", "x", "y"]);
  });

  it("skips a BOM and blank lines, reads CRLF, and numbers lines as an editor does", async () => {
    const text = "\uFEFFlabel,score\r\n\r\n1,0.5\r\n   \r\n0,0.25\r\n\n1,bad\r\n";
    expect(await error("b.csv", text, BINARY)).toBe("b.csv:7: column 'score': 'bad' is not a number");
    const t = await table("b.csv", text.replace("bad", "1"), BINARY);
    expect(list(t.labels)).toEqual([1, 0, 1]);
    expect(list(t.scores!)).toEqual([0.5, 0.25, 1]);
  });

  it("reads a last row without a newline, and quoted fields ending in CRLF", async () => {
    const t = await table("n.csv", 'label,score,s\r\n1,0.5,"a"\r\n0,"0.25","b"', {
      ...BINARY,
      slices: ["s"],
    });
    expect(list(t.scores!)).toEqual([0.5, 0.25]);
    expect(t.slices[0]!.values).toEqual(["a", "b"]);
  });

  it("names the line of a quote left open, or of text after a closing quote", async () => {
    expect(await error("u.csv", 'label,score\n1,0.5\n0,"0.25\n1,0.5\n', BINARY)).toBe(
      "u.csv:3: a quoted field is never closed",
    );
    expect(await error("u.csv", 'label,score\n1,"0.5"x\n', BINARY)).toBe(
      `u.csv:2: a quoted field's closing quote is followed by 'x' (a quote inside a quoted field is written "")`,
    );
  });

  it("says when a row is not as wide as the header", async () => {
    expect(await error("w.csv", "label,score\n1,0.5\n0\n", BINARY)).toBe(
      "w.csv:3: 1 column where the header has 2",
    );
    expect(await error("w.csv", "label,score\n1,0.5,9\n", BINARY)).toBe(
      "w.csv:2: 3 columns where the header has 2",
    );
  });
});

describe("CSV: values", () => {
  it("reads binary labels 0, 1, true, false, 0.0, 1.0 (any case), nothing else", async () => {
    const t = await table(
      "l.csv",
      "label,score\n0,0\n1,1\ntrue,0.5\nFalse,0.5\nTRUE,0.5\n0.0,0.5\n1.0,0.5\n",
      BINARY,
    );
    expect(list(t.labels)).toEqual([0, 1, 1, 0, 1, 0, 1]);
    expect(await error("l.csv", "label,score\n1,0.5\nyes,0.5\n", BINARY)).toBe(
      "l.csv:3: column 'label': 'yes' is not a binary label (0, 1, true or false)",
    );
    expect(await error("l.csv", "label,score\n2,0.5\n", BINARY)).toBe(
      "l.csv:2: column 'label': '2' is not a binary label (0, 1, true or false)",
    );
    expect(await error("l.csv", "label,score\n,0.5\n", BINARY)).toBe("l.csv:2: column 'label' is empty");
  });

  it.each([
    ["abc", "column 'score': 'abc' is not a number"],
    ["0x1", "column 'score': '0x1' is not a number"],
    ["nan", "column 'score': 'nan' is not a finite number"],
    ["-inf", "column 'score': '-inf' is not a finite number"],
    ["Infinity", "column 'score': 'Infinity' is not a finite number"],
    ["", "column 'score' is empty"],
    ["1.5", "column 'score': '1.5' is not a probability in [0, 1]"],
    ["-0.01", "column 'score': '-0.01' is not a probability in [0, 1]"],
  ])("refuses the score %j", async (cell, message) => {
    expect(await error("s.csv", `label,score\n1,0.5\n0,${cell}\n`, BINARY)).toBe(`s.csv:3: ${message}`);
  });

  it("refuses a multiclass class score outside [0, 1], naming its column", async () => {
    const s = spec({
      task: "multiclass",
      scores: [
        { cls: "a", column: "pa" },
        { cls: "b", column: "pb" },
      ],
    });
    expect(await error("m.csv", "label,pa,pb\na,0.5,0.5\nb,1.2,0\n", s)).toBe(
      "m.csv:3: column 'pa': '1.2' is not a probability in [0, 1]",
    );
  });

  it("reads regression targets and predictions as any finite numbers", async () => {
    const s = spec({ task: "regression", label: "y", prediction: "yhat" });
    const t = await table("r.csv", "y,yhat\n-12.5,3e2\n0,0\n", s);
    expect([list(t.labels), list(t.predictions!)]).toEqual([
      [-12.5, 0],
      [300, 0],
    ]);
    expect(await error("r.csv", "y,yhat\n1,NaN\n", s)).toBe(
      "r.csv:2: column 'yhat': 'NaN' is not a finite number",
    );
  });

  it("refuses a negative or missing weight", async () => {
    const s = { ...BINARY, weight: "w" };
    expect(await error("w.csv", "label,score,w\n1,0.5,1\n0,0.5,-2\n", s)).toBe(
      "w.csv:3: column 'w': '-2' is negative; weights are ≥ 0",
    );
    expect(await error("w.csv", "label,score,w\n1,0.5,\n", s)).toBe("w.csv:2: column 'w' is empty");
  });

  it("refuses a repeated id, naming both lines, and an empty one", async () => {
    const s = { ...BINARY, id: "id" };
    expect(await error("i.csv", "id,label,score\nx,1,0.5\ny,0,0.5\nz,1,0.5\ny,0,0.5\nx,0,0.5\n", s)).toBe(
      "i.csv:5: column 'id': id 'y' is repeated (first on line 3)",
    );
    expect(await error("i.csv", "id,label,score\nx,1,0.5\n ,0,0.5\n", s)).toBe(
      "i.csv:3: column 'id' is empty",
    );
  });

  it("takes an empty slice cell as (missing), trimmed cells as equal", async () => {
    const t = await table("s.csv", 'label,score,g\n1,0.5,a\n0,0.5, a \n1,0.5,\n0,0.5,""\n', {
      ...BINARY,
      slices: ["g"],
    });
    expect(sliceValues(t, 0)).toEqual(["a", "a", "(missing)", "(missing)"]);
  });
});

describe("CSV: the file's shape", () => {
  it("says which column is missing, listing at most 20", async () => {
    expect(await error("c.csv", "y,prob\n1,0.5\n", BINARY)).toBe(
      "c.csv: no column 'label' (columns: y, prob)",
    );
    const header = Array.from({ length: 25 }, (_, i) => `c${i}`).join(",");
    expect(await error("c.csv", `label,${header}\n`, BINARY)).toBe(
      `c.csv: no column 'score' (columns: label, ${Array.from({ length: 19 }, (_, i) => `c${i}`).join(", ")}, … (6 more))`,
    );
  });

  it("refuses a header naming a needed column twice", async () => {
    expect(await error("h.csv", "label,score,score\n1,0.5,0.5\n", BINARY)).toBe(
      "h.csv:1: column 'score' appears twice in the header",
    );
  });

  it("refuses an empty file and a header without rows", async () => {
    expect(await error("e.csv", "", BINARY)).toBe("e.csv: the file is empty");
    expect(await error("e.csv", "\n\n  \n", BINARY)).toBe("e.csv: the file is empty");
    expect(await error("e.csv", "label,score\n\n", BINARY)).toBe("e.csv: no rows below the header");
  });
});

describe("CSV: pieces", () => {
  const tricky =
    '\uFEFFid,label,score,note\r\n"é,1",1,0.5,"say ""hi"""\r\n"b\nc",0,0.25,"two\r\nlines ü"\r\n\r\nd,1,0.75,"€"\r\nlast,0,1,x';
  const s = { ...BINARY, id: "id", slices: ["note"] };

  it("reads the same table whatever size the reads are, down to one byte", () => {
    const whole = readText(tricky, s);
    expect(whole.ids).toEqual(["é,1", "b\nc", "d", "last"]);
    expect(whole.slices[0]!.values).toEqual(['say "hi"', "two\r\nlines ü", "€", "x"]);
    for (const size of [1, 2, 3, 5, 7, 13]) {
      for (const chunkBytes of [4, 8, 64]) expect(readText(tricky, s, size, chunkBytes)).toEqual(whole);
    }
  });

  it("reads any table of quoted and unquoted cells the same in pieces as whole", () => {
    const cell = fc.stringMatching(/^[a-z ,"\n\u00e9\u20ac]{0,6}$/);
    const rows = fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), cell), {
      minLength: 1,
      maxLength: 30,
    });
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 9 }), fc.boolean(), (data, size, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text =
          `label,score,g${eol}` + data.map(([y, p, g]) => `${y ? 1 : 0},${p},${quote(g)}`).join(eol) + eol;
        const t = readText(text, { ...BINARY, slices: ["g"] }, size, 16);
        expect(list(t.labels)).toEqual(data.map(([y]) => (y ? 1 : 0)));
        expect(list(t.scores!)).toEqual(data.map(([, p]) => p));
        expect(sliceValues(t, 0)).toEqual(data.map(([, , g]) => (g.trim() === "" ? "(missing)" : g.trim())));
      }),
      { numRuns: 150 },
    );
  });

  it("reads a file larger than one read, with rows and quoted newlines across the reads", async () => {
    const n = 100000;
    const lines = ["row,label,score,note"];
    for (let i = 0; i < n; i++)
      lines.push(`r${i},${i % 3 === 0 ? 1 : 0},${(i % 1000) / 1000},"n${i % 7}\nü"`);
    const text = lines.join("\n") + "\n";
    expect(Buffer.byteLength(text)).toBeGreaterThan(CHUNK_BYTES);
    const t = await table("big.csv", text, { ...BINARY, id: "row", slices: ["note"] });
    expect(t.rows).toBe(n);
    expect(t.ids![n - 1]).toBe(`r${n - 1}`);
    expect(list(t.labels).reduce((a, b) => a + b, 0)).toBe(Math.ceil(n / 3));
    expect(t.scores![12345]).toBe(0.345);
    expect(t.slices[0]!.values).toEqual(Array.from({ length: 7 }, (_, k) => `n${k}\nü`));
    const bad = text.replace(`r${n - 2},`, "r0,");
    expect(await error("big.csv", bad, { ...BINARY, id: "row" })).toBe(
      `big.csv:${2 * (n - 2) + 2}: column 'row': id 'r0' is repeated (first on line 2)`,
    );
  });
});
