// The App's details pages (docs/ledger.md): a PR's decision at /pr/OWNER/REPO/NUMBER (the decision
// check run's details link) and a model's timeline at /model/OWNER/REPO/NAME. Sign-in is GitHub's
// OAuth web flow of the App's own OAuth client; nothing of a repository is shown until GitHub, asked
// with the signed-in person's token, shows them the repository. Read-only, server-rendered.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { decisionPage, messagePage, modelPage, PAGE_CSS } from "../../core/report/html.js";
import { fromJsonReport } from "../../core/report/json.js";
import type { LedgerRecord } from "../../core/ledger/chain.js";
import { describeError } from "../../github/errors.js";
import { authorizeUrl, exchangeCode, OAuthRefused, type OAuthClient } from "../../github/oauth.js";
import { readableRepositoryId, tokenLogin, TokenRefused } from "../../github/rest/access.js";
import type { OctokitLike } from "../../github/types.js";
import type { Ledger } from "../../ledger/store.js";
import { cookies, SealedCookies } from "./session.js";
import { REPOSITORY_NAME_SOURCE } from "../../core/names.js";

export interface PagesOptions {
  ledger: Ledger;
  /** The App's public address, e.g. https://gate.example.com (OAuth's redirect and the check runs' links). */
  appUrl: string;
  oauth: OAuthClient;
  sessionSecret: string;
  /** An Octokit acting with a signed-in person's token. */
  callerOctokit: (token: string) => OctokitLike;
  /** GitHub's web address for links (https://github.com). */
  serverUrl?: string;
  now?: () => number;
}

// On https the names carry the __Host- prefix: the browser then takes them only from this host,
// over https, for the whole site, so a sibling subdomain cannot plant one.
const SESSION_NAME = "ma_session";
const SIGN_IN_NAME = "ma_sign_in";
// A signed-in person's GitHub token is in the sealed cookie (pages ask GitHub with it): an hour
// bounds what a copied cookie is worth. GitHub's own user tokens expire after 8 hours.
const SESSION_TTL_MS = 3600_000;
/** PR numbers GitHub can give (the ledger keeps them as a 32-bit integer). */
const MAX_PR = 2 ** 31 - 1;
const SIGN_IN_TTL_MS = 10 * 60_000;

const REPO_PART = REPOSITORY_NAME_SOURCE;
const PR_PATH = new RegExp(`^/pr/(${REPO_PART})/([1-9][0-9]{0,9})$`);
const MODEL_PATH = new RegExp(`^/model/(${REPO_PART})/([^/]{1,200})$`);

interface Session {
  login: string;
  token: string;
}

/** The address of a PR's details page. */
export function pullRequestPageUrl(appUrl: string, repository: string, pr: number): string {
  return `${appUrl.replace(/\/+$/, "")}/pr/${repository}/${pr}`;
}

