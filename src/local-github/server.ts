// A loopback GitHub REST API for tests: keeps state, logs every call, checks every request and
// response against GitHub's OpenAPI description (the committed subset), and can inject faults.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { JWT_ROUTES, looksLikeJwt, verifyAppJwt } from "./app-auth.js";
import { loadContract, type Contract } from "./contract.js";
import { serveOAuthWeb } from "./oauth-web.js";
import { handlers, HttpError, type Handler, type Reply } from "./routes.js";
import { GRAPHQL_ROUTE, isGraphQLPath, operationKind } from "./graphql/endpoint.js";
import { Shaper } from "./shape.js";
import { FakeGitHubState, type FakeIdentity } from "./state.js";

export interface RecordedRequest {
  method: string;
  /** The path as sent, e.g. /repos/acme/models/pulls/1. */
  path: string;
  /** The operation, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}"; null when none matched. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** Who the token acts as; undefined when unauthenticated. */
  login?: string;
  /** Counted against the token's primary rate limit: an authenticated request GitHub did not answer 304. */
  rateLimited: boolean;
  /** A GraphQL request's operation: a query reads, like a GET. */
  graphql?: "query" | "mutation" | "subscription";
}

export interface ContractViolation {
  direction: "request" | "response";
  method: string;
  path: string;
  route: string | null;
  problem: string;
}

export interface Fault {
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  url: string;
  state: FakeGitHubState;
  contract: Contract;
  requests: RecordedRequest[];
  violations: ContractViolation[];
  /** Make the next `times` requests to `route` (an operation key, or "*") fail with `status`. */
  fail(route: string, fault: Fault): void;
  /** Adds or replaces the handler of an operation; it must be in the OpenAPI subset. */
  handle(route: string, handler: Handler): void;
  /** "METHOD /path" of each request so far, optionally only those whose route matches. */
  calls(filter?: (request: RecordedRequest) => boolean): string[];
  /** The requests that could change something (anything but GET). */
  writes(): RecordedRequest[];
  clearRequests(): void;
  /** Throws, listing every contract violation seen so far. */
  assertNoContractViolations(): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  state?: FakeGitHubState;
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Milliseconds each answer waits before it is worked out, as GitHub's round trip does (tens of
   * milliseconds from a runner): loopback's none hides how many requests wait on each other.
   */
  latencyMs?: number;
}

const DOCS = "https://docs.github.com/rest";
const JWT_REFUSED = "A JSON web token cannot call this operation: use an installation access token";

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function tokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? "";
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(header);
  return match?.[1];
}

/**
 * A weak ETag of what this token is shown: GitHub gives each token its own ETags (an installation
 * token's answer is never "not modified" for the next token), and varies them by Accept.
 */
function entityTag(request: IncomingMessage, payload: string): string {
  const hash = createHash("sha256");
  hash.update(`${request.headers.authorization ?? ""}\n${request.headers.accept ?? ""}\n`);
  hash.update(payload);
  return `W/"${hash.digest("hex").slice(0, 32)}"`;
}

