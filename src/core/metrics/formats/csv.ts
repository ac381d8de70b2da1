/**
 * CSV metrics, in the shapes tools write:
 *   - `name,value` rows, with or without a header row (pandas Series.to_csv writes `,0` as header);
 *   - a header row and one data row (pandas DataFrame.to_csv, MLflow search_runs of one run). Several
 *     data rows are read only as a training log with an `epoch` or `step` column (Keras and Lightning
 *     CSVLogger) or a pandas RangeIndex (a saved Keras history, where the index is the epoch): each
 *     column's last value logged at the highest epoch/step is the final model's. Any other several-row
 *     table is an error, since nothing says which row is the candidate (search_runs lists the newest
 *     run first, a log the oldest). An empty first header cell is pandas' index column and is
 *     dropped; `metrics.x` columns (MLflow) are named `x`;
 *   - a table whose rows are named by a pandas index (a transposed classification report):
 *     each row is a group, `` `macro avg`.`f1-score` ``.
 * Cells that read as numbers (including nan/inf as Python writes them) become numbers; an empty
 * cell of the candidate's row (or a column a log never filled) is null, so a check on it fails.
 */
import type { NextChunk } from "../stream/chunks.js";
import { textChunks } from "../stream/chunks.js";
import type { MetricTree, MetricValue } from "../types.js";
import { MetricsFormatError, parseNumberText } from "./error.js";
import { setOwnKey } from "../../own-key.js";

interface Row {
  line: number;
  cells: string[];
}

const NAME_HEADERS = new Set(["name", "metric", "metrics", "key"]);
const VALUE_HEADERS = new Set(["value", "values", "score"]);
/**
 * Tables other than training logs are held whole to be read (which row is the header, are names
 * in the first column); past this many rows only a training log is read, row by row.
 */
export const MAX_TABLE_ROWS = 10_000;

/** The rows of a CSV text, pulled piece by piece; blank lines are skipped. */
function* readRows(next: NextChunk, delimiter: string): Generator<Row> {
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  // A quote inside a quoted field: the field's end, or the first half of "" (the next char says).
  let quoteSeen = false;
  let first = true;
  const endRow = (): Row | undefined => {
    cells.push(cell);
    const row = cells.length > 1 || cells[0]!.trim() !== "" ? { line: rowLine, cells } : undefined;
    cells = [];
    cell = "";
    return row;
  };
  for (let chunk = next(); chunk !== undefined; chunk = next()) {
    let src = chunk;
    if (first && src.length > 0) {
      src = src.replace(/^\uFEFF/, "");
      first = false;
    }
    for (let i = 0; i < src.length; i++) {
      if (!quoted && !quoteSeen) {
        // The plain run up to the next special character, taken at once.
        let j = i;
        while (j < src.length) {
          const code = src.charCodeAt(j);
          if (code === 0x0a || code === 0x0d || code === 0x22 || src[j] === delimiter) break;
          j++;
        }
        if (j > i) {
          cell += src.slice(i, j);
          i = j;
          if (i >= src.length) break;
        }
      }
      const c = src[i]!;
      if (quoteSeen) {
        quoteSeen = false;
        if (c === '"') {
          cell += '"';
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        if (c === '"') quoteSeen = true;
        else {
          if (c === "\n") line++;
          cell += c;
        }
      } else if (c === '"' && cell.trim() === "") {
        quoted = true;
        quoteLine = line;
        cell = "";
      } else if (c === delimiter) {
        cells.push(cell);
        cell = "";
      } else if (c === "\n") {
        const row = endRow();
        if (row) yield row;
        line++;
        rowLine = line;
      } else if (c !== "\r") {
        cell += c;
      }
    }
  }
  if (quoted && !quoteSeen) throw new MetricsFormatError("unterminated quoted field", quoteLine);
  const row = endRow();
  if (row) yield row;
}

function cellValue(cell: string): MetricValue {
  const t = cell.trim();
  if (t === "") return null;
  return parseNumberText(t) ?? t;
}

function isNumeric(cell: string): boolean {
  return parseNumberText(cell) !== undefined;
}

function nameValueRows(rows: Row[]): MetricTree {
  const [first] = rows;
  // pandas Series.to_csv writes the header ",0": an empty index name and the series name.
  const hasHeader =
    first !== undefined &&
    (first.cells[0]!.trim() === "" ||
      (!isNumeric(first.cells[1]!) &&
        (NAME_HEADERS.has(first.cells[0]!.trim().toLowerCase()) ||
          VALUE_HEADERS.has(first.cells[1]!.trim().toLowerCase()))));
  const out: MetricTree = {};
  const seen = new Map<string, number>();
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const name = row.cells[0]!.trim();
    if (name === "") throw new MetricsFormatError("empty metric name", row.line);
    const earlier = seen.get(name);
    if (earlier !== undefined)
      throw new MetricsFormatError(`duplicate metric '${name}' (first on line ${earlier})`, row.line);
    seen.set(name, row.line);
    setOwnKey(out, name, cellValue(row.cells[1]!));
  }
  return out;
}

