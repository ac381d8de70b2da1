// A predictions result read back from a snapshot (the App judges the training run's recording).
// The recording run is trusted for what it measured, but its file is still checked for shape, so
// that a malformed one is an error naming where, never a crash in a condition.
import type { CellResult, Comparison, PredictionsResult } from "./evaluate.js";
import type { Interval } from "./interval.js";
import { PREDICTION_TASKS } from "./table.js";
import { setOwnKey } from "../own-key.js";

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

export class InvalidPredictions extends Error {}

function fail(where: string, what: string): never {
  throw new InvalidPredictions(`${where} ${what}`);
}

function num(value: unknown, where: string): number {
  if (typeof value !== "number") fail(where, "is not a number");
  return value;
}

function map<T>(value: unknown, where: string, item: (v: unknown, at: string) => T): Record<string, T> {
  if (!isRecord(value)) fail(where, "is not an object");
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(value)) setOwnKey(out, key, item(v, `${where}.${key}`));
  return out;
}

const numberOrNull = (v: unknown, at: string) => (v === null ? null : num(v, at));

function interval(v: unknown, at: string): Interval | null {
  if (v === null) return null;
  if (!Array.isArray(v) || v.length !== 2) fail(at, "is not an interval [low, high]");
  return [num(v[0], `${at}[0]`), num(v[1], `${at}[1]`)];
}

function comparison(v: unknown, at: string): Comparison {
  if (!isRecord(v)) fail(at, "is not an object");
  return {
    baseline: map(v.baseline, `${at}.baseline`, numberOrNull),
    difference: map(v.difference, `${at}.difference`, interval),
    ratio: map(v.ratio, `${at}.ratio`, interval),
  };
}

function cell(v: unknown, at: string): CellResult {
  if (!isRecord(v)) fail(at, "is not an object");
  const slice = v.slice;
  if (
    slice !== undefined &&
    !(isRecord(slice) && typeof slice.column === "string" && typeof slice.value === "string")
  )
    fail(`${at}.slice`, "is not {column, value}");
  if (typeof v.judged !== "boolean") fail(`${at}.judged`, "is not a boolean");
  const confusion =
    v.confusion === undefined
      ? undefined
      : map(v.confusion, `${at}.confusion`, (x, a) => (typeof x === "number" ? x : map(x, a, num)));
  return {
    ...(slice === undefined
      ? {}
      : { slice: { column: slice.column as string, value: slice.value as string } }),
    count: num(v.count, `${at}.count`),
    weight: num(v.weight, `${at}.weight`),
    judged: v.judged,
    metrics: map(v.metrics, `${at}.metrics`, numberOrNull),
    intervals: map(v.intervals, `${at}.intervals`, interval),
    ...(confusion ? { confusion: confusion as CellResult["confusion"] } : {}),
    ...(v.comparison === undefined ? {} : { comparison: comparison(v.comparison, `${at}.comparison`) }),
  };
}

export function decodePredictionsResult(v: unknown, where: string): PredictionsResult {
  if (!isRecord(v)) fail(where, "is not an object");
  if (!PREDICTION_TASKS.includes(v.task as PredictionsResult["task"])) fail(`${where}.task`, "is not a task");
  const b = v.bootstrap;
  if (!isRecord(b) || b.method !== "poisson")
    fail(`${where}.bootstrap`, "is not a Poisson bootstrap's settings");
  if (!Array.isArray(v.cells) || v.cells.length === 0) fail(`${where}.cells`, "is not a list of cells");
  if (!Array.isArray(v.slices)) fail(`${where}.slices`, "is not a list");
  const slices = v.slices.map((s, i) => {
    if (
      !isRecord(s) ||
      typeof s.column !== "string" ||
      !Array.isArray(s.values) ||
      s.values.some((x) => typeof x !== "string")
    )
      fail(`${where}.slices[${i}]`, "is not {column, values}");
    return { column: s.column, values: s.values as string[] };
  });
  const cells = v.cells.map((c, i) => cell(c, `${where}.cells[${i}]`));
  if (cells.length !== 1 + slices.reduce((n, s) => n + s.values.length, 0))
    fail(`${where}.cells`, "does not hold one cell per slice value");
  const paired = v.paired;
  if (paired !== undefined && !(isRecord(paired) && typeof paired.file === "string"))
    fail(`${where}.paired`, "is not {file, examples}");
  return {
    task: v.task as PredictionsResult["task"],
    rows: num(v.rows, `${where}.rows`),
    ...(v.threshold === undefined ? {} : { threshold: num(v.threshold, `${where}.threshold`) }),
    ...(Array.isArray(v.classes) ? { classes: v.classes.map(String) } : {}),
    bootstrap: {
      method: "poisson",
      resamples: num(b.resamples, `${where}.bootstrap.resamples`),
      seed: num(b.seed, `${where}.bootstrap.seed`),
      confidence: num(b.confidence, `${where}.bootstrap.confidence`),
    },
    minSliceCount: num(v.minSliceCount, `${where}.minSliceCount`),
    ...(v.calibrationBins === undefined
      ? {}
      : { calibrationBins: num(v.calibrationBins, `${where}.calibrationBins`) }),
    cells,
    slices,
    ...(paired === undefined
      ? {}
      : {
          paired: { file: paired.file as string, examples: num(paired.examples, `${where}.paired.examples`) },
        }),
  };
}
