/**
 * CSV predictions: a header row, then one row per example (RFC 4180: quoted fields may hold
 * commas, doubled quotes and newlines; an optional UTF-8 BOM; CRLF or LF; blank lines skipped).
 * The file is read a megabyte at a time and each piece decoded once into one flat string; a row
 * is handed over as ranges of that string (cells are found with indexOf), so the builder reads
 * numbers and known slice values in place and makes strings only for ids and new values. Core's
 * metrics CSV reader (readRows) builds every cell of every row as a string: fine for metrics,
 * about twice as slow for a million predictions.
 */
import { readSync } from "node:fs";
import type { PredictionsSpec } from "../../core/config/types.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { MAX_ROW_BYTES, TableBuilder, type TextRow } from "./columns.js";
import { PredictionsReadError, lineLocator, noColumn } from "./errors.js";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export const CHUNK_BYTES = 1024 * 1024;

export interface CsvSink {
  /** The header row's cells and its line; returns which columns the data rows keep (1 = kept). */
  header(cells: string[], line: number): Uint8Array;
  /** A data row as wide as the header; only the kept cells' ranges are set. Reused between rows. */
  row(cells: TextRow, line: number): void;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}

class CsvParser {
  /** The line the next record starts on. */
  line = 1;
  sawHeader = false;
  private width = -1;
  private want: Uint8Array | undefined;
  private readonly row: TextRow = {
    text: "",
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    escaped: [],
  };
  /** The next comma and newline at or after where they were last looked for, in the current text. */
  private comma = -1;
  private lf = -1;
  private text = "";

  constructor(
    private readonly shown: string,
    private readonly sink: CsvSink,
  ) {}

  private error(line: number, message: string): PredictionsReadError {
    return new PredictionsReadError(`${this.shown}:${line}: ${message}`);
  }

  /** Starts parsing a new piece of text. */
  reset(text: string): void {
    this.text = text;
    this.row.text = text;
    this.comma = -1;
    this.lf = -1;
  }

  private nextComma(from: number): number {
    if (this.comma < from) {
      const at = this.text.indexOf(",", from);
      this.comma = at === -1 ? this.text.length : at;
    }
    return this.comma;
  }

  private nextLf(from: number): number {
    if (this.lf < from) {
      const at = this.text.indexOf("\n", from);
      this.lf = at === -1 ? this.text.length : at;
    }
    return this.lf;
  }

  /**
   * Parses the record at `start` of the current text; returns the index after it, or -1 when the
   * text ends first and more is to come (the caller parses it again with more text).
   */
  record(start: number, final: boolean): number {
    const text = this.text;
    const len = text.length;
    const want = this.want;
    const width = this.width;
    const row = this.row;
    let i = start;
    let col = 0;
    let newlines = 0;
    let firstQuoted = false;
    let firstEnd = start;
    for (;;) {
      const keep = want === undefined || (col < width && want[col] === 1);
      if (keep && col >= row.starts.length) this.widen(col + 1);
      let end: number;
      if (i < len && text.charCodeAt(i) === QUOTE) {
        if (col === 0) firstQuoted = true;
        const quoteLine = this.line + newlines;
        const open = i + 1;
        let seg = open;
        let unescaped: string | undefined;
        let close: number;
        for (;;) {
          const q = text.indexOf('"', seg);
          if (q === -1) {
            if (!final) return -1;
            throw this.error(quoteLine, "a quoted field is never closed");
          }
          if (q + 1 >= len && !final) return -1;
          if (text.charCodeAt(q + 1) === QUOTE) {
            if (keep) unescaped = (unescaped ?? "") + text.slice(seg, q + 1);
            seg = q + 2;
            continue;
          }
          close = q;
          break;
        }
        newlines += countNewlines(text, open, close);
        if (keep) {
          row.starts[col] = open;
          row.ends[col] = close;
          row.escaped[col] = unescaped === undefined ? undefined : unescaped + text.slice(seg, close);
        }
        i = close + 1;
        let c = i < len ? text.charCodeAt(i) : -1;
        if (c === CR) {
          if (i + 1 >= len && !final) return -1;
          if (i + 1 >= len) c = -1;
          else if (text.charCodeAt(i + 1) === LF) c = LF;
          i++;
        }
        if (c !== COMMA && c !== LF && c !== -1) {
          throw this.error(
            this.line + newlines,
            `a quoted field's closing quote is followed by '${text[i]}' (a quote inside a quoted field is written "")`,
          );
        }
        end = c === -1 ? len : i;
      } else {
        const lf = this.nextLf(i);
        const comma = this.nextComma(i);
        end = comma < lf ? comma : lf;
        if (end >= len && !final) return -1;
        let stop = end;
        if (stop > i && text.charCodeAt(stop - 1) === CR && end === lf) stop--;
        if (keep) {
          row.starts[col] = i;
          row.ends[col] = stop;
          row.escaped[col] = undefined;
        }
        if (col === 0) firstEnd = stop;
      }
      col++;
      if (end < len && text.charCodeAt(end) === COMMA) {
        i = end + 1;
        continue;
      }
      const line = this.line;
      this.line += 1 + newlines;
      if (col === 1 && !firstQuoted && isBlank(text, start, firstEnd)) return end + 1;
      this.emit(col, line);
      return end + 1;
    }
  }

