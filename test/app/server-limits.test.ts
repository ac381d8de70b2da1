// The request guard (src/app/webhook-limits.ts) in-process, over real HTTP, with small limits so
// that the cap and the timeouts can be reached quickly; server.test.ts checks the real limits
// against the built server.
import { createHmac, generateKeyPairSync } from "node:crypto";
import type { Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { Probot, createNodeMiddleware } from "probot";
import { WEBHOOK_LIMITS, createGuardedServer, type WebhookLimits } from "../../src/app/webhook-limits.js";
import type { LocalAppServer } from "../../src/app/local-server.js";

const SECRET = "a-real-webhook-secret";
const CAP = 64 * 1024;

let server: Server | undefined;
let local: LocalAppServer | undefined;
afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((done) => server?.close(done));
    server = undefined;
  }
  await local?.close();
  local = undefined;
});

/** A guarded server whose handler answers 200 with the body's length; `bodies` lists what got through. */
async function echoServer(limits: Partial<WebhookLimits>): Promise<{ port: number; bodies: Buffer[] }> {
  const bodies: Buffer[] = [];
  server = createGuardedServer((req, res) => {
    const { rawBody } = req as typeof req & { rawBody: Buffer };
    bodies.push(rawBody);
    res.writeHead(200, { "content-type": "text/plain" }).end(`${rawBody.length}\n`);
  }, limits);
  return { port: await listen(server), bodies };
}

/** The guard in front of Probot's middleware and a tiny app that keeps the payloads it is handed. */
async function probotServer(limits: Partial<WebhookLimits>): Promise<{ port: number; pings: unknown[] }> {
  const pings: unknown[] = [];
  const probot = new Probot({ githubToken: "unused", secret: SECRET, logLevel: "fatal" });
  const middleware = await createNodeMiddleware(
    (app: Probot) => {
      app.on("ping", async (context) => void pings.push(context.payload));
    },
    { probot },
  );
  server = createGuardedServer(
    (req, res) => void middleware(req, res, () => res.writeHead(404).end()),
    limits,
  );
  return { port: await listen(server), pings };
}

async function listen(s: Server): Promise<number> {
  await new Promise<void>((done) => s.listen(0, "127.0.0.1", done));
  return (s.address() as AddressInfo).port;
}

interface Reply {
  /** The final (not 1xx) status, 0 if none came before the connection closed. */
  status: number;
  text: string;
  /** From connecting until the connection closed. */
  ms: number;
}

/** Lets `send` write to a fresh connection and collects what comes back until the connection closes. */
async function converse(port: number, send: (socket: Socket) => unknown, giveUpMs = 10_000): Promise<Reply> {
  const started = Date.now();
  const socket = connect(port, "127.0.0.1").setNoDelay(true);
  let text = "";
  socket.on("data", (data: Buffer) => (text += data.toString("latin1")));
  // EPIPE or ECONNRESET when the server hangs up while we are still sending: expected here.
  socket.on("error", () => undefined);
  const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
  await new Promise((done) => socket.once("connect", done));
  const sending = send(socket);
  await new Promise((done) => socket.once("close", done));
  clearTimeout(giveUp);
  await sending;
  const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
  return { status: statuses.find((s) => s >= 200) ?? 0, text, ms: Date.now() - started };
}

