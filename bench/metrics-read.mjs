// How fast the bundled CLI (dist/cli.js) reads large metrics files, against reading the same file
// with Python's json.load (what wrote it, for a Hugging Face trainer_state.json) and with Node's
// JSON.parse of the whole text. The CLI streams the file (bounded memory, NaN/Infinity, an error's
// line and column, only what the conditions name kept); the yardsticks hold it all in memory.
// Run after `npm run build`: node bench/metrics-read.mjs [--quick]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { writeParts } from "./support/write-parts.mjs";

const QUICK = process.argv.includes("--quick");
const RUNS = QUICK ? 1 : 5;
const dir = mkdtempSync(join(tmpdir(), "ma-bench-metrics-read-"));
const cli = resolve("dist/cli.js");

/** A trainer_state.json as the Trainer writes it: a loss entry every step, an evaluation now and then. */
function* trainerState(steps) {
  yield '{"best_model_checkpoint": "out/checkpoint-1", "global_step": ' + steps + ', "log_history": [\n';
  for (let step = 1; step <= steps; step++) {
    yield `${step === 1 ? "" : ",\n"}    {\n      "epoch": ${step / 1000},\n      "grad_norm": ${(1 / step).toFixed(12)},\n      "learning_rate": ${(5e-5 * (1 - step / steps)).toExponential(10)},\n      "loss": ${(2 / Math.sqrt(step)).toFixed(4)},\n      "step": ${step}\n    }`;
    if (step % 1000 === 0)
      yield `,\n    {\n      "epoch": ${step / 1000},\n      "eval_accuracy": ${(step / steps).toFixed(6)},\n      "eval_loss": 0.3,\n      "eval_runtime": 12.5,\n      "step": ${step}\n    }`;
  }
  yield "\n  ]\n}\n";
}

/** An evaluation report with a large per-sample list, as evaluation libraries write one. */
function* report(samples) {
  yield '{"eval": {"accuracy": 0.91, "f1": 0.87}, "per_sample": [';
  for (let i = 0; i < samples; i++) yield `${i === 0 ? "" : ", "}${((i % 997) / 997).toFixed(6)}`;
  yield "]}\n";
}

function time(command, args, options = {}) {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: dir, encoding: "utf8", ...options });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { PATH: process.env.PATH };

function measure(label, file, condition) {
  writeFileSync(
    join(dir, "c.yml"),
    `version: 1\nsteps:\n  - name: t\n    type: test\n    inputs:\n      checks: ["${condition}"]\n`,
  );
  const cases = {
    cli: () =>
      time(
        process.execPath,
        [cli, "evaluate", "--config", "c.yml", "--metrics", `m=${file}`, "--format", "json"],
        { env },
      ),
    python: () => time("python3", ["-c", "import json,sys; json.load(open(sys.argv[1]))", file], { env }),
    node: () =>
      time(process.execPath, ["-e", "JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))", file], {
        env,
      }),
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  // Round after round, so that a machine's drift falls on all alike.
  for (let i = 0; i < RUNS; i++) for (const [k, run] of Object.entries(cases)) times[k].push(run());
  const mib = statSync(file).size / 2 ** 20;
  const [cli_, py, node] = ["cli", "python", "node"].map((k) => median(times[k]));
  console.log(
    `${label.padEnd(34)} ${mib.toFixed(0).padStart(4)} MiB  CLI ${cli_.toFixed(0).padStart(6)} ms (${(mib / (cli_ / 1000)).toFixed(0)} MiB/s)  ` +
      `x${(cli_ / py).toFixed(2)} of Python's json.load (${py.toFixed(0)} ms), x${(cli_ / node).toFixed(2)} of Node's JSON.parse (${node.toFixed(0)} ms)`,
  );
}

console.log(
  `reading large metrics files, ${RUNS} run${RUNS === 1 ? "" : "s"} each (median), with the process start`,
);
const steps = QUICK ? 20_000 : 400_000;
measure(
  `trainer_state.json, ${steps} steps`,
  writeParts(join(dir, "trainer_state.json"), trainerState(steps)),
  "accuracy > 0.5",
);
const samples = QUICK ? 200_000 : 6_000_000;
measure(
  `report, ${samples} per-sample values`,
  writeParts(join(dir, "report.json"), report(samples)),
  "eval.accuracy > 0.5",
);
rmSync(dir, { recursive: true, force: true });
