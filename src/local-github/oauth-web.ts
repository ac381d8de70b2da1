// GitHub's OAuth web flow, as a GitHub App's "sign in with GitHub" uses it: the authorize page on
// GitHub's web host, then the code traded for a user token. These are not API operations (GitHub
// serves them on github.com, not api.github.com), so the OpenAPI subset does not describe them;
// they follow docs.github.com's "Generating a user access token for a GitHub App". The local
// GitHub has no passwords: its authorize page asks which login to sign in as.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeApp, FakeGitHubState } from "./state.js";
import { escapeHtml } from "../core/report/html.js";

const CODE_TTL_MS = 10 * 60_000;

function appOf(state: FakeGitHubState, clientId: string | null): FakeApp | undefined {
  return [...state.apps.values()].find((app) => app.clientId !== undefined && app.clientId === clientId);
}

function fields(text: string, contentType: string): URLSearchParams {
  if (contentType.includes("application/json")) {
    const body = JSON.parse(text || "{}") as Record<string, unknown>;
    return new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]));
  }
  return new URLSearchParams(text);
}

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · local GitHub</title><link rel="icon" href="data:,"></head>
<body>${body}</body></html>
`);
}

/** Answers the web flow's requests; false for anything else. */
export function serveOAuthWeb(
  state: FakeGitHubState,
  request: IncomingMessage,
  url: URL,
  text: string,
  response: ServerResponse,
): boolean {
  const method = request.method ?? "GET";
  const contentType = String(request.headers["content-type"] ?? "");
  if (url.pathname === "/login/oauth/authorize" && method === "GET") {
    const app = appOf(state, url.searchParams.get("client_id"));
    if (!app) {
      html(response, 404, "<h1>Not Found</h1><p>No application has this client_id.</p>");
      return true;
    }
    const keep = ["client_id", "redirect_uri", "state"]
      .map(
        (name) =>
          `<input type="hidden" name="${name}" value="${escapeHtml(url.searchParams.get(name) ?? "")}">`,
      )
      .join("");
    html(
      response,
      200,
      `<h1>Authorize ${escapeHtml(app.name)}</h1>
<form method="post" action="/login/oauth/authorize">${keep}
<label for="login">Sign in to the local GitHub as</label>
<input id="login" name="login" autocomplete="username" required>
<button type="submit">Authorize ${escapeHtml(app.name)}</button>
</form>`,
    );
    return true;
  }
  if (url.pathname === "/login/oauth/authorize" && method === "POST") {
    const form = fields(text, contentType);
    const app = appOf(state, form.get("client_id"));
    const login = form.get("login")?.trim() ?? "";
    const redirectUri = form.get("redirect_uri") ?? "";
    if (!app || !login || !/^https?:\/\//.test(redirectUri)) {
      html(response, 422, "<h1>Cannot authorize</h1><p>Unknown client, no login, or no redirect_uri.</p>");
      return true;
    }
    const code = randomBytes(10).toString("hex");
    state.oauthCodes.set(code, {
      login,
      clientId: app.clientId ?? "",
      redirectUri,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", form.get("state") ?? "");
    response.writeHead(302, { location: back.href }).end();
    return true;
  }
  if (url.pathname === "/login/oauth/access_token" && method === "POST") {
    const form = fields(text, contentType);
    const app = appOf(state, form.get("client_id"));
    const code = form.get("code") ?? "";
    const granted = state.oauthCodes.get(code);
    state.oauthCodes.delete(code);
    const reply = (body: Record<string, unknown>) =>
      response
        .writeHead(200, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(body));
    if (!app || app.clientSecret !== form.get("client_secret"))
      reply({
        error: "incorrect_client_credentials",
        error_description: "The client_id and/or client_secret passed are incorrect.",
      });
    else if (
      !granted ||
      granted.expiresAt < Date.now() ||
      granted.clientId !== app.clientId ||
      (form.has("redirect_uri") && form.get("redirect_uri") !== granted.redirectUri)
    )
      reply({
        error: "bad_verification_code",
        error_description: "The code passed is incorrect or expired.",
      });
    else {
      const token = `ghu_${randomBytes(18).toString("base64url")}`;
      state.addToken(token, { login: granted.login, type: "User" });
      reply({ access_token: token, token_type: "bearer", scope: "" });
    }
    return true;
  }
  return false;
}
