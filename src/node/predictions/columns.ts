/**
 * The columns a predictions spec names, turned into a PredictionTable one row at a time, in
 * memory that follows the columns kept: growable typed arrays, one per field, doubled as rows
 * arrive and trimmed at the end. The readers (csv.ts, jsonl.ts, parquet.ts) hand each row's
 * cells over: CSV as ranges of its text (`addText`), JSON Lines and Parquet as values (`add`).
 * Every value rule and its message lives here.
 */
import type { PredictionsSpec } from "../../core/config/types.js";
import { MAX_SLICE_VALUES } from "../../core/predictions/evaluate.js";
import type { PredictionTable, SliceColumn } from "../../core/predictions/table.js";
import { type Locator, PredictionsReadError, listNames } from "./errors.js";
import { fastDecimal, slowNumber } from "./numbers.js";
import { IdColumn } from "./ids.js";
import { TextIndex } from "./text-index.js";

/** More rows than this is not a predictions file a gate reads (160 MB for one Float64 column). */
/**
 * A predictions file is held in memory, and resampled on every thread: at a million rows with
 * three slice columns a run peaks near 1.1 GiB on two threads, so past this it would not fit a
 * hosted runner (7 GiB).
 */
export const MAX_ROWS = 5_000_000;
/** A row longer than this (a quote left open, or not CSV or JSON Lines) ends the reading, not the memory. */
export const MAX_ROW_BYTES = 16 * 1024 * 1024;
/** The slice value of an empty, null or absent cell. */
export const MISSING_SLICE = "(missing)";

/**
 * A CSV row: cell i is `text[starts[i], ends[i])`, or `escaped[i]` when set (a quoted cell with a
 * doubled quote in it, unescaped).
 */
export interface TextRow {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  escaped: (string | undefined)[];
}

/** A JSON or Parquet value as a message quotes it. */
function show(value: unknown): string {
  let out: string;
  if (typeof value === "string") out = JSON.stringify(value);
  else if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean")
    out = String(value);
  else if (value instanceof Date) out = value.toISOString();
  else if (value === undefined) out = "undefined";
  else out = JSON.stringify(value) ?? String(value);
  return clip(out);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return "a boolean";
  return `a ${typeof value}`;
}

/** A number from a JSON or Parquet value, or why not (a message). */
function typedNumber(value: unknown, column: string): number | string {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : `column '${column}': ${String(value)} is not a finite number`;
  }
  if (typeof value === "bigint") return Number(value);
  if (value === null || value === undefined) return `column '${column}' is null`;
  if (typeof value === "string") {
    return `column '${column}': ${show(value)} is a string, not a number (write numbers unquoted)`;
  }
  return `column '${column}': ${show(value)} is ${typeName(value)}, not a number`;
}

/** The numeric value of a class name that is a plain number ("2", "2.0"). */
function classNumber(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : undefined;
}

const Role = { Label: 0, Score: 1, Class: 2, Prediction: 3, Id: 4, Weight: 5, Slice: 6 } as const;
type Role = (typeof Role)[keyof typeof Role];

interface Field {
  role: Role;
  column: string;
  /** Index into the builder's `columns`. */
  at: number;
  /** Slice fields: the slice's index in `slices`; class fields: the class's index. */
  index: number;
}

interface Slice {
  column: string;
  values: TextIndex;
  codes: Uint32Array;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/**
 * Builds a PredictionTable from rows of cells. `columns` are the distinct columns the spec names;
 * `bind` says where each is among a row's cells (by default, in `columns`' order).
 */
export class TableBuilder {
  readonly columns: string[] = [];
  /** The columns only slices name: absent from a JSON object, they are a missing value. */
  readonly sliceOnly: Set<string>;
  private readonly fields: Field[] = [];
  private readonly task: PredictionsSpec["task"];
  private readonly idColumn: string;
  private positions: Int32Array;
  private rows = 0;
  private cap = 0;
  private labels = new Float64Array(0);
  private scores: Float64Array | undefined;
  private classScores: Float64Array | undefined;
  private predictions: Float64Array | undefined;
  private weights: Float64Array | undefined;
  private ids: IdColumn | undefined;
  /** With ids: each row's line or row number, to name the first of a repeated id. */
  private locs: Float64Array | undefined;
  private readonly slices: Slice[] = [];
  private readonly classes = new TextIndex();
  private readonly classByNumber = new Map<number, number>();

