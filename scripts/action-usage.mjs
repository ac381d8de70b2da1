// Prints the inputs and outputs of action.yml as markdown tables, for the README's usage section.
//   node scripts/action-usage.mjs            print the tables
//   node scripts/action-usage.mjs --check F  exit 1 when file F does not contain them verbatim
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const action = parse(readFileSync(new URL("../action.yml", import.meta.url), "utf8"));

const cell = (text) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\|/g, "\\|");
const code = (text) => (text === undefined || text === "" ? "" : "`" + String(text).replace(/`/g, "") + "`");

const inputs = Object.entries(action.inputs ?? {}).map(
  ([name, input]) => `| \`${name}\` | ${cell(input.description)} | ${code(input.default)} |`,
);
const outputs = Object.entries(action.outputs ?? {}).map(
  ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
);

const usage = [
  "| Input | Description | Default |",
  "| --- | --- | --- |",
  ...inputs,
  "",
  "| Output | Description |",
  "| --- | --- |",
  ...outputs,
  "",
].join("\n");

const checkIndex = process.argv.indexOf("--check");
if (checkIndex === -1) {
  process.stdout.write(usage);
} else {
  const file = process.argv[checkIndex + 1] ?? "README.md";
  if (!readFileSync(file, "utf8").includes(usage.trim())) {
    console.error(
      `${file}: the inputs/outputs tables differ from action.yml; paste the output of 'node scripts/action-usage.mjs'`,
    );
    process.exit(1);
  }
  console.log(`${file}: usage tables match action.yml`);
}
