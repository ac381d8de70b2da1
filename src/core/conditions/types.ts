import type { SourceLocation } from "../diagnostics.js";

export type CompareOp = ">" | ">=" | "<" | "<=" | "==" | "!=";

/**
 * A pick from a list inside a report (Evidently, Deepchecks write `[{metric_id, value}, …]`):
 * `[3]` is the item at 0-based index 3; `[metric_id="Accuracy()"]` is the one item whose
 * `metric_id` is that string. `column` is where its `[` is in the condition text (1-based).
 */
export type ListSelector =
  | { kind: "index"; index: number; column: number }
  | { kind: "match"; key: string; value: string; column: number }
  /** `[slice country="DE"]`: a predictions source's metrics on the examples whose `country` is "DE". */
  | { kind: "slice"; key: string; value: string; column: number };

/** A key name, or a pick from a list. */
export type RefSegment = string | ListSelector;

/**
 * A metric reference. `segments` is the key path as written: `accuracy` is ["accuracy"];
 * `eval.accuracy` is ["eval", "accuracy"]; `` `macro avg`.`f1-score` `` is ["macro avg", "f1-score"];
 * `results[0].value` is ["results", {index 0}, "value"].
 * Whether the first segment names a metric source is decided at resolution time, against the
 * sources the config declares.
 */
export interface MetricRef {
  segments: RefSegment[];
  /** The reference as written in the config, for messages. */
  text: string;
}

export type Operand =
  | { kind: "number"; value: number; text: string }
  /** `baseline`, `baseline + 0.01`, `baseline - 0.01`, `baseline * 1.05` */
  | { kind: "baseline"; adjust?: { op: "+" | "-" | "*"; amount: number }; text: string };

export interface Condition {
  metric: MetricRef;
  op: CompareOp;
  value: Operand;
  /** Normalised text, e.g. "accuracy >= 0.8", used as the condition's label in reports. */
  text: string;
  /**
   * `every slice of preds by country: f1 >= 0.8`: the condition must hold in each judged slice of
   * that predictions source's column; `metric` is then read within the slice.
   */
  every?: { source: string; column: string };
  location?: SourceLocation;
}
