// The parts under the readers: the row limit, the fast decimal reader, the id and value tables.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { TableBuilder } from "../../../src/node/predictions/columns.js";
import { lineLocator } from "../../../src/node/predictions/errors.js";
import { IdColumn } from "../../../src/node/predictions/ids.js";
import { fastDecimal } from "../../../src/node/predictions/numbers.js";
import { TextIndex } from "../../../src/node/predictions/text-index.js";
import { BINARY } from "./support/read.js";

describe("TableBuilder", () => {
  it("refuses a row past the limit, naming it", () => {
    const builder = new TableBuilder(BINARY, "p.jsonl", lineLocator("p.jsonl"), 3);
    for (let i = 1; i <= 3; i++) builder.add([1, 0.5], i);
    expect(() => builder.add([1, 0.5], 4)).toThrow(
      "p.jsonl:4: more than 3 rows; a predictions file is read whole",
    );
    expect(builder.finish().rows).toBe(3);
  });

  it("grows its arrays past their first size and trims them at the end", () => {
    const builder = new TableBuilder({ ...BINARY, weight: "w", slices: ["g"] }, "p", lineLocator("p"));
    const n = 5000;
    for (let i = 0; i < n; i++) builder.add([i % 2, i / n, i, `g${i % 3}`], i + 1);
    const t = builder.finish();
    expect([t.labels.length, t.scores!.length, t.weights!.length, t.slices[0]!.codes.length]).toEqual([
      n,
      n,
      n,
      n,
    ]);
    expect([t.scores![4999], t.weights![4321], t.slices[0]!.codes[4999]]).toEqual([0.9998, 4321, 4999 % 3]);
  });
});

describe("fastDecimal", () => {
  it("reads a plain decimal exactly as Number() does, or gives up (NaN)", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^\d{0,12}$/),
        fc.boolean(),
        fc.stringMatching(/^\d{0,12}$/),
      )
      .map(([sign, int, point, frac]) => `${sign}${int}${point ? "." : ""}${point ? frac : ""}`);
    fc.assert(
      fc.property(decimal, (text) => {
        const fast = fastDecimal(`x${text}y`, 1, text.length + 1);
        if (Number.isNaN(fast)) {
          const digits = text.replace(/\D/g, "").length;
          expect(digits === 0 || digits > 15).toBe(true);
        } else {
          expect(Object.is(fast, Number(text))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves exponents, spaces and text to the slow way", () => {
    for (const text of ["1e3", " 1", "1 ", "1.2.3", "0x1", "nan", "", "-", "."]) {
      expect(fastDecimal(text, 0, text.length)).toBeNaN();
    }
  });
});

describe("IdColumn", () => {
  it("finds the repeat whose second row comes first, as a naive scan does", () => {
    const ids = fc.array(fc.stringMatching(/^[ab]{0,3}$/), { maxLength: 60 });
    fc.assert(
      fc.property(ids, (list) => {
        const column = new IdColumn();
        for (const id of list) column.add(id, 0, id.length);
        const seen = new Map<string, number>();
        let expected: { id: string; first: number; second: number } | undefined;
        list.forEach((id, i) => {
          const first = seen.get(id);
          if (first !== undefined && !expected) expected = { id, first, second: i };
          if (first === undefined) seen.set(id, i);
        });
        expect(column.firstRepeat()).toEqual(expected);
        expect(column.ids).toEqual(list);
      }),
    );
  });

  it("checks many ids", () => {
    const column = new IdColumn();
    for (let i = 0; i < 200_000; i++) {
      const id = `user-${(i * 7919) % 200_003}`;
      column.add(id, 0, id.length);
    }
    expect(column.firstRepeat()).toBeUndefined();
    column.add("user-7919", 0, 9);
    expect(column.firstRepeat()).toEqual({ id: "user-7919", first: 1, second: 200_000 });
  });
});

describe("TextIndex", () => {
  it("gives each distinct text its first-seen index, looked up in place", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), (texts) => {
        const index = new TextIndex();
        const map = new Map<string, number>();
        for (const t of texts) {
          const padded = `<${t}>`;
          const at = index.intern(padded, 1, padded.length - 1);
          const isNew = !map.has(t);
          if (isNew) map.set(t, map.size);
          expect([at, index.added]).toEqual([map.get(t), isNew]);
        }
        expect(index.values).toEqual([...map.keys()]);
        expect(index.find("zzzzz")).toBe(map.has("zzzzz") ? map.get("zzzzz") : -1);
      }),
    );
  });
});
