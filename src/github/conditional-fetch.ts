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
import { WholeResponse, type FetchedResponse, type FetchLike } from "./http-fetch.js";

interface Entry {
  etag: string;
  body: string;
  headers: [string, string][];
}

export interface ResponseCacheOptions {
  /** The most bytes kept in all (bodies and headers, 2 a UTF-16 unit); the least recently used go first. */
  maxBytes?: number;
  /** An answer larger than this is not kept. */
  maxEntryBytes?: number;
}

/** How many reads were sent conditionally, and how many of those GitHub answered 304. */
export interface ConditionalStats {
  conditional: number;
  notModified: number;
}

function headersLength(headers: [string, string][]): number {
  return headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
}

export class ResponseCache extends BoundedCache<Entry> {
  readonly stats: ConditionalStats = { conditional: 0, notModified: 0 };

  constructor(options: ResponseCacheOptions = {}) {
    super(
      options.maxBytes ?? 64 * 1024 * 1024,
      options.maxEntryBytes ?? 4 * 1024 * 1024,
      (entry) => 2 * (entry.body.length + entry.etag.length + headersLength(entry.headers)),
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

function isJson(response: FetchedResponse): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get("content-type") ?? "");
}

function urlOf(input: string | URL): string {
  return typeof input === "string" ? input : input.href;
}

/** GitHub's page size when a request names none. */
const DEFAULT_PER_PAGE = 30;

/**
 * Whether a page of a list may have items after it. Such a page is never answered from what was
 * kept: a list that grows past a full page leaves the page's body, and so its ETag, unchanged,
 * and nothing says GitHub's ETag covers the Link header that would name the new page. A kept full
 * page of reviews would hide a changes-requested review added as the 101st. Lists inside an object
 * ({ total_count, workflow_runs }) change with their count, and a page short of full gains the
 * next item itself, so both are kept.
 */
function mayHaveMorePages(url: string, headers: Headers, body: string): boolean {
  if (headers.has("link")) return true;
  if (!body.trimStart().startsWith("[")) return false;
  const perPage = Number(new URL(url).searchParams.get("per_page") ?? DEFAULT_PER_PAGE);
  try {
    return (JSON.parse(body) as unknown[]).length >= perPage;
  } catch {
    return true;
  }
}

/** A 200 with `body`, from `url`: Octokit's pagination reads the URL a page came from. */
function answered(url: string, body: string, headers: [string, string][]): FetchedResponse {
  return new WholeResponse(200, "OK", url, new Headers(headers), body);
}

/** A fetch that makes GETs conditional on what `cache` holds, for Octokit's `request.fetch`. */
export function conditionalFetch(cache: ResponseCache, inner: FetchLike): FetchLike {
  return async (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "GET") return inner(input, init);
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
      // The 304's own headers update the kept ones (RFC 9111, 4.3.4).
      const updated = new Map(kept.headers);
      for (const [name, value] of response.headers) if (!DECODED.has(name)) updated.set(name, value);
      return answered(response.url || urlOf(input), kept.body, [...updated]);
    }
    const etag = response.headers.get("etag");
    if (response.status !== 200 || !etag || !isJson(response)) {
      // Any other answer: what was kept for this URL is no longer its state.
      if (kept) cache.delete(key);
      return response;
    }
    const body = await response.text();
    // The body is held decoded: its length and encoding on the wire no longer describe it.
    const responseHeaders = [...response.headers].filter(([name]) => !DECODED.has(name));
    if (mayHaveMorePages(urlOf(input), response.headers, body)) cache.delete(key);
    else cache.set(key, { etag, body, headers: responseHeaders });
    return answered(response.url || urlOf(input), body, responseHeaders);
  };
}
