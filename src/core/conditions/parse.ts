import type { SourceLocation } from "../diagnostics.js";
import { shift } from "./decimal.js";
import { formatSegments, quoteSegment } from "./ref-text.js";
import type { CompareOp, Condition, ListSelector, MetricRef, Operand, RefSegment } from "./types.js";

export type ConditionField = "metric" | "op" | "value";

export type ParseConditionResult =
  | { ok: true; condition: Condition }
  /** `column` is 1-based within the condition string (1 for the object form); `field` names the
   * offending key of the object form so a caller can point at that node. */
  | { ok: false; message: string; column: number; field?: ConditionField };

export const COMPARE_OPS: readonly CompareOp[] = [">", ">=", "<", "<=", "==", "!="];
const OP_LIST = COMPARE_OPS.join(" ");

class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const BARE_SEGMENT = /[A-Za-z0-9_/]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** A cursor over the condition text; columns it reports are 1-based. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  get column(): number {
    return this.pos + 1;
  }
  peek(): string {
    return this.text[this.pos] ?? "";
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  skipSpace(): void {
    while (/\s/.test(this.peek()) && !this.atEnd()) this.pos++;
  }
  fail(message: string, column = this.column): never {
    throw new ConditionSyntaxError(message, column);
  }
  describeHere(): string {
    return this.atEnd() ? "end of condition" : `'${this.peek()}'`;
  }
}

/** A segment name: bare (`accuracy`, `val/loss`) or back-quoted (`` `f1-score` ``). */
function scanName(s: Scanner, noun: string, hasSegments: boolean): string {
  if (s.peek() === "`") {
    const open = s.column;
    const close = s.text.indexOf("`", s.pos + 1);
    if (close < 0) s.fail(`unterminated back-quoted ${noun}`, open);
    const name = s.text.slice(s.pos + 1, close);
    if (name.length === 0) s.fail(`empty back-quoted ${noun}`, open);
    s.pos = close + 1;
    return name;
  }
  const start = s.pos;
  while (BARE_SEGMENT.test(s.peek()) && !s.atEnd()) s.pos++;
  if (s.pos === start) {
    const expected = hasSegments ? `a ${noun} after '.'` : `a ${noun}`;
    s.fail(
      /[-\s.]/.test(s.peek()) && hasSegments
        ? `expected ${expected}; back-quote names with spaces, dots or dashes, e.g. \`f1-score\``
        : `expected ${expected}, found ${s.describeHere()}`,
    );
  }
  return s.text.slice(start, s.pos);
}

/** A double-quoted string: `\"` is a quote, `\\` a backslash; any other escape is an error. */
function scanQuoted(s: Scanner): string {
  const open = s.column;
  s.pos++;
  let value = "";
  for (;;) {
    if (s.atEnd()) s.fail('unterminated "string" in [ ]; close it with an unescaped "', open);
    const c = s.peek();
    if (c === '"') {
      s.pos++;
      return value;
    }
    if (c === "\\") {
      const next = s.text[s.pos + 1] ?? "";
      if (next !== '"' && next !== "\\") {
        s.fail(`unknown escape '\\${next}' in a quoted value; only \\" and \\\\ are escapes`);
      }
      value += next;
      s.pos += 2;
      continue;
    }
    value += c;
    s.pos++;
  }
}

/**
 * `[N]` (0-based index), `[key="value"]` (the one item whose key is that string) or
 * `[slice column="value"]` (a predictions source's slice).
 */
