// Bounds on what one request may cost the App before Probot sees it. Probot's node middleware
// buffers the whole body with no size limit and Node waits minutes for slow clients, so without
// these a single client could exhaust memory or hold connections open. GitHub never sends more
// than 25 MB, and it sends each delivery at once, so real deliveries never come near either bound.
import {
  STATUS_CODES,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { GITHUB_LIMITS } from "../core/github-limits.js";

export interface WebhookLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Time a client has, from connecting, to send the request line and headers. */
  headersTimeoutMs: number;
  /** Time a client has, from connecting, to send the whole request, body included. */
  requestTimeoutMs: number;
}

/** GitHub caps webhook payloads at 25 MB: https://docs.github.com/en/webhooks/webhook-events-and-payloads */
export const WEBHOOK_LIMITS: Readonly<WebhookLimits> = Object.freeze({
  maxBodyBytes: GITHUB_LIMITS.webhookPayloadBytes,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
});

const REFUSED_LINGER_MS = 500;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * An HTTP server that hands `handler` only requests whose body arrived in full, within the
 * limits. The stream has then been read, so the body goes on the request as `rawBody`: Probot's
 * middleware (@octokit/webhooks) takes it from there, provided `body` is an object, and checks the
 * signature against exactly the bytes received. Too large a body gets 413, too slow a client 408.
 */
export function createGuardedServer(handler: RequestHandler, limits: Partial<WebhookLimits> = {}): Server {
  const { maxBodyBytes, headersTimeoutMs, requestTimeoutMs } = { ...WEBHOOK_LIMITS, ...limits };
  for (const [name, value] of Object.entries({ maxBodyBytes, headersTimeoutMs, requestTimeoutMs }))
    // 0 would mean "no limit" to Node.
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number`);

  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node looks for expired requests only this often (every 30 s by default), which would let a
      // slow client stay connected up to a whole interval longer than the timeouts say.
      connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(headersTimeoutMs / 10))),
    },
    receive,
  );
  // Without this Node answers "100 Continue" on its own, inviting a body that will be refused.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!(declaredLength(req) > maxBodyBytes)) res.writeContinue();
    receive(req, res);
  });
  return server;

  function receive(req: IncomingMessage, res: ServerResponse): void {
    if (declaredLength(req) > maxBodyBytes) return refuse(req);
    // Content-Length is not trusted (and absent when chunked): bytes are counted as they arrive.
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.off("data", onData);
        chunks = [];
        refuse(req);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size > maxBodyBytes) return;
      const rawBody = Buffer.concat(chunks, size);
      chunks = [];
      handler(Object.assign(req, { body: {}, rawBody }), res);
    });
    // A client that went away, or one Node cut off for being too slow (it has answered 408).
    req.once("close", () => (chunks = []));
  }

  function refuse(req: IncomingMessage): void {
    // Node stops reading from the socket once the request's small read-ahead buffer is full.
    req.pause();
    const message = `request body over ${maxBodyBytes} bytes\n`;
    // Written to the socket directly, as Node writes its own 408: through the ServerResponse, Node
    // would destroy the socket as soon as the answer is out, and closing a socket that still has
    // unread bytes sends a reset, which can make the client lose the answer before it reads it.
    const { socket } = req;
    socket.end(
      `HTTP/1.1 413 ${STATUS_CODES[413]}\r\nContent-Type: text/plain\r\nContent-Length: ${message.length}\r\n` +
        `Connection: close\r\n\r\n${message}`,
    );
    // Time for the client to read the answer before the reset; Go's net/http waits as long.
    setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
  }
}

/** The length a request's Content-Length announces; NaN (never over a limit) when there is none. */
function declaredLength(req: IncomingMessage): number {
  return Number(req.headers["content-length"] ?? Number.NaN);
}
