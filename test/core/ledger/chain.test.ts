// The hash chain: any edit, deletion, insertion or reordering is found and located.
import { describe, expect, it } from "@jest/globals";
import { chainRecord, verifyChain, type LedgerRecord } from "../../../src/core/ledger/chain.js";
import type { LedgerEntry } from "../../../src/core/ledger/entry.js";

function entry(n: number): LedgerEntry {
  return {
    kind: "decision",
    repository: "acme/models",
    at: `2026-12-01T10:00:0${n}Z`,
    candidate: { commit: String(n).repeat(40), pr: n },
    decision: n % 2 ? "pending" : "approved",
    automatic: false,
    summary: `decision ${n}`,
    approvers: n % 2 ? [] : [{ login: "alice", review: n, commit: String(n).repeat(40) }],
  };
}

function chain(length: number): LedgerRecord[] {
  const records: LedgerRecord[] = [];
  for (let n = 1; n <= length; n++) records.push(chainRecord(records.at(-1), entry(n)));
  return records;
}

describe("the ledger's hash chain", () => {
  it("verifies a whole chain, starting at 1 with no previous record", () => {
    const records = chain(4);
    expect(records.map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
    expect(records[0]?.previous).toBeNull();
    expect(records[1]?.previous).toBe(records[0]?.hash);
    expect(verifyChain("Acme/Models", records)).toEqual([]);
  });

  it("finds a record whose content was edited", () => {
    const records = chain(3);
    const edited = structuredClone(records);
    edited[1]!.entry.approvers = [{ login: "mallory", review: 1, commit: null }];
    expect(verifyChain("acme/models", edited)).toEqual([
      { repository: "acme/models", sequence: 2, problem: expect.stringMatching(/does not match its hash/) },
    ]);
  });

  it("finds an edited record whose hash was recomputed, at the record after it", () => {
    const records = chain(3);
    const forged = chainRecord(records[0], { ...entry(2), decision: "approved", summary: "forged" });
    const problems = verifyChain("acme/models", [records[0]!, forged, records[2]!]);
    expect(problems).toEqual([
      { repository: "acme/models", sequence: 3, problem: expect.stringMatching(/previous record's hash/) },
    ]);
  });

  it("finds a deleted record and a reordered one", () => {
    const records = chain(4);
    expect(verifyChain("acme/models", [records[0]!, records[2]!, records[3]!]).map((p) => p.problem)).toEqual(
      ["record 2 is missing", expect.stringMatching(/previous record's hash/)],
    );
    const swapped = [records[0]!, records[2]!, records[1]!, records[3]!];
    expect(verifyChain("acme/models", swapped).length).toBeGreaterThan(0);
  });

  it("finds a record moved from another repository's chain", () => {
    const other = chainRecord(undefined, { ...entry(1), repository: "acme/other" });
    expect(verifyChain("acme/models", [other])).toEqual([
      { repository: "acme/models", sequence: 1, problem: "belongs to acme/other, not acme/models" },
    ]);
  });

  it("finds a chain that does not start at its first record", () => {
    const records = chain(3);
    expect(verifyChain("acme/models", records.slice(1))[0]?.problem).toBe("record 1 is missing");
  });
});
