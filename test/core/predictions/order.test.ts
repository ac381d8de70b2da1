// The radix sort by score gives what a stable comparison sort gives, for any doubles.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { byScoreDescending } from "../../../src/core/predictions/order.js";

function reference(scores: number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

describe("byScoreDescending", () => {
  it("orders by score, highest first, ties (−0 and 0 among them) in index order", () => {
    expect([...byScoreDescending([0.5, -0, 1, 0, -2.5, 0.5, Infinity, -Infinity, 1e-300])]).toEqual([
      6, 2, 0, 5, 8, 1, 3, 4, 7,
    ]);
  });

  it("agrees with a stable comparison sort", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 0.5, 1, -0))),
        (scores) => {
          expect([...byScoreDescending(scores)]).toEqual(reference(scores));
        },
      ),
      { numRuns: 300 },
    );
  });
});
