/**
 * What a streamed read of a large JSON metrics file keeps: the keys the config's conditions could
 * reach, and nothing else, so memory follows the conditions rather than the file.
 *
 * The set is a superset of what lookup.ts can walk: every run of a reference's key segments
 * joined as lookup joins them ("." and "/"), each also with Hugging Face's `eval_` prefix, and the
 * keys that list picks match on. It is matched at any depth, so whatever a reference resolves to
 * in the whole file it resolves to in the kept part, and a reference that is ambiguous in the
 * whole file stays ambiguous. List items are never dropped (indexes must not move), except a
 * trainer_state.json's log entries that hold no evaluation, which its reader never looks at.
 */
import type { MetricRef } from "../conditions/types.js";
import type { JsonKeep } from "./formats/json.js";
import type { MetricValue } from "./types.js";

/** More kept values than this is an error: a config does not check a million numbers. */
export const MAX_KEPT_VALUES = 1_000_000;

const TRAINER_STATE_KEYS = new Set([
  "log_history",
  "best_model_checkpoint",
  "best_global_step",
  "global_step",
]);
const LOG_ENTRY_KEYS = new Set(["step", "epoch"]);

export function referencedKeys(refs: readonly MetricRef[]): Set<string> {
  const keys = new Set<string>();
  for (const ref of refs) {
    let run: string[] = [];
    const addRuns = () => {
      for (let from = 0; from < run.length; from++) {
        for (let to = from + 1; to <= run.length; to++) {
          const parts = run.slice(from, to);
          for (const key of new Set([parts.join("."), parts.join("/")])) {
            keys.add(key);
            keys.add(`eval_${key}`);
          }
        }
      }
      run = [];
    };
    for (const segment of ref.segments) {
      if (typeof segment === "string") {
        run.push(segment);
        continue;
      }
      addRuns();
      if (segment.kind === "match") keys.add(segment.key);
    }
    addRuns();
  }
  return keys;
}

function hasEvaluation(entry: MetricValue): boolean {
  if (typeof entry !== "object" || entry === null) return false;
  // Runs for every entry of a log_history: no array of its keys is made (a list's keys are its
  // indices, never eval_*), and only an eval_* key asks whether it is the entry's own.
  for (const key in entry)
    if (key.startsWith("eval_") && Object.prototype.hasOwnProperty.call(entry, key)) return true;
  return false;
}

/** The keys `refs` can reach; with `trainerState`, also what its reader needs of log_history. */
export function keepForRefs(refs: readonly MetricRef[], opts: { trainerState: boolean }): JsonKeep {
  const keys = referencedKeys(refs);
  const inLog = (path: readonly string[]) =>
    opts.trainerState && path.length === 1 && path[0] === "log_history";
  return {
    member(parent, key) {
      if (keys.has(key)) return true;
      if (opts.trainerState && parent.length === 0 && TRAINER_STATE_KEYS.has(key)) return true;
      return inLog(parent) && (key.startsWith("eval_") || LOG_ENTRY_KEYS.has(key));
    },
    item(list, value) {
      return !inLog(list) || hasEvaluation(value);
    },
    maxValues: MAX_KEPT_VALUES,
  };
}
