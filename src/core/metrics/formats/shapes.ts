/** Recognising which ML tool wrote a parsed document, and unwrapping DVC's `metrics show --json`. */
import type { MetricFormat } from "../../config/types.js";
import type { MetricTree, MetricValue } from "../types.js";
import { expShowMetrics } from "./dvc-exp.js";
import { MetricsFormatError } from "./error.js";
import { setOwnKey } from "../../own-key.js";

const HF_FILES = new Set([
  "all_results.json",
  "eval_results.json",
  "train_results.json",
  "test_results.json",
]);
const SKLEARN_AVERAGES = ["macro avg", "weighted avg", "micro avg", "samples avg"];
const SKLEARN_FIELDS = ["precision", "recall", "f1-score", "support"];

export function isTree(value: MetricValue | undefined): value is MetricTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A Hugging Face Trainer trainer_state.json, whatever its file name. */
export function isTrainerState(values: MetricTree): boolean {
  return Array.isArray(values.log_history) && "global_step" in values;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function isSklearnReport(values: MetricTree): boolean {
  const averages = SKLEARN_AVERAGES.filter((k) => isTree(values[k]));
  if (averages.length === 0) return false;
  return Object.entries(values).every(
    ([key, value]) =>
      (key === "accuracy" && typeof value === "number") ||
      (isTree(value) && SKLEARN_FIELDS.every((field) => field in value)),
  );
}

/** `dvc metrics show --json`: {rev: {data: {file: {data: {...}} | {error: ...}}}}. */
function dvcShowRevisions(values: MetricTree): MetricTree | undefined {
  const revs = Object.values(values);
  if (revs.length === 0) return undefined;
  const isShow = revs.every(
    (rev) =>
      isTree(rev) &&
      isTree(rev.data) &&
      Object.values(rev.data).every((f) => isTree(f) && ("data" in f || "error" in f)),
  );
  return isShow ? values : undefined;
}

export function detectShape(fileName: string, values: MetricValue): MetricFormat | undefined {
  const name = baseName(fileName).toLowerCase();
  if (name === "wandb-summary.json") return "wandb";
  if (HF_FILES.has(name) || name === "trainer_state.json") return "huggingface";
  if (expShowMetrics(values)) return "dvc";
  if (!isTree(values)) return undefined;
  if (isTrainerState(values)) return "huggingface";
  if (dvcShowRevisions(values)) return "dvc";
  if (isSklearnReport(values)) return "sklearn";
  if (
    Object.keys(values).some((k) => k.startsWith("eval_")) &&
    Object.values(values).every((v) => !isTree(v))
  ) {
    return "huggingface";
  }
  return undefined;
}

/** One revision's {file: {data} | {error}} map: the only file's data, or each file's under its path. */
function unwrapFiles(files: MetricTree, where: string): MetricTree {
  const out: MetricTree = {};
  for (const [path, entry] of Object.entries(files) as [string, MetricTree][]) {
    if (!isTree(entry.data)) {
      throw new MetricsFormatError(`dvc could not read ${path} in ${where}: ${JSON.stringify(entry.error)}`);
    }
    setOwnKey(out, path, entry.data);
  }
  const paths = Object.keys(out);
  if (paths.length === 0) throw new MetricsFormatError(`dvc shows no metrics files in ${where}`);
  return paths.length === 1 ? (out[paths[0]!] as MetricTree) : out;
}

/**
 * The metrics of a DVC document. A plain metrics file (what dvc.yaml points at) is returned as is.
 * `dvc metrics show --json` output is unwrapped: the `workspace` revision (or the only one), and
 * within it the only file's data, or each file's data under its path when there are several.
 * `dvc exp show --json` output (DVC 2 or 3): the workspace row's metrics, unwrapped the same way.
 */
export function unwrapDvc(values: MetricValue): MetricTree {
  const exp = expShowMetrics(values);
  if (exp) return unwrapFiles(exp, "the workspace of dvc exp show");
  if (!isTree(values)) {
    throw new MetricsFormatError(
      "expected DVC metrics, `dvc metrics show --json` or `dvc exp show --json` output",
    );
  }
  const revisions = dvcShowRevisions(values);
  if (!revisions) return values;
  const names = Object.keys(revisions);
  const revName = "workspace" in revisions ? "workspace" : names.length === 1 ? names[0]! : undefined;
  if (revName === undefined) {
    throw new MetricsFormatError(
      `dvc metrics show output has several revisions (${names.join(", ")}) and no 'workspace'; show one revision`,
    );
  }
  return unwrapFiles((revisions[revName] as MetricTree).data as MetricTree, revName);
}
