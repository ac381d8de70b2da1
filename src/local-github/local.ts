// A local GitHub to run the product against: the fake GitHub API plus what people and GitHub
// Actions do (open a PR, push, review, label, merge, run a workflow whose deploy job waits on an
// environment with a custom deployment protection rule) and webhooks to a registered App.
import { startFakeGitHub, type FakeGitHub } from "./server.js";
import { WebhookDeliverer, type Delivery } from "./deliveries.js";
import { EVENTS } from "./app-routes.js";
import {
  checkRunCompletedWebhook,
  deploymentProtectionRuleWebhook,
  membershipWebhook,
  pullRequestWebhook,
  pushWebhook,
  reviewWebhook,
  workflowRunWebhook,
  type PushedCommit,
  type Webhook,
} from "./payloads.js";
import {
  DEFAULT_PUSHER,
  lower,
  ZERO_SHA,
  type FakeActivity,
  type FakeApp,
  type FakeJob,
  type FakePull,
  type FakeRepo,
  type FakeReview,
  type FakeWorkflowRun,
  type StateEvent,
} from "./state.js";

export interface AppRegistration {
  id: number;
  slug: string;
  /** PEM of the public key matching the App's private key. */
  publicKey: string;
  webhookSecret: string;
  /** Where webhooks are POSTed; may be set later with setWebhookUrl. */
  webhookUrl?: string;
  /**
   * The events the App subscribes to: only these are delivered, as GitHub does. Default
   * DEFAULT_APP_EVENTS (pull_request, pull_request_review, check_run, deployment_protection_rule);
   * add "push", "membership" or "workflow_run" to receive those.
   */
  events?: string[];
  /** The App's OAuth client (for the details pages' sign-in); default derived from the slug. */
  clientId?: string;
  clientSecret?: string;
}

/** The events an App registered without `events` receives. */
export const DEFAULT_APP_EVENTS: readonly string[] = EVENTS;

export interface LocalGitHubOptions {
  port?: number;
  /** Called after each delivery, e.g. to print it. */
  onDelivery?: (delivery: Delivery, webhook: Webhook) => void;
}

export interface WorkflowRunOptions {
  /** The environment the deploy job waits on. */
  environment: string;
  name?: string;
  /** The workflow file; default ".github/workflows/model.yml". */
  path?: string;
  /** The event that started the run; default "pull_request". */
  event?: string;
  /** Who caused the run; default the PR author. */
  actor?: string;
}

export interface PushRunOptions {
  /** The environment the deploy job waits on; default "production". */
  environment?: string;
  name?: string;
  path?: string;
  /** Who pushed; default the actor of the branch's last move. */
  actor?: string;
}

export type RunConclusion = "success" | "failure" | "cancelled";

export class LocalGitHub {
  private app?: FakeApp & { webhookSecret: string; webhookUrl?: string; events: string[] };
  readonly webhooks: WebhookDeliverer;
  /** "run id:attempt" of each attempt whose workflow_run.completed was sent. */
  private readonly completed = new Set<string>();

  private constructor(
    readonly api: FakeGitHub,
    options: LocalGitHubOptions,
  ) {
    this.webhooks = new WebhookDeliverer(() => {
      const app = this.app;
      return app?.webhookUrl ? { url: app.webhookUrl, secret: app.webhookSecret, appId: app.id } : undefined;
    }, options.onDelivery);
    api.state.onEvent((event) => this.onStateEvent(event));
  }

  static async start(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
    return new LocalGitHub(await startFakeGitHub({ port: options.port }), options);
  }

  get url(): string {
    return this.api.url;
  }

  get state() {
    return this.api.state;
  }

  get deliveries(): Delivery[] {
    return this.webhooks.deliveries;
  }

