// Whether a list of changed files GitHub gave is the whole list: both the pull request files API
// (3000) and the compare API (300) stop at a cap, and a list cut short cannot rule out a protected path.
import type { ChangedFiles } from "./types.js";

/**
 * `files` as listed, `total` GitHub's own count when it gave one. Without a count, a list that
 * reaches the cap may have been cut.
 */
export function changedFiles(files: string[], limit: number, total?: number): ChangedFiles {
  const complete = total === undefined ? files.length < limit : total <= files.length;
  return { known: true, files, complete, ...(complete ? {} : { limit }) };
}
