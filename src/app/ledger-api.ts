// The ledger's HTTP API (docs/ledger.md): JSON, read-only, and only for callers who prove who they
// are with a GitHub token. A repository's records are shown only to a token GitHub would show the
// repository to (GET /repos/{owner}/{repo} with that token), checked per repository and kept for a
// minute. A repository the caller may not read is answered exactly like one without records.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readableRepositoryId, TokenRefused } from "../github/rest/access.js";
import { describeError } from "../github/errors.js";
import { REPOSITORY_NAME_SOURCE } from "../core/names.js";
import type { OctokitLike } from "../github/types.js";
import {
  CHAIN_PAGE_LIMIT,
  HISTORY_LIMIT,
  type HistoryQuery,
  type Ledger,
  type LedgerRepository,
} from "../ledger/store.js";

export interface LedgerApiOptions {
  ledger: Ledger;
  /** An Octokit that acts with the caller's own token. */
  callerOctokit: (token: string) => OctokitLike;
  /** Milliseconds since the epoch; the access answers' clock. */
  now?: () => number;
}

/** How long a token's answer for a repository is believed. */
export const ACCESS_TTL_MS = 60_000;
/** How long the list of the ledger's repositories is reused (a new one shows up after this). */
export const REPOSITORIES_TTL_MS = 10_000;
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

const REPO = new RegExp(`^${REPOSITORY_NAME_SOURCE}$`);
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

function repoParameter(value: string | undefined): string | undefined {
  if (value !== undefined && !REPO.test(value))
    throw new ApiError(400, `query parameter 'repo': '${value}' is not owner/name`);
  return value;
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new ApiError(
      400,
      `query parameter '${name}': '${value}' is not a whole number from ${min} to ${max}`,
    );
  return n;
}

/** The history filters of a query; its `repo` is resolved to GitHub's id by the route. */
function historyQuery(given: Record<string, string>): HistoryQuery {
  const query: HistoryQuery = {};
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
  const limit = wholeNumber("limit", given.limit, 1, HISTORY_LIMIT);
  if (limit !== undefined) query.limit = limit;
  return query;
}

export function ledgerApi(options: LedgerApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const answers = new Map<string, { id: number | undefined; until: number }>();

  /** GitHub's id of the repository when the token may read it (a minute's answer is believed). */
  async function readableId(token: string, repository: string): Promise<number | undefined> {
    const key = `${createHash("sha256").update(token).digest("hex")}\n${repository.toLowerCase()}`;
    const known = answers.get(key);
    if (known && known.until > now()) return known.id;
    const id = await readableRepositoryId(options.callerOctokit(token), repository);
    answers.delete(key);
    answers.set(key, { id, until: now() + ACCESS_TTL_MS });
    // Oldest first in a Map: past the bound, the oldest answers go.
    for (const oldest of answers.keys()) {
      if (answers.size <= ACCESS_ENTRIES) break;
      answers.delete(oldest);
    }
    return id;
  }

  /** The repositories with records that the token may read: by name, and only when the id is the chain's own. */
  // The list of repositories is read once in a while, not per request: any header that looks like a
  // token reaches this far before GitHub has judged it.
  let listed: { until: number; repositories: Promise<LedgerRepository[]> } | undefined;
  const repositories = (): Promise<LedgerRepository[]> => {
    if (!listed || listed.until <= now()) {
      const reading = options.ledger.repositories();
      listed = { until: now() + REPOSITORIES_TTL_MS, repositories: reading };
      reading.catch(() => (listed = undefined));
    }
    return listed.repositories;
  };

  async function readableRepositories(
    token: string,
  ): Promise<{ repository: string; repositoryId: number }[]> {
    const all = await repositories();
    if (all.length > REPOSITORY_SCAN_LIMIT)
      throw new ApiError(
        400,
        `the ledger holds more than ${REPOSITORY_SCAN_LIMIT} repositories: name one with repo=owner/name`,
      );
    const out: { repository: string; repositoryId: number }[] = [];
    for (const { id, name } of all)
      if ((await readableId(token, name)) === id) out.push({ repository: name, repositoryId: id });
    return out;
  }

  async function route(req: IncomingMessage, url: URL): Promise<unknown> {
    const token = tokenOf(req);
    switch (url.pathname) {
      case "/api/history": {
        const given = params(url, ["repo", "model", "digest", "environment", "limit"]);
        const query = historyQuery(given);
        const repo = repoParameter(given.repo);
        if (repo !== undefined) {
          const id = await readableId(token, repo);
          if (id === undefined) return { records: [] };
          query.repositoryId = id;
        } else query.repositoryIds = (await readableRepositories(token)).map((r) => r.repositoryId);
        return { records: await options.ledger.history(query) };
      }
      case "/api/ledger": {
        const given = params(url, ["repo", "after", "limit"]);
        const repo = repoParameter(given.repo);
        if (repo === undefined)
          throw new ApiError(400, "query parameter 'repo' must name a repository as owner/name");
        const after = wholeNumber("after", given.after, 0, 2 ** 31 - 1) ?? 0;
        const limit = wholeNumber("limit", given.limit, 1, CHAIN_PAGE_LIMIT) ?? CHAIN_PAGE_LIMIT;
        const id = await readableId(token, repo);
        const records = id === undefined ? [] : await options.ledger.chain(id, { after, limit });
        const last = records.at(-1);
        // A full page may have more after it: `next` is the `after` that asks for them.
        return {
          repository: repo.toLowerCase(),
          ...(id === undefined ? {} : { repositoryId: id }),
          records,
          ...(records.length === limit && last ? { next: last.sequence } : {}),
        };
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