  /** Registers the App and installs it on every repository. */
  registerApp(registration: AppRegistration): FakeApp {
    const app = {
      id: registration.id,
      slug: registration.slug,
      name: registration.slug,
      publicKey: registration.publicKey,
      installationId: registration.id * 10 + 1,
      webhookSecret: registration.webhookSecret,
      webhookUrl: registration.webhookUrl,
      events: [...(registration.events ?? DEFAULT_APP_EVENTS)],
      clientId: registration.clientId ?? `Iv1.${registration.slug}`,
      clientSecret: registration.clientSecret ?? `secret-of-${registration.slug}`,
    };
    this.state.apps.set(app.id, app);
    this.app = app;
    return app;
  }

  setWebhookUrl(url: string | undefined): void {
    if (!this.app) throw new Error("local GitHub: register the App first");
    this.app.webhookUrl = url;
  }

  /** A user with a personal access token for the API (e.g. to submit reviews with curl). */
  addUser(login: string, token = `token-${login}`): string {
    this.state.addToken(token, { login, type: "User" });
    return token;
  }

  /** Waits until every webhook caused so far has been delivered and answered. */
  idle(): Promise<void> {
    return this.webhooks.idle();
  }

  private emit(webhook: Webhook): void {
    if (this.app && this.app.events.includes(webhook.event)) this.webhooks.enqueue(webhook);
  }

  /**
   * Builds the webhook now (from the state as it is) and sends it. A payload GitHub would never
   * send is recorded as a contract violation, not delivered, also when no App listens for it.
   */
  private send(kind: string, build: () => Webhook): void {
    try {
      this.emit(build());
    } catch (error) {
      this.violation(kind, error);
    }
  }

  private violation(kind: string, error: unknown): void {
    this.api.violations.push({
      direction: "response",
      method: "WEBHOOK",
      path: kind,
      route: null,
      problem: error instanceof Error ? error.message : String(error),
    });
  }

  get installationId(): number {
    return this.app?.installationId ?? 0;
  }

  /** Creates a repository whose default branch holds `files`; returns the commit sha. */
  createRepo(
    fullName: string,
    files: Record<string, string>,
    options: { collaborators?: string[]; pusher?: string; private?: boolean } = {},
  ): string {
    this.state.addRepo(fullName, { collaborators: options.collaborators, private: options.private ?? false });
    return this.state.commit(fullName, { branch: "main", files, pusher: options.pusher });
  }

  /**
   * Pushes `files` on a new branch from the default branch (push, by `pusher`, default the
   * author) and opens a PR: pull_request.opened.
   */
  openPullRequest(
    fullName: string,
    options: {
      author: string;
      branch: string;
      files: Record<string, string | null>;
      title?: string;
      body?: string;
      pusher?: string;
    },
  ): FakePull {
    const repo = this.state.repo(fullName);
    const pusher = options.pusher ?? options.author;
    const head = this.state.commit(fullName, {
      branch: options.branch,
      parent: repo.branches[repo.defaultBranch],
      files: options.files,
      author: options.author,
      pusher,
    });
    this.pushed(repo, options.branch);
    const pull = this.state.addPullRequest(fullName, {
      author: options.author,
      headSha: head,
      headRef: options.branch,
      title: options.title,
      body: options.body,
    });
    this.refreshFiles(repo, pull);
    this.send("pull_request", () =>
      pullRequestWebhook(repo, pull, "opened", { installationId: this.installationId, sender: pull.author }),
    );
    return pull;
  }

  /**
   * A new commit on the PR's branch by `pusher` (default the author): push and
   * pull_request.synchronize. Returns the new head sha.
   */
  push(
    fullName: string,
    number: number,
    files: Record<string, string | null>,
    options: { pusher?: string; message?: string } = {},
  ): string {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const pusher = options.pusher ?? pull.author;
    const sha = this.state.commit(fullName, {
      branch: pull.headRef,
      files,
      pusher,
      message: options.message,
    });
    this.pushed(repo, pull.headRef);
    // A fork's PR: its branch is not this repository's, so pushed() did not move it.
    this.synchronize(repo, pull, sha, pusher);
    return sha;
  }

