import { useResampleWorker } from "../node/predictions/worker-file.js";
import { runCli } from "./run.js";

// The bootstrap's thread code, built beside this bundle (scripts/build.mjs).
useResampleWorker(new URL("./predictions-worker.js", import.meta.url));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
