// One handler per GitHub operation the gateway uses, keyed like the OpenAPI subset. A handler
// reads and changes the state and returns the meaningful part of the response; the server adds
// pagination, fills the documented shape and checks it.
import * as json from "./representations.js";
import { appRoutes } from "./app-routes.js";
import { HttpError } from "./http-error.js";
import { lower, type FakeGitHubState, type FakeIdentity, type FakeRepo } from "./state.js";

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
}

export type Reply =
  | { status: number; body?: unknown }
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
        sha: json.idOf(content).toString(16),
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
    const headSha = ctx.query.get("head_sha");
    const status = ctx.query.get("status");
    const runs = repo.workflowRuns.filter(
      (r) =>
        (headSha === null || r.headSha === headSha) &&
        (status === null || r.status === status || r.conclusion === status),
    );
    return { status: 200, items: runs.map((r) => json.workflowRun(repo, r)), key: "workflow_runs" };
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
    if (!run.waitingOn.some((e) => e.name === environment))
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
      if (run.waitingOn.length === 0) run.status = "in_progress";
    } else if (state === "rejected") {
      run.waitingOn = [];
      run.status = "completed";
      run.conclusion = "failure";
    }
    ctx.state.emit({ kind: "deployment_answered", repo, run });
    return { status: 204 };
  },

  "GET /repos/{owner}/{repo}/actions/runs/{run_id}": (ctx) => {
    const repo = repoOf(ctx);
    const run = runOf(ctx, repo);
    return { status: 200, body: json.workflowRun(repo, run) };
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

  ...appRoutes,
};

const REVIEW_STATES = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
} as const;