  /**
   * Force-pushes the PR's branch to `sha` (e.g. back to an earlier commit): push (forced) and
   * pull_request.synchronize; the activity is a force_push when `sha` does not descend from the
   * old head.
   */
  forcePush(fullName: string, number: number, sha: string, pusher?: string): FakeActivity | undefined {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const target = this.state.resolveRef(repo, sha);
    if (!target) throw new Error(`local GitHub: no commit ${sha} in ${fullName}`);
    const by = pusher ?? pull.author;
    const activity = this.state.updateBranch(fullName, pull.headRef, target, { pusher: by });
    if (activity) this.pushed(repo, pull.headRef);
    this.synchronize(repo, pull, target, by);
    return activity;
  }

  /**
   * Commits `files` on `branch` (created from the default branch when new) by `pusher`: push,
   * and pull_request.synchronize for each open PR whose head is that branch. Returns the sha.
   */
  pushToBranch(
    fullName: string,
    branch: string,
    files: Record<string, string | null>,
    options: { pusher?: string; message?: string } = {},
  ): string {
    const repo = this.state.repo(fullName);
    const sha = this.state.commit(fullName, {
      branch,
      ...(repo.branches[branch] === undefined ? { parent: repo.branches[repo.defaultBranch] } : {}),
      files,
      pusher: options.pusher ?? DEFAULT_PUSHER,
      message: options.message,
    });
    this.pushed(repo, branch);
    return sha;
  }

  /**
   * After `branch` moved (its last activity): the push webhook, then for each open PR of this
   * repository whose head is the branch, the new head, its files and pull_request.synchronize.
   */
  private pushed(repo: FakeRepo, branch: string): void {
    const fullName = `${repo.owner}/${repo.name}`;
    const activity = lastMove(repo, branch);
    if (!activity) return;
    const { after, actor: pusher } = activity;
    this.send("push", () => this.pushWebhookOf(fullName, branch));
    for (const pull of repo.pulls) {
      if (pull.state !== "open" || pull.headRef !== branch) continue;
      if (lower(pull.headRepo) === lower(fullName)) this.synchronize(repo, pull, after, pusher);
    }
  }

  /** The PR's head moved to `sha`: its files, updated_at and pull_request.synchronize. */
  private synchronize(repo: FakeRepo, pull: FakePull, sha: string, sender: string): void {
    if (pull.headSha === sha) return;
    const before = pull.headSha;
    pull.headSha = sha;
    this.refreshFiles(repo, pull);
    this.state.touchPull(pull);
    this.send("pull_request", () =>
      pullRequestWebhook(repo, pull, "synchronize", { installationId: this.installationId, sender, before }),
    );
  }

  /**
   * The `push` webhook of the branch's last move (what a push-triggered workflow run's event
   * payload is): ref, before, after, the commits it brought with their files, the pusher.
   */
  pushWebhookOf(fullName: string, branch: string): Webhook {
    const repo = this.state.repo(fullName);
    const activity = lastMove(repo, branch);
    if (!activity) throw new Error(`local GitHub: branch ${branch} of ${fullName} never moved`);
    const { before, after, actor: pusher } = activity;
    return pushWebhook(repo, {
      installationId: this.installationId,
      branch,
      before,
      after,
      pusher,
      forced: activity.activityType === "force_push",
      commits: this.pushedCommits(repo, branch, before, after),
    });
  }

  /** The commits a push brought to the branch, oldest first, each with what it changed. */
  private pushedCommits(repo: FakeRepo, branch: string, before: string, after: string): PushedCommit[] {
    const fullName = `${repo.owner}/${repo.name}`;
    // A new branch lists what is not on the default branch (all of it for the default branch).
    const fromRef =
      before !== ZERO_SHA
        ? before
        : branch === repo.defaultBranch
          ? undefined
          : repo.branches[repo.defaultBranch];
    const known = new Set(fromRef ? this.state.reachable(fullName, fromRef) : []);
    return this.state
      .reachable(fullName, after)
      .filter((sha) => !known.has(sha) && repo.commitInfo[sha])
      .reverse()
      .map((sha) => {
        const info = repo.commitInfo[sha]!;
        const parent = info.parents[0];
        const changes = parent
          ? this.state.treeDiff(fullName, parent, sha)
          : Object.keys(repo.commits[sha] ?? {})
              .sort()
              .map((filename) => ({ filename, status: "added" as const, sha: "" }));
        return { info, changes };
      });
  }

