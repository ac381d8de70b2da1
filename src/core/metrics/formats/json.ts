/**
 * JSON as Python's json.dump writes it: standard JSON plus the bare tokens NaN, Infinity and
 * -Infinity (allow_nan=True is the default). JSON.parse rejects those, and a textual pre-pass
 * would have to understand strings anyway, so this is a small complete parser that also knows
 * the line and column of every error.
 */
import type { MetricTree, MetricValue } from "../types.js";
import { MetricsFormatError } from "./error.js";

const MAX_DEPTH = 200;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: [string, MetricValue][] = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
];
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class JsonReader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new MetricsFormatError(`invalid JSON: ${message}`, line, column);
  }

  describe(): string {
    const c = this.text[this.pos];
    return c === undefined ? "end of file" : `'${c}'`;
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? "")) this.pos++;
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail(`expected '${char}', found ${this.describe()}`);
    this.pos++;
  }

  value(depth: number): MetricValue {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    return this.fail(`expected a value, found ${this.describe()}`);
  }

  object(depth: number): MetricTree {
    const out: MetricTree = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(`expected a quoted key, found ${this.describe()}`);
      const keyAt = this.pos;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key)) this.fail(`duplicate key "${key}"`, keyAt);
      this.expect(":");
      Object.defineProperty(out, key, {
        value: this.value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return out;
      if (c !== ",")
        this.fail(`expected ',' or '}', found ${c === undefined ? "end of file" : `'${c}'`}`, this.pos - 1);
    }
  }

  array(depth: number): MetricValue[] {
    const out: MetricValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return out;
      if (c !== ",")
        this.fail(`expected ',' or ']', found ${c === undefined ? "end of file" : `'${c}'`}`, this.pos - 1);
    }
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") this.fail("unterminated string", start);
      this.pos++;
      if (c === '"') return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.pos] ?? "";
      this.pos++;
      if (e === "u") {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape", this.pos - 2);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
      } else {
        this.fail(`invalid escape '\\${e}'`, this.pos - 2);
      }
    }
  }
}

/** Parses a JSON document (NaN/Infinity allowed). Throws MetricsFormatError with line and column. */
export function parseJsonDocument(text: string): MetricValue {
  const reader = new JsonReader(text.replace(/^\uFEFF/, ""));
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos < reader.text.length) reader.fail(`unexpected ${reader.describe()} after the document`);
  return value;
}
