// One handler per GitHub operation the gateway uses, keyed like the OpenAPI subset. A handler
// reads and changes the state and returns the meaningful part of the response; the server adds
// pagination, fills the documented shape and checks it.
import * as json from "./representations.js";
import { appRoutes } from "./app-routes.js";
import { userRoutes } from "./user-routes.js";
import { HttpError } from "./http-error.js";
import { GRAPHQL_ROUTE, graphqlHandler } from "./graphql/endpoint.js";
import {
  gitBlobSha,
  lower,
  type FakeActivity,
  type FakeGitHubState,
  type FakeIdentity,
  type FakeRepo,
} from "./state.js";

export { HttpError };

export interface RouteContext {
  state: FakeGitHubState;
  params: Record<string, string>;
  query: URLSearchParams;
  // Request bodies are checked against the schema before a handler runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  identity: FakeIdentity;
  accept: string;
  /** The local GitHub's own URL, e.g. http://127.0.0.1:4567 (for URLs in bodies and headers). */
  baseUrl?: string;
}

export type Reply =
  | {
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      /** What the request got wrong against GitHub's contract, though answered as GitHub would. */
      violations?: string[];
    }
  /** A list the server paginates; `key` wraps a page as {total_count, [key]: page}. */
  | { status: 200; items: unknown[]; key?: string }
  /** A non-JSON body (the contents API's raw media type); not described by the OpenAPI subset. */
  | { status: 200; raw: string; contentType: string };

export type Handler = (ctx: RouteContext) => Reply;

const NOT_ACCESSIBLE = "Resource not accessible by integration";

function repoOf(ctx: RouteContext): FakeRepo {
  const repo = ctx.state.repos.get(lower(`${ctx.params.owner}/${ctx.params.repo}`));
  if (!repo) throw new HttpError(404, "Not Found");
  return repo;
}

function pullOf(ctx: RouteContext, param = "pull_number") {
  const repo = repoOf(ctx);
  const pull = repo.pulls.find((p) => p.number === Number(ctx.params[param]));
  if (!pull) throw new HttpError(404, "Not Found");
  return { repo, pull };
}

function runOf(ctx: RouteContext, repo: FakeRepo) {
  const run = repo.workflowRuns.find((r) => r.id === Number(ctx.params.run_id));
  if (!run) throw new HttpError(404, "Not Found");
  return run;
}

function writable(ctx: RouteContext): void {
  if (ctx.identity.readOnly) throw new HttpError(403, NOT_ACCESSIBLE);
}

function appOnly(ctx: RouteContext): string {
  writable(ctx);
  if (!ctx.identity.appSlug) throw new HttpError(403, "You must authenticate via a GitHub App.");
  return ctx.identity.appSlug;
}

function checkRunWrite(ctx: RouteContext, run: { status?: string; conclusion?: string | null }): void {
  const annotations = ctx.body?.output?.annotations as unknown[] | undefined;
  if (annotations && annotations.length > 50)
    throw new HttpError(422, "Only 50 annotations are allowed per request");
  if (run.status === "completed" && !run.conclusion)
    throw new HttpError(422, "Invalid request.", ["conclusion is required when status is completed"]);
}