function scanSelector(s: Scanner): ListSelector {
  const column = s.column;
  s.pos++;
  const close = (): void => {
    if (s.peek() !== "]")
      s.fail(`expected ']' to close the '[' at column ${column}, found ${s.describeHere()}`);
    s.pos++;
  };
  const digits = /^\d+/.exec(s.text.slice(s.pos));
  if (digits) {
    const index = Number(digits[0]);
    if (!Number.isSafeInteger(index)) s.fail(`index ${digits[0]} is too large`);
    s.pos += digits[0].length;
    close();
    return { kind: "index", index, column };
  }
  if (s.peek() === "-")
    s.fail("indexes count from 0 at the start of the list; negative indexes are not supported");
  if (s.peek() === "]" || s.atEnd()) {
    s.fail('expected an index or key="value" inside [ ], e.g. [0] or [metric_id="Accuracy()"]');
  }
  const slice = /^slice\s+/.exec(s.text.slice(s.pos));
  if (slice) s.pos += slice[0].length;
  const key = scanName(s, slice ? "slice column after 'slice'" : "key name inside [ ]", false);
  if (s.peek() !== "=") s.fail(`expected '=' after '${key}' inside [ ], found ${s.describeHere()}`);
  s.pos++;
  if (s.peek() === "=") s.fail(`write one '=' inside [ ]: [${quoteSegment(key)}="…"]`);
  if (s.peek() !== '"') {
    const hint = s.peek() === "'" ? "; use double quotes" : "";
    s.fail(`expected a double-quoted value after '${key}=', found ${s.describeHere()}${hint}`);
  }
  const value = scanQuoted(s);
  close();
  return { kind: slice ? "slice" : "match", key, value, column };
}

function scanMetric(s: Scanner): MetricRef {
  const segments: RefSegment[] = [];
  for (;;) {
    segments.push(scanName(s, "metric name", segments.length > 0));
    while (s.peek() === "[") segments.push(scanSelector(s));
    if (s.peek() !== ".") break;
    s.pos++;
  }
  if (s.peek() === "-" || s.peek() === "`") {
    s.fail(`unexpected '${s.peek()}' in metric name; back-quote names with dashes, e.g. \`f1-score\``);
  }
  return { segments, text: formatSegments(segments) };
}

function scanOp(s: Scanner): CompareOp {
  const start = s.pos;
  while (/[<>=!]/.test(s.peek()) && !s.atEnd()) s.pos++;
  const op = s.text.slice(start, s.pos);
  if (op.length === 0) s.fail(`expected a comparison operator (${OP_LIST}), found ${s.describeHere()}`);
  if ((COMPARE_OPS as readonly string[]).includes(op)) return op as CompareOp;
  const hint =
    op === "="
      ? " (did you mean '=='?)"
      : op === "=>"
        ? " (did you mean '>='?)"
        : op === "=<"
          ? " (did you mean '<='?)"
          : "";
  return s.fail(`invalid operator '${op}'${hint}; expected one of ${OP_LIST}`, start + 1);
}

/** A number, optionally a percentage; returns the value and its normalised text. */
function scanNumber(s: Scanner): { value: number; text: string } {
  const match = NUMBER.exec(s.text.slice(s.pos));
  if (!match) s.fail(`expected a number, a percentage or 'baseline', found ${s.describeHere()}`);
  s.pos += match[0].length;
  const literal = Number(match[0]);
  if (!Number.isFinite(literal)) s.fail(`number '${match[0]}' is out of range`, s.column - match[0].length);
  if (s.peek() === "%") {
    s.pos++;
    // In decimal: 0.3% is 0.003, as written, not 0.3 / 100.
    return { value: shift(literal, 2), text: `${literal}%` };
  }
  return { value: literal, text: String(literal) };
}

function scanOperand(s: Scanner): Operand {
  if (!s.text.startsWith("baseline", s.pos) || BARE_SEGMENT.test(s.text[s.pos + 8] ?? "")) {
    const n = scanNumber(s);
    return { kind: "number", value: n.value, text: n.text };
  }
  s.pos += "baseline".length;
  s.skipSpace();
  if (s.atEnd()) return { kind: "baseline", text: "baseline" };
  const opChar = s.peek();
  if (opChar === "±") s.fail("'±' is not an operator here; write 'baseline + d' or 'baseline - d'");
  if (opChar !== "+" && opChar !== "-" && opChar !== "*") {
    s.fail(`expected '+', '-' or '*' after 'baseline', found ${s.describeHere()}`);
  }
  s.pos++;
  s.skipSpace();
  const n = scanNumber(s);
  return { kind: "baseline", adjust: { op: opChar, amount: n.value }, text: `baseline ${opChar} ${n.text}` };
}

function build(metric: MetricRef, op: CompareOp, value: Operand, location?: SourceLocation): Condition {
  const condition: Condition = { metric, op, value, text: `${metric.text} ${op} ${value.text}` };
  if (location) condition.location = location;
  return condition;
}

