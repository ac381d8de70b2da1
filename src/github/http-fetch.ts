// The App's and the Action's HTTP client: the part of fetch that Octokit uses, over Node's own
// http and https clients. Node's fetch builds a WHATWG Request, Response and body stream for every
// call, and an App event makes several small requests: in a profile of an event that changes
// nothing (bench/app.mjs) fetch's machinery was about a sixth of the App's CPU. A request through
// Octokit cost 0.55–0.76 ms of CPU with fetch and 0.25–0.31 ms with node:http, side by side; the
// App's CPU for such an event fell by about a fifth. The Action, a process that makes a few
// requests, also skips compiling undici (Node's fetch, or the toolkit's bundled copy, whose HTTP
// parser is WebAssembly): its steady run went from ×1.15 to ×1.02 of a minimal toolkit action.
//
// What it keeps of fetch: redirects are followed as fetch follows them (303, and 301/302 after a
// POST, become a GET without a body; at most 20), and a redirect to another origin drops the
// Authorization header, so the token never reaches the artifact's blob storage; `redirect:
// "manual" | "error"`; an AbortSignal; compressed answers are decoded; a failure rejects with
// fetch's TypeError("fetch failed", { cause }), which Octokit turns into its error as before.
// Unlike fetch, an answer's size is bounded, and it knows no proxy (the Action leaves a run
// through one to the toolkit's client). A body Octokit does not send (a stream, a form) goes to
// Node's own fetch.
import http from "node:http";
import https from "node:https";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { AnswerHeaders } from "./answer-headers.js";

/** What Octokit and the conditional reads use of a fetch's answer. */
export interface FetchedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<FetchedResponse>;

/** An answer whose body has been read whole (GitHub's API answers are small and read whole). */
export class WholeResponse implements FetchedResponse {
  readonly body = null;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: Headers,
    private readonly content: Buffer | string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return typeof this.content === "string" ? this.content : this.content.toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = typeof this.content === "string" ? Buffer.from(this.content, "utf8") : this.content;
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return copy;
  }
}

/**
 * How long a connection is kept open unused, as undici (and so fetch) keeps it: a server that
 * closes an idle connection first would otherwise fail the next request sent on it. Node's agent
 * also honours a shorter `Keep-Alive: timeout=` from the server, but only when this is set.
 */
const IDLE_CONNECTION_MS = 4_000;

const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
};

/** fetch's limit. */
const MAX_REDIRECTS = 20;
/** undici's (and so fetch's) default for headers and body alike. */
const IDLE_TIMEOUT_MS = 300_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * The most an answer may hold, on the wire or decoded. GitHub's API answers are far smaller and the
 * largest thing the App downloads, a training run's recording, is refused above 8 MiB; without a
 * bound a hostile zip or a compression bomb would be held in memory whole before any check.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const TOO_LARGE = `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`;

type Body = string | Uint8Array | undefined;

function bodyOf(body: RequestInit["body"]): Body | "other" {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return "other";
}

function headersOf(init: RequestInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  // Iterable (Headers, or pairs) or a record; not `instanceof Headers`, which would load Node's
  // fetch (answer-headers.ts).
  const entries = Symbol.iterator in init ? (init as Iterable<[string, string]>) : Object.entries(init);
  for (const [name, value] of entries) out[name.toLowerCase()] = String(value);
  return out;
}

/** fetch's limit: a longer chain of encodings is refused (each layer costs a pass over the body). */
const MAX_ENCODINGS = 5;

type Decoder = (bytes: Buffer, options: { maxOutputLength: number }) => Buffer;

// A Map, not an object: an encoding named `constructor` or `__proto__` is one it does not know.
const DECODERS = new Map<string, Decoder>([
  ["gzip", gunzipSync],
  ["x-gzip", gunzipSync],
  ["deflate", inflateSync],
  ["br", brotliDecompressSync],
]);

