// The bootstrap: the one-pass resampler agrees with the exact functions, resamples are
// deterministic and paired, and the intervals have the width sampling theory predicts.
import { describe, expect, it } from "@jest/globals";
import { BINARY_RESAMPLED, binaryResampler } from "../../../src/core/predictions/binary-resample.js";
import { binaryMetrics } from "../../../src/core/predictions/binary.js";
import { expectedCalibrationError } from "../../../src/core/predictions/calibration.js";
import { poissonWeight, resampleKey } from "../../../src/core/predictions/random.js";
import { Arena } from "../../../src/core/predictions/wasm/arena.js";
import { closeToGolden } from "./support/close.js";
import { binaryGolden } from "./support/golden.js";
import { lcg } from "./support/tables.js";

const golden = binaryGolden();

function exact(labels: number[], scores: number[], weights: number[] | undefined, threshold: number) {
  const p = { labels, scores, ...(weights ? { weights } : {}) };
  return {
    ...binaryMetrics(p, threshold),
    expected_calibration_error: expectedCalibrationError(p),
  } as Record<string, unknown>;
}

const SINGLE_PRECISION = new Set(["log_loss", "brier_score", "expected_calibration_error"]);

describe("binaryResampler without resampling", () => {
  for (const c of golden.cases) {
    it(`gives the exact metrics of every cell (loss and score to 1e-6): ${c.name}`, () => {
      const random = lcg(c.labels.length + 7);
      const codes = Uint32Array.from(c.labels, () => Math.floor(random() * 3));
      const resampler = binaryResampler({
        labels: c.labels,
        scores: c.scores,
        ...(c.weights ? { weights: c.weights } : {}),
        slices: [{ codes, values: 3 }],
        threshold: c.threshold,
        bins: 10,
      });
      const out = new Float64Array(resampler.cells * BINARY_RESAMPLED.length);
      resampler.evaluate(undefined, out);
      for (let cell = 0; cell < 4; cell++) {
        const rows = c.labels.map((_, i) => i).filter((i) => cell === 0 || codes[i] === cell - 1);
        if (rows.length === 0) continue;
        const pick = <T>(xs: T[]) => rows.map((i) => xs[i]!);
        const expected = exact(pick(c.labels), pick(c.scores), c.weights && pick(c.weights), c.threshold);
        BINARY_RESAMPLED.forEach((name, m) => {
          const got = out[cell * BINARY_RESAMPLED.length + m]!;
          const want = expected[name];
          if (typeof want !== "number" || !Number.isFinite(want)) expect(Number.isFinite(got)).toBe(false);
          // The resampler reads loss and score in single precision (binary-resample.ts's View).
          else if (SINGLE_PRECISION.has(name))
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
          else expect(closeToGolden(got, want)).toBe(true);
        });
      }
    });
  }
});

describe("Poisson draws", () => {
  it("are Poisson(1): mean and variance 1, P(0) = e^-1", () => {
    const key = resampleKey(3, 5);
    let sum = 0;
    let squares = 0;
    let zeros = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const w = poissonWeight(key, i);
      sum += w;
      squares += w * w;
      if (w === 0) zeros++;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(1, 2);
    expect(squares / n - mean * mean).toBeCloseTo(1, 1);
    expect(zeros / n).toBeCloseTo(Math.exp(-1), 2);
  });

  it("depend on the seed and the resample, and on nothing else", () => {
    const draws = (seed: number, r: number) =>
      Array.from({ length: 64 }, (_, i) => poissonWeight(resampleKey(seed, r), i));
    expect(draws(0, 0)).toEqual(draws(0, 0));
    expect(draws(0, 1)).not.toEqual(draws(0, 0));
    expect(draws(1, 0)).not.toEqual(draws(0, 0));
  });
});

describe("resampled accuracy", () => {
  it("has the spread of a binomial proportion", () => {
    const n = 4000;
    const random = lcg(11);
    const labels = Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0));
    // Correct 80% of the time: accuracy's standard error is sqrt(0.8 · 0.2 / n).
    const scores = labels.map((y) => (random() < 0.8 ? y : 1 - y) * 0.8 + 0.1);
    const resampler = binaryResampler({ labels, scores, slices: [], threshold: 0.5, bins: 10 });
    const out = new Float64Array(BINARY_RESAMPLED.length);
    const accuracies: number[] = [];
    for (let r = 0; r < 400; r++) {
      resampler.evaluate(resampleKey(0, r), out);
      accuracies.push(out[0]!);
    }
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    const sd = Math.sqrt(accuracies.reduce((a, b) => a + (b - mean) ** 2, 0) / (accuracies.length - 1));
    const accuracy = binaryMetrics({ labels, scores }).accuracy;
    expect(Math.abs(mean - accuracy)).toBeLessThan(0.003);
    expect(sd / Math.sqrt((accuracy * (1 - accuracy)) / n)).toBeGreaterThan(0.85);
    expect(sd / Math.sqrt((accuracy * (1 - accuracy)) / n)).toBeLessThan(1.15);
  });
});

describe("the WebAssembly draws", () => {
  it("are random.ts's Poisson draws, for any example index", () => {
    const arena = new Arena(Arena.size([4 * 4096, 4096]));
    const keys = arena.u32(4096);
    const random = lcg(99);
    for (let i = 0; i < keys.length; i++) keys[i] = i < 2048 ? i : Math.floor(random() * 4294967295);
    const out = arena.u8(keys.length);
    for (const key of [resampleKey(0, 0), resampleKey(5, 17), resampleKey(4294967295, 999)]) {
      arena.draws(key, keys, out);
      expect([...out]).toEqual([...keys].map((i) => poissonWeight(key, i)));
    }
  });
});
