// Imported first by main.ts, so it runs before any other module of the bundle is evaluated.
// Octokit's HTTP client (undici) parses HTTP with a WebAssembly module, and V8's optimizing tier
// compiles it in the background, which the process then waits for: ~100 ms of a ~430 ms Action
// run (bench/action.mjs). V8's baseline compiler is plenty for a few dozen small responses.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--liftoff-only");
