// A read started before it is known to be needed may fail unawaited. In a process that is an
// unhandled rejection, which ends Node; `started` must keep it from ending the Action. jest's own
// process object does not see unhandled rejections, so each case runs in a Node process of its own.
import { afterAll, describe, expect, it } from "@jest/globals";
import { allFinished } from "../../src/github/started.js";
import { transform } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "ma-started-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runWith(body: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const source = await transform(readFileSync("src/github/started.ts", "utf8"), {
    loader: "ts",
    format: "esm",
  });
  writeFileSync(join(dir, "started.mjs"), source.code);
  const script = join(dir, `case-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { started } from "./started.mjs";\n${body}\nsetTimeout(() => console.log("still running"), 20);\n`,
  );
  const run = spawnSync(process.execPath, [script], { encoding: "utf8", env: { PATH: process.env.PATH } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("started", () => {
  it("a failure nobody awaits does not end the process", async () => {
    const run = await runWith(`started(Promise.reject(new Error("502 Bad Gateway")));`);
    expect(run).toMatchObject({ status: 0, stdout: "still running\n" });
  });

  it("without it, the same failure ends the process: what the case above guards against", async () => {
    const run = await runWith(`void started; Promise.reject(new Error("502 Bad Gateway"));`);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("502 Bad Gateway");
  });

  it("whoever awaits it still gets the failure, and the value when it succeeds", async () => {
    const run = await runWith(
      `const failed = started(Promise.reject(new Error("502 Bad Gateway")));\n` +
        `await new Promise((done) => setTimeout(done, 5));\n` +
        `console.log(await failed.catch((e) => "awaited: " + e.message));\n` +
        `console.log(await started(Promise.resolve(7)));`,
    );
    expect(run).toMatchObject({ status: 0, stdout: "awaited: 502 Bad Gateway\n7\nstill running\n" });
  });
});

describe("allFinished", () => {
  const after = <T>(ms: number, value: T, fail = false) =>
    new Promise<T>((done, reject) => setTimeout(() => (fail ? reject(value) : done(value)), ms));

  it("answers every value, in order, as Promise.all does", async () => {
    expect(await allFinished([after(10, "a"), after(1, 2), Promise.resolve(undefined)])).toEqual([
      "a",
      2,
      undefined,
    ]);
  });

  it("throws a failure only once the slower pieces have finished", async () => {
    let slowEnded = false;
    const slow = after(30, "measured").then((value) => {
      slowEnded = true;
      return value;
    });
    const failure = await allFinished([slow, after(1, new Error("502 Bad Gateway"), true)]).catch(
      (error: Error) => error,
    );
    expect(failure).toEqual(new Error("502 Bad Gateway"));
    expect(slowEnded).toBe(true);
  });

  it("of several failures throws the first in the order given", async () => {
    const failure = await allFinished([
      after(20, new Error("first"), true),
      after(1, new Error("second"), true),
    ]).catch((error: Error) => error.message);
    expect(failure).toBe("first");
  });
});