function decoded(encoding: string | undefined, bytes: Buffer): Buffer {
  // A 304, a 204 or the answer to a HEAD names the encoding a body would have, and has none.
  if (bytes.length === 0 || !encoding) return bytes;
  // Listed in the order they were applied, so undone from the last (RFC 9110, 8.4).
  const codings = encoding
    .toLowerCase()
    .split(",")
    .map((coding) => coding.trim());
  if (codings.length > MAX_ENCODINGS)
    throw new Error(`too many content-encodings in the answer: ${codings.length}, at most ${MAX_ENCODINGS}`);
  const decoders = codings.map((coding) => DECODERS.get(coding));
  // As fetch: a body with any encoding it does not know is handed on as it came.
  if (decoders.some((decoder) => decoder === undefined)) return bytes;
  // One budget for the whole chain: a bomb of five layers may not inflate to five times the bound.
  let budget = MAX_ANSWER_BYTES;
  return decoders.reduceRight((body, decode) => {
    const out = decode!(body, { maxOutputLength: Math.max(budget, 1) });
    budget -= out.length;
    if (budget < 0) throw new Error(TOO_LARGE);
    return out;
  }, bytes);
}

function decodedBody(sent: Sent): Buffer {
  try {
    return decoded(sent.headers.get("content-encoding") ?? undefined, sent.bytes);
  } catch (error) {
    throw (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? new Error(TOO_LARGE) : error;
  }
}

interface Sent {
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Buffer;
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Body,
  signal: AbortSignal | undefined,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : undefined;
    if (!client) return reject(new Error(`unsupported protocol: ${url.protocol}`));
    const request = client.request(url, {
      method,
      headers:
        body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
      agent: agents[url.protocol as keyof typeof agents],
      timeout: IDLE_TIMEOUT_MS,
    });
    const abort = (): void => void request.destroy(signal?.reason as Error);
    signal?.addEventListener("abort", abort, { once: true });
    const settle =
      <T>(done: (value: T) => void) =>
      (value: T) => {
        signal?.removeEventListener("abort", abort);
        done(value);
      };
    const fail = settle(reject);
    request.on("timeout", () =>
      request.destroy(new Error(`no answer from ${url.host} in ${IDLE_TIMEOUT_MS} ms`)),
    );
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let length = 0;
      response.on("data", (chunk: Buffer) => {
        length += chunk.length;
        if (length > MAX_ANSWER_BYTES) request.destroy(new Error(TOO_LARGE));
        else chunks.push(chunk);
      });
      response.on("error", fail);
      response.on("end", () => {
        const answerHeaders = new AnswerHeaders(response.rawHeaders);
        settle(resolve)({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? "",
          headers: answerHeaders,
          bytes: Buffer.concat(chunks),
        });
      });
    });
    request.end(body);
  });
}

/** A fetch for GitHub's API, as described above. */
export const httpFetch: FetchLike = async (input, init = {}) => {
  const body = bodyOf(init.body);
  if (body === "other") return globalThis.fetch(input, init);
  const signal = init.signal ?? undefined;
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let payload = body;
  const headers: Record<string, string> = {
    "accept-encoding": "gzip, deflate, br",
    ...headersOf(init.headers),
  };
  try {
    for (let redirects = 0; ; redirects++) {
      signal?.throwIfAborted();
      const sent = await send(url, method, headers, payload, signal);
      const location = sent.headers.get("location");
      // As fetch, only the answer handed on is decoded: a redirect's body is never read.
      if (!REDIRECTS.has(sent.status) || location === null || init.redirect === "manual")
        return new WholeResponse(sent.status, sent.statusText, url.href, sent.headers, decodedBody(sent));
      if (init.redirect === "error") throw new Error(`redirected from ${url.href}`);
      if (redirects >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      // As fetch: a redirect may not name credentials (Node would send them as Basic auth).
      if (next.username || next.password) throw new Error(`redirected to a URL with credentials`);
      if (next.origin !== url.origin) {
        delete headers.authorization;
        delete headers["proxy-authorization"];
        delete headers.cookie;
      }
      if (sent.status === 303 ? method !== "HEAD" : sent.status <= 302 && method === "POST") {
        method = "GET";
        payload = undefined;
        delete headers["content-type"];
      }
      url = next;
    }
  } catch (error) {
    // As fetch: an aborted request rejects with the signal's reason (an AbortError or TimeoutError).
    if (signal?.aborted) throw signal.reason;
    throw new TypeError("fetch failed", { cause: error });
  }
};
