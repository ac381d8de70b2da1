/**
 * JSON as Python's json.dump writes it: standard JSON plus the bare tokens NaN, Infinity and
 * -Infinity (allow_nan=True is the default). JSON.parse rejects those, needs the whole text at
 * once, and cannot leave parts out, so this is a small complete parser that reads the text piece
 * by piece, knows the line and column of every error, and can keep only some of the document.
 */
import type { NextChunk } from "../stream/chunks.js";
import { textChunks } from "../stream/chunks.js";
import type { MetricTree, MetricValue } from "../types.js";
import { MetricsFormatError } from "./error.js";
import { setOwnKey } from "../../own-key.js";

const MAX_DEPTH = 200;
/** The first characters of true, false, null, NaN, Infinity and -Infinity. */
const LITERAL_START = new Set(["t", "f", "n", "N", "I", "-"]);

/** JSON's whitespace: space, tab, carriage return and line feed (NaN, past the text, is none). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

/**
 * The length of the longest JSON number at `from`, 0 when none, -1 when the text ends before
 * that is known:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, scanned by hand since it runs for every number.
 */
function numberLength(text: string, from: number): number {
  const end = text.length;
  let k = from;
  if (k < end && text.charCodeAt(k) === 0x2d) k++;
  if (k >= end) return -1;
  const first = text.charCodeAt(k);
  if (first === 0x30) k++;
  else if (first >= 0x31 && first <= 0x39) k = digitsEnd(text, k + 1);
  else return 0;
  if (text.charCodeAt(k) === 0x2e) {
    if (k + 1 >= end) return -1;
    if (isDigit(text.charCodeAt(k + 1))) k = digitsEnd(text, k + 2);
  }
  if (k >= end) return -1;
  const e = text.charCodeAt(k);
  if (e === 0x65 || e === 0x45) {
    if (k + 1 >= end) return -1;
    const s = text.charCodeAt(k + 1);
    const sign = s === 0x2b || s === 0x2d ? 1 : 0;
    if (k + 1 + sign >= end) return -1;
    if (isDigit(text.charCodeAt(k + 1 + sign))) k = digitsEnd(text, k + 2 + sign);
  }
  // Ran into the end of the text: the number may go on past it.
  return k >= end ? -1 : k - from;
}

/** Where the run of digits from `k` ends. */
function digitsEnd(text: string, k: number): number {
  while (k < text.length && isDigit(text.charCodeAt(k))) k++;
  return k;
}

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

/**
 * What a streamed read of a large file keeps. Everything else is still parsed (a malformed file
 * is an error wherever the fault is) but never built, so memory follows what is kept.
 */
export interface JsonKeep {
  /** Whether to keep `key` of the object at key path `parent` (list items add nothing to the path). */
  member(parent: readonly string[], key: string): boolean;
  /**
   * Whether to keep a list item once read. Dropping one moves the later items' indexes, so this
   * may say no only in lists that no reference indexes.
   */
  item(list: readonly string[], value: MetricValue): boolean;
  /** More values kept than this is an error, not a slow death of the runner. */
  maxValues: number;
}

interface Location {
  line: number;
  column: number;
}

class JsonReader {
  private buf = "";
  private i = 0;
  /** Offset in the whole text of buf[0]. */
  private base = 0;
  private eof = false;
  private line = 1;
  private lineStart = 0;
  private kept = 0;

  constructor(
    private readonly next: NextChunk,
    private readonly keep: JsonKeep | undefined,
  ) {}

  /** Makes at least `n` characters available from i, unless the text ends first. */
  private ensure(n: number): void {
    while (this.buf.length - this.i < n && !this.eof) {
      const chunk = this.next();
      if (chunk === undefined) {
        this.eof = true;
        return;
      }
      this.base += this.i;
      this.buf = this.buf.slice(this.i) + chunk;
      this.i = 0;
    }
  }

  private peek(): string | undefined {
    if (this.i >= this.buf.length) this.ensure(1);
    return this.buf[this.i];
  }

  location(): Location {
    return { line: this.line, column: this.column() };
  }

  private column(): number {
    return this.base + this.i - this.lineStart + 1;
  }

  /**
   * The key path of a kept member's value. Only an object or a list below it reads the path, so a
   * number or a string (most members) gets the parent's, with no copy made. It looks past the
   * spaces without reading them, so that an error in the value is placed as before; a value that
   * starts in a later piece gets the copy.
   */
  private childPath(path: readonly string[], key: string): readonly string[] {
    const buf = this.buf;
    let j = this.i;
    while (isSpace(buf.charCodeAt(j))) j++;
    const c = buf.charCodeAt(j);
    return j >= buf.length || c === 0x7b || c === 0x5b ? [...path, key] : path;
  }

  fail(message: string, at: Location = this.location()): never {
    throw new MetricsFormatError(`invalid JSON: ${message}`, at.line, at.column);
  }

  private describe(): string {
    const c = this.peek();
    return c === undefined ? "end of file" : `'${c}'`;
  }

  start(): void {
    if (this.peek() === "\uFEFF") {
      this.i++;
      this.lineStart = this.base + this.i;
    }
  }

