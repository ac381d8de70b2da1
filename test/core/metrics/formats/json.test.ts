// The streaming JSON reader scans numbers by hand (it runs for every number of a large file): it
// must read each as JSON.parse does, whole and when a piece of the file ends inside it.
import { describe, expect, it } from "@jest/globals";
import { parseJsonChunks, parseJsonDocument } from "../../../../src/core/metrics/formats/json.js";
import { keepForRefs } from "../../../../src/core/metrics/keep.js";
import { inPieces } from "../support/in-pieces.js";

/** Every shape of JSON number: sign, integer part, fraction, exponent with and without a sign. */
function numberTexts(): string[] {
  const texts: string[] = [];
  for (const sign of ["", "-"])
    for (const int of ["0", "7", "12", "9007199254740993"])
      for (const frac of ["", ".5", ".0625", ".000001"])
        for (const exp of ["", "e5", "E-2", "e+300", "e-400"]) texts.push(`${sign}${int}${frac}${exp}`);
  return texts;
}

describe("numbers in the streaming JSON reader", () => {
  const texts = numberTexts();
  const list = `[${texts.join(",")}]`;

  it("reads every shape of number as JSON.parse does", () => {
    expect(parseJsonDocument(list)).toEqual(JSON.parse(list));
    for (const text of texts) expect(parseJsonDocument(text)).toEqual(JSON.parse(text));
  });

  it("reads them the same when a piece of the file ends anywhere inside one", () => {
    for (const size of [1, 2, 3, 4, 5, 6, 7, 11])
      expect(parseJsonChunks(inPieces(list, size))).toEqual(JSON.parse(list));
  });

  it.each(["01", "1.", "1e", "1e+", "-", ".5", "+1", "1.e3"])("refuses %s, as JSON.parse does", (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(() => parseJsonDocument(text)).toThrow(/invalid JSON/);
    expect(() => parseJsonChunks(inPieces(text, 1))).toThrow(/invalid JSON/);
  });
});

describe("where the streaming JSON reader places an error in a value it keeps", () => {
  // What a streamed read keeps (the keys the conditions name) must not move where an error is told.
  const keep = keepForRefs([{ text: "a", segments: ["a"] }], { trainerState: false });
  const located = (text: string, withKeep: boolean, size: number) => {
    try {
      parseJsonChunks(inPieces(text, size), withKeep ? keep : undefined);
    } catch (error) {
      const { line, column, message } = error as { line: number; column: number; message: string };
      return { line, column, message };
    }
    throw new Error("no error");
  };

  it.each([
    ["too deep, after spaces", '{"a": '.repeat(201) + "1" + "}".repeat(201), 1, 1206],
    ["too deep, after line ends", '{"a":\n'.repeat(201) + "1" + "}".repeat(201), 201, 6],
    ["a bad value after spaces", '{"a":   x}', 1, 9],
  ])(
    "%s: the same place whether the key is kept or not, in pieces of any size",
    (_what, text, line, column) => {
      for (const size of [1, 3, 7, text.length])
        for (const withKeep of [false, true])
          expect(located(text, withKeep, size)).toMatchObject({ line, column });
    },
  );
});

describe("keys named like what a plain object inherits", () => {
  // The duplicate check asks about own keys only when the name reads as something already: an
  // inherited name (constructor, toString, __proto__) must be neither a duplicate nor lost.
  it("reads each once as a key of its own", () => {
    const read = parseJsonDocument('{"constructor": 1, "toString": 2, "__proto__": 3, "valueOf": null}');
    expect(Object.entries(read as object)).toEqual([
      ["constructor", 1],
      ["toString", 2],
      ["__proto__", 3],
      ["valueOf", null],
    ]);
  });

  it.each([
    ["constructor", "1"],
    ["toString", "null"],
    ["__proto__", "{}"],
    ["valueOf", "[]"],
    // A first value that reads falsy is still there.
    ["accuracy", "0"],
    ["accuracy", "null"],
    ["accuracy", "false"],
    ["accuracy", '""'],
  ])("refuses %s twice (first %s) as a duplicate", (key, first) => {
    expect(() => parseJsonDocument(`{"${key}": ${first}, "${key}": 2}`)).toThrow(`duplicate key "${key}"`);
  });
});
