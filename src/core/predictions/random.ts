// The bootstrap's randomness: seeded, so the same file and seed always give the same intervals on
// every machine (no Math.random). It is the Poisson bootstrap (as TFMA computes its intervals): in a
// resample each example's weight is a draw from Poisson(1), the large-sample form of drawing n
// examples with replacement (where each example's count is Binomial(n, 1/n) → Poisson(1)). That
// lets a resample's weight be a function of (seed, resample, example) alone: a candidate and its
// baseline draw the same weight for the same example (a paired resample) without sharing any
// state, and each pass over the examples computes its weights as it goes.

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The key of one resample: every example's weight in it derives from this. `content` is the
 * predictions' digest (content.ts): whoever writes the files cannot know an example's weights
 * before the files are final, so cannot place the examples where the draws favour the candidate.
 */
export function resampleKey(seed: number, resample: number, content = 0): number {
  return mix32(mix32(mix32((seed >>> 0) ^ 0x9e3779b9) ^ content) ^ Math.imul(resample + 1, 0x632be5ab));
}

/**
 * P(X ≤ k) for X ~ Poisson(1), k = 0..12, scaled to 2^32: a uniform 32-bit draw u gives the weight
 * "how many of these are ≤ u". P(X > 12) is below 2^-32, so 13 is the largest weight drawn.
 */
export const CUMULATIVE = (() => {
  const out: number[] = [];
  let p = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k <= 12; k++) {
    sum += p;
    out.push(Math.min(4294967295, Math.floor(sum * 4294967296)));
    p /= k + 1;
  }
  return out;
})();
/**
 * The weight of every draw whose top 16 bits are the index, or 255 where a step of CUMULATIVE falls
 * inside that range of draws (then the table is walked). A table, not comparisons: a comparison of
 * a random number is a branch the processor mispredicts half the time, and this runs per example.
 */
export const BY_TOP_BITS = (() => {
  const table = new Uint8Array(65536);
  for (let top = 0; top < 65536; top++) {
    const low = weightOf(top * 65536);
    table[top] = low === weightOf(top * 65536 + 65535) ? low : 255;
  }
  return table;
})();

function weightOf(u: number): number {
  let k = 0;
  while (k < CUMULATIVE.length && u >= CUMULATIVE[k]!) k++;
  return k;
}

/** Example `example`'s weight in the resample keyed `key`: a Poisson(1) draw. */
export function poissonWeight(key: number, example: number): number {
  // The index spread by the golden ratio before mixing, so that neighbouring examples differ in
  // many bits going in.
  const u = mix32(Math.imul(example, 0x9e3779b1) ^ key);
  const k = BY_TOP_BITS[u >>> 16]!;
  return k === 255 ? weightOf(u) : k;
}
