// Predictions sources in the config: `{path, format: predictions, task, label, score | scores |
// prediction, id?, weight?, slices?, threshold?, min_slice_count?, calibration_bins?, bootstrap?}`.
// The schema admits the keys; these checks say which belong together (each error at its key), and
// normalisation fills the defaults. A baseline predictions source takes the same-named metrics
// source's columns and settings for whatever it does not set: it is the production model's
// predictions on the same examples.
import type { Condition } from "../conditions/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { PredictionTask } from "../predictions/table.js";
import type { Locator } from "./locate.js";
import type { BootstrapSettings, PredictionFileFormat, PredictionsSpec } from "./types.js";

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

export const PREDICTION_KEYS = [
  "task",
  "file",
  "label",
  "score",
  "scores",
  "prediction",
  "id",
  "weight",
  "slices",
  "threshold",
  "min_slice_count",
  "calibration_bins",
  "bootstrap",
] as const;

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { resamples: 1000, seed: 0, confidence: 0.95 };
export const DEFAULT_MIN_SLICE_COUNT = 100;

/** Which prediction column each task needs, and the keys only some tasks take. */
const TASK_COLUMN: Record<PredictionTask, "score" | "scores" | "prediction"> = {
  binary: "score",
  multiclass: "scores",
  regression: "prediction",
};
const BINARY_ONLY = ["threshold", "calibration_bins"] as const;

function entries(section: unknown): [string, Data][] {
  if (!isRecord(section) || "environment" in section) return [];
  return Object.entries(section).filter(
    (e): e is [string, Data] => isRecord(e[1]) && !("environment" in e[1]),
  );
}

function checkSource(
  section: "metrics" | "baseline",
  name: string,
  raw: Data,
  own: Data | undefined,
  locator: Locator,
  out: Diagnostic[],
): void {
  const at = (key: string) => locator.at([section, name, key]);
  // The schema admits these keys only beside format: predictions.
  if (raw.format !== "predictions") return;
  // A baseline inherits from the metrics source of the same name.
  const merged: Data = section === "baseline" && own ? { ...own, ...raw } : raw;
  if (section === "baseline") {
    if (!own || own.format !== "predictions") {
      out.push(
        locator.error(
          locator.at([section, name]),
          `baseline ${name} is a predictions source, but no metrics source '${name}' is one`,
          `a baseline's predictions are compared with the candidate's: declare metrics.${name} with format: predictions`,
        ),
      );
      return;
    }
    if ("ref" in raw)
      out.push(
        locator.error(
          at("ref"),
          "a predictions baseline is read from the training run's workspace, beside the candidate's; 'ref' is not supported",
          "have the training job score the production model on the same examples and write its predictions file",
        ),
      );
    if (raw.task !== undefined && raw.task !== own.task)
      out.push(
        locator.error(
          at("task"),
          `baseline ${name} is a ${String(raw.task)} task but metrics.${name} is ${String(own.task)}`,
          "a baseline predicts the same thing as the candidate",
        ),
      );
    for (const side of [own, merged])
      if (side.id === undefined) {
        out.push(
          locator.error(
            locator.at([section, name]),
            `pairing baseline ${name} with metrics.${name} needs an 'id' column naming each example`,
            "add id: <column> to metrics." + name + " (the baseline takes it too)",
          ),
        );
        break;
      }
    return;
  }
  for (const key of ["task", "label"] as const)
    if (merged[key] === undefined)
      out.push(
        locator.error(
          locator.at([section, name]),
          `predictions source ${name} needs '${key}'`,
          "e.g. task: binary, label: y_true, score: y_score",
        ),
      );
  const task = merged.task as PredictionTask | undefined;
  if (task === undefined) return;
  const needed = TASK_COLUMN[task];
  if (merged[needed] === undefined)
    out.push(
      locator.error(
        locator.at([section, name]),
        `a ${task} predictions source needs '${needed}'`,
        needed === "scores"
          ? "e.g. scores: {cat: p_cat, dog: p_dog, bird: p_bird}"
          : `e.g. ${needed}: y_${needed === "score" ? "score" : "pred"}`,
      ),
    );
  for (const other of Object.values(TASK_COLUMN))
    if (other !== needed && other in raw)
      out.push(
        locator.error(
          at(other),
          `'${other}' does not apply to a ${task} task`,
          `a ${task} task reads '${needed}'`,
        ),
      );
  if (task !== "binary")
    for (const key of BINARY_ONLY)
      if (key in raw) out.push(locator.error(at(key), `'${key}' applies to binary tasks only`, "remove it"));
  const slices = Array.isArray(raw.slices) ? (raw.slices as string[]) : [];
  const seen = new Set<string>();
  for (const slice of slices) {
    if (seen.has(slice))
      out.push(
        locator.error(at("slices"), `slice column '${slice}' is listed twice`, "list each column once"),
      );
    seen.add(slice);
  }
}

