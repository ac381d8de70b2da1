// The benchmarks run TypeScript sources (the local GitHub, the digest) and small yardstick
// programs: each is bundled by esbuild into build/bench/, inside the repository so that the
// local GitHub finds its OpenAPI subset by walking up from itself, and imported or run from there.
import { build } from "esbuild";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const REQUIRE_SHIM =
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/** Bundles `entry` to build/bench/NAME.mjs and returns that path. */
export async function bundle(entry, name, options = {}) {
  const outfile = resolve(`build/bench/${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile,
    logLevel: "warning",
    banner: { js: REQUIRE_SHIM },
    ...options,
  });
  return outfile;
}

/** Bundles and imports `entry`. */
export async function bundled(entry, name) {
  return import(pathToFileURL(await bundle(entry, name)).href);
}
