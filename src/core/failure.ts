// Why no verdict could be reached, as data: a code for programs (and tests) and a message for people.
// A failure is never a judgement on the model, and never an approval.

export type FailureCode =
  /** A read from GitHub (or a file) failed. */
  | "read_failed"
  /** GitHub's answer is older than the event that caused the decision (its replicas lag). */
  | "stale_read"
  /** An input cannot be used as given (a metrics glob matching nothing, two files for one source). */
  | "input"
  /** A metric reference matches several sources, or none by construction. */
  | "ambiguous_metric"
  /** A metrics file is missing or malformed. */
  | "metrics_unreadable"
  /** A model artifact could not be hashed. */
  | "model_unreadable"
  /** No config where the rules must come from. */
  | "config_missing"
  /** The config does not validate (its diagnostics say where). */
  | "config_invalid"
  /** An approval the App's ledger could not record: nothing shows or releases it until it is. */
  | "unrecorded"
  /** A bug: anything unexpected still ends as a reported failure. */
  | "internal";

export interface Failure {
  code: FailureCode;
  message: string;
}

/** An error that knows its failure code; anything else that is thrown is "internal". */
export class GateError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function failureOf(error: unknown): Failure {
  return error instanceof GateError
    ? { code: error.code, message: error.message }
    : { code: "internal", message: describeError(error) };
}