/** One data row as {column: value}; an empty first header cell is pandas' index and is skipped. */
function rowValues(names: string[], row: Row, headerLine: number): MetricTree {
  const fromMlflow = names.some((n) => n.startsWith("metrics."));
  const out: MetricTree = {};
  names.forEach((raw, i) => {
    if (i === 0 && raw === "") return;
    const name = fromMlflow && raw.startsWith("metrics.") ? raw.slice("metrics.".length) : raw;
    if (name === "") throw new MetricsFormatError(`empty column name in column ${i + 1}`, headerLine);
    if (Object.prototype.hasOwnProperty.call(out, name))
      throw new MetricsFormatError(`duplicate column '${name}'`, headerLine);
    setOwnKey(out, name, cellValue(row.cells[i]!));
  });
  return out;
}

/**
 * Several rows named by a pandas index, e.g. pd.DataFrame(classification_report(...)).T.to_csv():
 * each row becomes a group. pandas spreads sklearn's scalar `accuracy` over its row; it is put
 * back as the one number it is.
 */
function indexedTable(names: string[], header: Row, data: Row[]): MetricTree {
  const out: MetricTree = {};
  for (const row of data) {
    const label = row.cells[0]!.trim();
    if (Object.prototype.hasOwnProperty.call(out, label))
      throw new MetricsFormatError(`duplicate row '${label}'`, row.line);
    setOwnKey(out, label, rowValues(names, row, header.line));
  }
  const accuracy = out.accuracy;
  if ("macro avg" in out && typeof accuracy === "object" && accuracy !== null && !Array.isArray(accuracy)) {
    const spread = Object.values(accuracy);
    if (spread.length > 0 && spread.every((v) => v === spread[0])) setOwnKey(out, "accuracy", spread[0]!);
  }
  return out;
}

const PROGRESS_COLUMNS = ["epoch", "step", "global_step"];

function progressOf(row: Row, columns: number[], names: string[]): number[] {
  return columns.map((c) => {
    const at = parseNumberText(row.cells[c]!.trim());
    // NaN is the one number unequal to itself.
    if (typeof at !== "number" || at !== at)
      throw new MetricsFormatError(`${names[c] || "the index column"} is not a number`, row.line);
    return at;
  });
}

