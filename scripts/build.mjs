// Builds everything from source, deterministically, so CI can rebuild and diff dist/.
//   dist/   committed: the Action's and the CLI's self-contained bundles.
//   build/  ignored:   the App's server, Lambda handler and local demo (dependencies stay external).
// npm runs it on `npm ci` / `npm install` in a clone (the `postprepare` script: npm runs that only
// for the project itself, never when the package is installed as a dependency, and it is not one of
// the install scripts npm lists for an installed package, as `prepare` is) and before `npm pack` /
// `npm publish` (`prepack`), so a tarball always holds what the sources build.
import { build } from "esbuild";
import { lazyUndici } from "./lazy-undici.mjs";
import { existsSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";

execFileSync(process.execPath, ["scripts/gen-config-validator.mjs"], { stdio: "inherit" });
execFileSync(process.execPath, ["scripts/gen-resample-wasm.mjs"], { stdio: "inherit" });

// Bundled CommonJS dependencies call require(); give the ESM bundle one.
const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  legalComments: "none",
  logLevel: "warning",
  sourcemap: false,
};

// What a run loads only when it needs it (the TensorBoard event reader) is a chunk of its own,
// under dist/chunks/, so that starting the Action or the CLI does not compile it.
const split = { splitting: true, chunkNames: "chunks/[name]-[hash]" };
rmSync("dist", { recursive: true, force: true });
await build({
  ...common,
  ...split,
  entryPoints: { action: "src/action/main.ts" },
  outdir: "dist",
  banner: { js: requireShim },
  plugins: [lazyUndici()],
});
await build({
  ...common,
  ...split,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  banner: { js: "#!/usr/bin/env node\n" + requireShim },
  plugins: [lazyUndici()],
});
// The bootstrap's resampling thread (src/node/predictions/parallel.ts), beside the bundles that start it.
await build({
  ...common,
  entryPoints: { "predictions-worker": "src/node/predictions/resample-worker.ts" },
  outdir: "dist",
  banner: { js: requireShim },
});

const appEntries = Object.fromEntries(
  [
    ["app/index", "src/app/index.ts"],
    ["app/server", "src/app/server.ts"],
    ["app/lambda", "src/app/lambda.ts"],
    ["app/start", "src/app/start.ts"],
  ].filter(([, file]) => existsSync(file)),
);
rmSync("build", { recursive: true, force: true });
await build({ ...common, entryPoints: appEntries, outdir: "build", packages: "external" });
