// Large benchmark inputs, written a mebibyte at a time from a generator of parts, so that the
// benchmark never holds a whole file either.
import { closeSync, openSync, writeSync } from "node:fs";

/** Writes `parts` to `path` and returns `path`. */
export function writeParts(path, parts) {
  const fd = openSync(path, "w");
  let batch = "";
  for (const part of parts) {
    batch += part;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = "";
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return path;
}
