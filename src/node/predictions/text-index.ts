/**
 * Distinct strings, each with its index in first-seen order, looked up straight from a range of
 * the file's text. A JavaScript Map of a million fresh strings costs about a second on a small
 * runner (every new string is hashed, the table often rehashed) and needs the string made first;
 * this open-addressing table keyed by an FNV-1a hash of the range compares in place, so a slice
 * value seen before costs no string at all.
 */

/**
 * A copy of `text` that holds no larger string alive. V8 keeps a slice of 13 or more characters
 * as a view of the string it came from (a whole chunk of the file); flattening a concatenation
 * makes a string of its own.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // Mix the high bits into the low ones the table masks.
  return (h ^ (h >>> 15)) | 0;
}

export class TextIndex {
  readonly values: string[] = [];
  /** Whether the last `intern` added its value. */
  added = false;
  private hashes = new Int32Array(64);
  /** An index + 1, or 0 for an empty slot. */
  private slots = new Int32Array(256);
  private probeHash = 0;

  /** The slot of `text[start, end)`, or of the empty slot where it would go (negated, minus 1). */
  private probe(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    this.probeHash = hash;
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot === 0) return -at - 1;
      const value = this.values[slot - 1]!;
      if (this.hashes[slot - 1] === hash && value.length === length && text.startsWith(value, start))
        return at;
    }
  }

  /** The index of `text[start, end)`, or -1. */
  find(text: string, start = 0, end = text.length): number {
    const at = this.probe(text, start, end);
    return at < 0 ? -1 : this.slots[at]! - 1;
  }

  /** The index of `text[start, end)`, added if new (`added` says which). */
  intern(text: string, start = 0, end = text.length): number {
    const at = this.probe(text, start, end);
    this.added = at < 0;
    if (at >= 0) return this.slots[at]! - 1;
    const index = this.values.length;
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.values.push(ownString(start === 0 && end === text.length ? text : text.slice(start, end)));
    this.hashes[index] = this.probeHash;
    this.slots[-at - 1] = index + 1;
    if ((index + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return index;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.values.length; i++) {
      let at = this.hashes[i]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
    this.slots = slots;
  }
}