  constructor(
    spec: PredictionsSpec,
    private readonly shown: string,
    private readonly where: Locator,
    private readonly maxRows = MAX_ROWS,
  ) {
    this.task = spec.task;
    this.idColumn = spec.id ?? "";
    const add = (role: Role, column: string | undefined, what: string, index = 0): void => {
      if (typeof column !== "string" || column === "") {
        throw new PredictionsReadError(`${shown}: the ${spec.task} predictions spec names no ${what}`);
      }
      let at = this.columns.indexOf(column);
      if (at === -1) at = this.columns.push(column) - 1;
      this.fields.push({ role, column, at, index });
    };
    add(Role.Label, spec.label, "label column");
    if (spec.task === "binary") {
      add(Role.Score, spec.score, "score column");
      this.scores = new Float64Array(0);
    } else if (spec.task === "multiclass") {
      const scores = spec.scores ?? [];
      if (scores.length === 0)
        throw new PredictionsReadError(`${shown}: the multiclass predictions spec names no scores`);
      for (const { cls, column } of scores) {
        const index = this.classes.intern(String(cls));
        if (!this.classes.added)
          throw new PredictionsReadError(`${shown}: class '${cls}' is listed twice in scores`);
        const n = classNumber(String(cls));
        if (n !== undefined && !this.classByNumber.has(n)) this.classByNumber.set(n, index);
        add(Role.Class, column, `score column for class '${cls}'`, index);
      }
      this.classScores = new Float64Array(0);
    } else if (spec.task === "regression") {
      add(Role.Prediction, spec.prediction, "prediction column");
      this.predictions = new Float64Array(0);
    } else {
      throw new PredictionsReadError(`${shown}: unknown predictions task '${String(spec.task)}'`);
    }
    if (spec.id !== undefined) {
      add(Role.Id, spec.id, "id column");
      this.ids = new IdColumn();
      this.locs = new Float64Array(0);
    }
    if (spec.weight !== undefined) {
      add(Role.Weight, spec.weight, "weight column");
      this.weights = new Float64Array(0);
    }
    for (const column of spec.slices ?? []) {
      add(Role.Slice, column, "slice column", this.slices.length);
      this.slices.push({ column, values: new TextIndex(), codes: new Uint32Array(0) });
    }
    const named = new Set(this.fields.filter((f) => f.role !== Role.Slice).map((f) => f.column));
    this.sliceOnly = new Set(this.columns.filter((c) => !named.has(c)));
    this.positions = Int32Array.from(this.columns, (_, i) => i);
    this.grow(Math.min(1024, maxRows));
  }

  /** Where each of `columns` is among the cells of a row. */
  bind(positions: readonly number[]): void {
    this.positions = Int32Array.from(positions);
  }

  get count(): number {
    return this.rows;
  }

  private grow(cap: number): void {
    const k = this.classes.values.length;
    const copy = (a: Float64Array, size: number) => {
      const out = new Float64Array(size);
      out.set(a);
      return out;
    };
    this.labels = copy(this.labels, cap);
    if (this.scores) this.scores = copy(this.scores, cap);
    if (this.classScores) this.classScores = copy(this.classScores, cap * k);
    if (this.predictions) this.predictions = copy(this.predictions, cap);
    if (this.weights) this.weights = copy(this.weights, cap);
    if (this.locs) this.locs = copy(this.locs, cap);
    for (const s of this.slices) {
      const codes = new Uint32Array(cap);
      codes.set(s.codes);
      s.codes = codes;
    }
    this.cap = cap;
  }

  /** A column with more values than slices may have is refused as soon as it shows, not after the file. */
  private checkSliceValues(slice: Slice, column: string, loc: number): void {
    if (slice.values.values.length > MAX_SLICE_VALUES)
      this.fail(
        loc,
        `column '${column}' has more than ${MAX_SLICE_VALUES} distinct values, too many to slice by (it identifies examples rather than grouping them)`,
      );
  }

  private fail(loc: number, message: string): never {
    throw new PredictionsReadError(`${this.where.at(loc)}: ${message}`);
  }

  /** The next row's index, the arrays grown to hold it. */
  private begin(loc: number): number {
    const row = this.rows;
    if (row === this.cap) {
      if (row >= this.maxRows) {
        this.fail(
          loc,
          `more than ${this.maxRows.toLocaleString("en-US")} rows; a predictions file is read whole`,
        );
      }
      this.grow(Math.min(this.cap * 2, this.maxRows));
    }
    return row;
  }

