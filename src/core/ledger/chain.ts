// The ledger is a hash chain per repository: each record's hash covers its content and the hash of
// the record before it, so an edited, inserted, reordered or deleted record breaks every hash after
// it. Anyone holding the records can check them (`model-approval ledger verify`); anyone holding a
// later hash (a check run names it) can tell the chain was not rewritten from the start.
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";
import type { LedgerEntry } from "./entry.js";

/** The version of the hashed form; a new one would be a new chain format, never a silent change. */
export const LEDGER_FORMAT = 1;

export interface LedgerRecord {
  /** 1 for a repository's first record, then one more each time. */
  sequence: number;
  /** The hash of the record before, null for the first. */
  previous: string | null;
  /** sha256 hex of the canonical JSON of {format, sequence, previous, entry}. */
  hash: string;
  entry: LedgerEntry;
}

export function recordHash(sequence: number, previous: string | null, entry: LedgerEntry): string {
  const hashed = { format: LEDGER_FORMAT, sequence, previous, entry };
  return createHash("sha256").update(canonicalJson(hashed)).digest("hex");
}

/** The record that follows `last` (undefined: the repository's first). */
export function chainRecord(
  last: Pick<LedgerRecord, "sequence" | "hash"> | undefined,
  entry: LedgerEntry,
): LedgerRecord {
  const sequence = (last?.sequence ?? 0) + 1;
  const previous = last?.hash ?? null;
  return { sequence, previous, hash: recordHash(sequence, previous, entry), entry };
}

export interface ChainProblem {
  repository: string;
  sequence: number;
  problem: string;
}

/**
 * Every problem in one repository's records, in sequence order; empty when the chain is whole from
 * its first record. The records must be all of the repository's, sorted by sequence.
 */
export function verifyChain(
  repository: string,
  records: readonly LedgerRecord[],
  /** GitHub's id of the repository: every record must be its (names change with renames). */
  repositoryId?: number,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const at = (sequence: number, problem: string) => problems.push({ repository, sequence, problem });
  let before: LedgerRecord | undefined;
  for (const record of records) {
    const expected = (before?.sequence ?? 0) + 1;
    if (record.sequence !== expected)
      at(
        record.sequence,
        record.sequence === expected + 1
          ? `record ${expected} is missing`
          : record.sequence > expected
            ? `records ${expected}–${record.sequence - 1} are missing`
            : `follows record ${before?.sequence ?? 0} out of order`,
      );
    const previous = before?.hash ?? null;
    if (record.previous !== previous)
      at(
        record.sequence,
        previous === null
          ? `names a previous record (${record.previous}) but is the first`
          : `names ${record.previous ?? "no previous record"} as the previous record's hash, which is ${previous}`,
      );
    if (repositoryId !== undefined && record.entry.repositoryId !== repositoryId)
      at(
        record.sequence,
        `belongs to repository id ${String(record.entry.repositoryId)}, not ${repositoryId}`,
      );
    else if (repositoryId === undefined && record.entry.repository.toLowerCase() !== repository.toLowerCase())
      at(record.sequence, `belongs to ${record.entry.repository}, not ${repository}`);
    if (recordHash(record.sequence, record.previous, record.entry) !== record.hash)
      at(record.sequence, "its content does not match its hash: it was changed after it was written");
    before = record;
  }
  return problems;
}