export const handlers: Record<string, Handler> = {
  "GET /repos/{owner}/{repo}/contents/{path}": (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.query.get("ref") ?? repo.defaultBranch;
    const sha = ctx.state.resolveRef(repo, ref);
    if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
    const content = repo.commits[sha]?.[ctx.params.path ?? ""];
    if (content === undefined) throw new HttpError(404, "Not Found");
    if (/\.raw\b/.test(ctx.accept))
      return { status: 200, raw: content, contentType: "application/vnd.github.raw; charset=utf-8" };
    const path = ctx.params.path ?? "";
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(content),
        name: path.split("/").pop(),
        path,
        content: Buffer.from(content).toString("base64"),
        sha: gitBlobSha(content),
      },
    };
  },

  "GET /repos/{owner}/{repo}/pulls/{pull_number}": (ctx) => {
    const { repo, pull } = pullOf(ctx);
    return { status: 200, body: json.pullRequest(repo, pull, true) };
  },

  "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews": (ctx) => {
    const { pull } = pullOf(ctx);
    return { status: 200, items: pull.reviews.map(json.review) };
  },

  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": (ctx) => {
    const { pull } = pullOf(ctx);
    return { status: 200, items: pull.files.map(json.changedFile) };
  },

  "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": (ctx) => {
    const { repo, pull } = pullOf(ctx);
    return {
      status: 200,
      body: {
        users: pull.requestedReviewers.map((login) => json.user(login)),
        teams: pull.requestedTeams.map((slug) => json.team(repo.owner, slug)),
      },
    };
  },

  "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": (ctx) => {
    writable(ctx);
    const { repo, pull } = pullOf(ctx);
    const users = (ctx.body?.reviewers ?? []) as string[];
    const teams = (ctx.body?.team_reviewers ?? []) as string[];
    if (users.some((u) => lower(u) === lower(pull.author)))
      throw new HttpError(422, "Review cannot be requested from pull request author.");
    const outsider = users.find(
      (u) => repo.collaborators && !repo.collaborators.some((c) => lower(c) === lower(u)),
    );
    const unknownTeam = teams.find((t) => !ctx.state.teams.has(lower(`${repo.owner}/${t}`)));
    if (outsider !== undefined || unknownTeam !== undefined)
      throw new HttpError(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner}/${repo.name} repository.`,
      );
    for (const u of users)
      if (!pull.requestedReviewers.some((r) => lower(r) === lower(u))) pull.requestedReviewers.push(u);
    for (const t of teams)
      if (!pull.requestedTeams.some((r) => lower(r) === lower(t))) pull.requestedTeams.push(t);
    if (users.length + teams.length > 0) ctx.state.touchPull(pull);
    return { status: 201, body: json.pullRequest(repo, pull, false) };
  },

  "GET /orgs/{org}/teams/{team_slug}/members": (ctx) => {
    if (ctx.identity.noOrgRead) throw new HttpError(403, NOT_ACCESSIBLE);
    const members = ctx.state.teams.get(lower(`${ctx.params.org}/${ctx.params.team_slug}`));
    if (!members) throw new HttpError(404, "Not Found");
    return { status: 200, items: members.map((login) => json.user(login)) };
  },

  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls": (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.state.resolveRef(repo, ctx.params.commit_sha ?? "") ?? ctx.params.commit_sha;
    const pulls = repo.pulls.filter((p) => p.headSha === sha);
    return { status: 200, items: pulls.map((p) => json.pullRequest(repo, p, false)) };
  },

  "GET /repos/{owner}/{repo}/commits/{ref}": (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref ?? "";
    const sha = ctx.state.resolveRef(repo, ref);
    if (!sha || !repo.commits[sha]) throw new HttpError(422, `No commit found for SHA: ${ref}`);
    return { status: 200, body: json.commit(repo, sha, ctx.baseUrl) };
  },

  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.state.resolveRef(repo, ctx.params.ref ?? "") ?? ctx.params.ref;
    const name = ctx.query.get("check_name");
    let runs = repo.checkRuns.filter((r) => r.headSha === sha && (name === null || r.name === name));
    if ((ctx.query.get("filter") ?? "latest") === "latest") {
      // The newest run of each name per app, as GitHub's default filter returns.
      const newest = new Map<string, (typeof runs)[number]>();
      for (const run of runs) {
        const key = `${run.name}\n${run.appSlug}`;
        if ((newest.get(key)?.id ?? -1) < run.id) newest.set(key, run);
      }
      runs = [...newest.values()];
    }
    return { status: 200, items: runs.sort((a, b) => b.id - a.id).map(json.checkRun), key: "check_runs" };
  },

  "POST /repos/{owner}/{repo}/check-runs": (ctx) => {
    const appSlug = appOnly(ctx);
    const repo = repoOf(ctx);
    const status = ctx.body.conclusion ? "completed" : (ctx.body.status ?? "queued");
    checkRunWrite(ctx, { status, conclusion: ctx.body.conclusion });
    const output = ctx.body.output ?? {};
    const run = ctx.state.addCheckRun(`${repo.owner}/${repo.name}`, {
      name: ctx.body.name,
      headSha: ctx.body.head_sha,
      appSlug,
      status,
      conclusion: ctx.body.conclusion ?? null,
      title: output.title ?? null,
      summary: output.summary ?? null,
      text: output.text ?? null,
      externalId: ctx.body.external_id ?? null,
      detailsUrl: ctx.body.details_url ?? null,
      annotations: [...(output.annotations ?? [])],
      completedAt: status === "completed" ? ctx.state.now() : null,
    });
    if (status === "completed")
      ctx.state.emit({ kind: "check_run_completed", repo, run, sender: ctx.identity.login });
    return { status: 201, body: json.checkRun(run) };
  },

  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": (ctx) => {
    const appSlug = appOnly(ctx);
    const repo = repoOf(ctx);
    const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) throw new HttpError(404, "Not Found");
    if (run.appSlug !== appSlug)
      throw new HttpError(
        403,
        "Invalid app_id `" +
          appSlug +
          "` - check run can only be modified by the GitHub App that created it.",
      );
    const wasCompleted = run.status === "completed";
    const status = ctx.body.conclusion ? "completed" : (ctx.body.status ?? run.status);
    const conclusion = status === "completed" ? (ctx.body.conclusion ?? run.conclusion) : null;
    checkRunWrite(ctx, { status, conclusion });
    const output = ctx.body.output;
    Object.assign(run, {
      status,
      conclusion,
      completedAt: status === "completed" ? (run.completedAt ?? ctx.state.now()) : null,
      ...(ctx.body.external_id !== undefined ? { externalId: ctx.body.external_id } : {}),
      ...(ctx.body.details_url !== undefined ? { detailsUrl: ctx.body.details_url } : {}),
      ...(ctx.body.name !== undefined ? { name: ctx.body.name } : {}),
    });
    if (output) {
      run.title = output.title ?? run.title;
      run.summary = output.summary ?? run.summary;
      if (output.text !== undefined) run.text = output.text;
      // GitHub appends annotations on every update.
      run.annotations.push(...(output.annotations ?? []));
    }
    // GitHub sends completed each time a run is completed, also when it is completed again.
    if (status === "completed" && (!wasCompleted || ctx.body.conclusion))
      ctx.state.emit({ kind: "check_run_completed", repo, run, sender: ctx.identity.login });
    return { status: 200, body: json.checkRun(run) };
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    const repo = repoOf(ctx);
    const number = Number(ctx.params.issue_number);
    if (!repo.pulls.some((p) => p.number === number)) throw new HttpError(404, "Not Found");
    return { status: 200, items: repo.comments.filter((c) => c.issueNumber === number).map(json.comment) };
  },

  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    writable(ctx);
    const repo = repoOf(ctx);
    const number = Number(ctx.params.issue_number);
    if (!repo.pulls.some((p) => p.number === number)) throw new HttpError(404, "Not Found");
    const added = ctx.state.addComment(`${repo.owner}/${repo.name}`, number, {
      user: ctx.identity.login,
      body: ctx.body.body,
      bot: ctx.identity.type === "Bot",
    });
    return { status: 201, body: json.comment(added) };
  },

  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    writable(ctx);
    const repo = repoOf(ctx);
    const found = repo.comments.find((c) => c.id === Number(ctx.params.comment_id));
    if (!found) throw new HttpError(404, "Not Found");
    found.body = ctx.body.body;
    found.updatedAt = ctx.state.now();
    return { status: 200, body: json.comment(found) };
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const { pull } = pullOf(ctx, "issue_number");
    return { status: 200, items: pull.labels.map(json.label) };
  },

  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    writable(ctx);
    const { repo, pull } = pullOf(ctx, "issue_number");
    const names = ((ctx.body?.labels ?? []) as (string | { name: string })[]).map((l) =>
      typeof l === "string" ? l : l.name,
    );
    for (const name of names) {
      if (pull.labels.some((l) => lower(l) === lower(name))) continue;
      pull.labels.push(name);
      ctx.state.touchPull(pull);
      ctx.state.emit({
        kind: "label",
        action: "labeled",
        repo,
        pull,
        label: name,
        sender: ctx.identity.login,
      });
    }
    return { status: 200, body: pull.labels.map(json.label) };
  },

  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}": (ctx) => {
    writable(ctx);
    const { repo, pull } = pullOf(ctx, "issue_number");
    const name = lower(ctx.params.name ?? "");
    const removed = pull.labels.find((l) => lower(l) === name);
    if (removed === undefined) throw new HttpError(404, "Label does not exist");
    pull.labels = pull.labels.filter((l) => lower(l) !== name);
    ctx.state.touchPull(pull);
    ctx.state.emit({
      kind: "label",
      action: "unlabeled",
      repo,
      pull,
      label: removed,
      sender: ctx.identity.login,
    });
    return { status: 200, body: pull.labels.map(json.label) };
  },

  "GET /repos/{owner}/{repo}/actions/runs": (ctx) => {
    const repo = repoOf(ctx);
    const q = (name: string) => ctx.query.get(name);
    const [headSha, status, event, branch, suite, actor, created] = [
      q("head_sha"),
      q("status"),
      q("event"),
      q("branch"),
      q("check_suite_id"),
      q("actor"),
      q("created"),
    ];
    const runs = repo.workflowRuns
      .filter(
        (r) =>
          (headSha === null || r.headSha === headSha) &&
          (status === null || r.status === status || r.conclusion === status) &&
          (event === null || r.event === event) &&
          (branch === null || r.headBranch === branch) &&
          (suite === null || r.checkSuiteId === Number(suite)) &&
          (actor === null || lower(r.actor) === lower(actor)) &&
          (created === null || inDateRange(r.createdAt, created)),
      )
      // Newest first, as GitHub orders by creation.
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const options = { api: ctx.baseUrl, excludePullRequests: q("exclude_pull_requests") === "true" };
    return {
      status: 200,
      items: runs.map((r) => json.workflowRun(repo, r, options)),
      key: "workflow_runs",
    };
  },

  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments": (ctx) => {
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    return { status: 200, body: run.waitingOn.map(json.pendingDeployment) };
  },

  "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule": (ctx) => {
    const appSlug = appOnly(ctx);
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    const {
      environment_name: environment,
      state,
      comment,
    } = ctx.body as {
      environment_name: string;
      state?: "approved" | "rejected";
      comment?: string;
    };
    if (comment !== undefined && comment.length > 1024)
      throw new HttpError(422, "Comment is too long (maximum is 1024 characters)");
    if (
      !run.waitingOn.some((e) => e.name === environment) ||
      !ctx.state.protectionApps(repo, environment).includes(appSlug)
    )
      throw new HttpError(422, `No pending deployment protection rule for environment ${environment}`);
    run.answers.push({
      environment,
      ...(state ? { state } : {}),
      ...(comment !== undefined ? { comment } : {}),
      by: ctx.identity.login,
      appSlug,
    });
    if (state === "approved") {
      run.waitingOn = run.waitingOn.filter((e) => e.name !== environment);
      if (run.waitingOn.length === 0) ctx.state.setRunStatus(run, "in_progress");
    } else if (state === "rejected") {
      run.waitingOn = [];
      ctx.state.setRunStatus(run, "completed", "failure");
    }
    ctx.state.emit({ kind: "deployment_answered", repo, run });
    return { status: 204 };
  },

  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules": (ctx) => {
    const repo = repoOf(ctx);
    const rules = ctx.state.protectionApps(repo, String(ctx.params.environment_name)).map((slug) => {
      const app = [...ctx.state.apps.values()].find((a) => a.slug === slug);
      return json.deploymentProtectionRule(app?.id ?? 0, slug, ctx.baseUrl);
    });
    return { status: 200, body: { total_count: rules.length, custom_deployment_protection_rules: rules } };
  },

  "GET /repos/{owner}/{repo}/actions/runs/{run_id}": (ctx) => {
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    const excludePullRequests = ctx.query.get("exclude_pull_requests") === "true";
    return { status: 200, body: json.workflowRun(repo, run, { api: ctx.baseUrl, excludePullRequests }) };
  },

  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}": (ctx) => {
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    const number = Number(ctx.params.attempt_number);
    const attempt = run.attempts.find((a) => a.runAttempt === number);
    if (!attempt && number !== run.runAttempt) throw new HttpError(404, "Not Found");
    const excludePullRequests = ctx.query.get("exclude_pull_requests") === "true";
    return {
      status: 200,
      body: json.workflowRun(repo, run, { api: ctx.baseUrl, attempt, excludePullRequests }),
    };
  },

  "GET /repos/{owner}/{repo}/deployments": (ctx) => {
    const repo = repoOf(ctx);
    const q = (name: string) => ctx.query.get(name);
    const deployments = repo.deployments
      .filter(
        (d) =>
          (q("environment") === null || d.environment === q("environment")) &&
          (q("sha") === null || d.sha === q("sha")) &&
          (q("ref") === null || d.ref === q("ref")),
      )
      .reverse();
    return { status: 200, items: deployments.map((d) => json.deployment(repo, d, ctx.baseUrl)) };
  },

  "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses": (ctx) => {
    const repo = repoOf(ctx);
    const deployment = repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id));
    if (!deployment) throw new HttpError(404, "Not Found");
    const statuses = [...deployment.statuses].reverse();
    return {
      status: 200,
      items: statuses.map((s) => json.deploymentStatus(repo, deployment, s, ctx.baseUrl)),
    };
  },

  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts": (ctx) => {
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    const name = ctx.query.get("name");
    const artifacts = repo.artifacts
      .filter((a) => a.workflowRunId === run.id && (name === null || a.name === name))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
    if ((ctx.query.get("direction") ?? "desc") === "desc") artifacts.reverse();
    return {
      status: 200,
      items: artifacts.map((a) => json.artifact(repo, a, ctx.baseUrl)),
      key: "artifacts",
    };
  },

  "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}": (ctx) => {
    const repo = repoOf(ctx);
    const artifact = repo.artifacts.find((a) => a.id === Number(ctx.params.artifact_id));
    if (!artifact) throw new HttpError(404, "Not Found");
    if (ctx.params.archive_format !== "zip")
      throw new HttpError(422, "Invalid archive_format, only `zip` is supported");
    if (artifact.expired) throw new HttpError(410, "Artifact has expired");
    // Like GitHub: a redirect to a signed blob-storage URL that needs no token and soon expires.
    const token = ctx.state.addBlob(json.artifactZip(artifact), "application/zip");
    const location = `${ctx.baseUrl ?? ""}/_blobs/artifacts/${token}`;
    return { status: 302, headers: { location } };
  },

  "GET /repos/{owner}/{repo}/compare/{basehead}": (ctx) => compare(ctx),

  "GET /repos/{owner}/{repo}/activity": (ctx) => activities(ctx),

  "GET /repos/{owner}/{repo}/pulls": (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get("state") ?? "open";
    const base = ctx.query.get("base");
    const head = ctx.query.get("head");
    const [headOwner, headRef] = head?.includes(":") ? head.split(":", 2) : [undefined, head];
    const pulls = repo.pulls.filter(
      (p) =>
        (state === "all" || p.state === state) &&
        (base === null || p.baseRef === base) &&
        (headRef === null || headRef === undefined || p.headRef === headRef) &&
        (headOwner === undefined || lower(p.headRepo.split("/")[0] ?? "") === lower(headOwner)),
    );
    const sort = ctx.query.get("sort") ?? "created";
    const key = (p: (typeof pulls)[number]) => (sort === "updated" ? p.updatedAt : p.createdAt);
    pulls.sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
    const direction = ctx.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
    if (direction === "desc") pulls.reverse();
    return { status: 200, items: pulls.map((p) => json.pullRequest(repo, p, false)) };
  },

  "GET /installation/repositories": (ctx) => {
    const app = [...ctx.state.apps.values()].find((a) => a.slug === ctx.identity.appSlug);
    if (!app || ctx.identity.type !== "Bot")
      throw new HttpError(403, "This endpoint needs an installation access token of a GitHub App");
    // Each App registered with the local GitHub is installed on every repository.
    const repos = [...ctx.state.repos.values()].sort((a, b) => a.id - b.id);
    return {
      status: 200,
      items: repos.map((r) => json.repository(`${r.owner}/${r.name}`, r)),
      key: "repositories",
    };
  },

  "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews": (ctx) => {
    writable(ctx);
    const { repo, pull } = pullOf(ctx);
    if (ctx.identity.type !== "User") throw new HttpError(403, NOT_ACCESSIBLE);
    const event = ctx.body?.event as "APPROVE" | "REQUEST_CHANGES" | "COMMENT" | undefined;
    if (event !== "COMMENT" && lower(ctx.identity.login) === lower(pull.author))
      throw new HttpError(422, "Unprocessable Entity", [
        "Can not approve or request changes on your own pull request",
      ]);
    if (event === "REQUEST_CHANGES" && !ctx.body?.body)
      throw new HttpError(422, "Unprocessable Entity", ["Review body is required for REQUEST_CHANGES"]);
    const state = event === undefined ? "PENDING" : REVIEW_STATES[event];
    const added = ctx.state.addReview(`${repo.owner}/${repo.name}`, pull.number, {
      user: ctx.identity.login,
      state,
      commitId: ctx.body?.commit_id ?? pull.headSha,
      body: ctx.body?.body ?? "",
    });
    if (state !== "PENDING")
      ctx.state.emit({ kind: "review", repo, pull, review: added, sender: ctx.identity.login });
    return { status: 200, body: { ...json.review(added), pull_request_url: "", html_url: "" } };
  },

  [GRAPHQL_ROUTE]: graphqlHandler,

  ...appRoutes,
  ...userRoutes,
};

