/**
 * A Hugging Face Trainer `trainer_state.json`: `log_history` lists training-log entries (`loss`,
 * `learning_rate`) and evaluation entries (`eval_*` keys), each with its `step` and `epoch`. The
 * candidate's metrics are one evaluation entry, keys as logged (`eval_accuracy`): the final one by
 * default, or with `checkpoint: best` the one of `best_model_checkpoint`, the model
 * `load_best_model_at_end` restores.
 */
import type { CheckpointChoice } from "../../config/types.js";
import type { MetricTree, MetricValue } from "../types.js";
import { MetricsFormatError } from "./error.js";
import { isTree } from "./shapes.js";

function evalEntries(history: MetricValue[]): MetricTree[] {
  return history.filter(
    (entry): entry is MetricTree => isTree(entry) && Object.keys(entry).some((k) => k.startsWith("eval_")),
  );
}

function describeEntry(entry: MetricTree): string {
  const epoch = typeof entry.epoch === "number" ? `, epoch ${entry.epoch}` : "";
  return `log_history entry at step ${String(entry.step)}${epoch}`;
}

/** `output/checkpoint-500` (or `.\results\checkpoint-500`) → 500. */
function checkpointStep(path: string): number | undefined {
  const m = /checkpoint-(\d+)[\\/]*$/.exec(path);
  return m ? Number(m[1]) : undefined;
}

function bestEntry(state: MetricTree, entries: MetricTree[]): MetricTree {
  const best = state.best_model_checkpoint;
  if (typeof best !== "string") {
    throw new MetricsFormatError(
      "checkpoint: best, but best_model_checkpoint is not set: the run did not track a best model " +
        "(set metric_for_best_model / load_best_model_at_end), or use checkpoint: final",
    );
  }
  const step = typeof state.best_global_step === "number" ? state.best_global_step : checkpointStep(best);
  if (step === undefined)
    throw new MetricsFormatError(`best_model_checkpoint '${best}' does not name a step (checkpoint-<step>)`);
  const entry = entries.filter((e) => e.step === step).pop();
  if (!entry) {
    throw new MetricsFormatError(
      `best_model_checkpoint '${best}' is step ${step}, and log_history has no eval entry at that step`,
    );
  }
  return entry;
}

/** The chosen evaluation entry's values and a note saying which entry it is, for the report. */
export function readTrainerState(
  state: MetricTree,
  choice: CheckpointChoice = "final",
): { values: MetricTree; note: string } {
  const entries = evalEntries(state.log_history as MetricValue[]);
  if (entries.length === 0) {
    throw new MetricsFormatError(
      "log_history has no evaluation entries (eval_* keys): the Trainer never evaluated; set eval_strategy",
    );
  }
  const entry = choice === "best" ? bestEntry(state, entries) : entries[entries.length - 1]!;
  const which =
    choice === "best" ? `best checkpoint ${String(state.best_model_checkpoint)}` : "final evaluation";
  return { values: { ...entry }, note: `${which}: ${describeEntry(entry)}` };
}
