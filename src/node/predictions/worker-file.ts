// Where the bootstrap's thread code is, named by the entry point that knows (the bundles: dist/
// predictions-worker.js beside them). Apart from parallel.ts, so that naming it at start does not
// load the threads' code and node:worker_threads.
let workerFile: URL | undefined;

/** Called by an entry point with the worker file beside it. */
export function useResampleWorker(file: URL): void {
  workerFile = file;
}

/** The worker file, if an entry point named one (run from the sources, none: resamples run in-thread). */
export function resampleWorkerFile(): URL | undefined {
  return workerFile;
}
