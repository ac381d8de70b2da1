// The operations a GitHub App calls with its JWT: who am I, where am I installed, and a token
// for an installation. Each App registered with the local GitHub is installed on every repository.
import { issueInstallationToken } from "./app-auth.js";
import { HttpError } from "./http-error.js";
import { idOf, user } from "./representations.js";
import { lower, type FakeApp } from "./state.js";
import type { Handler, RouteContext } from "./routes.js";

function jwtApp(ctx: RouteContext): FakeApp {
  const app = ctx.identity.jwtAppId === undefined ? undefined : ctx.state.apps.get(ctx.identity.jwtAppId);
  if (!app)
    throw new HttpError(
      401,
      "A JSON web token could not be decoded: this operation needs the App's JWT, not a token",
    );
  return app;
}

function installation(app: FakeApp, owner: string) {
  return {
    id: app.installationId,
    account: user(owner),
    app_id: app.id,
    app_slug: app.slug,
    target_id: idOf(`user:${owner}`),
    target_type: "Organization",
    repository_selection: "all",
    permissions: PERMISSIONS,
    events: app.events ?? EVENTS,
  };
}

/** What app.yml asks for. */
const PERMISSIONS = {
  actions: "read",
  checks: "write",
  contents: "read",
  deployments: "write",
  issues: "write",
  pull_requests: "write",
  members: "read",
  metadata: "read",
};
export const EVENTS = ["pull_request", "pull_request_review", "check_run", "deployment_protection_rule"];

export const appRoutes: Record<string, Handler> = {
  "GET /app": (ctx) => {
    const app = jwtApp(ctx);
    return {
      status: 200,
      body: {
        id: app.id,
        slug: app.slug,
        name: app.name,
        owner: user("local"),
        permissions: PERMISSIONS,
        events: app.events ?? EVENTS,
      },
    };
  },

  "GET /repos/{owner}/{repo}/installation": (ctx) => {
    const app = jwtApp(ctx);
    if (!ctx.state.repos.has(lower(`${ctx.params.owner}/${ctx.params.repo}`)))
      throw new HttpError(404, "Not Found");
    return { status: 200, body: installation(app, ctx.params.owner ?? "") };
  },

  "POST /app/installations/{installation_id}/access_tokens": (ctx) => {
    const app = jwtApp(ctx);
    if (Number(ctx.params.installation_id) !== app.installationId) throw new HttpError(404, "Not Found");
    const { token, expiresAt } = issueInstallationToken(ctx.state, app);
    return {
      status: 201,
      body: { token, expires_at: expiresAt, permissions: PERMISSIONS, repository_selection: "all" },
    };
  },
};