/** A path segment decoded; undefined for a malformed %-escape. */
function decodedOrUndefined(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Only a page of ours may be where sign-in returns to: never another site. */
function safeReturn(path: string | null): string {
  return path && (PR_PATH.test(path) || MODEL_PATH.test(path)) ? path : "/";
}

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  // Pages show what one person may read: nothing is kept for another, nothing is framed or scripted.
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

function cookie(name: string, value: string, secure: boolean, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

export function detailsPages(options: PagesOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const sealed = new SealedCookies(options.sessionSecret, options.now);
  const appUrl = options.appUrl.replace(/\/+$/, "");
  const secure = appUrl.startsWith("https://");
  const SESSION = secure ? `__Host-${SESSION_NAME}` : SESSION_NAME;
  const SIGN_IN = secure ? `__Host-${SIGN_IN_NAME}` : SIGN_IN_NAME;
  const redirectUri = `${appUrl}/auth/callback`;

  const html = (
    res: ServerResponse,
    status: number,
    body: string,
    extra: Record<string, string | string[]> = {},
  ): void => {
    res.writeHead(status, { ...HEADERS, ...extra }).end(body);
  };

  const signIn = (res: ServerResponse, returnTo: string) => {
    const state = randomBytes(24).toString("base64url");
    res
      .writeHead(302, {
        ...HEADERS,
        location: authorizeUrl(options.oauth, redirectUri, state),
        "set-cookie": cookie(
          SIGN_IN,
          sealed.seal(SIGN_IN, { state, returnTo }, SIGN_IN_TTL_MS),
          secure,
          SIGN_IN_TTL_MS / 1000,
        ),
      })
      .end();
  };

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const pending = sealed.open<{ state: string; returnTo: string }>(
      SIGN_IN,
      cookies(req.headers.cookie)[SIGN_IN],
    );
    const state = url.searchParams.get("state") ?? "";
    const code = url.searchParams.get("code") ?? "";
    const same =
      typeof pending?.state === "string" &&
      typeof pending.returnTo === "string" &&
      pending.state.length === state.length &&
      timingSafeEqual(Buffer.from(pending.state), Buffer.from(state));
    // A callback this browser did not start (a forged link signing someone in as another) is refused.
    if (!same || !code)
      return html(
        res,
        400,
        messagePage("Sign-in failed", "This sign-in was not started here or has expired: start again."),
      );
    try {
      const token = await exchangeCode(options.oauth, code, redirectUri);
      const login = await tokenLogin(options.callerOctokit(token));
      res
        .writeHead(302, {
          ...HEADERS,
          location: safeReturn(pending.returnTo),
          "set-cookie": [
            cookie(
              SESSION,
              sealed.seal(SESSION, { login, token } satisfies Session, SESSION_TTL_MS),
              secure,
              SESSION_TTL_MS / 1000,
            ),
            cookie(SIGN_IN, "", secure, 0),
          ],
        })
        .end();
    } catch (error) {
      const message =
        error instanceof OAuthRefused || error instanceof TokenRefused ? error.message : describeError(error);
      html(res, 502, messagePage("Sign-in failed", message));
    }
  }

  /** The signed-in person, or undefined after sending them to sign in. */
  function session(req: IncomingMessage, res: ServerResponse, path: string): Session | undefined {
    const found = sealed.open<Partial<Session>>(SESSION, cookies(req.headers.cookie)[SESSION]);
    if (typeof found?.login === "string" && typeof found.token === "string")
      return { login: found.login, token: found.token };
    signIn(res, path);
    return undefined;
  }

  /** Exactly the same answer for a repository that does not exist, one they cannot read, and one without records. */
  const notFound = (res: ServerResponse, login: string) =>
    html(
      res,
      404,
      messagePage(
        "Not found",
        "There is no such page, or your GitHub account cannot read this repository.",
        login,
      ),
    );

  async function pullRequest(
    res: ServerResponse,
    who: Session,
    repository: string,
    pr: number,
  ): Promise<void> {
    const repositoryId = await readableRepositoryId(options.callerOctokit(who.token), repository);
    if (repositoryId === undefined) return notFound(res, who.login);
    const latest = await options.ledger.latestReport(repositoryId, pr);
    if (!latest) return notFound(res, who.login);
    const result = fromJsonReport(latest.report);
    const key = result.candidate?.modelKey;
    const [ofPr, ofModel, sent] = await Promise.all([
      options.ledger.history({ repositoryId, pr, limit: 200 }),
      key ? options.ledger.history({ repositoryId, digest: key, limit: 200 }) : Promise.resolve([]),
      options.ledger.outbox ? options.ledger.outbox.forPullRequest(repositoryId, pr) : Promise.resolve([]),
    ]);
    const bySequence = new Map<number, LedgerRecord>();
    for (const record of [...ofPr, ...ofModel]) bySequence.set(record.sequence, record);
    const timeline = [...bySequence.values()].sort((a, b) => b.sequence - a.sequence);
    html(
      res,
      200,
      decisionPage({
        repository,
        pr,
        result,
        decidedAt: latest.updatedAt,
        timeline,
        ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
        login: who.login,
        now: new Date(options.now?.() ?? Date.now()).toISOString(),
        notifications: sent.map((n) => ({
          destination: n.destination,
          event: n.event,
          status: n.status,
          attempts: n.attempts,
          ...(n.lastError ? { lastError: n.lastError } : {}),
          updatedAt: n.updatedAt.toISOString(),
        })),
      }),
    );
  }

  async function model(res: ServerResponse, who: Session, repository: string, name: string): Promise<void> {
    const repositoryId = await readableRepositoryId(options.callerOctokit(who.token), repository);
    if (repositoryId === undefined) return notFound(res, who.login);
    const timeline = await options.ledger.history({ repositoryId, model: name, limit: 500 });
    if (timeline.length === 0) return notFound(res, who.login);
    html(res, 200, modelPage({ repository, model: name, timeline, login: who.login }));
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path === "/login") return signIn(res, safeReturn(url.searchParams.get("return_to")));
    if (path === "/auth/callback") return callback(req, res, url);
    if (path === "/logout")
      return html(res, 200, messagePage("Signed out", "You are signed out of model-approval."), {
        "set-cookie": cookie(SESSION, "", secure, 0),
      });
    if (path === "/") {
      const who = sealed.open<Session>(SESSION, cookies(req.headers.cookie)[SESSION]);
      return html(
        res,
        200,
        messagePage(
          "model-approval",
          "Each pull request's page is linked from its model-approval check run (Details).",
          who?.login,
        ),
      );
    }
    const pr = PR_PATH.exec(path);
    const byModel = MODEL_PATH.exec(path);
    const who = session(req, res, path);
    if (!who) return;
    try {
      if (pr?.[1] && pr[2] && Number(pr[2]) <= MAX_PR)
        return await pullRequest(res, who, pr[1], Number(pr[2]));
      const name = byModel?.[2] ? decodedOrUndefined(byModel[2]) : undefined;
      if (byModel?.[1] && name) return await model(res, who, byModel[1], name);
      return notFound(res, who.login);
    } catch (error) {
      if (error instanceof TokenRefused)
        return html(
          res,
          401,
          messagePage("Signed out", "GitHub no longer accepts your sign-in: sign in again."),
          {
            "set-cookie": cookie(SESSION, "", secure, 0),
          },
        );
      // The reason stays out of the page (it may name the database's host); the page says what to do.
      return html(
        res,
        502,
        messagePage(
          "Cannot show this page",
          "GitHub or the ledger did not answer in time: try again in a moment.",
          who.login,
        ),
      );
    }
  }

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    // Browsers ask for an icon on every page: none, rather than a 404 in their console.
    if (path === "/favicon.ico" && req.method === "GET") {
      res.writeHead(204, { "cache-control": "public, max-age=86400" }).end();
      return true;
    }
    if (path === "/assets/page.css" && req.method === "GET") {
      res
        .writeHead(200, {
          "content-type": "text/css; charset=utf-8",
          "cache-control": "public, max-age=3600",
          "x-content-type-options": "nosniff",
        })
        .end(PAGE_CSS);
      return true;
    }
    const ours =
      path === "/" ||
      path === "/login" ||
      path === "/auth/callback" ||
      path === "/logout" ||
      PR_PATH.test(path) ||
      MODEL_PATH.test(path);
    if (!ours) return false;
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET", "content-type": "text/plain" }).end("read-only\n");
      return true;
    }
    route(req, res, url).catch(() => {
      if (!res.headersSent)
        html(res, 500, messagePage("Cannot show this page", "Something went wrong: try again."));
    });
    return true;
  };
}
