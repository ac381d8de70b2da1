// A local GitHub to run the product against: the fake GitHub API plus what people and GitHub
// Actions do (open a PR, push, review, label, run a workflow whose deploy job waits on an
// environment with a custom deployment protection rule) and webhooks to a registered App.
import { startFakeGitHub, type FakeGitHub } from "./server.js";
import { WebhookDeliverer, type Delivery } from "./deliveries.js";
import {
  checkRunCompletedWebhook,
  deploymentProtectionRuleWebhook,
  pullRequestWebhook,
  reviewWebhook,
  type Webhook,
} from "./payloads.js";
import type {
  FakeApp,
  FakeJob,
  FakePull,
  FakeRepo,
  FakeReview,
  FakeWorkflowRun,
  StateEvent,
} from "./state.js";

export interface AppRegistration {
  id: number;
  slug: string;
  /** PEM of the public key matching the App's private key. */
  publicKey: string;
  webhookSecret: string;
  /** Where webhooks are POSTed; may be set later with setWebhookUrl. */
  webhookUrl?: string;
}

export interface LocalGitHubOptions {
  port?: number;
  /** Called after each delivery, e.g. to print it. */
  onDelivery?: (delivery: Delivery, webhook: Webhook) => void;
}

export interface WorkflowRunOptions {
  /** The environment the deploy job waits on. */
  environment: string;
  name?: string;
}

export class LocalGitHub {
  private app?: FakeApp & { webhookSecret: string; webhookUrl?: string };
  readonly webhooks: WebhookDeliverer;

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
    if (this.app) this.webhooks.enqueue(webhook);
  }

  get installationId(): number {
    return this.app?.installationId ?? 0;
  }

  /** Creates a repository whose default branch holds `files`; returns the commit sha. */
  createRepo(
    fullName: string,
    files: Record<string, string>,
    options: { collaborators?: string[] } = {},
  ): string {
    this.state.addRepo(fullName, { collaborators: options.collaborators });
    return this.state.commit(fullName, { branch: "main", files });
  }

  /** Pushes `files` on a new branch from main and opens a PR: pull_request.opened. */
  openPullRequest(
    fullName: string,
    options: { author: string; branch: string; files: Record<string, string | null>; title?: string },
  ): FakePull {
    const repo = this.state.repo(fullName);
    const head = this.state.commit(fullName, {
      branch: options.branch,
      parent: repo.branches[repo.defaultBranch],
      files: options.files,
    });
    const pull = this.state.addPullRequest(fullName, {
      author: options.author,
      headSha: head,
      headRef: options.branch,
      title: options.title,
      files: Object.entries(options.files).map(([filename, content]) => ({
        filename,
        status: content === null ? "removed" : "added",
      })),
    });
    this.emit(
      pullRequestWebhook(repo, pull, "opened", { installationId: this.installationId, sender: pull.author }),
    );
    return pull;
  }

  /** A new commit on the PR's branch: pull_request.synchronize. Returns the new head sha. */
  push(fullName: string, number: number, files: Record<string, string | null>): string {
    const repo = this.state.repo(fullName);
    const pull = this.state.pull(fullName, number);
    const before = pull.headSha;
    pull.headSha = this.state.commit(fullName, { branch: pull.headRef, files });
    const known = new Set(pull.files.map((f) => f.filename));
    for (const [filename, content] of Object.entries(files))
      if (!known.has(filename)) pull.files.push({ filename, status: content === null ? "removed" : "added" });
    this.emit(
      pullRequestWebhook(repo, pull, "synchronize", {
        installationId: this.installationId,
        sender: pull.author,
        before,
      }),
    );
    return pull.headSha;
  }

  /** A review submitted in the web UI: pull_request_review.submitted. */
  review(
    fullName: string,
    number: number,
    reviewer: string,
    state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED",
    body = "",
  ): FakeReview {
    const review = this.state.addReview(fullName, number, { user: reviewer, state, body });
    this.onStateEvent({
      kind: "review",
      repo: this.state.repo(fullName),
      pull: this.state.pull(fullName, number),
      review,
      sender: reviewer,
    });
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
    this.onStateEvent({ kind: "label", action, repo: this.state.repo(fullName), pull, label, sender });
  }

  /**
   * A workflow run for the PR's head commit: a `train` job that the caller plays (e.g. by running
   * the bundled Action), then a `deploy` job that waits on `environment`.
   */
  startWorkflowRun(fullName: string, number: number, options: WorkflowRunOptions): FakeWorkflowRun {
    const pull = this.state.pull(fullName, number);
    const run: FakeWorkflowRun = {
      id: this.state.nextId(),
      name: options.name ?? "model",
      headSha: pull.headSha,
      headBranch: pull.headRef,
      event: "pull_request",
      status: "in_progress",
      conclusion: null,
      waitingOn: [],
      answers: [],
      jobs: [
        { name: "train", status: "in_progress", conclusion: null },
        { name: "deploy", environment: options.environment, status: "queued", conclusion: null },
      ],
    };
    this.state.repo(fullName).workflowRuns.push(run);
    return run;
  }

  /**
   * The train job ended. On success the deploy job reaches its environment and waits for the
   * protection rule: deployment_protection_rule.requested. On failure the deploy job is skipped.
   */
  finishTraining(fullName: string, run: FakeWorkflowRun, succeeded: boolean): void {
    const [train, deploy] = jobsOf(run);
    Object.assign(train, { status: "completed", conclusion: succeeded ? "success" : "failure" });
    if (!succeeded) {
      Object.assign(deploy, { status: "completed", conclusion: "skipped" });
      Object.assign(run, { status: "completed", conclusion: "failure" });
      return;
    }
    const environment = deploy.environment ?? "production";
    Object.assign(deploy, { status: "waiting" });
    run.status = "waiting";
    run.waitingOn = [{ id: this.state.nextId(), name: environment }];
    const repo = this.state.repo(fullName);
    this.emit(
      deploymentProtectionRuleWebhook(repo, run, environment, {
        installationId: this.installationId,
        apiUrl: this.url,
      }),
    );
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
      this.api.violations.push({
        direction: "response",
        method: "WEBHOOK",
        path: event.kind,
        route: null,
        problem: error instanceof Error ? error.message : String(error),
      });
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
        return this.advanceDeploy(event.run);
    }
  }

  /** After the protection rule's answer: approved runs the deploy job, rejected fails it. */
  private advanceDeploy(run: FakeWorkflowRun): void {
    if (!run.jobs) return;
    const deploy = jobsOf(run)[1];
    if (deploy.status !== "waiting") return;
    if (run.conclusion === "failure") {
      Object.assign(deploy, { status: "completed", conclusion: "failure" });
    } else if (run.waitingOn.length === 0) {
      Object.assign(deploy, { status: "completed", conclusion: "success" });
      Object.assign(run, { status: "completed", conclusion: "success" });
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

function jobsOf(run: FakeWorkflowRun): [FakeJob, FakeJob] {
  const [train, deploy] = run.jobs ?? [];
  if (!train || !deploy) throw new Error(`workflow run ${run.id} is not played by the local GitHub`);
  return [train, deploy];
}

export type { FakeRepo };
