// How long `model-approval validate` takes once Node is up: loading the CLI code, the first validation
// (cold: nothing compiled or cached yet) and repeated validations. Run: node bench/validate.mjs [CONFIG]
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const config = process.argv[2] ?? "examples/full.yml";
const out = join(mkdtempSync(join(tmpdir(), "ma-bench-")), "run.mjs");
await build({
  entryPoints: ["src/cli/run.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outfile: out,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

const quiet = { stdout: { write() {} }, stderr: { write() {} }, cwd: process.cwd() };
const t0 = performance.now();
const { runCli } = await import(pathToFileURL(out).href);
const t1 = performance.now();
const code = await runCli(["validate", config], quiet);
const t2 = performance.now();
const warm = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  await runCli(["validate", config], quiet);
  warm.push(performance.now() - s);
}
warm.sort((a, b) => a - b);
const ms = (n) => `${n.toFixed(2)} ms`;
console.log(`${config}: exit ${code}`);
console.log(`load bundled CLI code:        ${ms(t1 - t0)}`);
console.log(`first validate (cold):        ${ms(t2 - t1)}`);
console.log(`load + first validate:        ${ms(t2 - t0)}`);
console.log(`warm validate, median of 200: ${ms(warm[100])}  (p95 ${ms(warm[190])})`);

// Whole-process wall time of the committed bundle, against a bare `node` start, when the bundle exists.
if (existsSync("dist/cli.js")) {
  const wall = (args) => {
    const times = [];
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      try {
        execFileSync(process.execPath, args, { stdio: "ignore" });
      } catch {
        // an invalid config exits 2; the time still counts
      }
      times.push(performance.now() - s);
    }
    return times.sort((a, b) => a - b)[5];
  };
  const bare = wall(["-e", "0"]);
  const full = wall(["dist/cli.js", "validate", config]);
  console.log(
    `process: node -e 0 ${ms(bare)}, dist/cli.js validate ${ms(full)}, difference ${ms(full - bare)} (medians of 10)`,
  );
}