  /** The PR's changed files, as GitHub shows them: the tree diff from the merge base to the head. */
  private refreshFiles(repo: FakeRepo, pull: FakePull): void {
    const fullName = `${repo.owner}/${repo.name}`;
    const base = repo.branches[pull.baseRef];
    if (!base || !repo.commits[pull.headSha]) return;
    const mergeBase = this.state.mergeBase(fullName, base, pull.headSha) ?? base;
    pull.files = this.state.treeDiff(fullName, mergeBase, pull.headSha);
  }

  /**
   * Edits the PR's title, body or base branch in the web UI: pull_request.edited with GitHub's
   * `changes` (the old values).
   */
  editPullRequest(
    fullName: string,
    number: number,
    edit: { title?: string; body?: string; base?: string },
    sender?: string,
  ): void {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const changes: Record<string, unknown> = {};
    if (edit.title !== undefined && edit.title !== pull.title) {
      changes.title = { from: pull.title };
      pull.title = edit.title;
    }
    if (edit.body !== undefined && edit.body !== pull.body) {
      changes.body = { from: pull.body };
      pull.body = edit.body;
    }
    if (edit.base !== undefined && edit.base !== pull.baseRef) {
      const sha = repo.branches[edit.base];
      if (!sha) throw new Error(`local GitHub: no branch ${edit.base} in ${fullName}`);
      changes.base = { ref: { from: pull.baseRef }, sha: { from: pull.baseSha } };
      pull.baseRef = edit.base;
      pull.baseSha = sha;
      this.refreshFiles(repo, pull);
    }
    if (Object.keys(changes).length === 0) return;
    this.state.touchPull(pull);
    this.send("pull_request", () =>
      pullRequestWebhook(repo, pull, "edited", {
        installationId: this.installationId,
        sender: sender ?? pull.author,
        changes,
      }),
    );
  }

  /**
   * Closes the PR (pull_request.closed), by `by` (default the author). `merged` first merges it:
   * a merge commit on the base branch whose parents are the base's head and the PR's head
   * (activity pr_merge, push), with merged_at and merge_commit_sha set.
   */
  closePullRequest(fullName: string, number: number, options: { merged?: boolean; by?: string } = {}): void {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    if (pull.state === "closed") throw new Error(`local GitHub: #${number} is already closed`);
    const by = options.by ?? pull.author;
    if (options.merged) {
      const base = repo.branches[pull.baseRef];
      if (!base) throw new Error(`local GitHub: no branch ${pull.baseRef} in ${fullName}`);
      const mergeBase = this.state.mergeBase(fullName, base, pull.headSha) ?? base;
      const head = repo.commits[pull.headSha] ?? {};
      const changes = Object.fromEntries(
        this.state
          .treeDiff(fullName, mergeBase, pull.headSha)
          .map((c) => [c.filename, c.status === "removed" ? null : (head[c.filename] ?? null)]),
      );
      const sha = this.state.commit(fullName, {
        parents: [base, pull.headSha],
        files: changes,
        author: by,
        pusher: by,
        message: `Merge pull request #${pull.number} from ${pull.headRepo.split("/")[0]}/${pull.headRef}`,
      });
      this.state.updateBranch(fullName, pull.baseRef, sha, { pusher: by, activityType: "pr_merge" });
      pull.merged = true;
      pull.mergeCommitSha = sha;
      this.pushed(repo, pull.baseRef);
    }
    const at = this.state.now();
    pull.state = "closed";
    pull.closedAt = at;
    pull.updatedAt = at;
    if (pull.merged) pull.mergedAt = at;
    this.send("pull_request", () =>
      pullRequestWebhook(repo, pull, "closed", { installationId: this.installationId, sender: by }),
    );
  }

