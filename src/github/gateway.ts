// The only code that talks to GitHub. Reads return plain data, writes happen only when GitHub
// does not already show what is wanted, and every failure is a GitHubError naming the operation.
// It never logs: callers decide what a failure means (a warning on a fork, an error otherwise).
import { GitHubError, isForbidden, isNotFound, toGitHubError } from "./errors.js";
import { LIMITS, clip } from "./text.js";
import { COMMENT_MARKER } from "../core/report/markdown.js";
import type {
  CheckRun,
  DeploymentRuleAnswer,
  DesiredCheckRun,
  GatewayIdentity,
  LabelChange,
  OctokitLike,
  PullRequest,
  RepoRef,
  Review,
  ReviewerRequest,
  ReviewerRequestResult,
  StickyCommentResult,
  WaitingRun,
  WriteResult,
} from "./types.js";

/** The marker the markdown report starts with, so the rendered comment needs nothing prepended. */
export const STICKY_MARKER = COMMENT_MARKER;
export const STATE_LABEL_PREFIX = "model-approval: ";

type Json = Record<string, unknown>;

interface RestUser {
  login: string;
  type?: string;
}

interface RestComment {
  id: number;
  body?: string | null;
  user: RestUser | null;
}

function login(user: unknown): string {
  return (user as RestUser | null)?.login ?? "";
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function toCheckRun(raw: Json): CheckRun {
  const output = (raw.output ?? {}) as Json;
  const app = raw.app as { slug?: string } | null | undefined;
  return {
    id: raw.id as number,
    name: raw.name as string,
    head_sha: raw.head_sha as string,
    status: raw.status as string,
    conclusion: (raw.conclusion as string | null) ?? null,
    external_id: (raw.external_id as string | null) ?? null,
    details_url: (raw.details_url as string | null) ?? null,
    app: app?.slug ? { slug: app.slug } : null,
    output: {
      title: (output.title as string | null) ?? null,
      summary: (output.summary as string | null) ?? null,
      text: (output.text as string | null) ?? null,
    },
  };
}

export class GitHubGateway {
  constructor(
    private readonly octokit: OctokitLike,
    private readonly repo: RepoRef,
    private readonly identity: GatewayIdentity = {},
  ) {}

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toGitHubError(operation, error);
    }
  }

  private request(route: string, parameters: Json = {}): Promise<{ status: number; data: unknown }> {
    return this.octokit.request(route, { ...this.repo, ...parameters });
  }

  private paginate<T>(route: string, parameters: Json = {}, scope: RepoRef | null = this.repo): Promise<T[]> {
    return this.octokit.paginate(route, { ...scope, per_page: 100, ...parameters }) as Promise<T[]>;
  }

  /** The file's text at `ref`, or null when it does not exist there. */
  async getFileText(path: string, ref: string): Promise<string | null> {
    return this.call(`reading ${path} at ${ref}`, async () => {
      let data: unknown;
      try {
        ({ data } = await this.request("GET /repos/{owner}/{repo}/contents/{path}", {
          path,
          ref,
          mediaType: { format: "raw" },
        }));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      if (typeof data === "string") return data;
      if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
      const file = data as { type?: string; content?: string; encoding?: string } | null;
      if (file?.type === "file" && file.encoding === "base64" && typeof file.content === "string")
        return Buffer.from(file.content, "base64").toString("utf8");
      throw new GitHubError(`reading ${path} at ${ref}`, 0, "not a file");
    });
  }

  async getPullRequest(number: number): Promise<PullRequest> {
    return this.call(`reading pull request #${number}`, async () => {
      const { data } = await this.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        pull_number: number,
      });
      const pr = data as Json & {
        head: { sha: string; ref: string; repo: { full_name: string } | null };
        base: { sha: string; ref: string; repo: { full_name: string; default_branch?: string } };
      };
      return {
        number: pr.number as number,
        author: login(pr.user),
        headSha: pr.head.sha,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        baseSha: pr.base.sha,
        state: pr.state as "open" | "closed",
        merged: pr.merged === true,
        draft: pr.draft === true,
        title: (pr.title as string) ?? "",
        labels: ((pr.labels ?? []) as { name: string }[]).map((l) => l.name),
        requestedReviewers: ((pr.requested_reviewers ?? []) as RestUser[]).map((u) => u.login),
        requestedTeams: ((pr.requested_teams ?? []) as { slug: string }[]).map((t) => t.slug),
        headRepoFullName: pr.head.repo?.full_name ?? null,
        baseRepoFullName: pr.base.repo.full_name,
        defaultBranch: pr.base.repo.default_branch ?? "",
        changedFilesCount: (pr.changed_files as number | undefined) ?? 0,
      };
    });
  }

  /** Every review, all pages, oldest first as GitHub lists them. */
  async listReviews(number: number): Promise<Review[]> {
    return this.call(`reading the reviews of #${number}`, async () => {
      const reviews = await this.paginate<Json>("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        pull_number: number,
      });
      return reviews.map((r) => ({
        id: r.id as number,
        user: r.user ? { login: login(r.user) } : null,
        state: r.state as string,
        commit_id: (r.commit_id as string | null) ?? null,
        submitted_at: (r.submitted_at as string | null | undefined) ?? null,
      }));
    });
  }

  /** Paths the PR touches, including the old path of a rename (moving a protected file out counts). */
  async listChangedFiles(number: number): Promise<string[]> {
    return this.call(`reading the files changed by #${number}`, async () => {
      const files = await this.paginate<{ filename: string; previous_filename?: string }>(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        { pull_number: number },
      );
      const paths = files.flatMap((f) =>
        f.previous_filename ? [f.filename, f.previous_filename] : [f.filename],
      );
      return [...new Set(paths)];
    });
  }

  /** Active members' logins. Throws GitHubError (404/403 when the token cannot see the team). */
  async listTeamMembers(org: string, slug: string): Promise<string[]> {
    return this.call(`reading the members of team ${org}/${slug}`, async () => {
      const members = await this.paginate<RestUser>(
        "GET /orgs/{org}/teams/{team_slug}/members",
        {
          org,
          team_slug: slug,
        },
        null,
      );
      return members.map((m) => m.login);
    });
  }

  /** Numbers of the open PRs whose head includes `sha`. */
  async pullRequestsForCommit(sha: string): Promise<number[]> {
    return this.call(`finding the pull requests of ${sha}`, async () => {
      const prs = await this.paginate<{ number: number; state: string }>(
        "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
        { commit_sha: sha },
      );
      return prs.filter((pr) => pr.state === "open").map((pr) => pr.number);
    });
  }

  private async checkRunsNamed(sha: string, name: string): Promise<CheckRun[]> {
    const runs = await this.paginate<Json>("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      ref: sha,
      check_name: name,
      filter: "all",
    });
    return runs.map(toCheckRun).sort((a, b) => b.id - a.id);
  }

  /** The newest check run called `name` on `sha`, whoever created it (callers check `app.slug`). */
  async findCheckRun(sha: string, name: string): Promise<CheckRun | null> {
    return this.call(`reading the ${name} check run of ${sha}`, async () => {
      const runs = await this.checkRunsNamed(sha, name);
      return runs[0] ?? null;
    });
  }

  /**
   * Makes the newest own check run `name` on the commit show `desired`. Creates one when none
   * exists, when a completed run would go back to in progress, or when annotations must change
   * (GitHub appends annotations on update, so an update would duplicate them).
   */
  async upsertCheckRun(desired: DesiredCheckRun): Promise<WriteResult> {
    const { name, headSha } = desired;
    return this.call(`writing the ${name} check run of ${headSha}`, async () => {
      const runs = await this.checkRunsNamed(headSha, name);
      const own = this.identity.appSlug ? runs.filter((r) => r.app?.slug === this.identity.appSlug) : runs;
      const existing = own[0];
      const output = {
        title: clip(desired.output.title, LIMITS.checkTitle),
        summary: clip(desired.output.summary, LIMITS.checkSummary),
        text: desired.output.text === undefined ? undefined : clip(desired.output.text, LIMITS.checkText),
      };
      const conclusion = desired.status === "completed" ? desired.conclusion : undefined;
      if (desired.status === "completed" && !conclusion)
        throw new GitHubError(
          `writing the ${name} check run of ${headSha}`,
          0,
          "a completed check run needs a conclusion",
        );
      const annotations = desired.output.annotations ?? [];
      if (existing) {
        const same =
          existing.status === desired.status &&
          (existing.conclusion ?? undefined) === conclusion &&
          existing.output.title === output.title &&
          existing.output.summary === output.summary &&
          (existing.output.text ?? undefined) === output.text;
        if (same) return { id: existing.id, changed: false };
      }
      const reopen = existing?.status === "completed" && desired.status !== "completed";
      const batches: (typeof annotations)[] = [];
      for (let i = 0; i < annotations.length; i += LIMITS.annotationsPerRequest)
        batches.push(annotations.slice(i, i + LIMITS.annotationsPerRequest));
      const body = (batch: typeof annotations | undefined): Json => ({
        status: desired.status,
        ...(conclusion ? { conclusion } : {}),
        ...(desired.externalId !== undefined ? { external_id: desired.externalId } : {}),
        ...(desired.detailsUrl !== undefined ? { details_url: desired.detailsUrl } : {}),
        output: { ...output, ...(batch && batch.length > 0 ? { annotations: batch } : {}) },
      });
      const create = async (): Promise<number> => {
        const { data } = await this.request("POST /repos/{owner}/{repo}/check-runs", {
          name,
          head_sha: headSha,
          ...body(batches[0]),
        });
        return (data as { id: number }).id;
      };
      let id: number;
      if (existing && !reopen && annotations.length === 0) {
        try {
          await this.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
            check_run_id: existing.id,
            ...body(undefined),
          });
          id = existing.id;
        } catch (error) {
          // Only the creating app may update a run: the newest one was another app's (a
          // forgery, or a second installation), so ours becomes the newest instead.
          if (!isForbidden(error)) throw error;
          id = await create();
        }
      } else id = await create();
      for (const batch of batches.slice(1))
        await this.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          check_run_id: id,
          ...body(batch),
        });
      return { id, changed: true };
    });
  }

  /**
   * One comment per PR carrying `marker`, edited in place. Only a comment written by this identity
   * (or, when the identity is unknown, by a bot) is ever edited: a human who pastes the marker into
   * a comment can neither take over the report nor, by a refused edit, stop it being written.
   */
  async upsertStickyComment(
    issueNumber: number,
    body: string,
    marker: string = STICKY_MARKER,
  ): Promise<StickyCommentResult> {
    return this.call(`writing the comment on #${issueNumber}`, async () => {
      const full = clip(body.includes(marker) ? body : `${marker}\n${body}`, LIMITS.commentBody);
      const comments = await this.paginate<RestComment>(
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        {
          issue_number: issueNumber,
        },
      );
      const marked = comments.filter((c) => (c.body ?? "").includes(marker));
      const wanted = this.identity.login;
      const existing = wanted
        ? marked.find((c) => sameLogin(login(c.user), wanted))
        : marked.find((c) => c.user?.type === "Bot");
      if (existing) {
        if (existing.body === full) return { id: existing.id, changed: false, created: false };
        try {
          await this.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
            comment_id: existing.id,
            body: full,
          });
          return { id: existing.id, changed: true, created: false };
        } catch (error) {
          // Another bot's comment (identity unknown): write our own instead.
          if (!isForbidden(error)) throw error;
        }
      }
      const { data } = await this.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        issue_number: issueNumber,
        body: full,
      });
      return { id: (data as { id: number }).id, changed: true, created: true };
    });
  }

  /**
   * Leaves exactly one label with the prefix: `prefix + state` (e.g. "model-approval: approved"),
   * or none when `state` is null. Reads the labels unless the caller already has them.
   */
  async setStateLabel(
    issueNumber: number,
    state: string | null,
    options: { currentLabels?: string[]; prefix?: string } = {},
  ): Promise<LabelChange> {
    const prefix = options.prefix ?? STATE_LABEL_PREFIX;
    return this.call(`setting the ${prefix.trim()} label of #${issueNumber}`, async () => {
      const desired = state === null ? null : state.startsWith(prefix) ? state : prefix + state;
      const current =
        options.currentLabels ??
        (
          await this.paginate<{ name: string }>("GET /repos/{owner}/{repo}/issues/{issue_number}/labels", {
            issue_number: issueNumber,
          })
        ).map((l) => l.name);
      // Also catches hand-made variants such as "Model-Approval:approved".
      const family = prefix.trim().toLowerCase();
      const isDesired = (label: string): boolean => desired !== null && sameLogin(label, desired);
      const removed = current.filter((l) => l.toLowerCase().startsWith(family) && !isDesired(l));
      const added = desired !== null && !current.some(isDesired) ? [desired] : [];
      for (const name of removed) {
        try {
          await this.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
            issue_number: issueNumber,
            name,
          });
        } catch (error) {
          // Someone removed it meanwhile: the goal is reached.
          if (!isNotFound(error)) throw error;
        }
      }
      if (added.length > 0)
        await this.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
          issue_number: issueNumber,
          labels: added,
        });
      return { added, removed };
    });
  }

  /**
   * Requests reviews from those not yet requested (and never the author). A 422 (not a
   * collaborator, unknown team) is reported in `refused`, not thrown.
   */
  async requestReviewers(
    number: number,
    wanted: ReviewerRequest,
    options: { author?: string } = {},
  ): Promise<ReviewerRequestResult> {
    return this.call(`requesting reviews on #${number}`, async () => {
      const { data } = await this.request(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
        {
          pull_number: number,
        },
      );
      const already = data as { users: RestUser[]; teams: { slug: string }[] };
      const isAuthor = (user: string): boolean =>
        options.author !== undefined && sameLogin(user, options.author);
      const users = [...new Set(wanted.users)].filter(
        (u) => !isAuthor(u) && !already.users.some((r) => sameLogin(r.login, u)),
      );
      const teams = [...new Set(wanted.teams)].filter(
        (t) => !already.teams.some((r) => sameLogin(r.slug, t)),
      );
      const result: ReviewerRequestResult = {
        requested: { users: [], teams: [] },
        refused: { users: [], teams: [] },
      };
      if (users.length + teams.length === 0) return result;
      const post = (reviewers: string[], teamReviewers: string[]): Promise<unknown> =>
        this.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
          pull_number: number,
          reviewers,
          team_reviewers: teamReviewers,
        });
      try {
        await post(users, teams);
        result.requested = { users, teams };
        return result;
      } catch (error) {
        if ((error as { status?: unknown }).status !== 422) throw error;
      }
      // One refusal fails the whole request: ask one by one to find out who is refused.
      for (const [kind, names] of [
        ["users", users],
        ["teams", teams],
      ] as const) {
        for (const name of names) {
          try {
            await (kind === "users" ? post([name], []) : post([], [name]));
            result.requested[kind].push(name);
          } catch (error) {
            if ((error as { status?: unknown }).status !== 422) throw error;
            result.refused[kind].push(name);
          }
        }
      }
      return result;
    });
  }

  /** Workflow runs on `sha` waiting on environments (deployment protection rules, reviewers). */
  async waitingDeploymentsForSha(sha: string): Promise<WaitingRun[]> {
    return this.call(`listing the workflow runs waiting on ${sha}`, async () => {
      const runs = await this.paginate<{ id: number }>("GET /repos/{owner}/{repo}/actions/runs", {
        head_sha: sha,
        status: "waiting",
      });
      const waiting: WaitingRun[] = [];
      for (const run of runs) {
        const { data } = await this.request(
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
          {
            run_id: run.id,
          },
        );
        const pending = data as { environment: { name?: string } }[];
        const environments = pending.map((p) => p.environment.name).filter((n): n is string => Boolean(n));
        if (environments.length > 0) waiting.push({ runId: run.id, environments });
      }
      return waiting;
    });
  }

  /** Answers this App's custom deployment protection rule for one environment of a run. */
  async reviewDeploymentProtectionRule(runId: number, answer: DeploymentRuleAnswer): Promise<void> {
    const verb = answer.state ?? "report status";
    await this.call(`answering the ${answer.environment} deployment of run ${runId} (${verb})`, async () => {
      await this.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule", {
        run_id: runId,
        environment_name: answer.environment,
        ...(answer.state ? { state: answer.state } : {}),
        comment: clip(answer.comment, LIMITS.deploymentComment),
      });
    });
  }

  /**
   * Answers through the `deployment_callback_url` of a deployment_protection_rule event. The URL
   * must name this repository's run: the token is never sent anywhere but the API base URL.
   */
  async answerDeploymentCallback(url: string, answer: DeploymentRuleAnswer): Promise<void> {
    const path = (() => {
      try {
        return new URL(url).pathname;
      } catch {
        return "";
      }
    })();
    const match = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(path);
    const sameRepo =
      match &&
      sameLogin(decodeURIComponent(match[1] ?? ""), this.repo.owner) &&
      sameLogin(decodeURIComponent(match[2] ?? ""), this.repo.repo);
    if (!match || !sameRepo)
      throw new GitHubError(
        `answering the ${answer.environment} deployment`,
        0,
        `the callback URL ${url} is not a deployment protection rule of ${this.repo.owner}/${this.repo.repo}`,
      );
    await this.reviewDeploymentProtectionRule(Number(match[3]), answer);
  }
}
