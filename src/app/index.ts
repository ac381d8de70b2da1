// The Probot app: every event is mapped to the PR(s) it concerns and runs the same reconcile.
import type { Context, Probot } from "probot";
import { CONFIG_PATH, DECISION_CHECK, METRICS_CHECK, STATE_LABEL_PREFIX } from "../core/names.js";
import { BoundedCache } from "../github/bounded-cache.js";
import { GitHubGateway, serverUrlOf, type KeptAcrossEvents } from "../github/gateway.js";
import type { Comparison } from "../github/rest/pulls.js";
import { tipAtLeast, type EventBound } from "../github/candidate/index.js";
import { installationRepositories } from "../github/rest/installation.js";
import type { GatewayIdentity, OctokitLike } from "../github/types.js";
import { describeError } from "../github/errors.js";
import { parseConfig } from "../core/config/parse.js";
import { reconcile, type AppGateway, type AppServices } from "./reconcile.js";
import { answerDeploymentRequest, type DeploymentRequest } from "./deployment-rule.js";
import { oneAtATime } from "./serialize.js";
import { answerExplain } from "./explain.js";
import { parseCommand } from "../core/candidate/commands.js";
import type { DuePullRequest } from "../ledger/store.js";

type RepoContext = Context<
  | "pull_request"
  | "pull_request_review"
  | "check_run"
  | "deployment_protection_rule"
  | "workflow_run"
  | "push"
  | "issue_comment"
>;

/** The most artifact file text the App keeps between events, in bytes (2 a UTF-16 unit). */
const ARTIFACT_FILES_BYTES = 32 * 1024 * 1024;
/** The most comparisons' file lists the App keeps between events, in bytes (2 a UTF-16 unit). */
const COMPARISONS_BYTES = 16 * 1024 * 1024;

/** When the rules change, at most this many open PRs per repository are decided again, newest first. */
export const REDECIDE_LIMIT = 50;
/** A team's membership change is looked for in at most this many repositories of the installation. */
export const MEMBERSHIP_REPOSITORY_LIMIT = 50;

/**
 * Who the App is, so the gateway updates its own check run and comment and never another app's.
 * Looked up once per process: an app's slug never changes, so this is configuration, not state.
 */
function identityResolver(app: Probot): () => Promise<GatewayIdentity> {
  let known: GatewayIdentity | undefined;
  return async () => {
    if (known) return known;
    const fromEnv = process.env.APP_SLUG?.trim();
    if (fromEnv) return (known = { appSlug: fromEnv, login: `${fromEnv}[bot]` });
    try {
      const octokit = await app.auth();
      const { data } = await octokit.request("GET /app");
      const slug = (data as { slug?: string } | null)?.slug;
      if (slug) known = { appSlug: slug, login: `${slug}[bot]` };
    } catch (error) {
      // Retried on the next event; until then the gateway falls back to matching by name.
      app.log.warn(`model-approval: could not look up the app's identity: ${describeError(error)}`);
    }
    return known ?? {};
  };
}

export interface AppOptions extends AppServices {
  /** Who the App is; looked up from APP_SLUG or GitHub's GET /app when not given. */
  identity?: GatewayIdentity;
  /** Receives the App's way to decide a PR again by repository and number (the sweep's). */
  onRedecide?: (redecide: (due: DuePullRequest) => Promise<void>) => void;
  /**
   * How the sweep acts as the App's installation on a repository; by default GitHub is asked which
   * installation that is, with the App's JWT.
   */
  installationOctokit?: (owner: string, repo: string) => Promise<unknown>;
}

export function modelApprovalApp(options: AppOptions = {}): (app: Probot) => void {
  return (app) => register(app, options);
}

export default modelApprovalApp();

/** The event's repository, with GitHub's id of it (the ledger's chains are by id). */
interface RepoOfEvent {
  owner: string;
  repo: string;
  id?: number;
}

function repoOf(context: { repo(): { owner: string; repo: string }; payload: unknown }): RepoOfEvent {
  const id = (context.payload as { repository?: { id?: unknown } }).repository?.id;
  return { ...context.repo(), ...(typeof id === "number" ? { id } : {}) };
}

function pullRequestBound(pr: { head: { sha: string; ref: string }; updated_at?: string }): EventBound {
  return {
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    ...(pr.updated_at ? { updatedAt: pr.updated_at } : {}),
  };
}

/** The App's installation on a repository, asked with the App's JWT. */
async function installationOf(app: Probot, owner: string, repo: string): Promise<number> {
  const { data } = await (
    await app.auth()
  ).request("GET /repos/{owner}/{repo}/installation", { owner, repo });
  return (data as { id: number }).id;
}

