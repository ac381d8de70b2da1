// Every benchmark, one after another, each printing its own table of ratios. With --quick, each
// runs its smallest case, to check that it still works (CI does this; its timings mean nothing).
// Run after `npm run build`: node bench/all.mjs [--quick]
import { spawnSync } from "node:child_process";

const quick = process.argv.includes("--quick");
const benches = [
  ["validate.mjs", []],
  ["action.mjs", quick ? ["2"] : ["10"]],
  ["app.mjs", quick ? ["32"] : ["320"]],
  ["digest.mjs", quick ? ["8"] : ["1024"]],
  ["memory.mjs", quick ? ["--quick"] : []],
  ["metrics-read.mjs", quick ? ["--quick"] : []],
  ["predictions.mjs", quick ? ["--quick"] : []],
];
let failed = 0;
for (const [file, args] of benches) {
  console.log(`\n## bench/${file} ${args.join(" ")}`.trimEnd());
  const run = spawnSync(process.execPath, [`bench/${file}`, ...args], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`bench/${file} failed (exit ${run.status})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
