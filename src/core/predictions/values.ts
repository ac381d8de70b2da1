// A predictions result as metric values, so that conditions and reports read it like any source:
// `preds.f1`, `preds.confusion.tp`, and each slice under `slices.COLUMN.VALUE` (what
// `preds[slice country="DE"].f1` picks). An undefined metric is null, so a check on it fails and
// says so.
import type { MetricTree, MetricValue } from "../metrics/types.js";
import type { CellResult, PredictionsResult } from "./evaluate.js";
import { setOwnKey } from "../own-key.js";

function cellValues(cell: CellResult): MetricTree {
  const tree: MetricTree = { count: cell.count, weight: cell.weight };
  for (const [name, value] of Object.entries(cell.metrics)) setOwnKey(tree, name, value);
  if (cell.confusion) tree.confusion = cell.confusion as MetricValue;
  return tree;
}

export function predictionValues(result: PredictionsResult): MetricTree {
  const tree = cellValues(result.cells[0]!);
  if (result.slices.length === 0) return tree;
  const slices: MetricTree = {};
  let cell = 1;
  for (const slice of result.slices) {
    const values: MetricTree = {};
    for (const value of slice.values) {
      setOwnKey(values, value, cellValues(result.cells[cell++]!));
    }
    setOwnKey(slices, slice.column, values);
  }
  tree.slices = slices;
  return tree;
}

/** The cell a lookup's path names: every example's for `f1`, a slice's for `[slice c="v"].f1`. */
export function cellOfPath(
  result: PredictionsResult,
  column: string | undefined,
  value: string | undefined,
): CellResult | undefined {
  if (column === undefined) return result.cells[0];
  return result.cells.find((cell) => cell.slice?.column === column && cell.slice.value === value);
}
