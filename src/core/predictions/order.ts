// Examples by score, highest first, ties in index order: the one sort every curve and every
// resample pass starts from. An LSD radix sort on the scores' IEEE-754 bits (made to order as the
// numbers do), in four 16-bit passes: at a million scores it takes tens of milliseconds, where a
// comparison sort takes a second.

/** Scores as 64-bit keys that order as the scores do, highest score smallest key; −0 is 0. */
function keysOf(scores: ArrayLike<number>): { high: Uint32Array; low: Uint32Array } {
  const n = scores.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [lo, hi] = littleEndian ? [0, 1] : [1, 0];
  for (let i = 0; i < n; i++) {
    const s = Number(scores[i]);
    bits[0] = s === 0 ? 0 : s;
    let h = words[hi]!;
    let l = words[lo]!;
    // Positive numbers order by their bits with the sign bit set; negative ones by their bits inverted.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    // Highest first: invert, so that an ascending sort of the keys is a descending one of the scores.
    high[i] = ~h >>> 0;
    low[i] = ~l >>> 0;
  }
  return { high, low };
}

/** Indices 0..n−1 sorted by score, highest first; equal scores keep their index order (stable). */
export function byScoreDescending(scores: ArrayLike<number>): Uint32Array {
  const n = scores.length;
  const { high, low } = keysOf(scores);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (const [words, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[count[(words[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}
