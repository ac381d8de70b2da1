import "./v8-flags.js";
import { readRunnerEnvironment } from "./env.js";
import { runAction } from "./run.js";
import { useResampleWorker } from "../node/predictions/worker-file.js";

// The bootstrap's thread code, built beside this bundle (scripts/build.mjs).
useResampleWorker(new URL("./predictions-worker.js", import.meta.url));

/** Resolves once what was written to `stream` has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((done) => stream.write("", () => done()));
}

const code = await runAction(readRunnerEnvironment(process.env));
// The HTTP clients keep their connections open, and so the process alive, after the last response
// (undici for ~200 ms, a third of a steady run once); the step is done, so it exits as soon as its
// output is written.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
