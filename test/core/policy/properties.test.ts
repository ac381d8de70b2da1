import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { decide } from "../../../src/core/policy/index.js";
import type { Review } from "../../../src/core/policy/types.js";
import type { Recording } from "../../../src/core/candidate/types.js";
import { approvalStep, config, HEAD, input, OLD, pr } from "./build.js";

const USERS = ["alice", "bob", "mallory", "eve"];
const STATES = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"];
const reviewArb = fc.record({
  login: fc.constantFrom(...USERS),
  state: fc.constantFrom(...STATES),
  commit: fc.constantFrom(HEAD, OLD),
  second: fc.integer({ min: 0, max: 5 }),
  millis: fc.integer({ min: 0, max: 999 }),
  // GitHub writes whole seconds, but a timestamp with a fraction, or none at all, must still order.
  format: fc.constantFrom("whole", "fraction", "missing"),
});
type RawReview = {
  login: string;
  state: string;
  commit: string;
  second: number;
  millis: number;
  format: string;
};
function timestamp(r: RawReview): string | null {
  const base = `2026-01-01T00:00:0${r.second}`;
  if (r.format === "missing") return null;
  return r.format === "whole" ? `${base}Z` : `${base}.${String(r.millis).padStart(3, "0")}Z`;
}
const toReviews = (raw: RawReview[]): Review[] =>
  raw.map((r, i) => ({
    id: i + 1,
    user: { login: r.login },
    state: r.state,
    commit_id: r.commit,
    submitted_at: timestamp(r),
  }));
const timeOf = (r: Review) => (r.submitted_at ? Date.parse(r.submitted_at) : Number.POSITIVE_INFINITY);

// alice and bob may approve; mallory is the author (also listed); eve is not listed.
const step = approvalStep({ users: ["alice", "bob", "mallory"], minApprovals: 2 });
const decideFor = (reviews: Review[], earlier: Recording[] = [], recordedAt?: string) =>
  decide(input(config([step]), { pr: pr(reviews), earlier, ...(recordedAt ? { recordedAt } : {}) }));

/**
 * The reference model: per eligible user, the latest vote on any commit, cleared by a later
 * dismissal; it counts only when it is on the head, and an approval only when it was cast while the
 * current model was current.
 */
function expected(reviews: Review[], counts: (r: Review) => boolean = () => true): string {
  const votes = new Map<string, string>();
  // Time order; a review without a time counts as the newest; ids break ties.
  const ordered = [...reviews].sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    return ta === tb ? a.id - b.id : ta < tb ? -1 : 1;
  });
  for (const r of ordered) {
    const who = r.user!.login;
    if (who !== "alice" && who !== "bob") continue;
    if (r.state === "DISMISSED") votes.delete(who);
    else if (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED")
      // An approval must also have been cast on the candidate's model; an objection to the commit stands.
      votes.set(
        who,
        r.commit_id === HEAD && (r.state === "CHANGES_REQUESTED" || counts(r)) ? r.state : "NOT_FOR_HEAD",
      );
  }
  const states = [...votes.values()];
  if (states.includes("CHANGES_REQUESTED")) return "rejected";
  return states.filter((s) => s === "APPROVED").length >= 2 ? "approved" : "pending";
}

describe("review counting properties", () => {
  it("matches the reference model for any review history", () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 12 }), (raw) => {
        const reviews = toReviews(raw);
        expect(decideFor(reviews).decision).toBe(expected(reviews));
      }),
      { numRuns: 500 },
    );
  });

  it("binds each vote to the model recorded when it was cast", () => {
    // Models recorded on the head over time; the last is the candidate. A vote counts only when the
    // recording current at its time (the latest one not after it) is the candidate's model.
    const recordingArb = fc.record({
      second: fc.integer({ min: 0, max: 5 }),
      model: fc.constantFrom("m1", "m2"),
    });
    fc.assert(
      fc.property(
        fc.array(reviewArb, { maxLength: 10 }),
        fc.array(recordingArb, { minLength: 1, maxLength: 4 }),
        (raw, rawRecordings) => {
          const reviews = toReviews(raw);
          const recordings = [...rawRecordings]
            .sort((a, b) => a.second - b.second)
            .map((r) => ({ at: `2026-01-01T00:00:0${r.second}Z`, key: `metrics:${r.model}` }));
          const current = recordings.at(-1)!;
          const metrics = current.key === "metrics:m1" ? 0.93 : 0.94;
          const keyAt = (r: Review): string | undefined => {
            const t = timeOf(r);
            return recordings.filter((x) => Date.parse(x.at) <= t).at(-1)?.key;
          };
          const earlier: Recording[] = recordings
            .slice(0, -1)
            .map((x) => ({ recordedAt: x.at, key: x.key, known: true }));
          const candidate = input(config([step]), {
            pr: pr(reviews),
            metrics: [
              { name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy: metrics } },
            ],
            earlier,
            recordedAt: current.at,
          });
          // The candidate's own recording carries its real key; compare models by what they are.
          const last = candidate.evidence.recordings.at(-1)!;
          const sameAsCandidate = (k: string | undefined) => k === current.key;
          const relabelled = {
            ...candidate,
            evidence: {
              ...candidate.evidence,
              recordings: [
                ...earlier.map((r) => ({ ...r, key: sameAsCandidate(r.key) ? last.key : r.key })),
                last,
              ],
            },
          } as typeof candidate;
          expect(decide(relabelled).decision).toBe(expected(reviews, (r) => sameAsCandidate(keyAt(r))));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reviews by the author or unlisted users never change the decision", () => {
    fc.assert(
      fc.property(
        fc.array(reviewArb, { maxLength: 8 }),
        fc.array(reviewArb, { maxLength: 8 }),
        (raw, noise) => {
          const reviews = toReviews(raw);
          const outsiders = toReviews(
            noise.map((n) => ({ ...n, login: n.millis % 2 ? "eve" : "mallory" })),
          ).map((r) => ({
            ...r,
            id: r.id + 1000,
          }));
          expect(decideFor([...reviews, ...outsiders]).decision).toBe(decideFor(reviews).decision);
        },
      ),
      { numRuns: 300 },
    );
  });
});
