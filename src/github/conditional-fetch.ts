// Conditional GETs for a long-running client (the App). Each event re-reads the state it decides
// on, and most of it has not changed since the last event: GitHub answers a GET that names the
// ETag it last sent with 304 Not Modified, which costs nothing against the primary rate limit
// ("Best practices for using the REST API": use conditional requests). On a 304 the body kept from
// the 200 is handed back as that 200 again, so nothing above this layer can tell the difference.
//
// Why at the fetch level: it is the only layer that sees the Authorization header, which Octokit's
// auth hook adds innermost. Entries are keyed by it, with the URL and the headers GitHub varies on,
// so one token's answer is never offered under another token (GitHub also gives each token its own
// ETags, so an installation token's renewal each hour simply starts over). Freshness is GitHub's
// call: nothing is served without GitHub's 304 for that ETag.
import { createHash } from "node:crypto";
import { BoundedCache } from "./bounded-cache.js";

type Fetch = typeof globalThis.fetch;

interface Entry {
  etag: string;
  body: string;
  headers: [string, string][];
}

export interface ResponseCacheOptions {
  /** The most body bytes (UTF-16 code units, as held) kept in all; the least recently used go first. */
  maxBytes?: number;
  /** A body larger than this is not kept. */
  maxEntryBytes?: number;
}

/** How many conditional reads GitHub answered 304, for logs and benchmarks. */
export interface ConditionalStats {
  conditional: number;
  notModified: number;
}

export class ResponseCache extends BoundedCache<Entry> {
  readonly stats: ConditionalStats = { conditional: 0, notModified: 0 };

  constructor(options: ResponseCacheOptions = {}) {
    super(
      options.maxBytes ?? 64 * 1024 * 1024,
      options.maxEntryBytes ?? 4 * 1024 * 1024,
      (entry) => entry.body.length + entry.etag.length,
    );
  }
}

/** The request headers a GitHub response varies on, besides the URL. */
const VARY = ["authorization", "accept", "x-github-api-version"];

const DECODED = new Set(["content-encoding", "content-length", "transfer-encoding"]);

function keyOf(url: string, headers: Headers): string | undefined {
  const authorization = headers.get("authorization");
  // An unauthenticated 304 still counts against the limit, and there is no token to key by.
  if (!authorization) return undefined;
  const hash = createHash("sha256");
  hash.update(url);
  for (const name of VARY) hash.update(`\n${name}:${headers.get(name) ?? ""}`);
  return hash.digest("base64url");
}

function isJson(response: Response): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get("content-type") ?? "");
}

function urlOf(input: Parameters<Fetch>[0]): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

/** A 200 with `body`, from `url`: Octokit's pagination reads the URL a page came from. */
function answered(url: string, body: string, headers: [string, string][]): Response {
  const response = new Response(body, { status: 200, headers });
  Object.defineProperty(response, "url", { value: url });
  return response;
}

/** A fetch that makes GETs conditional on what `cache` holds, for Octokit's `request.fetch`. */
export function conditionalFetch(cache: ResponseCache, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "GET" || (typeof input !== "string" && !(input instanceof URL))) return inner(input, init);
    const headers = new Headers(init?.headers);
    const key = keyOf(urlOf(input), headers);
    if (key === undefined) return inner(input, init);
    const kept = cache.get(key);
    if (kept) {
      headers.set("if-none-match", kept.etag);
      cache.stats.conditional += 1;
    }
    const response = await inner(input, { ...init, headers });
    if (response.status === 304 && kept) {
      cache.stats.notModified += 1;
      return answered(response.url || urlOf(input), kept.body, kept.headers);
    }
    const etag = response.headers.get("etag");
    if (response.status !== 200 || !etag || !isJson(response)) {
      // A changed or vanished resource: what was kept for it is no longer its state.
      if (kept && response.status !== 200) cache.delete(key);
      return response;
    }
    const body = await response.text();
    // The body is held decoded: its length and encoding on the wire no longer describe it.
    const responseHeaders = [...response.headers].filter(([name]) => !DECODED.has(name));
    cache.set(key, { etag, body, headers: responseHeaders });
    return answered(response.url || urlOf(input), body, responseHeaders);
  };
}