/**
 * GitHub's search syntax for dates: `>=D`, `>D`, `<=D`, `<D`, `D..D` (either side may be `*`),
 * or `D` (that day, or that exact time). D is a date or a date-time.
 */
function inDateRange(at: string, range: string): boolean {
  const time = Date.parse(at);
  const bound = (d: string, end: boolean) =>
    d === "*" ? (end ? Infinity : -Infinity) : Date.parse(d) + (end && !d.includes("T") ? 86_400_000 - 1 : 0);
  const op = /^(>=|<=|>|<)(.+)$/.exec(range);
  if (op) {
    const [, sign, d = ""] = op;
    if (sign === ">=") return time >= bound(d, false);
    if (sign === ">") return time > bound(d, true);
    if (sign === "<=") return time <= bound(d, true);
    return time < bound(d, false);
  }
  const [from = "", to = from] = range.split("..");
  return time >= bound(from, false) && time <= bound(to, true);
}

/** Compare two commits: `BASE...HEAD`, as GitHub's three-dot comparison answers it. */
function compare(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const fullName = `${repo.owner}/${repo.name}`;
  const basehead = ctx.params.basehead ?? "";
  const dots = basehead.indexOf("...");
  if (dots <= 0 || dots + 3 >= basehead.length) throw new HttpError(404, "Not Found");
  const [baseRef, headRef] = [basehead.slice(0, dots), basehead.slice(dots + 3)];
  const base = ctx.state.resolveRef(repo, baseRef);
  const head = ctx.state.resolveRef(repo, headRef);
  if (!base || !head) throw new HttpError(404, "Not Found");
  const mergeBase = ctx.state.mergeBase(fullName, base, head);
  if (!mergeBase) throw new HttpError(404, `No common ancestor between ${baseRef} and ${headRef}.`);
  const fromBase = new Set(ctx.state.reachable(fullName, base));
  const fromHead = ctx.state.reachable(fullName, head);
  const aheadOf = new Set(fromHead);
  // Oldest first, like the API (git log BASE..HEAD reversed).
  const commits = fromHead.filter((sha) => !fromBase.has(sha)).reverse();
  const behindBy = [...fromBase].filter((sha) => !aheadOf.has(sha)).length;
  const aheadBy = commits.length;
  const status =
    aheadBy === 0 && behindBy === 0
      ? "identical"
      : behindBy === 0
        ? "ahead"
        : aheadBy === 0
          ? "behind"
          : "diverged";
  // Without paging GitHub lists the last 250 commits; with it, a page of them and files only on the first.
  const paged = ctx.query.has("page") || ctx.query.has("per_page");
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page") ?? 30)));
  const page = Math.max(1, Number(ctx.query.get("page") ?? 1));
  const listed = paged ? commits.slice((page - 1) * perPage, page * perPage) : commits.slice(-250);
  const api = ctx.baseUrl;
  const files = ctx.state
    .treeDiff(fullName, mergeBase, head)
    .slice(0, MAX_COMPARE_FILES)
    .map((change) => json.diffEntry(repo, change, change.status === "removed" ? mergeBase : head, api));
  const web = `https://github.com/${fullName}/compare/${baseRef}...${headRef}`;
  return {
    status: 200,
    body: {
      url: `${api ?? json.GITHUB_API}/repos/${fullName}/compare/${baseRef}...${headRef}`,
      html_url: web,
      permalink_url: `https://github.com/${fullName}/compare/${base.slice(0, 7)}...${head.slice(0, 7)}`,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      base_commit: json.commit(repo, base, api),
      merge_base_commit: json.commit(repo, mergeBase, api),
      status,
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      commits: listed.map((sha) => json.commit(repo, sha, api)),
      ...(page === 1 ? { files } : {}),
    },
  };
}

