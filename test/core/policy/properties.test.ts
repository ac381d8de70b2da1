import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { decide } from "../../../src/core/policy/index.js";
import type { Review } from "../../../src/core/policy/types.js";
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
const decideFor = (reviews: Review[]) => decide(input(config([step]), { pr: pr(reviews) }));

/** The reference model: per eligible user, the last head-commit vote, cleared by a later dismissal. */
function expected(reviews: Review[]): string {
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
    else if ((r.state === "APPROVED" || r.state === "CHANGES_REQUESTED") && r.commit_id === HEAD)
      votes.set(who, r.state);
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
