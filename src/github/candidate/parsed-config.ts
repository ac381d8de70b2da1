// The rules, parsed once per text. A long-running App reads the same default-branch config on
// every event of a repository and parsing it (YAML, schema, conditions) was about a sixteenth of the
// CPU of an event that changes nothing (bench/app.mjs, profiled). Parsing is a pure function of the
// text and the file name, so a kept result is the result; it is frozen, so no event can change
// what the next one is given.
import { parseConfig, type ParseConfigResult } from "../../core/config/parse.js";
import { BoundedCache } from "../bounded-cache.js";
import { deepFreeze } from "../../core/deep-freeze.js";

// Keyed by the whole text: two texts never share an entry, however alike. A config is a few KiB;
// 4 MiB holds a thousand repositories' rules, and the least recently read go first.
// An entry's size is its key's (2 bytes a UTF-16 unit): the parse result is of the same order.
const kept = new BoundedCache<{ result: ParseConfigResult; bytes: number }>(
  4 * 1024 * 1024,
  256 * 1024,
  (entry) => entry.bytes,
);

/** `parseConfig`, kept by text and file name; the result is frozen. */
export function parsedConfig(text: string, file: string): ParseConfigResult {
  const key = `${file}\n${text}`;
  const found = kept.get(key);
  if (found) return found.result;
  const result = deepFreeze(parseConfig(text, file));
  kept.set(key, { result, bytes: 2 * key.length });
  return result;
}
