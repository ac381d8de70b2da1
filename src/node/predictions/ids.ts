/**
 * The example ids of a predictions file, checked unique once all are read. A hash table of a
 * million ids (a Map, or one of our own) costs most of a second on a small runner, nearly every
 * insertion a cache miss; here each id's FNV-1a hash is kept beside it as the rows arrive, and
 * the check at the end works on parts of the ids small enough to stay in the cache.
 */
import { ownString } from "./text-index.js";

export function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A repeated id: its text and the indexes of its first and second rows. */
export interface Repeat {
  id: string;
  first: number;
  second: number;
}

export class IdColumn {
  readonly ids: string[] = [];
  private hashes = new Int32Array(1024);

  add(text: string, start: number, end: number): void {
    const index = this.ids.length;
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hashOf(text, start, end);
    this.ids.push(ownString(start === 0 && end === text.length ? text : text.slice(start, end)));
  }

  /**
   * The repeated id whose second row comes first, if any. The rows are split by the top byte of
   * their hash (one counting pass and one scatter, row order kept), then each part, a few
   * thousand ids, goes through a small hash table that stays in the processor's cache.
   */
  firstRepeat(): Repeat | undefined {
    const n = this.ids.length;
    const hashes = this.hashes;
    const starts = new Uint32Array(257);
    for (let i = 0; i < n; i++) starts[(hashes[i]! >>> 24) + 1]!++;
    for (let b = 1; b < 257; b++) starts[b]! += starts[b - 1]!;
    const order = new Uint32Array(n);
    const fill = starts.slice(0, 256);
    for (let i = 0; i < n; i++) order[fill[hashes[i]! >>> 24]!++] = i;
    let best: Repeat | undefined;
    let table = new Int32Array(1024);
    for (let b = 0; b < 256; b++) {
      const lo = starts[b]!;
      const hi = starts[b + 1]!;
      let size = 1024;
      while (size < (hi - lo) * 2) size *= 2;
      if (size > table.length) table = new Int32Array(size);
      else table.fill(0, 0, size);
      const mask = size - 1;
      for (let k = lo; k < hi; k++) {
        const row = order[k]!;
        const hash = hashes[row]!;
        let at = hash & mask;
        for (let slot = table[at]!; slot !== 0; slot = table[at]!) {
          const other = slot - 1;
          if (hashes[other] === hash && this.ids[other] === this.ids[row]) {
            if (!best || row < best.second) best = { id: this.ids[row]!, first: other, second: row };
            break;
          }
          at = (at + 1) & mask;
        }
        if (table[at] === 0) table[at] = row + 1;
      }
    }
    return best;
  }
}
