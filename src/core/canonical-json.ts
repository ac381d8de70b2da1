// JSON with object keys in sorted order, so equal values give equal text (and equal hashes) however
// they were built. Non-finite numbers, which JSON cannot hold, are written as the snapshot writes them.
import { replaceNonFinite } from "./candidate/snapshot.js";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    const plain = replaceNonFinite(key, v);
    if (typeof plain !== "object" || plain === null || Array.isArray(plain)) return plain;
    return Object.fromEntries(Object.entries(plain).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