  private widen(size: number): void {
    const grow = (a: Int32Array) => {
      const out = new Int32Array(Math.max(size, a.length * 2));
      out.set(a);
      return out;
    };
    this.row.starts = grow(this.row.starts);
    this.row.ends = grow(this.row.ends);
  }

  private emit(col: number, line: number): void {
    const row = this.row;
    if (!this.sawHeader) {
      this.sawHeader = true;
      const cells = Array.from(
        { length: col },
        (_, i) => row.escaped[i] ?? this.text.slice(row.starts[i], row.ends[i]),
      );
      this.width = col;
      this.want = this.sink.header(cells, line);
      return;
    }
    if (col !== this.width) {
      throw this.error(line, `${col} ${col === 1 ? "column" : "columns"} where the header has ${this.width}`);
    }
    this.sink.row(row, line);
  }
}

/** Reads `length` bytes into `buffer` at `at`; returns how many (0 at the end of the file). */
export type ReadInto = (buffer: Uint8Array, at: number, length: number) => number;

export function fdReader(fd: number): ReadInto {
  let position = 0;
  return (buffer, at, length) => {
    const got = readSync(fd, buffer, at, length, position);
    position += got;
    return got;
  };
}

/**
 * Reads CSV from its bytes into `sink`; returns whether there was a header row. The bytes up to
 * the last newline read are decoded at once (a newline never falls inside a UTF-8 character); an
 * unfinished record's bytes move to the buffer's start and are parsed again after the next read,
 * the buffer doubling while one record does not fit in it.
 */
export function readCsv(
  read: ReadInto,
  shown: string,
  sink: CsvSink,
  chunkBytes = CHUNK_BYTES,
): { header: boolean } {
  const parser = new CsvParser(shown, sink);
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let eof = false;
  let bomChecked = false;
  while (!eof) {
    if (filled === buffer.length) {
      if (buffer.length >= MAX_ROW_BYTES) {
        throw new PredictionsReadError(
          `${shown}:${parser.line}: a row longer than ${MAX_ROW_BYTES / (1024 * 1024)} MiB; is a quote left open?`,
        );
      }
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const got = read(buffer, filled, buffer.length - filled);
    if (got === 0) eof = true;
    filled += got;
    let start = 0;
    if (!bomChecked) {
      if (filled < 3 && !eof) continue;
      bomChecked = true;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
    }
    const end = eof ? filled : buffer.lastIndexOf(LF, filled - 1) + 1;
    if (end <= start) continue;
    const text = buffer.toString("utf8", start, end);
    parser.reset(text);
    let pos = 0;
    while (pos < text.length) {
      const next = parser.record(pos, eof);
      if (next < 0) break;
      pos = next;
    }
    const used = pos >= text.length ? end : end - Buffer.byteLength(text.slice(pos));
    buffer.copy(buffer, 0, used, filled);
    filled -= used;
  }
  return { header: parser.sawHeader };
}

/** Binds the header: each column the builder needs is found once among the trimmed names. */
function bindHeader(builder: TableBuilder, shown: string, cells: string[], line: number): Uint8Array {
  const names = cells.map((c) => c.trim());
  const want = new Uint8Array(names.length);
  const positions = builder.columns.map((column) => {
    const at = names.indexOf(column);
    if (at === -1) throw noColumn(shown, column, names);
    if (names.indexOf(column, at + 1) !== -1) {
      throw new PredictionsReadError(`${shown}:${line}: column '${column}' appears twice in the header`);
    }
    want[at] = 1;
    return at;
  });
  builder.bind(positions);
  return want;
}

export function readCsvTable(
  read: ReadInto,
  shown: string,
  spec: PredictionsSpec,
  chunkBytes = CHUNK_BYTES,
): PredictionTable {
  const builder = new TableBuilder(spec, shown, lineLocator(shown));
  const sink: CsvSink = {
    header: (cells, line) => bindHeader(builder, shown, cells, line),
    row: (cells, line) => builder.addText(cells, line),
  };
  const { header } = readCsv(read, shown, sink, chunkBytes);
  if (!header) throw new PredictionsReadError(`${shown}: the file is empty`);
  if (builder.count === 0) throw new PredictionsReadError(`${shown}: no rows below the header`);
  return builder.finish();
}
