// The App's server entry, as the Dockerfile runs it: the built bundle in its own process.
// server-limits.test.ts tests the request guard itself, with small limits.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { connect, type Socket } from "node:net";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../support/free-port.js";
import { postgresDatabase } from "../support/ledger-databases.js";

const BUNDLE = resolve("build/app/server.js");
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----";

const SECRET = "s3cret";
const CAP = 25 * 1024 * 1024;

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

/** A correctly configured App on a loopback port. */
function listening(port: number): Record<string, string> {
  return { APP_ID: "1", PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1" };
}

async function healthz(port: number, attempts = 200): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    } catch (error) {
      if (attempt > attempts) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

describe("server (build/app/server.js)", () => {
  it.each([
    ["an empty webhook secret", { WEBHOOK_SECRET: "" }, /WEBHOOK_SECRET is not set/],
    ["the default webhook secret", { WEBHOOK_SECRET: "development" }, /Probot's default 'development'/],
    // No environment variable may switch the check off, NODE_ENV=test included.
    ["no secret under NODE_ENV=test", { NODE_ENV: "test" }, /WEBHOOK_SECRET is not set/],
    [
      "the default secret under NODE_ENV=test",
      { NODE_ENV: "test", WEBHOOK_SECRET: "development" },
      /Probot's default 'development'/,
    ],
    [
      "no credentials",
      { WEBHOOK_SECRET: SECRET, APP_ID: "", PRIVATE_KEY: "" },
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
    const DATABASE_URL = await postgresDatabase();
    start({ ...listening(port), DATABASE_URL });
    expect(await healthz(port)).toBe(200);
  });

  it("without DATABASE_URL keeps the ledger in an embedded PostgreSQL in LEDGER_DIR", async () => {
    const port = await freePort();
    const LEDGER_DIR = join(mkdtempSync(join(tmpdir(), "ledger-")), "ledger");
    start({ ...listening(port), LEDGER_DIR });
    // The embedded database's first start makes its data folder (an initdb): seconds.
    expect(await healthz(port, 600)).toBe(200);
    expect(readdirSync(LEDGER_DIR)).toContain("PG_VERSION");
  });

  it("refuses to start when the ledger's database cannot be reached", async () => {
    const { code, stderr } = await start({
      APP_ID: "1",
      PRIVATE_KEY: KEY,
      WEBHOOK_SECRET: SECRET,
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
    }).exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not open the ledger \(PostgreSQL at 127.0.0.1:1\/none\)/);
  });
});

describe("server (build/app/server.js) over HTTP", () => {
  let server: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    const DATABASE_URL = await postgresDatabase();
    server = spawn(process.execPath, [BUNDLE], {
      env: {
        DATABASE_URL,
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "fatal",
        APP_ID: "1",
        PRIVATE_KEY: KEY,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
    expect(await healthz(port)).toBe(200);
  });
  afterAll(() => void server.kill());

  const webhooks = () => `http://127.0.0.1:${port}/api/github/webhooks`;
  // The App ignores ping, so the delivery ends in Probot's answer without any call to GitHub.
  const ping = Buffer.from('{ "zen": "Keep it logically awesome. \u00e9", "hook_id":  1, "x": "\\u00e9" }');

  it("accepts a correctly signed delivery", async () => {
    const response = await fetch(webhooks(), { method: "POST", headers: webhookHeaders(ping), body: ping });
    expect([response.status, await response.text()]).toEqual([200, "ok\n"]);
  });

  it("refuses a wrong signature with 400", async () => {
    const headers = webhookHeaders(ping, "development");
    const response = await fetch(webhooks(), { method: "POST", headers, body: ping });
    expect(response.status).toBe(400);
  });

  it("accepts a correctly signed delivery of exactly GitHub's 25 MB cap", async () => {
    const body = Buffer.concat([ping, Buffer.alloc(CAP - ping.length, " ")]);
    const response = await fetch(webhooks(), { method: "POST", headers: webhookHeaders(body), body });
    expect([response.status, await response.text()]).toEqual([200, "ok\n"]);
  });

  it("answers 413 to a declared length over 25 MB without waiting for the body", async () => {
    const headers = { ...webhookHeaders(ping), "content-length": CAP + 1 };
    const reply = await converse(port, (s) => s.write(head(headers)));
    expect(reply.status).toBe(413);
  });

  it("answers 413 to a chunked body once it passes 25 MB and stops reading it", async () => {
    const total = 3 * CAP;
    let sent = 0;
    const reply = await converse(port, async (s) => {
      s.write(head({ ...webhookHeaders(ping), "transfer-encoding": "chunked" }));
      sent = await streamChunked(s, total);
    });
    expect(reply.status).toBe(413);
    // Cut off long before the end: what got past the cap fits in the kernel's socket buffers.
    expect(sent).toBeLessThan(CAP + 16 * 1024 * 1024);
  });

  it("serves the ledger's API, read-only, to callers with a token", async () => {
    const url = `http://127.0.0.1:${port}/api/history`;
    const anonymous = await fetch(url);
    expect([anonymous.status, anonymous.headers.get("www-authenticate")]).toEqual([401, "Bearer"]);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/send a GitHub token/);
    const post = await fetch(url, { method: "POST", headers: { authorization: "Bearer x" } });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET"]);
    await post.text();
  });

  it("answers 404 to other methods on the webhook path and to other paths, and keeps running", async () => {
    for (const [method, path] of [
      ["GET", "/api/github/webhooks"],
      ["PUT", "/api/github/webhooks"],
      ["GET", "/"],
      ["POST", "/elsewhere"],
    ] as const) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method });
      await response.text();
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect(await healthz(port)).toBe(200);
  });
});

function webhookHeaders(body: Buffer, secret = SECRET): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": "ping",
    "x-github-delivery": "8c1d5f60-0000-4000-8000-000000000003",
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
}

function head(headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: "127.0.0.1", connection: "close", ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `POST /api/github/webhooks HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

/** Lets `send` write to a fresh connection; the final status that came back once the connection closed. */
async function converse(port: number, send: (socket: Socket) => unknown): Promise<{ status: number }> {
  const socket = connect(port, "127.0.0.1").setNoDelay(true);
  let text = "";
  socket.on("data", (data: Buffer) => (text += data.toString("latin1")));
  // EPIPE or ECONNRESET when the server hangs up while we are still sending: expected here.
  socket.on("error", () => undefined);
  const giveUp = setTimeout(() => socket.destroy(), 10_000);
  await new Promise((done) => socket.once("connect", done));
  const sending = send(socket);
  await new Promise((done) => socket.once("close", done));
  clearTimeout(giveUp);
  await sending;
  const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
  return { status: statuses.find((s) => s >= 200) ?? 0 };
}

/** Writes `total` bytes as chunks, respecting backpressure, until done or the server hangs up; how many it wrote. */
async function streamChunked(socket: Socket, total: number, piece = 64 * 1024): Promise<number> {
  const frame = Buffer.concat([
    Buffer.from(`${piece.toString(16)}\r\n`),
    Buffer.alloc(piece, " "),
    Buffer.from("\r\n"),
  ]);
  let sent = 0;
  for (; sent < total && socket.writable; sent += piece)
    if (!socket.write(frame)) await drainedOrClosed(socket);
  if (socket.writable) socket.write("0\r\n\r\n");
  return sent;
}

function drainedOrClosed(socket: Socket): Promise<void> {
  return new Promise((done) => {
    const settle = (): void => {
      socket.off("drain", settle).off("close", settle);
      done();
    };
    socket.on("drain", settle).on("close", settle);
  });
}
