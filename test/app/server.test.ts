// The App's server entry, as the Dockerfile runs it: the built bundle in its own process.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { freePort } from "../support/free-port.js";

const BUNDLE = resolve("build/app/server.js");
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----";

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

function start(env: Record<string, string>): { exited: Promise<{ code: number | null; stderr: string }> } {
  child = spawn(process.execPath, [BUNDLE], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "fatal", ...env },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((done) =>
    child?.on("exit", (code) => done({ code, stderr })),
  );
  return { exited };
}

async function healthz(port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

describe("server (build/app/server.js)", () => {
  it.each([
    ["an empty webhook secret", { WEBHOOK_SECRET: "" }, /WEBHOOK_SECRET is not set/],
    ["the default webhook secret", { WEBHOOK_SECRET: "development" }, /Probot's default 'development'/],
    [
      "no credentials",
      { WEBHOOK_SECRET: "s3cret", APP_ID: "", PRIVATE_KEY: "" },
      /APP_ID is not set[\s\S]*PRIVATE_KEY/,
    ],
  ])("refuses to start with %s", async (_label, env, message) => {
    const { code, stderr } = await start({ APP_ID: "1", PRIVATE_KEY: KEY, NODE_ENV: "production", ...env })
      .exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it("starts with a real secret and answers health checks", async () => {
    const port = await freePort();
    start({ APP_ID: "1", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s3cret", PORT: String(port), HOST: "127.0.0.1" });
    expect(await healthz(port)).toBe(200);
  });
});
