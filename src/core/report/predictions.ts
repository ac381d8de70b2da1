// The predictions sources' metrics as tables, shared by the text, Markdown and HTML reports: one
// row for all examples and one per slice, each metric as "value [low, high]" and, when paired with
// a baseline, the change as "Δ +d [low, high]". Slices too small to judge say so instead.
import { formatNumber } from "../conditions/evaluate.js";
import { formatInterval } from "../conditions/predictions.js";
import { quoteValue } from "../conditions/ref-text.js";
import type { CellResult } from "../predictions/evaluate.js";
import type { MetricRow, PredictionsReport } from "../policy/types.js";
import { signed } from "./format.js";

/** What a table shows when no condition names a metric of the source. */
const DEFAULT_METRICS: Record<PredictionsReport["task"], string[]> = {
  binary: ["accuracy", "f1", "roc_auc", "log_loss"],
  multiclass: ["accuracy", "f1_macro", "roc_auc_ovr_macro", "log_loss"],
  regression: ["mae", "rmse", "r2"],
};
const MAX_COLUMNS = 5;

export interface PredictionsTable {
  title: string;
  header: string[];
  rows: string[][];
}

/** The metrics the conditions read from this source (by name, slices included), then the defaults. */
function columnsOf(report: PredictionsReport, rows: MetricRow[]): string[] {
  const known = Object.keys(report.cells[0]!.metrics);
  const named = rows
    .filter((row) => row.source === report.source)
    .map((row) => /(?:^|[.\]:\s])([a-z0-9_]+)\s*(?:[<>=!]=?)/.exec(row.condition)?.[1])
    .filter((name): name is string => name !== undefined && known.includes(name));
  return [...new Set([...named, ...DEFAULT_METRICS[report.task]])]
    .filter((m) => known.includes(m))
    .slice(0, MAX_COLUMNS);
}

function valueCell(cell: CellResult, metric: string): string {
  const value = cell.metrics[metric];
  if (value === null || value === undefined) return "undefined";
  const shown = `${formatNumber(value)} ${formatInterval(cell.intervals[metric])}`;
  const change = cell.comparison?.difference[metric];
  const base = cell.comparison?.baseline[metric];
  if (!cell.comparison || base === null || base === undefined) return shown;
  return `${shown}; Δ ${signed(value - base)} ${formatInterval(change)}`;
}

function describe(report: PredictionsReport): string {
  const b = report.bootstrap;
  const task = report.task === "binary" ? `binary, threshold ${report.threshold}` : report.task;
  const paired = report.paired ? `; Δ is against ${report.paired.file}, paired by id` : "";
  return `${report.source} (${report.file}): ${report.rows} examples, ${task}; ${Math.round(b.confidence * 100)}% intervals from ${b.resamples} Poisson bootstrap resamples (seed ${b.seed})${paired}`;
}

export function predictionsTables(reports: PredictionsReport[], rows: MetricRow[]): PredictionsTable[] {
  return reports.map((report) => {
    const metrics = columnsOf(report, rows);
    return {
      title: describe(report),
      header: ["Slice", "Examples", ...metrics],
      rows: report.cells.map((cell) => {
        const name = cell.slice ? `${cell.slice.column}=${quoteValue(cell.slice.value)}` : "all";
        if (!cell.judged)
          return [
            name,
            String(cell.count),
            `not judged: fewer than ${report.minSliceCount} examples`,
            ...metrics.slice(1).map(() => ""),
          ];
        return [name, String(cell.count), ...metrics.map((m) => valueCell(cell, m))];
      }),
    };
  });
}