  skipSpace(): void {
    // By character code over the piece at hand: a pretty-printed file is mostly indentation.
    for (;;) {
      const buf = this.buf;
      let i = this.i;
      while (i < buf.length) {
        const c = buf.charCodeAt(i);
        if (c === 0x0a) {
          i++;
          this.line++;
          this.lineStart = this.base + i;
        } else if (isSpace(c)) i++;
        else {
          this.i = i;
          return;
        }
      }
      this.i = i;
      this.ensure(1);
      if (this.i >= this.buf.length) return;
    }
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char) this.fail(`expected '${char}', found ${this.describe()}`);
    this.i++;
  }

  private count(): void {
    if (this.keep && ++this.kept > this.keep.maxValues) {
      this.fail(
        `more than ${this.keep.maxValues} values under the keys the conditions name; name fewer, or write a smaller metrics file`,
      );
    }
  }

  /** The value at the reader, built when `build`, else only checked (and undefined). */
  value(depth: number, path: readonly string[], build: boolean): MetricValue | undefined {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.peek();
    if (build) this.count();
    if (c === "{") return this.object(depth, path, build);
    if (c === "[") return this.array(depth, path, build);
    if (c === '"') return this.string(build);
    if (c !== undefined && LITERAL_START.has(c)) {
      this.ensure(9);
      for (const [word, value] of LITERALS) {
        if (this.buf.startsWith(word, this.i)) {
          this.i += word.length;
          return value;
        }
      }
    }
    return this.number(build);
  }

  private number(build: boolean): number | undefined {
    // The longest number at the reader; what follows it (1.5.3) is the next token's error. A
    // number that reaches the end of the piece may go on in the next: scan again with more.
    let length = numberLength(this.buf, this.i);
    while (length < 0 && !this.eof) {
      this.ensure(this.buf.length - this.i + 1);
      length = numberLength(this.buf, this.i);
    }
    // At the end of the file the number is what there is of it.
    if (length < 0) length = numberLength(this.buf + " ", this.i);
    if (length === 0) return this.fail(`expected a value, found ${this.describe()}`);
    const start = this.i;
    this.i += length;
    // A number left out is checked, never converted. Unary plus converts as Number() does.
    return build ? +this.buf.slice(start, start + length) : undefined;
  }

  private object(depth: number, path: readonly string[], build: boolean): MetricTree | undefined {
    const out: MetricTree | undefined = build ? {} : undefined;
    this.i++;
    this.skipSpace();
    if (this.peek() === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail(`expected a quoted key, found ${this.describe()}`);
      // Where the key is, as numbers: an object for every key read was a measurable cost.
      const keyLine = this.line;
      const keyColumn = this.column();
      const key = this.string(true)!;
      const kept = out !== undefined && (this.keep === undefined || this.keep.member(path, key));
      // Among kept keys only: a duplicate of a key left out cannot change any value read. A new key
      // reads undefined (no JSON value is), so only an inherited name asks about own keys.
      if (kept && out[key] !== undefined && Object.prototype.hasOwnProperty.call(out, key))
        this.fail(`duplicate key "${key}"`, { line: keyLine, column: keyColumn });
      this.expect(":");
      const value = this.value(depth + 1, kept && this.keep ? this.childPath(path, key) : path, kept);
      if (kept) {
        setOwnKey(out, key, value);
      }
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "}") return out;
      if (c !== ",")
        this.fail(`expected ',' or '}', found ${c === undefined ? "end of file" : `'${c}'`}`, {
          line: this.line,
          column: this.location().column - 1,
        });
    }
  }

  private array(depth: number, path: readonly string[], build: boolean): MetricValue[] | undefined {
    const out: MetricValue[] | undefined = build ? [] : undefined;
    this.i++;
    this.skipSpace();
    if (this.peek() === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      const before = this.kept;
      const item = this.value(depth + 1, path, build);
      if (out !== undefined) {
        if (this.keep === undefined || this.keep.item(path, item!)) out.push(item!);
        else this.kept = before;
      }
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "]") return out;
      if (c !== ",")
        this.fail(`expected ',' or ']', found ${c === undefined ? "end of file" : `'${c}'`}`, {
          line: this.line,
          column: this.location().column - 1,
        });
    }
  }

  /** A string at the reader; its text only when `build` (a skipped one can be any length). */
  private string(build: boolean): string | undefined {
    const startLine = this.line;
    const startColumn = this.column();
    this.i++;
    let out = "";
    for (;;) {
      if (this.i >= this.buf.length) this.ensure(1);
      // The plain run up to the next quote, backslash or line end, taken at once.
      let j = this.i;
      const buf = this.buf;
      while (j < buf.length) {
        const c = buf.charCodeAt(j);
        if (c === 0x22 || c === 0x5c || c === 0x0a) break;
        j++;
      }
      if (build) out += buf.slice(this.i, j);
      this.i = j;
      const c = this.peek();
      if (c === undefined || c === "\n")
        this.fail("unterminated string", { line: startLine, column: startColumn });
      if (c === '"') {
        this.i++;
        return build ? out : undefined;
      }
      if (c !== "\\") continue;
      this.ensure(6);
      const e = this.buf[this.i + 1] ?? "";
      const escapeAt = this.location();
      this.i += 2;
      if (e === "u") {
        const hex = this.buf.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape", escapeAt);
        if (build) out += String.fromCharCode(parseInt(hex, 16));
        this.i += 4;
      } else if (e in ESCAPES) {
        if (build) out += ESCAPES[e];
      } else {
        this.fail(`invalid escape '\\${e}'`, escapeAt);
      }
    }
  }

  unexpected(): never {
    return this.fail(`unexpected ${this.describe()} after the document`);
  }
}

/**
 * Parses a JSON document (NaN/Infinity allowed) from its pieces, keeping all of it or what `keep`
 * says. Throws MetricsFormatError with line and column.
 */
export function parseJsonChunks(next: NextChunk, keep?: JsonKeep): MetricValue {
  const reader = new JsonReader(next, keep);
  reader.start();
  const value = reader.value(0, [], true)!;
  reader.skipSpace();
  if (!reader.atEnd()) reader.unexpected();
  return value;
}

export function parseJsonDocument(text: string): MetricValue {
  return parseJsonChunks(textChunks(text));
}
