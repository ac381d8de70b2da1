// The gate's binary metrics against scikit-learn's own answers (1.2, Debian's python3-sklearn), on
// data sets with ties, weights, extreme scores and single-class slices, generated with fixed seeds
// by scripts/golden/sklearn-binary.py and committed: CI needs no Python. Each number must match to
// 1e-12 relative; a metric scikit-learn calls ill-defined must be undefined here, never a number.
import { describe, expect, it } from "@jest/globals";
import { binaryMetrics, type BinaryMetrics } from "../../../src/core/predictions/binary.js";
import { closeToGolden } from "./support/close.js";
import { binaryGolden } from "./support/golden.js";

const golden = binaryGolden();

const METRICS = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier_score",
] as const;

describe(`binary metrics, as scikit-learn ${golden.sklearn} computes them`, () => {
  it("has golden cases with ties, weights and single classes", () => {
    const names = golden.cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["ties, weighted", "single class (all negative)"]));
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = binaryMetrics(
      { labels: c.labels, scores: c.scores, ...(c.weights ? { weights: c.weights } : {}) },
      c.threshold,
    );
    const mismatches: string[] = [];
    for (const name of METRICS) {
      const want = c.expected[name];
      const have = (got as unknown as Record<string, number | undefined>)[name];
      if (want === null || want === undefined) {
        if (have !== undefined) mismatches.push(`${name}: ${have}, but scikit-learn calls it ill-defined`);
      } else if (have === undefined || !closeToGolden(have, want))
        mismatches.push(`${name}: ${have} ≠ ${want}`);
    }
    for (const [cell, want] of Object.entries(c.expected.confusion)) {
      const have = got.confusion[cell as keyof BinaryMetrics["confusion"]];
      if (!closeToGolden(have, want)) mismatches.push(`confusion.${cell}: ${have} ≠ ${want}`);
    }
    expect(mismatches).toEqual([]);
  });
});
