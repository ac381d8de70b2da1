// How near the gate's number must be to scikit-learn's: 1e-12 relative.

/** Within 1e-12 of `expected`, relative; near zero, within 1e-27 (a log loss of 2.2e-16 is eps itself). */
export function closeToGolden(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  const scale = Math.max(Math.abs(expected), Math.abs(actual));
  return scale < 1e-300 || Math.abs(actual - expected) <= 1e-12 * Math.max(scale, 1e-15);
}