  /**
   * A review submitted in the web UI: pull_request_review.submitted. `commitId` is the commit the
   * review was started on (a review begun before a push is submitted on the older commit).
   */
  review(
    fullName: string,
    number: number,
    reviewer: string,
    state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED",
    body = "",
    commitId?: string,
  ): FakeReview {
    const review = this.state.addReview(fullName, number, {
      user: reviewer,
      state,
      body,
      ...(commitId ? { commitId } : {}),
    });
    this.onStateEvent({
      kind: "review",
      repo: this.state.repo(fullName),
      pull: this.state.pull(fullName, number),
      review,
      sender: reviewer,
    });
    return review;
  }

  /** A maintainer dismisses a review: its state becomes DISMISSED; pull_request_review.dismissed. */
  dismissReview(fullName: string, number: number, reviewId: number, sender = "web-flow"): FakeReview {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const review = pull.reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`local GitHub: PR #${number} has no review ${reviewId}`);
    review.state = "DISMISSED";
    this.state.touchPull(pull);
    this.send("pull_request_review", () =>
      reviewWebhook(repo, pull, review, { installationId: this.installationId, action: "dismissed", sender }),
    );
    return review;
  }

  /** A label added or removed by a person in the web UI: pull_request.labeled / unlabeled. */
  label(
    fullName: string,
    number: number,
    action: "labeled" | "unlabeled",
    label: string,
    sender: string,
  ): void {
    const pull = this.state.pull(fullName, number);
    if (action === "labeled") {
      if (pull.labels.includes(label)) return;
      pull.labels.push(label);
    } else {
      if (!pull.labels.includes(label)) return;
      pull.labels = pull.labels.filter((l) => l !== label);
    }
    this.state.touchPull(pull);
    this.onStateEvent({ kind: "label", action, repo: this.state.repo(fullName), pull, label, sender });
  }

  /**
   * An organisation owner adds `login` to the team org/slug or removes them (state.teams):
   * membership.added / removed. Nothing happens when the membership is already so.
   */
  setTeamMembership(
    org: string,
    slug: string,
    login: string,
    action: "added" | "removed",
    sender = DEFAULT_PUSHER,
  ): void {
    if (!this.state.setTeamMember(org, slug, login, action === "added")) return;
    this.send("membership", () =>
      membershipWebhook(org, slug, login, action, { installationId: this.installationId, sender }),
    );
  }

  /**
   * A workflow run for the PR's head commit: a `train` job that the caller plays (e.g. by running
   * the bundled Action), then a `deploy` job that waits on `environment`. The run lists the PR,
   * unless it comes from a fork (GitHub lists none then). workflow_run.requested, .in_progress.
   */
  startWorkflowRun(fullName: string, number: number, options: WorkflowRunOptions): FakeWorkflowRun {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const fork = lower(pull.headRepo) !== lower(`${repo.owner}/${repo.name}`);
    const run = this.state.addWorkflowRun(fullName, {
      name: options.name ?? "model",
      headSha: pull.headSha,
      headBranch: pull.headRef,
      headRepo: pull.headRepo,
      event: options.event ?? "pull_request",
      ...(options.path !== undefined ? { path: options.path } : {}),
      pullRequests: fork ? [] : [pull.number],
      actor: options.actor ?? pull.author,
      jobs: playedJobs(options.environment),
    });
    this.begin(repo, run);
    return run;
  }

  /**
   * A workflow run for a push on `branch` (event "push", no PR asked for it), on the branch's
   * head; like GitHub it lists the open PRs whose head is that branch and commit.
   */
  startPushRun(fullName: string, branch: string, options: PushRunOptions = {}): FakeWorkflowRun {
    const repo = this.state.repo(fullName);
    const headSha = repo.branches[branch];
    if (!headSha) throw new Error(`local GitHub: no branch ${branch} in ${fullName}`);
    const last = lastMove(repo, branch);
    const run = this.state.addWorkflowRun(fullName, {
      name: options.name ?? "model",
      headSha,
      headBranch: branch,
      event: "push",
      ...(options.path !== undefined ? { path: options.path } : {}),
      pullRequests: repo.pulls
        .filter(
          (p) =>
            p.state === "open" &&
            p.headRef === branch &&
            p.headSha === headSha &&
            lower(p.headRepo) === lower(fullName),
        )
        .map((p) => p.number),
      actor: options.actor ?? last?.actor ?? DEFAULT_PUSHER,
      jobs: playedJobs(options.environment ?? "production"),
    });
    this.begin(repo, run);
    return run;
  }

  /**
   * Re-runs a completed run: attempt n+1 on the same commit, the jobs back to the start, status
   * in_progress. The attempt before stays readable (GET .../attempts/{n}). `actor` is who re-ran
   * it (triggering_actor); default the run's actor.
   */
  rerunWorkflow(fullName: string, run: FakeWorkflowRun, options: { actor?: string } = {}): FakeWorkflowRun {
    const repo = this.state.repo(fullName);
    if (run.status !== "completed")
      throw new Error(`local GitHub: run ${run.id} is ${run.status}; only a completed run can be re-run`);
    run.attempts.push({
      runAttempt: run.runAttempt,
      status: run.status,
      conclusion: run.conclusion,
      runStartedAt: run.runStartedAt,
      updatedAt: run.updatedAt,
      triggeringActor: run.triggeringActor,
      ...(run.jobs ? { jobs: structuredClone(run.jobs) } : {}),
      answers: [...run.answers],
    });
    run.runAttempt += 1;
    run.triggeringActor = options.actor ?? run.actor;
    run.answers = [];
    run.waitingOn = [];
    if (run.jobs) {
      const environment = run.jobs[1]?.environment;
      run.jobs = playedJobs(environment ?? "production");
    }
    run.status = "queued";
    run.conclusion = null;
    run.runStartedAt = this.state.now();
    run.updatedAt = run.runStartedAt;
    this.begin(repo, run);
    return run;
  }

  /** Requested, then in progress: the two webhooks of a run (or attempt) that starts. */
  private begin(repo: FakeRepo, run: FakeWorkflowRun): void {
    this.send("workflow_run", () =>
      workflowRunWebhook(repo, run, "requested", { installationId: this.installationId, status: "queued" }),
    );
    this.state.setRunStatus(run, "in_progress");
    this.send("workflow_run", () =>
      workflowRunWebhook(repo, run, "in_progress", { installationId: this.installationId }),
    );
  }

  /** workflow_run.completed, once per attempt. */
  private ended(repo: FakeRepo, run: FakeWorkflowRun): void {
    const key = `${run.id}:${run.runAttempt}`;
    if (run.status !== "completed" || this.completed.has(key)) return;
    this.completed.add(key);
    this.send("workflow_run", () =>
      workflowRunWebhook(repo, run, "completed", { installationId: this.installationId }),
    );
  }

  /** Sets which Apps' custom deployment protection rules are enabled on an environment (none: only reviewers). */
  setEnvironmentProtection(fullName: string, environment: string, apps: string[]): void {
    this.state.repo(fullName).environments[environment.toLowerCase()] = { apps };
  }

  /**
   * The train job ended. On success the deploy job reaches its environment and waits for the
   * protection rule: deployment_protection_rule.requested (the run is not completed). On failure
   * the deploy job is skipped and the run fails: workflow_run.completed.
   */
  finishTraining(fullName: string, run: FakeWorkflowRun, succeeded: boolean): void {
    const [train, deploy] = jobsOf(run);
    const repo = this.state.repo(fullName);
    Object.assign(train, { status: "completed", conclusion: succeeded ? "success" : "failure" });
    if (!succeeded) {
      Object.assign(deploy, { status: "completed", conclusion: "skipped" });
      this.state.setRunStatus(run, "completed", "failure");
      this.ended(repo, run);
      return;
    }
    const environment = deploy.environment ?? "production";
    Object.assign(deploy, { status: "waiting" });
    run.waitingOn = [{ id: this.state.nextId(), name: environment }];
    this.state.setRunStatus(run, "waiting");
    // GitHub asks only the Apps enabled on the environment; without one the job waits for reviewers.
    if (this.state.protectionApps(repo, environment).length === 0) return;
    this.send("deployment_protection_rule", () =>
      deploymentProtectionRuleWebhook(repo, run, environment, {
        installationId: this.installationId,
        apiUrl: this.url,
      }),
    );
  }

  /**
   * Ends the run now with `conclusion`: the unfinished jobs succeed (success), the running one
   * fails and the rest are skipped (failure), or all are cancelled. workflow_run.completed.
   */
  completeRun(fullName: string, run: FakeWorkflowRun, conclusion: RunConclusion): void {
    if (run.status === "completed") throw new Error(`local GitHub: run ${run.id} is already completed`);
    let failed = false;
    for (const job of run.jobs ?? []) {
      if (job.status === "completed") continue;
      let ended: FakeJob["conclusion"] = conclusion;
      if (conclusion === "failure") {
        ended = failed || job.status === "queued" ? "skipped" : "failure";
        failed = true;
      }
      Object.assign(job, { status: "completed", conclusion: ended });
    }
    run.waitingOn = [];
    this.state.setRunStatus(run, "completed", conclusion);
    this.ended(this.state.repo(fullName), run);
  }

  /** Cancels the run (someone pressed "Cancel workflow"): completeRun with "cancelled". */
  cancelRun(fullName: string, run: FakeWorkflowRun): void {
    this.completeRun(fullName, run, "cancelled");
  }

  /** Fails the run where it is: completeRun with "failure". */
  failRun(fullName: string, run: FakeWorkflowRun): void {
    this.completeRun(fullName, run, "failure");
  }

  /** The deploy job's state: waiting, or completed with success (deployed) or failure (rejected). */
  deployJob(run: FakeWorkflowRun): FakeJob {
    return jobsOf(run)[1];
  }

  private onStateEvent(event: StateEvent): void {
    try {
      this.react(event);
    } catch (error) {
      // A payload GitHub would never send is a bug in the local GitHub: recorded, not delivered.
      this.violation(event.kind, error);
    }
  }

  private react(event: StateEvent): void {
    const installationId = this.installationId;
    switch (event.kind) {
      case "review":
        return this.emit(reviewWebhook(event.repo, event.pull, event.review, { installationId }));
      case "label":
        return this.emit(
          pullRequestWebhook(event.repo, event.pull, event.action, {
            installationId,
            sender: event.sender,
            label: event.label,
          }),
        );
      case "check_run_completed":
        return this.emit(
          checkRunCompletedWebhook(event.repo, event.run, { installationId, sender: event.sender }),
        );
      case "deployment_answered":
        return this.advanceDeploy(event.repo, event.run);
    }
  }

  /** After the protection rule's answer: approved runs the deploy job, rejected fails it. */
  private advanceDeploy(repo: FakeRepo, run: FakeWorkflowRun): void {
    if (run.jobs) {
      const deploy = jobsOf(run)[1];
      if (deploy.status === "waiting") {
        if (run.conclusion === "failure") {
          Object.assign(deploy, { status: "completed", conclusion: "failure" });
        } else if (run.waitingOn.length === 0) {
          Object.assign(deploy, { status: "completed", conclusion: "success" });
          this.state.setRunStatus(run, "completed", "success");
        }
      }
    }
    this.ended(repo, run);
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

/** The branch's latest activity. */
function lastMove(repo: FakeRepo, branch: string): FakeActivity | undefined {
  return [...repo.activities].reverse().find((a) => a.ref === `refs/heads/${branch}`);
}

/** The jobs the local GitHub plays: train (running), then deploy (queued) on `environment`. */
function playedJobs(environment: string): FakeJob[] {
  return [
    { name: "train", status: "in_progress", conclusion: null },
    { name: "deploy", environment, status: "queued", conclusion: null },
  ];
}

function jobsOf(run: FakeWorkflowRun): [FakeJob, FakeJob] {
  const [train, deploy] = run.jobs ?? [];
  if (!train || !deploy) throw new Error(`workflow run ${run.id} is not played by the local GitHub`);
  return [train, deploy];
}

export type { FakeRepo };
