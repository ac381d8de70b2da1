import type { RefSegment } from "../conditions/types.js";
import type { MetricFormat } from "../config/types.js";
import type { PredictionsResult } from "../predictions/evaluate.js";

/** A metric value as read: numbers stay numbers (NaN and ±Infinity included), anything else as is. */
export type MetricValue = number | string | boolean | null | MetricTree | MetricValue[];
export interface MetricTree {
  [key: string]: MetricValue;
}

/** One loaded metrics file (or MLflow run directory). Pure data, serialisable to JSON except NaN/Infinity. */
export interface MetricSource {
  name: string;
  /** Path as given, for messages. */
  file: string;
  format: MetricFormat;
  values: MetricTree;
  /**
   * What the reader says about the values: which part of the file they are when it holds several
   * (a trainer_state.json's chosen entry), or what it noticed that did not stop it (an event
   * file's last record cut short). The report shows it next to the file.
   */
  note?: string;
  /** The files the values were read from, when not `file` itself (a dvc.yaml's metrics entries). */
  files?: string[];
  /** Read from git rather than the workspace (a baseline's `ref:`): the ref and, when known, its commit. */
  at?: { ref: string; commit?: string };
  /** format: predictions: the metrics computed from the predictions, with their intervals and slices. */
  predictions?: PredictionsResult;
}

/** The outcome of looking a condition's metric up. */
export type MetricLookup =
  /** `path`: the keys and picks walked to the value, e.g. [{slice country="DE"}, "recall"]. */
  | { ok: true; value: number; source: string; file: string; key: string; path: RefSegment[] }
  | {
      ok: false;
      reason: string;
      source?: string;
      file?: string;
      availableKeys: string[];
      /** The reference itself is wrong (ambiguous): an input error, not a failed check. */
      ambiguous?: true;
    };
