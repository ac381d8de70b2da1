// The bundles' undici, through the plugin that evaluates it on first use (scripts/lazy-undici.mjs):
// what the toolkit takes from it still works, a proxy's agent included.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { lazyUndici } from "../../scripts/lazy-undici.mjs";

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lazy-undici-"));
  server = createServer((_request, response) => response.end("answered"));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((done) => server.close(done));
});

/** Bundles `code` as the Action's bundle is built (ESM, undici through the plugin) and loads it. */
async function bundled(
  code: string,
  known?: RegExp[],
): Promise<Record<string, (...args: never[]) => unknown>> {
  writeFileSync(join(dir, "entry.mjs"), code);
  const outfile = join(dir, `out-${Math.random().toString(36).slice(2)}.mjs`);
  await build({
    entryPoints: [join(dir, "entry.mjs")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
    nodePaths: [join(process.cwd(), "node_modules")],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [lazyUndici(known)],
  });
  return (await import(pathToFileURL(outfile).href)) as Record<string, (...args: never[]) => unknown>;
}

describe("undici, evaluated on first use", () => {
  it("gives the toolkit a fetch that fetches and a ProxyAgent that is undici's", async () => {
    const module = await bundled(
      `
      import { fetch, ProxyAgent } from "undici";
      export const get = async (url) => (await fetch(url)).text();
      export const agent = (uri) => new ProxyAgent({ uri });
    `,
      [/entry\.mjs$/],
    );
    expect(await (module.get as (url: string) => Promise<string>)(url)).toBe("answered");
    const agent = (module.agent as (uri: string) => { constructor: { name: string }; dispatch: unknown })(
      "http://127.0.0.1:9",
    );
    // undici's own class (esbuild numbers a class whose name the shim's export also takes).
    expect(agent.constructor.name).toMatch(/^ProxyAgent\d*$/);
    expect(agent).not.toBeInstanceOf(Function);
    expect(typeof agent.dispatch).toBe("function");
  });

  it("fails the build for an importer it does not know, which might take another name", async () => {
    await expect(
      bundled(`import { Agent } from "undici"; export const agent = () => new Agent();`),
    ).rejects.toThrow(/imports undici, which scripts\/lazy-undici.mjs gives only fetch and ProxyAgent/);
  });
});