/** GitHub lists at most this many files in a comparison. */
const MAX_COMPARE_FILES = 300;

/** Cursors are opaque to callers; here they carry the activity id. */
const cursor = (a: FakeActivity) => Buffer.from(`activity:${a.id}`).toString("base64url");
const cursorId = (value: string) => Number(Buffer.from(value, "base64url").toString("utf8").split(":")[1]);

const PERIODS: Record<string, number> = { day: 1, week: 7, month: 30, quarter: 91, year: 365 };

/** Repository activity, newest first by default, paginated by before/after cursors. */
function activities(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const q = (name: string) => ctx.query.get(name);
  const ref = q("ref");
  const fullRef = ref === null ? null : ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
  const type = q("activity_type");
  const actor = q("actor");
  const period = q("time_period");
  const newest = repo.activities.reduce((max, a) => (a.timestamp > max ? a.timestamp : max), "");
  const since =
    period === null || newest === ""
      ? undefined
      : new Date(Date.parse(newest) - (PERIODS[period] ?? 0) * 86_400_000).toISOString();
  const all = repo.activities
    .filter(
      (a) =>
        (fullRef === null || a.ref === fullRef) &&
        (type === null || a.activityType === type) &&
        (actor === null || lower(a.actor) === lower(actor)) &&
        (since === undefined || new Date(a.timestamp).toISOString() >= since),
    )
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id - b.id);
  if ((q("direction") ?? "desc") === "desc") all.reverse();
  const perPage = Math.min(100, Math.max(1, Number(q("per_page") ?? 30)));
  const before = q("before");
  const after = q("after");
  let start = 0;
  let end = Math.min(all.length, perPage);
  if (after !== null) {
    const at = all.findIndex((a) => a.id === cursorId(after));
    start = at === -1 ? all.length : at + 1;
    end = Math.min(all.length, start + perPage);
  } else if (before !== null) {
    const at = all.findIndex((a) => a.id === cursorId(before));
    end = at === -1 ? 0 : at;
    start = Math.max(0, end - perPage);
  }
  const page = all.slice(start, end);
  const links: string[] = [];
  const link = (name: "before" | "after", value: FakeActivity, rel: string) => {
    const url = new URL(`${ctx.baseUrl ?? json.GITHUB_API}/repos/${repo.owner}/${repo.name}/activity`);
    for (const [k, v] of ctx.query) if (k !== "before" && k !== "after") url.searchParams.set(k, v);
    url.searchParams.set(name, cursor(value));
    links.push(`<${url.toString()}>; rel="${rel}"`);
  };
  const last = page.at(-1);
  const first = page[0];
  if (last && end < all.length) link("after", last, "next");
  if (first && start > 0) link("before", first, "prev");
  return {
    status: 200,
    body: page.map(json.activity),
    ...(links.length > 0 ? { headers: { link: links.join(", ") } } : {}),
  };
}

const REVIEW_STATES = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
} as const;