  private probability(v: number, column: string, loc: number, quoted: string): number {
    if (v >= 0 && v <= 1) return v;
    return this.fail(loc, `column '${column}': ${quoted} is not a probability in [0, 1]`);
  }

  private weight(v: number, column: string, loc: number, quoted: string): number {
    if (v >= 0) return v;
    return this.fail(loc, `column '${column}': ${quoted} is negative; weights are ≥ 0`);
  }

  private storeId(text: string, start: number, end: number, loc: number, row: number): void {
    this.ids!.add(text, start, end);
    this.locs![row] = loc;
  }

  /** A repeated id, found once every id is read. */
  private checkIds(): void {
    const repeat = this.ids?.firstRepeat();
    if (!repeat) return;
    const locs = this.locs!;
    this.fail(
      locs[repeat.second]!,
      `column '${this.idColumn}': id '${clip(repeat.id)}' is repeated (first on ${this.where.name(locs[repeat.first]!)})`,
    );
  }

  private classFromText(text: string, column: string, loc: number, quoted: string): number {
    const n = text === "" ? undefined : classNumber(text);
    const byNumber = n === undefined ? undefined : this.classByNumber.get(n);
    if (byNumber !== undefined) return byNumber;
    if (text.trim() === "") this.fail(loc, `column '${column}' is empty`);
    return this.fail(
      loc,
      `column '${column}': ${quoted} is not one of the classes (${listNames(this.classes.values)})`,
    );
  }

  /** One CSV row: each cell a range of the file's text. */
  addText(cells: TextRow, loc: number): void {
    const row = this.begin(loc);
    const positions = this.positions;
    const fields = this.fields;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const p = positions[field.at]!;
      const escaped = cells.escaped[p];
      let text = cells.text;
      let start = cells.starts[p]!;
      let end = cells.ends[p]!;
      if (escaped !== undefined) {
        text = escaped;
        start = 0;
        end = escaped.length;
      }
      const column = field.column;
      const role = field.role;
      if (role === Role.Slice) {
        while (start < end && isSpace(text.charCodeAt(start))) start++;
        while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
        const slice = this.slices[field.index]!;
        slice.codes[row] =
          start === end ? slice.values.intern(MISSING_SLICE) : slice.values.intern(text, start, end);
        this.checkSliceValues(slice, column, loc);
        continue;
      }
      if (role === Role.Id) {
        while (start < end && isSpace(text.charCodeAt(start))) start++;
        while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
        if (start === end) this.fail(loc, `column '${column}' is empty`);
        this.storeId(text, start, end, loc, row);
        continue;
      }
      if (role === Role.Label && this.task !== "regression") {
        this.labels[row] =
          this.task === "binary"
            ? this.binaryLabelText(text, start, end, column, loc)
            : this.classLabelText(text, start, end, column, loc);
        continue;
      }
      let v = fastDecimal(text, start, end);
      if (v !== v) {
        const slow = slowNumber(text.slice(start, end), column);
        if (typeof slow === "string") this.fail(loc, slow);
        v = slow;
      }
      if (role === Role.Label || role === Role.Prediction) {
        (role === Role.Label ? this.labels : this.predictions!)[row] = v;
      } else if (role === Role.Weight) {
        this.weights![row] = v >= 0 ? v : this.weight(v, column, loc, `'${text.slice(start, end).trim()}'`);
      } else {
        const p =
          v >= 0 && v <= 1 ? v : this.probability(v, column, loc, `'${text.slice(start, end).trim()}'`);
        if (role === Role.Score) this.scores![row] = p;
        else this.classScores![row * this.classes.values.length + field.index] = p;
      }
    }
    this.rows = row + 1;
  }

  private binaryLabelText(text: string, start: number, end: number, column: string, loc: number): number {
    if (end - start === 1) {
      const c = text.charCodeAt(start);
      if (c === 0x30) return 0;
      if (c === 0x31) return 1;
    }
    const t = text.slice(start, end).trim();
    const lower = t.toLowerCase();
    if (lower === "0" || lower === "0.0" || lower === "false") return 0;
    if (lower === "1" || lower === "1.0" || lower === "true") return 1;
    if (t === "") this.fail(loc, `column '${column}' is empty`);
    return this.fail(loc, `column '${column}': '${clip(t)}' is not a binary label (0, 1, true or false)`);
  }

  private classLabelText(text: string, start: number, end: number, column: string, loc: number): number {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const at = this.classes.find(text, start, end);
    if (at !== -1) return at;
    const t = text.slice(start, end);
    return this.classFromText(t, column, loc, `'${clip(t)}'`);
  }