/** `every slice of SOURCE by COLUMN:`, scanned when the text starts with `every slice`. */
function scanEvery(s: Scanner): { source: string; column: string } | undefined {
  const head = /^every\s+slice\b/.exec(s.text.slice(s.pos));
  if (!head) return undefined;
  s.pos += head[0].length;
  const word = (w: string) => {
    s.skipSpace();
    if (!s.text.startsWith(w, s.pos) || BARE_SEGMENT.test(s.text[s.pos + w.length] ?? ""))
      s.fail(`expected '${w}' in 'every slice of SOURCE by COLUMN: CONDITION', found ${s.describeHere()}`);
    s.pos += w.length;
    s.skipSpace();
  };
  word("of");
  const source = scanName(s, "predictions source after 'of'", false);
  word("by");
  const column = scanName(s, "slice column after 'by'", false);
  s.skipSpace();
  if (s.peek() !== ":") s.fail(`expected ':' after the slice column, found ${s.describeHere()}`);
  s.pos++;
  s.skipSpace();
  return { source, column };
}

function parseText(input: string, location?: SourceLocation): Condition {
  const s = new Scanner(input);
  s.skipSpace();
  if (s.atEnd()) s.fail("empty condition; write METRIC OP VALUE, e.g. 'accuracy >= 0.9'");
  const every = scanEvery(s);
  const metric = scanMetric(s);
  s.skipSpace();
  const op = scanOp(s);
  s.skipSpace();
  const value = scanOperand(s);
  s.skipSpace();
  if (!s.atEnd()) s.fail(`unexpected ${s.describeHere()} after the value`);
  const condition = build(metric, op, value, location);
  if (!every) return condition;
  const prefix = `every slice of ${quoteSegment(every.source)} by ${quoteSegment(every.column)}: `;
  return { ...condition, every, text: prefix + condition.text };
}

function parseObject(input: Record<string, unknown>, location?: SourceLocation): ParseConditionResult {
  const fail = (field: ConditionField, message: string): ParseConditionResult => ({
    ok: false,
    message,
    column: 1,
    field,
  });
  const { metric, op, value } = input;
  if (typeof metric !== "string") return fail("metric", "condition 'metric' must be a metric name");
  let metricRef: MetricRef;
  try {
    const s = new Scanner(metric.trim());
    metricRef = scanMetric(s);
    if (!s.atEnd()) {
      s.fail(
        `unexpected ${s.describeHere()} in metric name; back-quote segments with spaces, dots or dashes, e.g. \`f1 score\``,
      );
    }
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return fail("metric", e.message);
    throw e;
  }
  if (typeof op !== "string" || !(COMPARE_OPS as readonly string[]).includes(op)) {
    return fail("op", `condition 'op' must be one of ${OP_LIST}`);
  }
  let operand: Operand;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail("value", "condition 'value' must be a finite number");
    operand = { kind: "number", value, text: String(value) };
  } else if (typeof value === "string") {
    try {
      const s = new Scanner(value.trim());
      operand = scanOperand(s);
      if (!s.atEnd()) s.fail(`unexpected ${s.describeHere()} after the value`);
    } catch (e) {
      if (e instanceof ConditionSyntaxError) return fail("value", e.message);
      throw e;
    }
  } else {
    return fail("value", "condition 'value' must be a number, a percentage or a 'baseline' expression");
  }
  return { ok: true, condition: build(metricRef, op as CompareOp, operand, location) };
}

/**
 * Parses a condition, `METRIC OP VALUE` or `{metric, op, value}`. Never throws on user input:
 * syntax errors come back with the 1-based column of the offending character.
 */
export function parseCondition(input: unknown, location?: SourceLocation): ParseConditionResult {
  if (typeof input === "string") {
    try {
      return { ok: true, condition: parseText(input, location) };
    } catch (e) {
      if (e instanceof ConditionSyntaxError) return { ok: false, message: e.message, column: e.column };
      throw e;
    }
  }
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return parseObject(input as Record<string, unknown>, location);
  }
  return {
    ok: false,
    message: "a condition must be a string like 'accuracy >= 0.9' or an object {metric, op, value}",
    column: 1,
  };
}
