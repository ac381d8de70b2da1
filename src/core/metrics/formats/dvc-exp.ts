/**
 * `dvc exp show --json`: the workspace row's metrics, as a {file: {data} | {error}} map like one
 * revision of `dvc metrics show --json`. Two shapes, as the DVC versions print them (their types
 * in iterative/vscode-dvc, extension/src/cli/dvc/contract.ts, which reads this output):
 *
 * - DVC 2: {"workspace": {"baseline": {"data": {"metrics": {...}, "params": {...}, …}}}, "<sha>": …}
 * - DVC 3: [{"rev": "workspace", "data": {"metrics": {...}, …}, "experiments": …}, …]
 *
 * Only the workspace is read: it is what the training run just produced. Other rows are other
 * commits' and experiments' results, never the candidate's.
 */
import type { MetricTree, MetricValue } from "../types.js";

function isTree(value: MetricValue | undefined): value is MetricTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFileMap(value: MetricValue | undefined): value is MetricTree {
  return isTree(value) && Object.values(value).every((f) => isTree(f) && ("data" in f || "error" in f));
}

/** The DVC 2 or 3 workspace row's data, when `values` is exp show output. */
function workspaceRow(values: MetricValue): MetricTree | undefined {
  if (Array.isArray(values)) {
    const rows = values.filter((row): row is MetricTree => isTree(row) && "rev" in row && "data" in row);
    if (rows.length === 0 || rows.length !== values.length) return undefined;
    const row = rows.find((r) => r.rev === "workspace")?.data;
    return isTree(row) ? row : undefined;
  }
  if (!isTree(values) || !isTree(values.workspace)) return undefined;
  const baseline = values.workspace.baseline;
  return isTree(baseline) && isTree(baseline.data) ? baseline.data : undefined;
}

/** The workspace's metrics files, or undefined when `values` is not exp show output. */
export function expShowMetrics(values: MetricValue): MetricTree | undefined {
  const row = workspaceRow(values);
  if (!row || !("metrics" in row) || !("params" in row || "deps" in row)) return undefined;
  // DVC prints `"metrics": null` for a workspace without metrics: an empty map, reported as such.
  if (row.metrics === null) return {};
  return isFileMap(row.metrics) ? row.metrics : undefined;
}
