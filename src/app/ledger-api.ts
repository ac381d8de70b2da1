// The ledger's HTTP API (docs/ledger.md): JSON, read-only, and only for callers who prove who they
// are with a GitHub token. A repository's records are shown only to a token GitHub would show the
// repository to (GET /repos/{owner}/{repo} with that token), checked per repository and kept for a
// minute. A repository the caller may not read is answered exactly like one without records.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { canReadRepository, TokenRefused } from "../github/rest/access.js";
import { describeError } from "../github/errors.js";
import type { OctokitLike } from "../github/types.js";
import { HISTORY_LIMIT, type HistoryQuery, type Ledger } from "../ledger/store.js";

export interface LedgerApiOptions {
  ledger: Ledger;
  /** An Octokit that acts with the caller's own token. */
  callerOctokit: (token: string) => OctokitLike;
  /** Milliseconds since the epoch; the access answers' clock. */
  now?: () => number;
}

/** How long a token's answer for a repository is believed. */
export const ACCESS_TTL_MS = 60_000;
/** Repositories checked for one query without `repo`; more must be narrowed. */
export const REPOSITORY_SCAN_LIMIT = 100;
const ACCESS_ENTRIES = 10_000;

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const DIGEST = /^(?:(?:sha256|metrics):)?[0-9a-f]{64}$/i;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      // Each caller sees what their own token may read: nothing may be kept for another.
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    })
    .end(JSON.stringify(body, null, 2) + "\n");
}

function tokenOf(req: IncomingMessage): string {
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1])
    throw new ApiError(
      401,
      "send a GitHub token: Authorization: Bearer <token> (it is used only to check what it may read)",
    );
  return match[1];
}

/** The query's parameters, each known to the route and given once. */
function params(url: URL, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name))
      throw new ApiError(400, `unknown query parameter '${name}' (this route takes ${allowed.join(", ")})`);
    if (name in out) throw new ApiError(400, `query parameter '${name}' is given twice`);
    out[name] = value;
  }
  return out;
}

function historyQuery(given: Record<string, string>): HistoryQuery {
  const query: HistoryQuery = {};
  if (given.repo !== undefined) {
    if (!REPO.test(given.repo))
      throw new ApiError(400, `query parameter 'repo': '${given.repo}' is not owner/name`);
    query.repository = given.repo;
  }
  if (given.model !== undefined) {
    if (!given.model.trim()) throw new ApiError(400, "query parameter 'model' is empty");
    query.model = given.model;
  }
  if (given.digest !== undefined) {
    if (!DIGEST.test(given.digest))
      throw new ApiError(
        400,
        `query parameter 'digest': '${given.digest}' is not sha256:<64 hex digits> or metrics:<64 hex digits>`,
      );
    query.digest = given.digest;
  }
  if (given.environment !== undefined) {
    if (!given.environment.trim()) throw new ApiError(400, "query parameter 'environment' is empty");
    query.environment = given.environment;
  }
  if (given.limit !== undefined) {
    const limit = Number(given.limit);
    if (!/^\d+$/.test(given.limit) || limit < 1 || limit > HISTORY_LIMIT)
      throw new ApiError(
        400,
        `query parameter 'limit': '${given.limit}' is not a whole number from 1 to ${HISTORY_LIMIT}`,
      );
    query.limit = limit;
  }
  return query;
}

export function ledgerApi(options: LedgerApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const answers = new Map<string, { readable: boolean; until: number }>();

  async function readable(token: string, repository: string): Promise<boolean> {
    const key = `${createHash("sha256").update(token).digest("hex")}\n${repository.toLowerCase()}`;
    const known = answers.get(key);
    if (known && known.until > now()) return known.readable;
    const value = await canReadRepository(options.callerOctokit(token), repository);
    answers.delete(key);
    answers.set(key, { readable: value, until: now() + ACCESS_TTL_MS });
    // Oldest first in a Map: past the bound, the oldest answers go.
    for (const oldest of answers.keys()) {
      if (answers.size <= ACCESS_ENTRIES) break;
      answers.delete(oldest);
    }
    return value;
  }

  async function readableRepositories(token: string): Promise<string[]> {
    const all = await options.ledger.repositories();
    if (all.length > REPOSITORY_SCAN_LIMIT)
      throw new ApiError(
        400,
        `the ledger holds more than ${REPOSITORY_SCAN_LIMIT} repositories: name one with repo=owner/name`,
      );
    const out: string[] = [];
    for (const repository of all) if (await readable(token, repository)) out.push(repository);
    return out;
  }

  async function route(req: IncomingMessage, url: URL): Promise<unknown> {
    const token = tokenOf(req);
    switch (url.pathname) {
      case "/api/history": {
        const query = historyQuery(params(url, ["repo", "model", "digest", "environment", "limit"]));
        if (query.repository !== undefined) {
          if (!(await readable(token, query.repository))) return { records: [] };
        } else query.repositories = await readableRepositories(token);
        return { records: await options.ledger.history(query) };
      }
      case "/api/ledger": {
        const { repo } = params(url, ["repo"]);
        if (repo === undefined || !REPO.test(repo))
          throw new ApiError(400, "query parameter 'repo' must name a repository as owner/name");
        const records = (await readable(token, repo)) ? await options.ledger.chain(repo) : [];
        return { repository: repo.toLowerCase(), records };
      }
      case "/api/repositories":
        params(url, []);
        return { repositories: await readableRepositories(token) };
      default:
        throw new ApiError(404, `no API route ${url.pathname} (see docs/ledger.md)`);
    }
  }

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/api" && !url.pathname.startsWith("/api/")) return false;
    // Probot's default webhook path and its neighbours are not ours (routes.ts sends webhooks on first).
    if (url.pathname.startsWith("/api/github/")) return false;
    if (req.method !== "GET") {
      send(res, 405, { error: "the ledger's API is read-only: use GET" }, { allow: "GET" });
      return true;
    }
    route(req, url).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        if (error instanceof ApiError)
          send(
            res,
            error.status,
            { error: error.message },
            error.status === 401 ? { "www-authenticate": "Bearer" } : {},
          );
        else if (error instanceof TokenRefused)
          send(res, 401, { error: error.message }, { "www-authenticate": "Bearer" });
        else send(res, 502, { error: `could not answer: ${describeError(error)}` });
      },
    );
    return true;
  };
}
