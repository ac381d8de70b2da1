// Peak memory of `model-approval evaluate` (the bundled CLI, dist/cli.js) on metrics files of
// growing size: a JSON report with a large per-sample list, and a Lightning-style training log.
// Streaming holds the peak flat as files grow; the ratio of each file's peak to the smallest one's
// is what to watch. Run after `npm run build`: node bench/memory.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { writeParts } from "./support/write-parts.mjs";

const SMALL_HEAP_MIB = 32;
// --quick: small files only, to check that the benchmark works (the file sizes that matter are
// past the 32 MiB read whole).
const QUICK = process.argv.includes("--quick");
const dir = mkdtempSync(join(tmpdir(), "ma-bench-memory-"));
const cli = resolve("dist/cli.js");
// Peak resident memory of the whole process, printed as it exits.
const REPORT_PEAK = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))`;

function* jsonReport(samples) {
  yield '{"eval": {"accuracy": 0.91}, "per_sample": [';
  for (let i = 0; i < samples; i++) yield `${i === 0 ? "" : ","}${(i % 997) / 997}`;
  yield "]}\n";
}

function* trainingLog(rows) {
  yield "epoch,step,train_loss,val_loss\n";
  for (let step = 0; step < rows; step++) {
    yield `${Math.floor(step / 1000)},${step},${(1 / (step + 1)).toFixed(8)},\n`;
    if (step % 1000 === 999) yield `${Math.floor(step / 1000)},${step},,0.25\n`;
  }
}

/** Peak RSS in KiB; with `heapMiB`, V8's old space is capped there (a whole-file read would die). */
function peak(metrics, condition, heapMiB) {
  writeFileSync(
    join(dir, "c.yml"),
    `version: 1\nsteps:\n  - name: t\n    type: test\n    inputs:\n      checks: ["${condition}"]\n`,
  );
  const run = spawnSync(
    process.execPath,
    [
      ...(heapMiB ? [`--max-old-space-size=${heapMiB}`] : []),
      "--import",
      REPORT_PEAK,
      cli,
      "evaluate",
      "--config",
      "c.yml",
      "--metrics",
      `m=${metrics}`,
      "--format",
      "json",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  const kib = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
  if (run.status !== 0 || !kib) throw new Error(`evaluate ${metrics} exited ${run.status}: ${run.stderr}`);
  return kib;
}

function series(label, make, sizes, condition) {
  console.log(label);
  let first;
  for (const size of sizes) {
    const file = make(size);
    const mib = statSync(join(dir, file)).size / 2 ** 20;
    const kib = peak(file, condition);
    first ??= kib;
    const capped = peak(file, condition, SMALL_HEAP_MIB);
    console.log(
      `  ${file.padEnd(22)} ${mib.toFixed(0).padStart(5)} MiB file  peak ${(kib / 1024).toFixed(0).padStart(4)} MiB  ×${(kib / first).toFixed(2)} of the smallest` +
        `  (in a ${SMALL_HEAP_MIB} MiB heap: peak ${(capped / 1024).toFixed(0)} MiB)`,
    );
  }
}

try {
  series(
    "JSON report (kept: eval.accuracy)",
    (n) => basename(writeParts(join(dir, `report-${n}.json`), jsonReport(n))),
    QUICK ? [1000, 100_000] : [100_000, 3_000_000, 6_000_000, 20_000_000],
    "eval.accuracy >= 0.9",
  );
  series(
    "training log CSV",
    (n) => basename(writeParts(join(dir, `log-${n}.csv`), trainingLog(n))),
    QUICK ? [1000, 10_000] : [10_000, 1_000_000, 5_000_000],
    "val_loss < 0.3",
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
