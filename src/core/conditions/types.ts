import type { SourceLocation } from "../diagnostics.js";

export type CompareOp = ">" | ">=" | "<" | "<=" | "==" | "!=";

/**
 * A metric reference. `segments` is the key path as written: `accuracy` is ["accuracy"];
 * `eval.accuracy` is ["eval", "accuracy"]; `` `macro avg`.`f1-score` `` is ["macro avg", "f1-score"].
 * Whether the first segment names a metric source is decided at resolution time, against the
 * sources the config declares.
 */
export interface MetricRef {
  segments: string[];
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
  location?: SourceLocation;
}
