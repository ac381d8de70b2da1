import type { MetricFormat } from "../config/types.js";

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
}

/** The outcome of looking a condition's metric up. */
export type MetricLookup =
  | { ok: true; value: number; source: string; file: string; key: string }
  | {
      ok: false;
      reason: string;
      source?: string;
      file?: string;
      availableKeys: string[];
      /** The reference itself is wrong (ambiguous): an input error, not a failed check. */
      ambiguous?: true;
    };
