// Conditional reads: GitHub's 304 hands back the body kept from its 200, per token, and nothing is
// ever served without GitHub's say-so.
import { describe, expect, it } from "@jest/globals";
import { BoundedCache } from "../../src/github/bounded-cache.js";
import { ResponseCache, conditionalFetch } from "../../src/github/conditional-fetch.js";

interface Sent {
  url: string;
  method: string;
  ifNoneMatch: string | null;
}

/** A server in a function: answers from `bodies` by URL, with an ETag of the token and body. */
function github(bodies: Map<string, string>) {
  const sent: Sent[] = [];
  const fetch = async (
    input: Parameters<typeof globalThis.fetch>[0],
    init?: RequestInit,
  ): Promise<Response> => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    const method = init?.method ?? "GET";
    sent.push({ url, method, ifNoneMatch: headers.get("if-none-match") });
    const body = bodies.get(url);
    if (body === undefined) return new Response('{"message":"Not Found"}', { status: 404 });
    const etag = `W/"${headers.get("authorization")}:${body.length}:${body}"`;
    if (method === "GET" && headers.get("if-none-match") === etag) return new Response(null, { status: 304 });
    return new Response(body, {
      status: 200,
      headers: {
        etag,
        "content-type": "application/json; charset=utf-8",
        "x-github-media-type": "github.v3",
      },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const URL_A = "https://api.github.com/repos/acme/models/pulls/7";
const auth = (token: string) => ({
  headers: { authorization: `token ${token}`, accept: "application/json" },
});

describe("conditionalFetch", () => {
  it("asks with the kept ETag and, on 304, answers 200 with the kept body, headers and URL", async () => {
    const gh = github(new Map([[URL_A, '{"number":7}']]));
    const cache = new ResponseCache();
    const fetch = conditionalFetch(cache, gh.fetch);
    const first = await fetch(URL_A, auth("t1"));
    expect(await first.json()).toEqual({ number: 7 });
    const second = await fetch(URL_A, auth("t1"));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ number: 7 });
    expect(second.headers.get("x-github-media-type")).toBe("github.v3");
    expect(second.url).toBe(URL_A);
    expect(gh.sent.map((s) => s.ifNoneMatch)).toEqual([null, expect.stringMatching(/^W\//)]);
    expect(cache.stats).toEqual({ conditional: 1, notModified: 1 });
  });

  it("hands on a changed body, and keeps it for the next read", async () => {
    const bodies = new Map([[URL_A, '{"state":"open"}']]);
    const gh = github(bodies);
    const fetch = conditionalFetch(new ResponseCache(), gh.fetch);
    await fetch(URL_A, auth("t1"));
    bodies.set(URL_A, '{"state":"closed"}');
    expect(await (await fetch(URL_A, auth("t1"))).json()).toEqual({ state: "closed" });
    expect(await (await fetch(URL_A, auth("t1"))).json()).toEqual({ state: "closed" });
  });

  it("never offers one token's answer under another", async () => {
    const gh = github(new Map([[URL_A, "{}"]]));
    const fetch = conditionalFetch(new ResponseCache(), gh.fetch);
    await fetch(URL_A, auth("installation-1"));
    await fetch(URL_A, auth("installation-2"));
    expect(gh.sent.map((s) => s.ifNoneMatch)).toEqual([null, null]);
  });

  it("forgets what vanished, and leaves writes, unauthenticated reads and non-JSON alone", async () => {
    const bodies = new Map([[URL_A, "{}"]]);
    const gh = github(bodies);
    const cache = new ResponseCache();
    const fetch = conditionalFetch(cache, gh.fetch);
    await fetch(URL_A, auth("t1"));
    bodies.delete(URL_A);
    expect((await fetch(URL_A, auth("t1"))).status).toBe(404);
    bodies.set(URL_A, "{}");
    await fetch(URL_A, auth("t1"));
    expect(gh.sent.at(-1)?.ifNoneMatch).toBeNull();

    await fetch(URL_A, { ...auth("t1"), method: "PATCH", body: "{}" });
    expect(gh.sent.at(-1)?.ifNoneMatch).toBeNull();
    await fetch(URL_A, { headers: { accept: "application/json" } });
    await fetch(URL_A, { headers: { accept: "application/json" } });
    expect(gh.sent.at(-1)?.ifNoneMatch).toBeNull();
    expect(cache.size).toBe(1);
  });
});

describe("conditionalFetch and lists", () => {
  const LIST = "https://api.github.com/repos/acme/models/pulls/7/reviews?per_page=2";
  const plain = (body: string, headers: Record<string, string> = {}) =>
    (async (_input: unknown, init?: RequestInit) => {
      const etag = `W/"${body}"`;
      if (new Headers(init?.headers).get("if-none-match") === etag)
        return new Response(null, { status: 304, headers: { etag, "x-ratelimit-remaining": "42" } });
      return new Response(body, {
        status: 200,
        headers: { etag, "content-type": "application/json", "x-ratelimit-remaining": "41", ...headers },
      });
    }) as typeof globalThis.fetch;

  it("never answers a full page of a list from what was kept: the list may have grown past it", async () => {
    const cache = new ResponseCache();
    const fetch = conditionalFetch(cache, plain("[1,2]"));
    await fetch(LIST, auth("t1"));
    expect(cache.size).toBe(0);
    const paged = conditionalFetch(cache, plain("[1]", { link: '<x?page=2>; rel="next"' }));
    await paged(LIST, auth("t1"));
    expect(cache.size).toBe(0);
    // A page short of full gains the next item itself, so its body changes: it is kept.
    await conditionalFetch(cache, plain("[1]"))(LIST, auth("t1"));
    expect(cache.size).toBe(1);
  });

  it("takes the 304's own headers over the kept ones", async () => {
    const fetch = conditionalFetch(new ResponseCache(), plain("[1]"));
    await fetch(LIST, auth("t1"));
    const again = await fetch(LIST, auth("t1"));
    expect(again.headers.get("x-ratelimit-remaining")).toBe("42");
    expect(await again.json()).toEqual([1]);
  });
});

describe("BoundedCache", () => {
  it("drops the least recently used past its bound, and refuses what is too large alone", () => {
    const cache = new BoundedCache<string>(10, 6, (v) => v.length);
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    expect(cache.get("a")).toBe("aaaa");
    cache.set("c", "cccc");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["aaaa", undefined, "cccc"]);
    cache.set("d", "ddddddd");
    expect(cache.get("d")).toBeUndefined();
    expect(cache.bytes).toBe(8);
    cache.set("a", "a");
    expect(cache.bytes).toBe(5);
  });

  it("keeps at most its number of entries, however small", () => {
    const cache = new BoundedCache<string>(1000, 1000, (v) => v.length, 2);
    for (const key of ["a", "b", "c"]) cache.set(key, "");
    expect([cache.size, cache.get("a"), cache.get("c")]).toEqual([2, undefined, ""]);
  });
});