function linkHeader(url: URL, page: number, perPage: number, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number, rel: string): string => {
    const target = new URL(url);
    target.searchParams.set("page", String(p));
    target.searchParams.set("per_page", String(perPage));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page < last) parts.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) parts.push(link(1, "first"), link(page - 1, "prev"));
  return parts.length > 0 ? parts.join(", ") : undefined;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const contract = loadContract();
  const shaper = new Shaper(contract);
  const state = options.state ?? new FakeGitHubState();
  const routes = new Map<string, Handler>(Object.entries(handlers));
  const faults = new Map<string, Required<Pick<Fault, "times">> & Fault>();
  const requests: RecordedRequest[] = [];
  const violations: ContractViolation[] = [];

  async function serve(request: IncomingMessage, response: ServerResponse, baseUrl: string): Promise<void> {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", baseUrl);
    // GitHub Enterprise Server's prefix, which Probot adds when pointed at a host (GHE_HOST).
    url.pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, "");
    const text = await readBody(request);
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
    // The web flow of "sign in with GitHub" lives on GitHub's web host, outside the API.
    if (url.pathname.startsWith("/login/oauth/") && serveOAuthWeb(state, request, url, text, response))
      return;
    // GraphQL is not in the OpenAPI description: its queries are checked against GitHub's GraphQL schema.
    const graphql = method === "POST" && isGraphQLPath(url.pathname);
    const match = graphql ? undefined : contract.match(method, url.pathname);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      route: graphql ? GRAPHQL_ROUTE : (match?.operation.key ?? null),
      params: match?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      rateLimited: false,
    };
    requests.push(record);
    const violate = (direction: ContractViolation["direction"], problem: string): void => {
      violations.push({ direction, method, path: url.pathname, route: record.route, problem });
    };
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      const payload = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
      const etag = method === "GET" && status === 200 ? entityTag(request, payload) : undefined;
      if (etag) headers = { ...headers, etag };
      if (etag && request.headers["if-none-match"] === etag) {
        // Not modified: no body, and free against the primary rate limit (GitHub's conditional requests).
        record.status = 304;
        record.rateLimited = false;
        response.writeHead(304, { etag, "x-github-request-id": `FAKE:${requests.length}` });
        response.end();
        return;
      }
      response.writeHead(status, {
        ...(body !== undefined && typeof body !== "string"
          ? { "content-type": "application/json; charset=utf-8" }
          : {}),
        "x-github-request-id": `FAKE:${requests.length}`,
        ...headers,
      });
      response.end(payload);
    };
    const error = (status: number, message: string, extra: Record<string, unknown> = {}): void =>
      send(status, { message, documentation_url: DOCS, ...extra });

    if (text !== "") {
      try {
        record.body = JSON.parse(text);
      } catch {
        violate("request", "request body is not JSON");
        return error(400, "Problems parsing JSON");
      }
    }
    // Blob storage (an artifact's zip behind the redirect of its download URL) takes no token.
    const blob = /^\/_blobs\/[\w-]+\/([\w-]+)$/.exec(url.pathname);
    if (blob && method === "GET") {
      const found = state.blobs.get(blob[1] ?? "");
      if (!found || found.expiresAt < Date.now()) {
        record.status = found ? 403 : 404;
        response.writeHead(record.status, { "content-type": "application/xml" });
        response.end(
          found
            ? "<Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed</Message></Error>"
            : "<Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>",
        );
        return;
      }
      record.status = 200;
      response.writeHead(200, {
        "content-type": found.contentType,
        "content-length": String(found.body.byteLength),
      });
      response.end(Buffer.from(found.body));
      return;
    }
    const token = tokenOf(request);
    let identity: FakeIdentity | undefined = token === undefined ? undefined : state.tokens.get(token);
    if (!identity && token !== undefined && looksLikeJwt(token)) {
      const verified = verifyAppJwt(state, token);
      if ("error" in verified) return error(401, verified.error);
      identity = verified.identity;
    }
    record.login = identity?.login;
    record.rateLimited = identity !== undefined;
    if (!identity) return error(401, token === undefined ? "Requires authentication" : "Bad credentials");
    if (graphql) {
      record.graphql = operationKind(record.body);
      if (identity.jwtAppId !== undefined) return error(401, JWT_REFUSED);
    } else if (!match) {
      violate("request", `no operation in the OpenAPI subset matches ${method} ${url.pathname}`);
      return error(404, "Not Found");
    }
    const key = match?.operation.key ?? GRAPHQL_ROUTE;
    if (match) {
      if (identity.jwtAppId !== undefined && !JWT_ROUTES.has(key)) return error(401, JWT_REFUSED);
      const { invalid, ignored } = contract.checkRequest(match, url.searchParams, record.body);
      for (const problem of [...invalid, ...ignored]) violate("request", problem);
      if (invalid.length > 0) return error(422, `Invalid request.\n\n${invalid.join("\n")}`);
    }

    const fault = faults.get(key) ?? faults.get("*");
    if (fault && fault.times > 0) {
      fault.times -= 1;
      return send(
        fault.status,
        { message: fault.message ?? `injected ${fault.status}`, documentation_url: DOCS },
        fault.headers,
      );
    }

    const handler = routes.get(key);
    if (!handler) {
      violate("request", `the fake does not implement ${key}`);
      return error(404, "Not Found");
    }
    let reply: Reply;
    try {
      reply = handler({
        state,
        params: match?.params ?? {},
        query: url.searchParams,
        body: record.body,
        identity,
        accept: String(request.headers.accept ?? ""),
        baseUrl,
      });
    } catch (thrown) {
      if (thrown instanceof HttpError)
        return error(thrown.status, thrown.message, thrown.errors ? { errors: thrown.errors } : {});
      violate("response", `the fake's handler for ${key} crashed: ${String(thrown)}`);
      return error(500, "fake GitHub handler crashed");
    }
    if ("raw" in reply) return send(200, reply.raw, { "content-type": reply.contentType });

    let body: unknown;
    const headers: Record<string, string> = {};
    if ("items" in reply) {
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
      const slice = reply.items.slice((page - 1) * perPage, page * perPage);
      body = reply.key ? { total_count: reply.items.length, [reply.key]: slice } : slice;
      const link = linkHeader(url, page, perPage, reply.items.length);
      if (link) headers.link = link;
    } else {
      body = reply.body;
      Object.assign(headers, reply.headers);
      for (const problem of reply.violations ?? []) violate("request", problem);
    }
    if (match) {
      const schema = contract.responseSchema(match.operation, reply.status);
      if (schema && body !== undefined) body = shaper.build(schema, body);
      for (const problem of contract.checkResponse(match.operation, reply.status, body))
        violate("response", problem);
    }
    send(reply.status, body, headers);
  }

  const server = createServer((request, response) => {
    serve(request, response, baseUrl).catch((thrown: unknown) => {
      violations.push({
        direction: "response",
        method: request.method ?? "",
        path: request.url ?? "",
        route: null,
        problem: `fake GitHub crashed: ${String(thrown)}`,
      });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    state,
    contract,
    requests,
    violations,
    fail(route, fault) {
      if (route !== "*" && route !== GRAPHQL_ROUTE) contract.operation(route);
      faults.set(route, { ...fault, times: fault.times ?? 1 });
    },
    handle(route, handler) {
      if (route !== GRAPHQL_ROUTE) contract.operation(route);
      routes.set(route, handler);
    },
    calls(filter) {
      return requests.filter(filter ?? (() => true)).map((r) => `${r.method} ${r.path}`);
    },
    writes() {
      return requests.filter((r) => r.method !== "GET" && r.graphql !== "query");
    },
    clearRequests() {
      requests.length = 0;
    },
    assertNoContractViolations() {
      if (violations.length === 0) return;
      const lines = violations.map((v) => `  ${v.direction} ${v.method} ${v.path}: ${v.problem}`);
      throw new Error(
        `fake GitHub saw ${violations.length} contract violation(s) against ${contract.version}:\n${lines.join("\n")}`,
      );
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
