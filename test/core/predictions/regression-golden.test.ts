// Regression metrics and the expected calibration error against scikit-learn 1.2's answers (golden
// values from scripts/golden/sklearn-regression.py, committed): within 1e-12 relative, and R²
// undefined where scikit-learn would answer a placeholder.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { regressionMetrics } from "../../../src/core/predictions/regression.js";
import { expectedCalibrationError } from "../../../src/core/predictions/calibration.js";

interface RegressionCase {
  name: string;
  targets: number[];
  predictions: number[];
  weights?: number[];
  expected: Record<"mae" | "rmse" | "r2" | "mape", number | null>;
}

interface CalibrationCase {
  name: string;
  bins: number;
  labels: number[];
  scores: number[];
  weights?: number[];
  expected: { ece: number };
}

const golden = JSON.parse(
  readFileSync(new URL("../../fixtures/predictions/sklearn-regression.json", import.meta.url), "utf8"),
) as { sklearn: string; regression: RegressionCase[]; calibration: CalibrationCase[] };

function close(actual: number | undefined, expected: number): boolean {
  if (actual === undefined) return false;
  if (actual === expected) return true;
  const scale = Math.max(Math.abs(expected), Math.abs(actual));
  return Math.abs(actual - expected) <= 1e-12 * scale;
}

describe(`regression metrics, as scikit-learn ${golden.sklearn} computes them`, () => {
  it.each(golden.regression.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = regressionMetrics({
      targets: c.targets,
      predictions: c.predictions,
      ...(c.weights ? { weights: c.weights } : {}),
    });
    const mismatches: string[] = [];
    for (const name of ["mae", "rmse", "r2", "mape"] as const) {
      const want = c.expected[name];
      const have = got[name];
      if (want === null) {
        if (have !== undefined) mismatches.push(`${name}: ${have}, but it is not defined`);
      } else if (!close(have, want)) mismatches.push(`${name}: ${have} ≠ ${want}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("expected calibration error, binned as scikit-learn's calibration_curve bins", () => {
  it.each(golden.calibration.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const ece = expectedCalibrationError(
      { labels: c.labels, scores: c.scores, ...(c.weights ? { weights: c.weights } : {}) },
      c.bins,
    );
    expect(close(ece, c.expected.ece) ? c.expected.ece : ece).toBe(c.expected.ece);
  });
});
