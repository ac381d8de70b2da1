// A resampling thread (parallel.ts): computes one range of the bootstrap's resamples and sends
// them back, their buffers moved rather than copied.
import { parentPort, workerData } from "node:worker_threads";
import { resamplePredictions } from "../../core/predictions/evaluate.js";
import type { WorkerAnswer, WorkerRequest } from "./parallel.js";

const { spec, table, baseline, from, to } = workerData as WorkerRequest;
const answer: WorkerAnswer = resamplePredictions(spec, table, baseline, from, to);
const buffers = answer.ok ? answer.runs.flatMap((run) => run.map((out) => out.buffer as ArrayBuffer)) : [];
parentPort!.postMessage(answer, buffers);
