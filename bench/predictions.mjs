// Metrics from a predictions file: `model-approval evaluate` (the bundled CLI, dist/cli.js) on a
// seeded binary-classification CSV with 3 slice columns and a paired baseline, against
// scikit-learn computing the same metrics on the same file. Whole processes run in a clean
// environment (this machine's NODE_EXTRA_CA_CERTS adds ~60 ms to each Node start); the plain
// metrics and the CSV read are also timed in-process, to tell them from the bootstrap.
// Run after `npm run build`: node bench/predictions.mjs [ROWS] [--quick] [--sklearn-bootstrap K]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { writePredictions } from "./support/predictions-data.mjs";

const QUICK = process.argv.includes("--quick");
const flag = process.argv.indexOf("--sklearn-bootstrap");
// A few resamples are enough to extrapolate from; each takes seconds at a million rows.
const SKLEARN_RESAMPLES = flag > 0 ? Number(process.argv[flag + 1]) : QUICK ? 0 : 3;
const ROWS =
  Number(
    process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== "--sklearn-bootstrap"),
  ) || (QUICK ? 20_000 : 1_000_000);
// Compute is timed cold (as the CLI runs it) and warm, best of this many.
const REPEAT = QUICK ? 1 : 3;
const PYTHON = "/usr/bin/python3";
const SLICES = ["country", "device", "segment"];
const CLEAN = { PATH: process.env.PATH };
const REPORT_PEAK = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))`;
const cli = resolve("dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ma-bench-predictions-"));

// The plain metrics of every cell with the gate's own functions, as evaluate.ts's pointMetrics
// calls them, apart from the bootstrap that the CLI always runs.
const IN_PROCESS = `
import { readPredictionsFile } from "./src/node/predictions/read.ts";
import { binaryMetrics } from "./src/core/predictions/binary.ts";
import { expectedCalibrationError } from "./src/core/predictions/calibration.ts";
const [file, repeat] = [process.argv[2], Number(process.argv[3])];
const spec = { task: "binary", label: "y", score: "p", id: "id", slices: ${JSON.stringify(SLICES)}, threshold: 0.5,
  minSliceCount: 100, calibrationBins: 10, bootstrap: { resamples: 1000, seed: 0, confidence: 0.95 } };
let start = performance.now();
const read = await readPredictionsFile(file, "candidate.csv", spec);
const readMs = performance.now() - start;
if (!read.ok) throw new Error(read.error);
const table = read.table;
function metricsOf(labels, scores) {
  const { count: _c, weight: _w, confusion: _f, ...m } = binaryMetrics({ labels, scores }, spec.threshold);
  return { ...m, expected_calibration_error: expectedCalibrationError({ labels, scores }, spec.calibrationBins) };
}
function allCells() {
  const cells = { all: metricsOf(table.labels, table.scores) };
  for (const slice of table.slices) {
    const counts = new Uint32Array(slice.values.length);
    for (const c of slice.codes) counts[c]++;
    slice.values.forEach((value, v) => {
      const labels = new Float64Array(counts[v]);
      const scores = new Float64Array(counts[v]);
      for (let i = 0, j = 0; i < table.rows; i++)
        if (slice.codes[i] === v) { labels[j] = table.labels[i]; scores[j++] = table.scores[i]; }
      cells[slice.column + "=" + value] = metricsOf(labels, scores);
    });
  }
  return cells;
}
const computeMs = [];
let cells;
for (let r = 0; r < repeat; r++) {
  start = performance.now();
  cells = allCells();
  computeMs.push(performance.now() - start);
}
console.log(JSON.stringify({ readMs, computeMs, cells, maxrssKib: process.resourceUsage().maxRSS }));
`;

function config(name, resamples) {
  const bootstrap = resamples ? `, bootstrap: { resamples: ${resamples} }` : "";
  writeFileSync(
    join(dir, name),
    `version: 1
metrics:
  preds: { path: candidate.csv, format: predictions, task: binary, label: y, score: p, id: id, slices: [${SLICES.join(", ")}]${bootstrap} }
