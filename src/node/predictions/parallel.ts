// The bootstrap's resamples across worker threads. Resample r depends only on (seed, r), so each
// thread computes a contiguous range of resamples and the ranges put together in order are exactly
// what one thread would compute: the intervals do not depend on how many threads ran.
//
// Threads run only from the bundles (dist/), which name their worker file at start; run from the
// sources (tests), resamples run in this thread. MODEL_APPROVAL_WORKERS sets the number of threads
// (0 or 1: none).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PredictionsSpec } from "../../core/config/types.js";
import type { ResampleRuns } from "../../core/predictions/evaluate.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { resampleWorkerFile } from "./worker-file.js";

/** Below this many example-resamples per view, a thread costs more to start and fill than it saves. */
const WORK_FOR_A_THREAD = 20_000_000;
const MAX_THREADS = 8;

/** How many threads to resample on: 1 unless there is a worker file and enough work for two. */
export function threadsFor(
  spec: PredictionsSpec,
  rows: number,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (!resampleWorkerFile()) return 1;
  const forced = env.MODEL_APPROVAL_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim()))
    return Math.max(1, Math.min(MAX_THREADS, Number(forced)));
  const work = rows * spec.bootstrap.resamples * (1 + spec.slices.length);
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(work / WORK_FOR_A_THREAD)));
}

export interface WorkerRequest {
  spec: PredictionsSpec;
  table: PredictionTable;
  baseline?: PredictionTable;
  from: number;
  to: number;
}

export type WorkerAnswer = { ok: true; runs: ResampleRuns } | { ok: false; error: string };

function runRange(request: WorkerRequest): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(resampleWorkerFile()!, { workerData: request });
    worker.once("message", (answer: WorkerAnswer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a resampling thread stopped with exit code ${code}`));
    });
  });
}

/** Every resample, computed on `threads` threads; an error is a pairing problem, said as one thread would. */
export async function resampleOnThreads(
  spec: PredictionsSpec,
  table: PredictionTable,
  baseline: PredictionTable | undefined,
  threads: number,
): Promise<WorkerAnswer> {
  const total = spec.bootstrap.resamples;
  const ranges = Array.from({ length: threads }, (_, t) => [
    Math.floor((total * t) / threads),
    Math.floor((total * (t + 1)) / threads),
  ]);
  const answers = await Promise.all(
    ranges.map(([from, to]) =>
      runRange({ spec, table, ...(baseline ? { baseline } : {}), from: from!, to: to! }),
    ),
  );
  const failed = answers.find((a) => !a.ok);
  if (failed) return failed;
  const runs: ResampleRuns = [];
  for (const answer of answers as { ok: true; runs: ResampleRuns }[])
    answer.runs.forEach((run, m) => (runs[m] ??= []).push(...run));
  return { ok: true, runs };
}
