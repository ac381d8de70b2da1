// Prints the CHANGELOG.md section of one version, the notes of its GitHub release
// (.github/workflows/release.yml); exits 1 when there is none, so no version is released without
// saying what changed.
//   node scripts/release-notes.mjs 1.2.3 [CHANGELOG.md]
import { readFileSync } from "node:fs";

const [version, file = "CHANGELOG.md"] = process.argv.slice(2);
if (!version) {
  console.error("usage: node scripts/release-notes.mjs VERSION [CHANGELOG.md]");
  process.exit(2);
}

const lines = readFileSync(file, "utf8").split("\n");
// Keep a Changelog: "## [1.2.3] - 2026-01-31", up to the next "## " heading.
const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
const section = [];
if (start !== -1) {
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    section.push(line);
  }
}
// The link definitions ("[1.2.3]: https://…") that close the file are not part of the section.
while (section.length > 0 && /^(\[[^\]]+\]: \S+)?\s*$/.test(section.at(-1))) section.pop();
while (section.length > 0 && section[0].trim() === "") section.shift();

if (section.length === 0) {
  console.error(`${file} has no section '## [${version}]' with notes: add one before releasing v${version}`);
  process.exit(1);
}
process.stdout.write(section.join("\n") + "\n");
