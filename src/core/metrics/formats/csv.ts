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
import type { MetricTree, MetricValue } from "../types.js";
import { MetricsFormatError, parseNumberText } from "./error.js";

interface Row {
  line: number;
  cells: string[];
}

const NAME_HEADERS = new Set(["name", "metric", "metrics", "key"]);
const VALUE_HEADERS = new Set(["value", "values", "score"]);

function readRows(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
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
      endRow();
      line++;
      rowLine = line;
    } else if (c !== "\r") {
      cell += c;
    }
  }
  if (quoted) throw new MetricsFormatError("unterminated quoted field", quoteLine);
  endRow();
  return rows;
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
    Object.defineProperty(out, name, { value: cellValue(row.cells[1]!), enumerable: true, writable: true });
  }
  return out;
}

function define(out: MetricTree, name: string, value: MetricValue): void {
  Object.defineProperty(out, name, { value, enumerable: true, writable: true });
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
    define(out, name, cellValue(row.cells[i]!));
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
    define(out, label, rowValues(names, row, header.line));
  }
  const accuracy = out.accuracy;
  if ("macro avg" in out && typeof accuracy === "object" && accuracy !== null && !Array.isArray(accuracy)) {
    const spread = Object.values(accuracy);
    if (spread.length > 0 && spread.every((v) => v === spread[0])) define(out, "accuracy", spread[0]!);
  }
  return out;
}

const PROGRESS_COLUMNS = ["epoch", "step", "global_step"];

/** pandas' default RangeIndex: 0, 1, 2… in the unnamed first column. On a history table it is the epoch. */
function isRangeIndex(names: string[], data: Row[]): boolean {
  if (names[0] !== "" || names.some((n) => n.startsWith("metrics."))) return false;
  return data.every((row, i) => row.cells[0]!.trim() === String(i));
}

function progressOf(row: Row, columns: number[], names: string[]): number[] {
  return columns.map((c) => {
    const at = parseNumberText(row.cells[c]!.trim());
    if (typeof at !== "number" || Number.isNaN(at))
      throw new MetricsFormatError(`${names[c] || "the index column"} is not a number`, row.line);
    return at;
  });
}

function compareProgress(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * A training log (Keras CSVLogger, Lightning CSVLogger, a pandas-saved history): rows ordered by
 * epoch, then step, then position. Lightning writes train and validation metrics on separate,
 * partly empty rows, so each column takes its last non-empty value in that order; an empty cell
 * means "not logged on this row", not a missing metric.
 */
function trainingLog(names: string[], data: Row[], headerLine: number): MetricTree {
  const index = isRangeIndex(names, data);
  const columns = [
    ...(index ? [0] : []),
    ...PROGRESS_COLUMNS.map((p) => names.findIndex((n) => n.toLowerCase() === p)).filter((i) => i !== -1),
  ];
  if (columns.length === 0) {
    throw new MetricsFormatError(
      `${data.length} data rows and no epoch or step column: which row is the candidate model? ` +
        "keep only its row, or write name,value rows",
      data[1]!.line,
    );
  }
  const ordered = data
    .map((row, position) => ({ row, position, at: progressOf(row, columns, names) }))
    .sort((a, b) => compareProgress(a.at, b.at) || a.position - b.position);
  const last = ordered[ordered.length - 1]!.row;
  const cells = names.map((_, i) => {
    const logged = ordered.filter(({ row }) => row.cells[i]!.trim() !== "");
    return logged.length > 0 ? logged[logged.length - 1]!.row.cells[i]! : "";
  });
  const out = rowValues(names, { line: last.line, cells }, headerLine);
  if (index && !Object.prototype.hasOwnProperty.call(out, "epoch"))
    define(out, "epoch", cellValue(cells[0]!));
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

/** Parses CSV (or TSV with delimiter "\t") into metrics. Throws MetricsFormatError with the line. */
export function parseCsvMetrics(text: string, delimiter = ","): MetricTree {
  const rows = readRows(text, delimiter);
  const [first] = rows;
  if (!first) throw new MetricsFormatError("no rows: the file is empty");
  const width = first.cells.length;
  for (const row of rows) {
    if (row.cells.length !== width) {
      throw new MetricsFormatError(`expected ${width} columns, got ${row.cells.length}`, row.line);
    }
  }
  if (width === 1)
    throw new MetricsFormatError(
      `expected 'name${delimiter}value' rows or a header row and a data row, got one column`,
      first.line,
    );
  const namesInFirstColumn = rows.slice(1).every((r) => !isNumeric(r.cells[0]!));
  if (width === 2 && (rows.length === 1 ? !isNumeric(first.cells[0]!) : namesInFirstColumn)) {
    return nameValueRows(rows);
  }
  return headerAndRows(rows);
}
