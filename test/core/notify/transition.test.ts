// Which notification a ledger record is, and what it says.
import { describe, expect, it } from "@jest/globals";
import type { LedgerRecord } from "../../../src/core/ledger/chain.js";
import type { LedgerEntry } from "../../../src/core/ledger/entry.js";
import { recordNotification, transitionEvent } from "../../../src/core/notify/transition.js";

function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    kind: "decision",
    repository: "acme/models",
    repositoryId: 42,
    at: "2026-12-01T10:00:00.000Z",
    candidate: { commit: "a".repeat(40), pr: 7, model: { name: "churn", key: "sha256:" + "d".repeat(64) } },
    decision: "pending",
    automatic: false,
    summary: "approve_model needs 1 more approval(s) from alice",
    approvers: [],
    ...over,
  };
}

describe("transitionEvent", () => {
  it.each([
    [entry(), "pending"],
    [entry({ timing: { phase: "escalated", step: "a", deadline: "x" } }), "escalated"],
    [entry({ timing: { phase: "overdue", step: "a" } }), "timed_out"],
    [entry({ decision: "approved" }), "approved"],
    [
      entry({
        decision: "approved",
        override: { by: "dana", reason: "r", at: "t", source: { kind: "comment", id: 1 } },
      }),
      "overridden",
    ],
    [entry({ decision: "rejected" }), "rejected"],
    [entry({ decision: "rejected", timing: { phase: "timed_out", step: "a" } }), "timed_out"],
    [entry({ decision: "error" }), undefined],
    [
      entry({
        kind: "deploy",
        decision: "approved",
        deploy: { environment: "production", run: 1, attempt: 1, answer: "approved" },
      }),
      "deployed",
    ],
    [
      entry({
        kind: "deploy",
        decision: "rejected",
        deploy: { environment: "production", run: 1, attempt: 1, answer: "rejected" },
      }),
      undefined,
    ],
  ])("%#: %j", (given, event) => expect(transitionEvent(given)).toBe(event));
});

describe("recordNotification", () => {
  const record = (e: LedgerEntry): LedgerRecord => ({
    sequence: 12,
    previous: null,
    hash: "h".repeat(64),
    entry: e,
  });

  it("names the transition by the record's place, the same on every retry", () => {
    const a = recordNotification(record(entry()), "pending", ["alice"], { serverUrl: "https://github.com/" });
    const b = recordNotification(record(entry()), "pending", ["alice"], {});
    expect(a.id).toBe("ma_42_12");
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({
      event: "pending",
      repository: "acme/models",
      pr: 7,
      needed: ["alice"],
      prUrl: "https://github.com/acme/models/pull/7",
      ledger: { sequence: 12, hash: "h".repeat(64) },
      model: { name: "churn" },
    });
  });

  it("says who is needed only while it waits, and who overrode and why", () => {
    const overridden = entry({
      decision: "approved",
      override: { by: "dana", reason: "incident 4", at: "t", source: { kind: "comment", id: 1 } },
    });
    const n = recordNotification(record(overridden), "overridden", ["alice"], {});
    expect(n.needed).toBeUndefined();
    expect(n.override).toEqual({ by: "dana", reason: "incident 4" });
  });
});
