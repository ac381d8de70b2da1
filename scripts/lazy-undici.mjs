// An esbuild plugin: the toolkit imports undici (770 KiB: its fetch, its ProxyAgent) when it
// loads, and the Action uses it only for a run through a proxy; other runs send their requests
// over Node's own http and https (src/action/run.ts). So the bundles' undici is evaluated on its
// first use, not when the bundle starts: about a tenth of a steady run (bench/action.mjs).
import { createRequire } from "node:module";
import { sep } from "node:path";

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

/**
 * Who may import undici through the shim: the toolkit's modules that take only `fetch` and
 * `ProxyAgent` from it. Another importer might take a name the shim does not give (an
 * `undefined` found only at run time), so the build fails until it is read and listed here.
 */
const KNOWN_IMPORTERS = [
  /@actions\/http-client\/lib\/index\.js$/,
  /@actions\/github\/lib\/internal\/utils\.js$/,
];

/**
 * @param {RegExp[]} knownImporters the modules that may import undici (tests name their own)
 * @returns {import("esbuild").Plugin}
 */
export const lazyUndici = (knownImporters = KNOWN_IMPORTERS) => ({
  name: "lazy-undici",
  setup(bundler) {
    bundler.onResolve({ filter: /^undici$/ }, ({ importer }) => {
      const where = importer.split(sep).join("/");
      if (!knownImporters.some((known) => known.test(where)))
        return {
          errors: [
            {
              text: `${where} imports undici, which scripts/lazy-undici.mjs gives only fetch and ProxyAgent: check what it takes, then list it there`,
            },
          ],
        };
      return { path: "undici", namespace: "lazy-undici" };
    });
    bundler.onLoad({ filter: /.*/, namespace: "lazy-undici" }, () => ({
      contents: SHIM,
      resolveDir: process.cwd(),
    }));
  },
});