export function checkPredictionSources(data: Data, locator: Locator, out: Diagnostic[]): void {
  const metrics = new Map(entries(data.metrics));
  for (const [name, raw] of metrics) checkSource("metrics", name, raw, undefined, locator, out);
  for (const [name, raw] of entries(data.baseline))
    checkSource("baseline", name, raw, metrics.get(name), locator, out);
}

/**
 * What is wrong with a condition's slices, given the config's predictions sources: an `every slice`
 * or `[slice …]` that names a source or column the config does not slice by.
 */
export function predictionRefProblem(condition: Condition, data: Data): string | undefined {
  const metrics = new Map(entries(data.metrics));
  const slicesOf = (name: string) => {
    const raw = metrics.get(name);
    return raw?.format === "predictions" ? ((raw.slices as string[] | undefined) ?? []) : undefined;
  };
  if (condition.every) {
    const { source, column } = condition.every;
    const slices = slicesOf(source);
    if (!slices)
      return `'every slice of ${source}' needs a metrics source '${source}' with format: predictions`;
    if (!slices.includes(column))
      return `'every slice of ${source} by ${column}': ${source} is not sliced by '${column}' (its slices: ${slices.join(", ") || "none"})`;
  }
  const [head, next] = condition.metric.segments;
  if (typeof head === "string" && typeof next === "object" && next.kind === "slice") {
    const slices = slicesOf(head);
    if (!slices)
      return `[slice ${next.key}=…] picks a slice of a predictions source, and '${head}' is not one`;
    if (!slices.includes(next.key))
      return `${head} is not sliced by '${next.key}' (its slices: ${slices.join(", ") || "none"})`;
  }
  return undefined;
}

function bootstrapOf(raw: unknown, inherited?: BootstrapSettings): BootstrapSettings {
  const given = isRecord(raw) ? raw : {};
  const base = inherited ?? DEFAULT_BOOTSTRAP;
  return {
    resamples: (given.resamples as number | undefined) ?? base.resamples,
    seed: (given.seed as number | undefined) ?? base.seed,
    confidence: (given.confidence as number | undefined) ?? base.confidence,
  };
}

/** The spec of a predictions source that passed the checks; a baseline's inherits from its candidate's. */
export function predictionsSpec(raw: Data, inherited?: PredictionsSpec): PredictionsSpec {
  const pick = <T>(key: string, fallback: T): T => (raw[key] as T | undefined) ?? fallback;
  const scores =
    raw.scores === undefined
      ? inherited?.scores
      : Object.entries(raw.scores as Data).map(([cls, column]) => ({ cls, column: column as string }));
  const spec: PredictionsSpec = {
    task: pick("task", inherited?.task ?? "binary"),
    label: pick("label", inherited?.label ?? ""),
    slices: pick("slices", inherited?.slices ?? []),
    threshold: pick("threshold", inherited?.threshold ?? 0.5),
    minSliceCount: pick("min_slice_count", inherited?.minSliceCount ?? DEFAULT_MIN_SLICE_COUNT),
    calibrationBins: pick("calibration_bins", inherited?.calibrationBins ?? 10),
    bootstrap: bootstrapOf(raw.bootstrap, inherited?.bootstrap),
  };
  const optional = {
    file: pick<PredictionFileFormat | undefined>("file", undefined),
    score: pick("score", inherited?.score),
    prediction: pick("prediction", inherited?.prediction),
    id: pick("id", inherited?.id),
    weight: pick("weight", inherited?.weight),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (spec as unknown as Data)[key] = value;
  if (scores) spec.scores = scores;
  return spec;
}
