// Percentile bootstrap intervals: the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the
// resampled values, interpolated linearly between order statistics as numpy.percentile's default
// ("linear") method does. A metric undefined in any resample (a slice with no positive example in
// it) has no interval: a check that needs one cannot be settled by it.

export type Interval = [number, number];

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function percentileInterval(values: Float64Array, confidence: number): Interval | null {
  if (values.length === 0) return null;
  for (const v of values) if (!Number.isFinite(v)) return null;
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - confidence) / 2;
  return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
}
