// The streaming readers must not depend on where the pieces of a file break: every document,
// valid or not, reads the same (value or located error) whole and in pieces of any size.
import { describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseMetricsChunks, parseMetricsFile } from "../../../../src/core/metrics/parse.js";
import { inPieces } from "../support/in-pieces.js";

const FIXTURES = "test/fixtures/metrics";
const files = (dir: string, ext: RegExp) =>
  readdirSync(join(FIXTURES, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => ext.test(f))
    .map((f) => join(FIXTURES, dir, f));

const documents: [string, string][] = [
  ...[...files("json", /\.json$/), ...files("malformed", /\.(json|csv)$/), ...files("csv", /\.csv$/)],
  ...files("real", /\.(json|csv|tsv)$/).filter((f) => !f.includes("dvc.yaml")),
].map((path) => [path, readFileSync(path, "utf8")]);

const handMade: [string, string][] = [
  ["escapes.json", '{"a\\u00e9\\n": "x\\"y\\\\z\\/", "b": [1.5e-3, -0, NaN, -Infinity, true, null]}'],
  ["bom.json", '\uFEFF{\n  "a": 1,\n  "b": 2 x\n}'],
  ["bad-escape.json", '{"a": "\\q"}'],
  ["bad-unicode.json", '{"a": "\\u12"}'],
  ["number-then-dot.json", '{"a": 1.5.3}'],
  // Every place a number can end, each a different look-ahead of the number scanner.
  ["numbers.json", "[0, -0, 7, 12, 1.25, 2e10, 3E-2, -4.5e+3, 10]"],
  ["number-dot-end.json", '{"a": 2.}'],
  ["number-exponent-end.json", "[1e"],
  ["cut.json", '{"a": [1, 2'],
  ["quoted.csv", 'name,value\n"a ""quoted"" name",0.5\n"multi\nline",1\n'],
  ["crlf.csv", "epoch,loss\r\n0,0.5\r\n1,0.25\r\n"],
  ["unterminated.csv", 'name,value\n"open,1\n'],
  ["bom.csv", "\uFEFFname,value\nacc,0.9\n"],
];

describe("reading a metrics file in pieces", () => {
  it.each([...documents, ...handMade])("%s reads the same in pieces of any size", (file, text) => {
    const whole = parseMetricsFile(text, { name: "m", file });
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(parseMetricsChunks(inPieces(text, size), { name: "m", file })).toEqual(whole);
    }
  });

  it("covers valid and malformed files (the test above compares both)", () => {
    const outcomes = [...documents, ...handMade].map(
      ([file, text]) => parseMetricsFile(text, { name: "m", file }).ok,
    );
    expect(outcomes.filter((ok) => ok).length).toBeGreaterThanOrEqual(15);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThanOrEqual(8);
  });
});