  private number(value: unknown, column: string, loc: number): number {
    const v = typedNumber(value, column);
    if (typeof v === "string") this.fail(loc, v);
    return v;
  }

  private binaryLabel(value: unknown, column: string, loc: number): number {
    if (value === 0 || value === false || value === 0n) return 0;
    if (value === 1 || value === true || value === 1n) return 1;
    if (value === null || value === undefined) this.fail(loc, `column '${column}' is null`);
    if (typeof value === "string") {
      this.fail(loc, `column '${column}': ${show(value)} is a string, not a label (0, 1, true or false)`);
    }
    return this.fail(loc, `column '${column}': ${show(value)} is not a binary label (0, 1, true or false)`);
  }

  private classLabel(value: unknown, column: string, loc: number): number {
    let text: string;
    if (typeof value === "string") text = value;
    else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
      text = String(value);
    else return this.fail(loc, `column '${column}' is ${typeName(value)}, not a class`);
    const at = this.classes.find(text);
    return at !== -1 ? at : this.classFromText(text, column, loc, show(value));
  }

  private idText(value: unknown, column: string, loc: number): string {
    if (typeof value === "string") {
      if (value.trim() === "") this.fail(loc, `column '${column}' is empty`);
      return value;
    }
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    if (value === null || value === undefined) this.fail(loc, `column '${column}' is null`);
    return this.fail(loc, `column '${column}': ${show(value)} is not a string or an integer`);
  }

  private sliceText(value: unknown): string {
    if (typeof value === "string") return value === "" ? MISSING_SLICE : value;
    if (value === null || value === undefined) return MISSING_SLICE;
    if (typeof value === "number") return Number.isNaN(value) ? MISSING_SLICE : String(value);
    if (typeof value === "bigint" || typeof value === "boolean") return String(value);
    if (value instanceof Date) return value.toISOString();
    return JSON.stringify(value) ?? String(value);
  }

  /** One JSON or Parquet row: `cells[positions[i]]` is the value of `columns[i]`. */
  add(cells: ArrayLike<unknown>, loc: number): void {
    const row = this.begin(loc);
    const positions = this.positions;
    for (const field of this.fields) {
      const value = cells[positions[field.at]!];
      const column = field.column;
      switch (field.role) {
        case Role.Label:
          this.labels[row] =
            this.task === "binary"
              ? this.binaryLabel(value, column, loc)
              : this.task === "multiclass"
                ? this.classLabel(value, column, loc)
                : this.number(value, column, loc);
          break;
        case Role.Score:
        case Role.Class: {
          const v = this.number(value, column, loc);
          const p = v >= 0 && v <= 1 ? v : this.probability(v, column, loc, show(value));
          if (field.role === Role.Score) this.scores![row] = p;
          else this.classScores![row * this.classes.values.length + field.index] = p;
          break;
        }
        case Role.Prediction:
          this.predictions![row] = this.number(value, column, loc);
          break;
        case Role.Weight: {
          const v = this.number(value, column, loc);
          this.weights![row] = v >= 0 ? v : this.weight(v, column, loc, show(value));
          break;
        }
        case Role.Id: {
          const id = this.idText(value, column, loc);
          this.storeId(id, 0, id.length, loc, row);
          break;
        }
        case Role.Slice: {
          const slice = this.slices[field.index]!;
          slice.codes[row] = slice.values.intern(this.sliceText(value));
          this.checkSliceValues(slice, column, loc);
          break;
        }
      }
    }
    this.rows = row + 1;
  }

  /** The table, its arrays trimmed to the rows read. */
  finish(): PredictionTable {
    const n = this.rows;
    if (n === 0) throw new PredictionsReadError(`${this.shown}: no rows`);
    this.checkIds();
    const slices: SliceColumn[] = this.slices.map((s) => ({
      column: s.column,
      values: s.values.values,
      codes: s.codes.slice(0, n),
    }));
    const table: PredictionTable = {
      file: this.shown,
      task: this.task,
      rows: n,
      labels: this.labels.slice(0, n),
      slices,
    };
    if (this.scores) table.scores = this.scores.slice(0, n);
    if (this.classScores) {
      table.classScores = this.classScores.slice(0, n * this.classes.values.length);
      table.classes = [...this.classes.values];
    }
    if (this.predictions) table.predictions = this.predictions.slice(0, n);
    if (this.weights) table.weights = this.weights.slice(0, n);
    if (this.ids) table.ids = this.ids.ids;
    return table;
  }
}
