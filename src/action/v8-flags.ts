// Imported first by main.ts, so it runs before the toolkit loads. undici, the toolkit's HTTP
// client, parses HTTP with a WebAssembly module, and V8's optimizing tier compiles it in the
// background, which the process then waits for: ~100 ms of a ~430 ms Action run
// (bench/action.mjs). V8's baseline compiler is plenty for a few dozen small responses. Only a run
// through a proxy uses undici (run.ts), and with a proxy named the toolkit builds its ProxyAgent,
// and undici starts compiling its parser, as it loads. Other runs keep the optimizing tier, for
// the predictions' resampling (WebAssembly) among others.
import { createRequire } from "node:module";
import { namesProxy } from "./env.js";

if (namesProxy(process.env)) {
  // Required here, not imported: loading node:v8 costs every other run a few ms.
  const v8 = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  v8.setFlagsFromString("--liftoff-only");
}