function register(app: Probot, options: AppOptions): void {
  const given = options.identity;
  const identity = given ? async () => given : identityResolver(app);
  const { identity: _given, onRedecide, installationOctokit, ...services } = options;
  const timing: AppServices = { warn: (line) => app.log.warn(line), ...services };
  const sleep = services.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  /** When the newest push changing the rules of each repository was made, of those this App was told of. */
  const newestPush = new BoundedCache<number>(1 << 20, 100, () => 64, 10_000);
  // The training run's snapshot is read from its artifact, and the commit's files from the
  // comparison with its base, on every event about its commit.
  const kept: KeptAcrossEvents = {
    artifactFiles: new BoundedCache<string>(
      ARTIFACT_FILES_BYTES,
      ARTIFACT_FILES_BYTES / 8,
      (t) => 2 * t.length,
    ),
    comparisons: new BoundedCache<Comparison>(
      COMPARISONS_BYTES,
      COMPARISONS_BYTES / 8,
      (c) => 2 * c.files.reduce((sum, file) => sum + file.length + 16, 64),
    ),
  };
  const gatewayFor = async (octokit: unknown, repo: RepoOfEvent): Promise<AppGateway> => {
    // Links in the report point at the server the App's API calls go to (github.com or an Enterprise host).
    const apiUrl = (octokit as { request?: { endpoint?: { DEFAULTS?: { baseUrl?: unknown } } } }).request
      ?.endpoint?.DEFAULTS?.baseUrl;
    const serverUrl = typeof apiUrl === "string" ? serverUrlOf(apiUrl) : undefined;
    return new GitHubGateway(
      octokit as OctokitLike,
      { owner: repo.owner, repo: repo.repo },
      await identity(),
      {
        kept,
        ...(repo.id === undefined ? {} : { repositoryId: repo.id }),
        ...(serverUrl ? { serverUrl } : {}),
      },
    );
  };

  async function reconcileAll(
    context: { octokit: unknown; log: Context["log"] },
    repo: RepoOfEvent,
    prNumbers: number[],
    event?: EventBound,
  ): Promise<void> {
    if (prNumbers.length === 0) return;
    const gateway = await gatewayFor(context.octokit, repo);
    for (const prNumber of new Set(prNumbers)) {
      const key = `${repo.owner}/${repo.repo}#${prNumber}`.toLowerCase();
      try {
        const outcome = await oneAtATime(key, () =>
          reconcile(gateway, { prNumber, ...(event ? { event } : {}) }, timing),
        );
        if (outcome.status === "skipped") {
          context.log.info(`model-approval: PR #${prNumber} skipped: ${outcome.why}`);
          continue;
        }
        context.log.info(
          `model-approval: PR #${prNumber} ${outcome.result.decision}: ${outcome.result.summary}`,
        );
        for (const failure of outcome.failures)
          context.log.warn(`model-approval: PR #${prNumber}: ${failure}`);
      } catch (error) {
        // The delivery is done either way; the next event for this PR re-reads everything.
        context.log.error(`model-approval: PR #${prNumber} not reconciled: ${describeError(error)}`);
      }
    }
  }

  /** Rules changed: every open PR is decided again (bounded), so an approval the new rules withhold is taken back. */
  async function redecideOpenPullRequests(
    context: { octokit: unknown; log: Context["log"] },
    repo: RepoOfEvent,
    why: string,
    event?: EventBound,
  ): Promise<void> {
    try {
      const gateway = await gatewayFor(context.octokit, repo);
      const { numbers, more } = await gateway.openPullRequests(REDECIDE_LIMIT);
      context.log.info(
        `model-approval: ${why}: deciding ${numbers.length} open PR(s) of ${repo.owner}/${repo.repo} again`,
      );
      if (more)
        context.log.warn(
          `model-approval: more than ${REDECIDE_LIMIT} open PRs in ${repo.owner}/${repo.repo}: older ones are decided on their next event`,
        );
      await reconcileAll(context, repo, numbers, event);
    } catch (error) {
      context.log.error(
        `model-approval: could not decide the open PRs again (${why}): ${describeError(error)}`,
      );
    }
  }

  async function pullRequestsOfCommit(
    context: RepoContext,
    listed: number[],
    sha: string,
  ): Promise<number[]> {
    if (listed.length > 0) return listed;
    // Check runs and workflow runs of fork PRs list no pull requests.
    try {
      return await (await gatewayFor(context.octokit, repoOf(context))).pullRequestsForCommit(sha);
    } catch (error) {
      context.log.error(`model-approval: could not find the PRs of ${sha}: ${describeError(error)}`);
      return [];
    }
  }

  app.on(
    [
      "pull_request.opened",
      "pull_request.reopened",
      "pull_request.synchronize",
      "pull_request.ready_for_review",
    ],
    (context) =>
      reconcileAll(
        context,
        repoOf(context),
        [context.payload.pull_request.number],
        pullRequestBound(context.payload.pull_request),
      ),
  );

  // Only a new base branch changes the decision.
  app.on("pull_request.edited", async (context) => {
    if (context.payload.changes.base)
      await reconcileAll(context, repoOf(context), [context.payload.pull_request.number]);
  });

  // Labels are a display of the state, never an input: one of ours changed by anyone is put back.
  // The App's own label changes (GitHub sets the sender; it cannot be forged) need no second look.
  app.on(["pull_request.labeled", "pull_request.unlabeled"], async (context) => {
    if (!context.payload.label?.name.toLowerCase().startsWith(STATE_LABEL_PREFIX.trim().toLowerCase()))
      return;
    const self = (await identity()).login;
    if (self && context.payload.sender.login.toLowerCase() === self.toLowerCase()) return;
    await reconcileAll(context, repoOf(context), [context.payload.pull_request.number]);
  });

  app.on(
    ["pull_request_review.submitted", "pull_request_review.edited", "pull_request_review.dismissed"],
    (context) => {
      const review = context.payload.review;
      // The review list must contain the review the event is about; an older list is re-read.
      // A review's text is a command only as submitted: an edit cannot make an old review an override.
      const submitted =
        context.payload.action === "submitted" && review.body ? { submittedBody: review.body } : {};
      const bound: EventBound = {
        review: { id: review.id, dismissed: context.payload.action === "dismissed", ...submitted },
        seenHead: context.payload.pull_request.head.sha,
        headRef: context.payload.pull_request.head.ref,
      };
      return reconcileAll(context, repoOf(context), [context.payload.pull_request.number], bound);
    },
  );

  app.on("check_run.completed", async (context) => {
    const run = context.payload.check_run;
    if (run.name !== METRICS_CHECK) return;
    const prs = await pullRequestsOfCommit(
      context,
      run.pull_requests.map((pr) => pr.number),
      run.head_sha,
    );
    await reconcileAll(context, repoOf(context), prs);
  });

  app.on("check_run.rerequested", async (context) => {
    const run = context.payload.check_run;
    if (run.name !== DECISION_CHECK) return;
    const prs = await pullRequestsOfCommit(
      context,
      run.pull_requests.map((pr) => pr.number),
      run.head_sha,
    );
    await reconcileAll(context, repoOf(context), prs);
  });

  // A training run that ended (recorded its snapshot, failed, or was cancelled) changes the evidence.
  app.on("workflow_run.completed", async (context) => {
    const run = context.payload.workflow_run;
    if (run.event !== "pull_request") return;
    const prs = await pullRequestsOfCommit(
      context,
      (run.pull_requests ?? []).flatMap((pr) => (pr ? [pr.number] : [])),
      run.head_sha,
    );
    await reconcileAll(context, repoOf(context), prs);
  });

  // A push to the default branch that changes the config changes the rules of every open PR.
  app.on("push", async (context) => {
    const payload = context.payload;
    const branch = payload.repository.default_branch;
    if (payload.ref !== `refs/heads/${branch}`) return;
    const commits = payload.commits ?? [];
    const touched = commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]);
    // GitHub lists at most 2048 commits of a push; without the whole list, assume the rules changed.
    const listed = commits.length > 0 && commits.length < 2048 && !payload.forced;
    if (listed && !touched.includes(CONFIG_PATH)) return;
    const repo = repoOf(context);
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    // GitHub's time of the push (seconds), so that pushes delivered out of order are told apart.
    const pushedAt = typeof payload.repository.pushed_at === "number" ? payload.repository.pushed_at : 0;
    if (pushedAt > (newestPush.get(key) ?? -1)) newestPush.set(key, pushedAt);
    // The rules are read at the pushed commit or after it, never from an answer that predates it:
    // the tip is found once, and every PR's rules are read at it (or at a tip after it).
    let bound = payload.after;
    try {
      bound = await tipAtLeast(await gatewayFor(context.octokit, repo), branch, payload.after, sleep);
    } catch (error) {
      // The branch never reached this push. When a newer push has been reported since (the branch
      // rewound, or pushed again), that push's event decides, so this one writes nothing; else
      // each PR is decided with the push as its bound, and is an error while GitHub stays behind.
      if ((newestPush.get(key) ?? -1) > pushedAt) {
        context.log.info(
          `model-approval: ${branch} moved past ${payload.after} before it was read: a newer push decides`,
        );
        return;
      }
      context.log.warn(`model-approval: ${describeError(error)}`);
    }
    await redecideOpenPullRequests(context, repo, `${CONFIG_PATH} changed on ${branch}`, {
      defaultBranchAtLeast: bound,
    });
  });

  // A team's membership changed: PRs whose rules list that team are decided again.
  app.on(["membership.added", "membership.removed"], async (context) => {
    const payload = context.payload;
    if (payload.scope !== "team" || !payload.team) return;
    const team = `${payload.organization.login}/${payload.team.slug}`.toLowerCase();
    try {
      const { repositories, more } = await installationRepositories(
        context.octokit as unknown as OctokitLike,
        MEMBERSHIP_REPOSITORY_LIMIT,
      );
      if (more)
        context.log.warn(
          `model-approval: more than ${MEMBERSHIP_REPOSITORY_LIMIT} repositories: the others see ${team}'s change on their next event`,
        );
      for (const repository of repositories) {
        const repo = { owner: repository.owner, repo: repository.name, id: repository.id };
        const gateway = await gatewayFor(context.octokit, repo);
        const file = await gateway.getFile(CONFIG_PATH, `refs/heads/${repository.defaultBranch}`);
        const parsed = file ? parseConfig(file.text, CONFIG_PATH) : undefined;
        const lists = parsed?.ok
          ? parsed.config.steps.some(
              (s) =>
                s.type === "approval" &&
                // Approvers, break-glass overriders and those escalated to are all listed people.
                [...s.teams, ...s.overrideBy.teams, ...(s.timeout?.escalateTo.teams ?? [])].some(
                  (t) => t.toLowerCase() === team,
                ),
            )
          : false;
        if (lists) await redecideOpenPullRequests(context, repo, `the members of ${team} changed`);
      }
    } catch (error) {
      context.log.error(
        `model-approval: could not follow ${team}'s membership change: ${describeError(error)}`,
      );
    }
  });

  // A comment is read only for its commands: an override or an explain; other comments cost nothing.
  // An override comment edited or deleted is decided again, and the ledger keeps what it said.
  app.on(["issue_comment.created", "issue_comment.edited", "issue_comment.deleted"], async (context) => {
    const { issue, comment } = context.payload;
    if (!issue.pull_request || comment.user?.type === "Bot") return;
    const before = (context.payload as { changes?: { body?: { from?: string } } }).changes?.body?.from;
    const command = parseCommand(comment.body) ?? parseCommand(before);
    if (!command) return;
    const repo = repoOf(context);
    const gateway = await gatewayFor(context.octokit, repo);
    const key = `${repo.owner}/${repo.repo}#${issue.number}`.toLowerCase();
    try {
      const outcome = await oneAtATime(key, () => reconcile(gateway, { prNumber: issue.number }, timing));
      if (outcome.status !== "decided") return;
      context.log.info(
        `model-approval: PR #${issue.number} ${outcome.result.decision}: ${outcome.result.summary}`,
      );
      if (context.payload.action === "created" && command.kind === "explain") {
        const detailsUrl = timing.detailsUrl?.(gateway.repository, issue.number);
        await answerExplain(
          gateway,
          { id: comment.id, body: comment.body ?? "", authorType: comment.user?.type ?? "User" },
          issue.number,
          outcome.result,
          detailsUrl,
        );
      }
    } catch (error) {
      context.log.error(`model-approval: PR #${issue.number} not reconciled: ${describeError(error)}`);
    }
  });

  // The sweep decides a PR again with no event: the App's installation on the repository is looked up.
  onRedecide?.(async (due) => {
    const [owner = "", name = ""] = due.repository.split("/");
    const octokit = installationOctokit
      ? await installationOctokit(owner, name)
      : await app.auth(await installationOf(app, owner, name));
    await reconcileAll(
      { octokit, log: app.log as unknown as Context["log"] },
      { owner, repo: name, id: due.repositoryId },
      [due.pr],
    );
  });

  app.on("deployment_protection_rule.requested", async (context) => {
    const payload = context.payload;
    if (!payload.deployment_callback_url || !payload.environment) {
      context.log.error(
        "model-approval: deployment_protection_rule.requested without a callback URL or environment",
      );
      return;
    }
    const request: DeploymentRequest = {
      environment: payload.environment,
      callbackUrl: payload.deployment_callback_url,
      sha: payload.deployment?.sha ?? "",
      ref: payload.deployment?.ref ?? "",
      defaultBranch: payload.repository?.default_branch ?? "",
      pullRequests: (payload.pull_requests ?? []).flatMap((pr) => (pr ? [pr.number] : [])),
    };
    try {
      const repo = repoOf(context);
      const gateway = await gatewayFor(context.octokit, repo);
      const key = `${repo.owner}/${repo.repo}#${request.pullRequests[0] ?? 0}`.toLowerCase();
      const answer = await oneAtATime(key, () => answerDeploymentRequest(gateway, request, timing));
      context.log.info(
        `model-approval: ${request.environment} deployment of ${request.sha}: ${answer.state ?? "waiting"} (${answer.comment})`,
      );
    } catch (error) {
      context.log.error(
        `model-approval: could not answer the ${request.environment} deployment: ${describeError(error)}`,
      );
    }
  });
}
