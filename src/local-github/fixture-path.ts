// The committed subsets of GitHub's descriptions live in the repository's test/fixtures: found
// upwards from this module, so that both src/ and the bundles under build/ find them.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function fixturePath(relative: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    if (dirname(dir) === dir)
      throw new Error(`cannot find ${relative} above ${fileURLToPath(import.meta.url)}`);
  }
}