baseline:
  preds: { path: baseline.csv, format: predictions }
steps:
  - name: checks
    type: test
    inputs:
      checks:
        - preds.f1 >= 0.4
        - preds.roc_auc >= baseline - 0.01
        - "every slice of preds by country: recall >= 0.3"
`,
  );
  return name;
}

/** Runs a command in the clean environment: wall seconds, stdout, stderr. */
function timed(command, args) {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: dir, env: CLEAN, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (run.error) throw run.error;
  return { seconds, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function evaluate(configName) {
  const run = timed(process.execPath, [
    "--import",
    REPORT_PEAK,
    cli,
    "evaluate",
    "--config",
    configName,
    "--format",
    "json",
  ]);
  const kib = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
  // 0 approved, 1 rejected, 3 pending: all a finished evaluation.
  if (![0, 1, 3].includes(run.status) || !kib)
    throw new Error(`evaluate exited ${run.status}: ${run.stderr}`);
  const computed = JSON.parse(run.stdout).predictions?.[0];
  if (computed?.cells?.length !== 18 || computed.rows !== ROWS)
    throw new Error(`evaluate computed ${computed?.cells?.length} cells of ${computed?.rows} rows`);
  return { seconds: run.seconds, mib: kib / 1024, overall: computed.cells[0].metrics };
}

/** The largest relative difference between two sets of cells' metrics, by cell and metric name. */
function disagreement(ours, theirs) {
  let worst = { rel: 0, at: "" };
  for (const [cell, metrics] of Object.entries(theirs)) {
    for (const [name, value] of Object.entries(metrics)) {
      const mine = ours[cell]?.[name];
      const rel =
        typeof mine === "number" ? Math.abs(mine - value) / Math.max(Math.abs(value), 1e-300) : Infinity;
      if (rel > worst.rel) worst = { rel, at: `${cell} ${name}: ours ${mine}, sklearn ${value}` };
    }
  }
  return worst;
}

const sklearnVersion = () => {
  const run = spawnSync(PYTHON, ["-c", "import sklearn; print(sklearn.__version__)"], {
    env: CLEAN,
    encoding: "utf8",
  });
  return run.status === 0 ? run.stdout.trim() : undefined;
};

const rowsOut = [];
const row = (label, seconds, mib, note = "") =>
  rowsOut.push(
    `  ${label.padEnd(50)} ${seconds === undefined ? "".padStart(9) : `${seconds.toFixed(2).padStart(7)} s`}` +
      `  ${mib === undefined ? "".padStart(8) : `${mib.toFixed(0).padStart(4)} MiB`}  ${note}`.trimEnd(),
  );

try {
  writePredictions(ROWS, join(dir, "candidate.csv"), join(dir, "baseline.csv"));
  const fileMiB = statSync(join(dir, "candidate.csv")).size / 2 ** 20;
  const entry = join(dir, "in-process.mjs");
  await build({
    stdin: { contents: IN_PROCESS, resolveDir: resolve("."), sourcefile: "in-process.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile: entry,
    logLevel: "warning",
  });
  const version = sklearnVersion();

  const full = evaluate(config("full.yml"));
  const plain = evaluate(config("plain.yml", 100));

  const inProcessRun = timed(process.execPath, [entry, "candidate.csv", String(REPEAT)]);
  if (inProcessRun.status !== 0)
    throw new Error(`in-process run exited ${inProcessRun.status}: ${inProcessRun.stderr}`);
  const ours = JSON.parse(inProcessRun.stdout);
  if (Object.keys(ours.cells).length !== 18)
    throw new Error(`in-process: ${Object.keys(ours.cells).length} cells`);
  const oursCompute = ours.computeMs[0] / 1000;

  let sk;
  let agreement = 0;
  let skBoot;
  if (version) {
    const script = resolve("bench/support/sklearn-predictions.py");
    const run = timed(PYTHON, [script, "candidate.csv"]);
    if (run.status !== 0) throw new Error(`sklearn-predictions.py exited ${run.status}: ${run.stderr}`);
    sk = { ...JSON.parse(run.stdout), seconds: run.seconds };
    // Both implementations follow sklearn 1.2's definitions: they must agree, not just be timed.
    for (const [who, cells] of [
      ["in-process", ours.cells],
      ["evaluate", { all: full.overall }],
    ]) {
      const worst = disagreement(cells, who === "evaluate" ? { all: sk.cells.all } : sk.cells);
      if (worst.rel > 1e-9) throw new Error(`${who} disagrees with sklearn: ${worst.at}`);
      agreement = Math.max(agreement, worst.rel);
    }
    if (SKLEARN_RESAMPLES > 0) {
      const boot = timed(PYTHON, [
        script,
        "candidate.csv",
        "--repeat",
        "0",
        "--bootstrap",
        String(SKLEARN_RESAMPLES),
        "baseline.csv",
      ]);
      if (boot.status !== 0) throw new Error(`sklearn bootstrap exited ${boot.status}: ${boot.stderr}`);
      skBoot = JSON.parse(boot.stdout);
    }
  }

  console.log(
    `${ROWS.toLocaleString("en")} rows (${fileMiB.toFixed(0)} MiB CSV each, candidate and baseline), 3 slice columns: 18 cells of 10 metrics`,
  );
  console.log(
    `machine: ${cpus()[0]?.model} × ${cpus().length} cores, Node ${process.version}, ` +
      (version ? `scikit-learn ${version} (numpy ${sk.numpy}, ${sk.reader})` : "scikit-learn: not installed"),
  );
  console.log(`  ${"measurement".padEnd(50)} ${"time".padStart(9)}  ${"peak RSS".padStart(8)}`);
  row("ours, full: evaluate, 1,000 paired resamples", full.seconds, full.mib, "whole process");
  row("ours, evaluate, 100 paired resamples (schema min)", plain.seconds, plain.mib, "whole process");
  row(
    "ours, in-process (read + plain metrics)",
    inProcessRun.seconds,
    ours.maxrssKib / 1024,
    "whole process",
  );
  row("  readPredictionsFile, candidate CSV", ours.readMs / 1000);
  row("  plain metrics, 18 cells, first run", oursCompute);
  if (REPEAT > 1) row(`  plain metrics, 18 cells, best of ${REPEAT}`, Math.min(...ours.computeMs) / 1000);
  if (sk) {
    row("sklearn, read + plain metrics", sk.seconds, sk.maxrss_kib / 1024, "whole process");
    row(`  ${sk.reader}, candidate CSV`, sk.read_seconds);
    row("  plain metrics, 18 cells", sk.compute_seconds);
    if (skBoot) {
      const per = skBoot.bootstrap.seconds / skBoot.bootstrap.resamples;
      row(
        "sklearn, 1,000 paired resamples, all-rows cell only",
        per * 1000,
        undefined,
        `extrapolated from ${skBoot.bootstrap.resamples} (${per.toFixed(2)} s each, both models)`,
      );
    }
  } else {
    row("sklearn", undefined, undefined, `skipped: ${PYTHON} cannot import sklearn`);
  }
  rowsOut.forEach((line) => console.log(line));
  if (sk)
    console.log(
      `  ours and sklearn agree on every metric of every cell within ${agreement.toExponential(1)} relative`,
    );
  console.log("ratios");
  if (sk) {
    console.log(
      `  ours plain-metrics compute / sklearn compute  ×${(oursCompute / sk.compute_seconds).toFixed(2)}`,
    );
    console.log(`  ours CSV read / ${sk.reader} read  ×${(ours.readMs / 1000 / sk.read_seconds).toFixed(2)}`);
  }
  const perResample = (full.seconds - plain.seconds) / 900;
  console.log(
    `  ours full evaluate: ${full.seconds.toFixed(1)} s; each paired resample (both models, 18 cells) ${(perResample * 1000).toFixed(0)} ms`,
  );
  if (skBoot) {
    const skPer = skBoot.bootstrap.seconds / skBoot.bootstrap.resamples;
    console.log(
      `  ours per paired resample (18 cells) / sklearn's (1 cell)  ×${(perResample / skPer).toFixed(3)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
