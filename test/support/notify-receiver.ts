// A notification receiver on loopback, for the delivery tests: it records what arrives, checks each
// signature with node:crypto itself (not with src/notify/sign.ts, which is what is being tested), and
// answers as it is told — a status, a Retry-After, a redirect, or nothing at all.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
  /** Whether x-model-approval-signature-256 is the body's HMAC with the receiver's secret; undefined without a secret. */
  signatureValid?: boolean;
}

type Answer =
  { kind: "status"; status: number; headers: Record<string, string>; body: string } | { kind: "hang" };

export class NotifyReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly planned: Answer[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  private address = "";

  constructor(private readonly secret?: string) {}

  /** Listens on 127.0.0.1 on a free port; the receiver's base URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () =>
        this.answer(req.method ?? "", req.url ?? "", req.headers, Buffer.concat(chunks), res),
      );
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    this.server = server;
    this.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.address;
  }

  get url(): string {
    return this.address;
  }

  /** The next `count` requests get `status` (then 200 again). */
  answerNext(
    count: number,
    status: number,
    options: { retryAfter?: string; location?: string; body?: string } = {},
  ): this {
    const headers: Record<string, string> = {};
    if (options.retryAfter !== undefined) headers["retry-after"] = options.retryAfter;
    if (options.location !== undefined) headers.location = options.location;
    for (let i = 0; i < count; i++)
      this.planned.push({ kind: "status", status, headers, body: options.body ?? "" });
    return this;
  }

  /** The next `count` requests are read and never answered. */
  hangNext(count: number): this {
    for (let i = 0; i < count; i++) this.planned.push({ kind: "hang" });
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const res of this.hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }

  private answer(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
    res: ServerResponse,
  ): void {
    this.requests.push({
      method,
      path,
      headers,
      body,
      json: parseJson(body),
      signatureValid: this.verify(headers, body),
    });
    const answer = this.planned.shift() ?? { kind: "status", status: 200, headers: {}, body: "ok" };
    if (answer.kind === "hang") {
      this.hanging.add(res);
      return;
    }
    res.writeHead(answer.status, answer.headers).end(answer.body);
  }

  private verify(headers: IncomingHttpHeaders, body: Buffer): boolean | undefined {
    if (this.secret === undefined) return undefined;
    const given = headers["x-model-approval-signature-256"];
    if (typeof given !== "string") return false;
    const expected = Buffer.from(`sha256=${createHmac("sha256", this.secret).update(body).digest("hex")}`);
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}
