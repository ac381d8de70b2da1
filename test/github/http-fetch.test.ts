// The App's HTTP client against servers on loopback, case by case beside Node's own fetch: both
// must answer alike, the token must never follow a redirect to another origin, and a failure
// must reject as fetch's does (Octokit words its error from that).
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { deflateSync, gzipSync } from "node:zlib";
import { Octokit } from "@octokit/core";
import { MAX_ANSWER_BYTES, httpFetch, type FetchLike } from "../../src/github/http-fetch.js";

interface Seen {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        path: request.url ?? "",
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      handler(request, response);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}`, seen };
}

let api: Awaited<ReturnType<typeof serve>>;
let blobs: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  // Another port is another origin, as GitHub's blob storage is to its API.
  blobs = await serve((_request, response) => response.writeHead(200).end("the zip"));
  api = await serve((request, response) => {
    const path = request.url ?? "";
    if (path === "/json")
      return response.writeHead(200, { "content-type": "application/json", etag: '"e1"' }).end('{"a":1}');
    if (path === "/gzip")
      return response
        .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
        .end(gzipSync('{"zipped":true}'));
    if (path === "/echo")
      return response.writeHead(201).end(`${request.method} ${request.headers["content-length"]}`);
    if (path === "/elsewhere") return response.writeHead(302, { location: `${blobs.url}/blob` }).end();
    if (path === "/here") return response.writeHead(302, { location: "/json" }).end();
    if (path === "/with-credentials")
      return response.writeHead(302, { location: `${blobs.url.replace("//", "//user:secret@")}/blob` }).end();
    if (path === "/see-other") return response.writeHead(303, { location: "/echo" }).end();
    if (path === "/temporary") return response.writeHead(307, { location: "/echo" }).end();
    if (path === "/loop") return response.writeHead(302, { location: "/loop" }).end();
    if (path === "/not-modified")
      return response.writeHead(304, { etag: '"e1"', "content-encoding": "gzip" }).end();
    if (path.startsWith("/layers")) {
      // Encoded once per coding listed, in the order listed.
      const codings = new URL(path, "http://x").searchParams.get("codings")!;
      let bytes = Buffer.from('{"layered":true}');
      for (const coding of codings.split(", "))
        if (coding === "gzip") bytes = gzipSync(bytes);
        else if (coding === "deflate") bytes = deflateSync(bytes);
      return response.writeHead(200, { "content-encoding": codings }).end(bytes);
    }
    if (path === "/redirect-with-body")
      return response
        .writeHead(302, { location: "/json", "content-encoding": "gzip" })
        .end("not gzip at all");
    if (path === "/odd-encoding") return response.writeHead(200, { "content-encoding": "compress" }).end("x");
    if (path === "/bomb")
      return response
        .writeHead(200, { "content-encoding": "gzip" })
        .end(gzipSync(Buffer.alloc(MAX_ANSWER_BYTES + 1)));
    if (path === "/layered-bomb")
      // Each layer within the bound (40 MiB stored as is, then zipped small), the two beyond it.
      return response
        .writeHead(200, { "content-encoding": "gzip, gzip" })
        .end(gzipSync(gzipSync(Buffer.alloc(40 * 1024 * 1024), { level: 0 })));
    if (path === "/huge") return response.writeHead(200).end(Buffer.alloc(MAX_ANSWER_BYTES + 1));
    if (path === "/slow") return setTimeout(() => response.writeHead(200).end("late"), 2_000);
    response.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
  });
});

afterAll(async () => {
  for (const { server } of [api, blobs]) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

const clients: [string, FetchLike][] = [
  ["Node's fetch", globalThis.fetch],
  ["httpFetch", httpFetch],
];

describe.each(clients)("%s", (_name, fetch) => {
  const token = { authorization: "token secret" };

  it("answers with the status, the headers, the body and the URL", async () => {
    const response = await fetch(`${api.url}/json`, { headers: token });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("etag")).toBe('"e1"');
    expect(response.url).toBe(`${api.url}/json`);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("sends a body with its length", async () => {
    const response = await fetch(`${api.url}/echo`, { method: "POST", body: '{"é":1}' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("POST 8");
    expect(api.seen.at(-1)?.body).toBe('{"é":1}');
  });

  it("decodes a compressed answer", async () => {
    expect(await (await fetch(`${api.url}/gzip`)).json()).toEqual({ zipped: true });
  });

  it("keeps the token on a redirect within the origin, and drops it for another origin", async () => {
    const here = await fetch(`${api.url}/here`, { headers: token });
    expect(here.url).toBe(`${api.url}/json`);
    expect(api.seen.at(-1)).toMatchObject({ path: "/json", authorization: "token secret" });
    const elsewhere = await fetch(`${api.url}/elsewhere`, { headers: token });
    expect(await elsewhere.text()).toBe("the zip");
    expect(elsewhere.url).toBe(`${blobs.url}/blob`);
    expect(blobs.seen.at(-1)?.path).toBe("/blob");
    expect(blobs.seen.at(-1)?.authorization).toBeUndefined();
  });

  it("follows 303 as a GET without a body, and 307 with the method and body", async () => {
    expect(await (await fetch(`${api.url}/see-other`, { method: "POST", body: "x" })).text()).toBe(
      "GET undefined",
    );
    expect(await (await fetch(`${api.url}/temporary`, { method: "POST", body: "xy" })).text()).toBe("POST 2");
  });

  it("refuses a redirect to a URL that names credentials", async () => {
    await expect(fetch(`${api.url}/with-credentials`)).rejects.toThrow("fetch failed");
  });

  it("hands back the redirect itself when asked to", async () => {
    const response = await fetch(`${api.url}/elsewhere`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${blobs.url}/blob`);
  });

  it("reads no body where there is none, whatever encoding the answer names", async () => {
    const notModified = await fetch(`${api.url}/not-modified`);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const head = await fetch(`${api.url}/gzip`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("undoes a chain of encodings from the last applied, and refuses one longer than five", async () => {
    const layers = (codings: string) => fetch(`${api.url}/layers?codings=${encodeURIComponent(codings)}`);
    expect(await (await layers("gzip, deflate")).json()).toEqual({ layered: true });
    expect(await (await layers("deflate, gzip, gzip, deflate, gzip")).json()).toEqual({ layered: true });
    await expect(layers("gzip, gzip, gzip, gzip, gzip, gzip")).rejects.toThrow("fetch failed");
    // One coding it does not know, anywhere in the chain, leaves the whole body as it came,
    // whatever the name (an object's own property names included).
    for (const unknownCoding of ["compress", "constructor", "__proto__"]) {
      const unknown = Buffer.from(await (await layers(`${unknownCoding}, gzip`)).arrayBuffer());
      expect(unknown.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    }
  });

  it("never reads the body of a redirect it follows", async () => {
    expect(await (await fetch(`${api.url}/redirect-with-body`)).json()).toEqual({ a: 1 });
  });

  it("hands on a body of an encoding it does not know as it came", async () => {
    expect(await (await fetch(`${api.url}/odd-encoding`)).text()).toBe("x");
  });

  it("rejects as fetch does: refused, redirected without end, redirect: error", async () => {
    const closed = await serve(() => undefined);
    const refused = closed.url;
    await new Promise((done) => closed.server.close(done));
    for (const [url, init] of [
      [refused, {}],
      [`${api.url}/loop`, {}],
      [`${api.url}/here`, { redirect: "error" }],
    ] as const) {
      const failure = await fetch(url, init as RequestInit).then(
        async (response) => response.text(),
        (error: unknown) => error,
      );
      // Node's fetch throws its TypeError from another realm than the test's: compare by name.
      expect(failure).toMatchObject({ name: "TypeError", message: "fetch failed" });
    }
  });

  it("gives up when its signal aborts, with an AbortError", async () => {
    const failure = await fetch(`${api.url}/slow`, { signal: AbortSignal.timeout(50) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as Error).name).toMatch(/AbortError|TimeoutError/);
  });
});

describe("httpFetch, unlike Node's fetch", () => {
  it("refuses an answer larger than its bound, on the wire or decoded", async () => {
    for (const path of ["/huge", "/bomb", "/layered-bomb"]) {
      const failure = await httpFetch(`${api.url}${path}`).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({
        message: "fetch failed",
        cause: { message: "the answer is larger than 64 MiB" },
      });
    }
    // The connection it dropped is not reused: the next request is answered.
    expect((await httpFetch(`${api.url}/json`)).status).toBe(200);
  });
});

describe("httpFetch's idle connections", () => {
  it("closes one before the server's Keep-Alive timeout, so no request is sent on a closing one", async () => {
    const hinting = await serve((_request, response) =>
      response.writeHead(200, { connection: "keep-alive", "keep-alive": "timeout=2" }).end("ok"),
    );
    let closed = 0;
    hinting.server.on("connection", (socket) => socket.on("close", () => (closed += 1)));
    try {
      expect(await (await httpFetch(`${hinting.url}/`)).text()).toBe("ok");
      // Node's agent lets the hint's timer expire a second early; unset, it would keep the
      // connection open for as long as the server does.
      await new Promise((done) => setTimeout(done, 1_500));
      expect(closed).toBe(1);
    } finally {
      hinting.server.closeAllConnections();
      await new Promise((done) => hinting.server.close(done));
    }
  });
});

describe("httpFetch under Octokit", () => {
  it("gives Octokit's answers and errors as Node's fetch does", async () => {
    for (const [, fetch] of clients) {
      const octokit = new Octokit({ baseUrl: api.url, request: { fetch } });
      const { data, headers } = await octokit.request("GET /json");
      expect(data).toEqual({ a: 1 });
      expect(headers.etag).toBe('"e1"');
      await expect(octokit.request("GET /missing")).rejects.toMatchObject({
        status: 404,
        message: "Not Found",
      });
      await expect(octokit.request("GET /loop")).rejects.toMatchObject({ status: 500 });
    }
  });
});
