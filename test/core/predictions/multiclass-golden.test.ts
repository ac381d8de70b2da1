// The gate's multiclass metrics against scikit-learn's own answers (1.2, Debian's python3-sklearn),
// on data sets with 3 and 5 classes, weights, ties in the scores and in the argmax, extreme scores,
// and classes never predicted or absent from the labels, generated with fixed seeds by
// scripts/golden/sklearn-multiclass.py and committed: CI needs no Python. Each number must match to
// 1e-12 relative; a metric scikit-learn calls ill-defined must be undefined here, never a number.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { multiclassMetrics } from "../../../src/core/predictions/multiclass.js";
import { closeToGolden } from "./support/close.js";

interface GoldenCase {
  name: string;
  classes: number;
  labels: number[];
  scores: number[][];
  weights?: number[];
  expected: Record<string, number | null> & { confusion: number[][] };
}

const golden = JSON.parse(
  readFileSync(new URL("../../fixtures/predictions/sklearn-multiclass.json", import.meta.url), "utf8"),
) as { sklearn: string; cases: GoldenCase[] };

const METRICS = [
  "accuracy",
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_micro",
  "recall_micro",
  "f1_micro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "roc_auc_ovr_macro",
  "log_loss",
] as const;

describe(`multiclass metrics, as scikit-learn ${golden.sklearn} computes them`, () => {
  it("has golden cases with ties, weights and missing classes", () => {
    const names = golden.cases.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "3 classes, argmax ties",
        "5 classes, ties (rounded, renormalised), weighted",
        "3 classes, class 2 never predicted",
        "5 classes, class 4 absent from the labels",
      ]),
    );
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = multiclassMetrics({
      labels: c.labels,
      scores: c.scores,
      classes: c.classes,
      ...(c.weights ? { weights: c.weights } : {}),
    });
    const mismatches: string[] = [];
    for (const name of METRICS) {
      const want = c.expected[name];
      const have = (got as unknown as Record<string, number | undefined>)[name];
      if (want === null || want === undefined) {
        if (have !== undefined) mismatches.push(`${name}: ${have}, but scikit-learn calls it ill-defined`);
      } else if (have === undefined || !closeToGolden(have, want))
        mismatches.push(`${name}: ${have} ≠ ${want}`);
    }
    c.expected.confusion.forEach((row, t) =>
      row.forEach((want, q) => {
        const have = got.confusion[t]?.[q];
        if (have === undefined || !closeToGolden(have, want))
          mismatches.push(`confusion[${t}][${q}]: ${have} ≠ ${want}`);
      }),
    );
    expect(got.count).toBe(c.labels.length);
    expect(mismatches).toEqual([]);
  });

  it("takes the first maximum of a row, as numpy's argmax", () => {
    const got = multiclassMetrics({
      labels: [1, 0],
      scores: [
        [0.4, 0.4, 0.2],
        [0.4, 0.4, 0.2],
      ],
      classes: 3,
    });
    expect(got.confusion).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("refuses malformed input rather than computing on it", () => {
    const scores = [
      [0.5, 0.3, 0.2],
      [0.1, 0.1, 0.8],
    ];
    expect(() => multiclassMetrics({ labels: [0, 3], scores, classes: 3 })).toThrow(RangeError);
    expect(() =>
      multiclassMetrics({
        labels: [0, 1],
        scores: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        classes: 3,
      }),
    ).toThrow(RangeError);
    expect(() =>
      multiclassMetrics({
        labels: [0, 1],
        scores: [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        classes: 2,
      }),
    ).toThrow(RangeError);
  });
});