function head(headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: "127.0.0.1", connection: "close", ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `POST /api/github/webhooks HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

function webhookHeaders(body: Buffer | string, secret = SECRET): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": "ping",
    "x-github-delivery": "8c1d5f60-0000-4000-8000-000000000002",
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
}

/** Writes `total` bytes as chunks, respecting backpressure, until done or the server hangs up; how many it wrote. */
async function streamChunked(socket: Socket, total: number, piece = 16 * 1024): Promise<number> {
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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("body cap", () => {
  it("refuses a declared length over the cap with 413 before any of the body is sent", async () => {
    const { port, bodies } = await echoServer({ maxBodyBytes: CAP });
    const reply = await converse(port, (s) => s.write(head({ "content-length": CAP + 1 })));
    expect(reply.status).toBe(413);
    expect(bodies).toEqual([]);
  });

  it("answers 413 instead of '100 Continue' when the declared length is over the cap", async () => {
    const { port } = await echoServer({ maxBodyBytes: CAP });
    const reply = await converse(port, (s) =>
      s.write(head({ "content-length": CAP + 1, expect: "100-continue" })),
    );
    expect(reply.text).not.toMatch(/100 Continue/);
    expect(reply.status).toBe(413);
  });

  it("still says '100 Continue' to a body within the cap", async () => {
    const { port, bodies } = await echoServer({ maxBodyBytes: CAP });
    const reply = await converse(port, async (s) => {
      s.write(head({ "content-length": 5, expect: "100-continue" }));
      await sleep(50);
      s.write("hello");
    });
    expect(reply.text).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(reply.status).toBe(200);
    expect(bodies.map(String)).toEqual(["hello"]);
  });

  it("counts a chunked body while it streams, answers 413 once past the cap and stops reading", async () => {
    const { port, bodies } = await echoServer({ maxBodyBytes: CAP });
    let serverSide: Socket | undefined;
    server?.on("connection", (socket: Socket) => (serverSide = socket));
    const total = 64 * 1024 * 1024;
    let clientSent = 0;
    const reply = await converse(port, async (s) => {
      s.write(head({ "transfer-encoding": "chunked" }));
      clientSent = await streamChunked(s, total);
    });
    expect(reply.status).toBe(413);
    expect(bodies).toEqual([]);
    // Cut off long before the end (what got past the cap fits in the kernel's socket buffers), and
    // the server itself read little past the cap.
    expect(clientSent).toBeLessThan(CAP + 16 * 1024 * 1024);
    expect(serverSide?.bytesRead).toBeGreaterThan(CAP);
    expect(serverSide?.bytesRead).toBeLessThan(CAP + 1024 * 1024);
  });

  it("lets a body of exactly the cap through, in full", async () => {
    const { port, bodies } = await echoServer({ maxBodyBytes: CAP });
    const body = Buffer.alloc(CAP, "a");
    const reply = await converse(port, (s) => {
      s.write(head({ "transfer-encoding": "chunked" }));
      s.write(`${CAP.toString(16)}\r\n`);
      s.write(body);
      s.write("\r\n0\r\n\r\n");
    });
    expect(reply.status).toBe(200);
    expect(bodies).toEqual([body]);
  });
});

describe("timeouts", () => {
  const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600 };

  it("cuts off a client that sends its headers too slowly", async () => {
    const { port, bodies } = await echoServer(limits);
    const reply = await converse(port, async (s) => {
      s.write("POST /api/github/webhooks HTTP/1.1\r\n");
      while (s.writable) {
        s.write("x-a: b\r\n");
        await sleep(25);
      }
    });
    expect(reply.status).toBe(408);
    expect(reply.ms).toBeGreaterThanOrEqual(250);
    expect(reply.ms).toBeLessThan(3000);
    expect(bodies).toEqual([]);
  });

  it("cuts off a client that connects and sends nothing", async () => {
    const { port } = await echoServer(limits);
    const reply = await converse(port, () => undefined);
    expect(reply.ms).toBeGreaterThanOrEqual(250);
    expect(reply.ms).toBeLessThan(3000);
  });

  it("cuts off a client that stops sending the body", async () => {
    const { port, bodies } = await echoServer(limits);
    const reply = await converse(port, (s) => {
      s.write(head({ "content-length": 100 }));
      s.write("only part of it");
    });
    expect(reply.status).toBe(408);
    expect(reply.ms).toBeGreaterThanOrEqual(550);
    expect(reply.ms).toBeLessThan(3000);
    expect(bodies).toEqual([]);
  });

  it("cuts off a client that dribbles the body, however steadily", async () => {
    const { port, bodies } = await echoServer(limits);
    const reply = await converse(port, async (s) => {
      s.write(head({ "transfer-encoding": "chunked" }));
      while (s.writable) {
        s.write("1\r\nx\r\n");
        await sleep(25);
      }
    });
    expect(reply.status).toBe(408);
    expect(reply.ms).toBeGreaterThanOrEqual(550);
    expect(reply.ms).toBeLessThan(3000);
    expect(bodies).toEqual([]);
  });

  it("leaves a request alone that arrives in pieces but within the time", async () => {
    const { port, bodies } = await echoServer(limits);
    const reply = await converse(port, async (s) => {
      s.write(head({ "content-length": 5 }));
      for (const letter of "hello") {
        await sleep(40);
        s.write(letter);
      }
    });
    expect(reply.status).toBe(200);
    expect(bodies.map(String)).toEqual(["hello"]);
  });
});

describe("in front of Probot", () => {
  // Spaces, escapes and a character split across chunks: any re-encoding would break the signature.
  const body = Buffer.from(
    '{ "zen": "Keep it logically awesome. \u00e9\u{1F680}", "hook_id":  1, "x": "\\u00e9" }',
  );
  const send =
    (payload: Buffer, headers: Record<string, string>, size = 3) =>
    async (s: Socket) => {
      s.write(head({ ...headers, "transfer-encoding": "chunked" }));
      for (let at = 0; at < payload.length && s.writable; at += size) {
        const piece = payload.subarray(at, at + size);
        s.write(`${piece.length.toString(16)}\r\n`);
        s.write(piece);
        s.write("\r\n");
        await sleep(1);
      }
      if (s.writable) s.write("0\r\n\r\n");
    };

  it("hands a correctly signed delivery to the app, byte for byte", async () => {
    const { port, pings } = await probotServer({ maxBodyBytes: CAP });
    const reply = await converse(port, send(body, webhookHeaders(body)));
    expect(reply.status).toBe(200);
    expect(pings).toEqual([JSON.parse(body.toString())]);
  });

  it("accepts a signed delivery of exactly the cap", async () => {
    const padded = Buffer.concat([body, Buffer.alloc(CAP - body.length, " ")]);
    const { port, pings } = await probotServer({ maxBodyBytes: CAP });
    const reply = await converse(port, (s) => {
      s.write(head({ ...webhookHeaders(padded), "content-length": padded.length }));
      s.write(padded);
    });
    expect(reply.status).toBe(200);
    expect(pings).toHaveLength(1);
  });

  it("refuses a delivery one byte over the cap with 413, correctly signed or not", async () => {
    const padded = Buffer.concat([body, Buffer.alloc(CAP + 1 - body.length, " ")]);
    const { port, pings } = await probotServer({ maxBodyBytes: CAP });
    const reply = await converse(port, send(padded, webhookHeaders(padded), 4096));
    expect(reply.status).toBe(413);
    expect(pings).toEqual([]);
  });

  it("still refuses a wrong signature with 400", async () => {
    const { port, pings } = await probotServer({ maxBodyBytes: CAP });
    const reply = await converse(port, send(body, webhookHeaders(body, "development")));
    expect(reply.status).toBe(400);
    expect(pings).toEqual([]);
  });
});

describe("limits", () => {
  it("default to GitHub's 25 MB cap, 10 s for headers and 30 s for the whole request", () => {
    expect(WEBHOOK_LIMITS).toEqual({
      maxBodyBytes: 25 * 1024 * 1024,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
    });
    server = createGuardedServer(() => undefined);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("cannot be switched off with %p", (value) => {
    for (const name of ["maxBodyBytes", "headersTimeoutMs", "requestTimeoutMs"])
      expect(() => createGuardedServer(() => undefined, { [name]: value })).toThrow(RangeError);
  });

  it("guard the local server (demo and end-to-end tests) too", async () => {
    // Loaded here so that the guard's own tests do not depend on the rest of the App.
    const { startLocalAppServer } = await import("../../src/app/local-server.js");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    local = await startLocalAppServer({
      appId: 1,
      privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      webhookSecret: SECRET,
      baseUrl: "http://127.0.0.1:9",
      logLevel: "fatal",
    });
    const port = Number(new URL(local.webhookUrl).port);
    const reply = await converse(port, (s) =>
      s.write(head({ ...webhookHeaders("{}"), "content-length": WEBHOOK_LIMITS.maxBodyBytes + 1 })),
    );
    expect(reply.status).toBe(413);
  });
});
