// The types of lazy-undici.mjs, for the test that builds with it.
import type { Plugin } from "esbuild";

export declare function lazyUndici(knownImporters?: RegExp[]): Plugin;
