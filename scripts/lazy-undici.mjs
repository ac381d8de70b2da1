// An esbuild plugin: the toolkit imports undici (770 KiB: its fetch, its ProxyAgent) when it
// loads, and the Action uses it only for a run through a proxy; other runs send their requests
// over Node's own http and https (src/action/run.ts). So the bundles' undici is evaluated on its
// first use, not when the bundle starts: about a tenth of a steady run (bench/action.mjs).
import { createRequire } from "node:module";

const undiciPath = createRequire(import.meta.url).resolve("undici");

/** What the toolkit takes from undici, each loading it when first called. */
const SHIM = `
let undici;
const load = () => (undici ??= require(${JSON.stringify(undiciPath)}));
export function fetch(...args) {
  return load().fetch(...args);
}
// Called with new by the toolkit: an object a constructor returns is what new gives.
export function ProxyAgent(...args) {
  return new (load().ProxyAgent)(...args);
}
`;

/** @type {import("esbuild").Plugin} */
export const lazyUndici = {
  name: "lazy-undici",
  setup(bundler) {
    bundler.onResolve({ filter: /^undici$/ }, () => ({ path: "undici", namespace: "lazy-undici" }));
    bundler.onLoad({ filter: /.*/, namespace: "lazy-undici" }, () => ({
      contents: SHIM,
      resolveDir: process.cwd(),
    }));
  },
};
