// The rules, parsed once per text. A long-running App reads the same default-branch config on
// every event of a repository and parsing it (YAML, schema, conditions) was about a sixteenth of the
// CPU of an event that changes nothing (bench/app.mjs, profiled). Parsing is a pure function of the
// text and the file name, so a kept result is the result; it is frozen, so no event can change
// what the next one is given.
import { parseConfig, type ParseConfigResult } from "../../core/config/parse.js";
import { BoundedCache, parsedBytes } from "../bounded-cache.js";
import { deepFreeze } from "../../core/deep-freeze.js";

// Keyed by the whole text: two texts never share an entry, however alike. A config is a few KiB
// and its parse 10–20 KiB in memory; 8 MiB holds hundreds of repositories' rules, and the least
// recently read go first.
const kept = new BoundedCache<{ result: ParseConfigResult; bytes: number }>(
  8 * 1024 * 1024,
  1024 * 1024,
  (entry) => entry.bytes,
);

/**
 * `parseConfig`, frozen. Only the rules of the default branch (`trusted`) that parse are kept:
 * any PR author can push texts of their own, and only its maintainers can change the default
 * branch's, so no PR author can fill the memory or push a repository's rules out of it.
 */
export function parsedConfig(text: string, file: string, trusted: boolean): ParseConfigResult {
  const key = `${file}\n${text}`;
  const found = trusted ? kept.get(key) : undefined;
  if (found) return found.result;
  const result = parseConfig(text, file);
  if (!trusted || !result.ok) return deepFreeze(result);
  // A copy: the parse's strings are slices of the text, and a kept slice keeps the whole text.
  const copy = deepFreeze(structuredClone(result));
  // The key's text at 2 bytes a UTF-16 unit, counted twice: rules in two-byte characters were
  // measured holding 17% more than their bound with it counted once (Node 20).
  kept.set(key, { result: copy, bytes: parsedBytes(JSON.stringify(copy).length) + 4 * key.length });
  return copy;
}