function compareProgress(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * A training log (Keras CSVLogger, Lightning CSVLogger, a pandas-saved history), read row by row
 * in memory that grows with its columns, not its rows. Rows are ordered by epoch, then step, then
 * position; a pandas RangeIndex (0, 1, 2… in the unnamed first column; on a history table it is
 * the epoch) orders them by position. Lightning writes train and validation metrics on separate,
 * partly empty rows, so each column takes its last non-empty value in that order; an empty cell
 * means "not logged on this row", not a missing metric.
 */
function trainingLog(names: string[], data: Iterable<Row>, headerLine: number): MetricTree {
  const progress = PROGRESS_COLUMNS.map((p) => names.findIndex((n) => n.toLowerCase() === p)).filter(
    (i) => i !== -1,
  );
  let rangeIndex = names[0] === "" && !names.some((n) => n.startsWith("metrics."));
  // Each column's last non-empty cell by position, and by progress (with the progress it had).
  const lastCells = names.map(() => "");
  const bestCells = names.map(() => ({ at: undefined as number[] | undefined, cell: "" }));
  let lastLine = 0;
  let bestRow: { at: number[]; line: number } | undefined;
  let count = 0;
  let secondLine = 0;
  for (const row of data) {
    if (count === 1) secondLine = row.line;
    if (rangeIndex && row.cells[0]!.trim() !== `${count}`) rangeIndex = false;
    count++;
    lastLine = row.line;
    const at = progressOf(row, progress, names);
    if (!bestRow || compareProgress(at, bestRow.at) >= 0) bestRow = { at, line: row.line };
    row.cells.forEach((cell, i) => {
      if (cell.trim() === "") return;
      lastCells[i] = cell;
      const best = bestCells[i]!;
      if (best.at === undefined || compareProgress(at, best.at) >= 0) {
        best.at = at;
        best.cell = cell;
      }
    });
  }
  if (!rangeIndex && progress.length === 0) {
    throw new MetricsFormatError(
      `${count} data rows and no epoch or step column: which row is the candidate model? ` +
        "keep only its row, or write name,value rows",
      secondLine,
    );
  }
  const cells = rangeIndex ? lastCells : bestCells.map((b) => b.cell);
  const out = rowValues(names, { line: rangeIndex ? lastLine : bestRow!.line, cells }, headerLine);
  if (rangeIndex && !Object.prototype.hasOwnProperty.call(out, "epoch"))
    setOwnKey(out, "epoch", cellValue(cells[0]!));
  return out;
}

function headerAndRows(rows: Row[]): MetricTree {
  const [header, ...data] = rows;
  if (!header || data.length === 0)
    throw new MetricsFormatError("a header row needs a data row below it", header?.line ?? 1);
  const names = header.cells.map((c) => c.trim());
  // A default RangeIndex (0, 1, 2…) is row numbering, not names.
  const labelled = names[0] === "" && data.length > 1 && data.some((r) => !isNumeric(r.cells[0]!));
  if (labelled) return indexedTable(names, header, data);
  return data.length === 1 ? rowValues(names, data[0]!, header.line) : trainingLog(names, data, header.line);
}

function oneColumn(first: Row, delimiter: string): MetricsFormatError {
  return new MetricsFormatError(
    `expected 'name${delimiter}value' rows or a header row and a data row, got one column`,
    first.line,
  );
}

/** Every row has the first row's width, or the reading stops at the one that has not. */
function* sameWidth(rows: Iterable<Row>): Generator<Row> {
  let width: number | undefined;
  for (const row of rows) {
    width ??= row.cells.length;
    if (row.cells.length !== width) {
      throw new MetricsFormatError(`expected ${width} columns, got ${row.cells.length}`, row.line);
    }
    yield row;
  }
}

function wholeTable(rows: Row[], delimiter: string): MetricTree {
  const first = rows[0]!;
  if (first.cells.length === 1) throw oneColumn(first, delimiter);
  const namesInFirstColumn = rows.slice(1).every((r) => !isNumeric(r.cells[0]!));
  if (first.cells.length === 2 && (rows.length === 1 ? !isNumeric(first.cells[0]!) : namesInFirstColumn)) {
    return nameValueRows(rows);
  }
  return headerAndRows(rows);
}

/**
 * Past MAX_TABLE_ROWS rows the table must be a training log; its first rows (held so far) and the
 * rest are read as one.
 */
function longLog(held: Row[], rest: Iterator<Row>, delimiter: string): MetricTree {
  const [header, ...data] = held as [Row, ...Row[]];
  if (header.cells.length === 1) throw oneColumn(header, delimiter);
  const names = header.cells.map((c) => c.trim());
  const hasProgress = names.some((n) => PROGRESS_COLUMNS.includes(n.toLowerCase()));
  if (!hasProgress && names[0] !== "") {
    throw new MetricsFormatError(
      `more than ${MAX_TABLE_ROWS} rows and no epoch or step column: only a training log is read at this length`,
      data[MAX_TABLE_ROWS - 1]!.line,
    );
  }
  const all = function* () {
    yield* data;
    for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
  };
  return trainingLog(names, all(), header.line);
}

/** Parses CSV (or TSV with delimiter "\t") from its pieces. Throws MetricsFormatError with the line. */
export function parseCsvChunks(next: NextChunk, delimiter = ","): MetricTree {
  const rows = sameWidth(readRows(next, delimiter));
  const held: Row[] = [];
  for (let r = rows.next(); !r.done; r = rows.next()) {
    held.push(r.value);
    if (held.length > MAX_TABLE_ROWS) return longLog(held, rows, delimiter);
  }
  if (held.length === 0) throw new MetricsFormatError("no rows: the file is empty");
  return wholeTable(held, delimiter);
}

export function parseCsvMetrics(text: string, delimiter = ","): MetricTree {
  return parseCsvChunks(textChunks(text), delimiter);
}
