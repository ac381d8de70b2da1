// The fake GitHub's world: plain data a test can seed and inspect, plus seeding helpers that keep
// it consistent (ids, commits, PR heads). Route handlers read and change the same data.
import { createHash, randomBytes } from "node:crypto";
import { gitBlobSha } from "../github/git-blob.js";

export interface FakeIdentity {
  login: string;
  type: "User" | "Bot";
  /** Set for GitHub App installation tokens (GITHUB_TOKEN is the "github-actions" app). */
  appSlug?: string;
  /** A fork PR's token: every write gets 403. */
  readOnly?: boolean;
  /** The default GITHUB_TOKEN cannot read organisation teams: 403. */
  noOrgRead?: boolean;
  /** Set when the request carried a GitHub App's JWT (not an installation token): the app's id. */
  jwtAppId?: number;
}

/** A GitHub App registered with the local GitHub, installed on every repository. */
export interface FakeApp {
  id: number;
  slug: string;
  name: string;
  /** PEM of the public half of the key the App signs its JWTs with. */
  publicKey: string;
  installationId: number;
  /** The webhook events it subscribes to (GET /app lists them). */
  events?: string[];
  /** The App's OAuth client, for signing people in (the web flow of oauth-web.ts). */
  clientId?: string;
  clientSecret?: string;
}

/** A job of a workflow run, as the local GitHub plays it. */
export interface FakeJob {
  name: string;
  /** The environment the job deploys to: it waits on the environment's protection rules. */
  environment?: string;
  status: "queued" | "in_progress" | "waiting" | "completed";
  conclusion: "success" | "failure" | "skipped" | "cancelled" | null;
}

/** Something that happened through the API; the local GitHub turns these into webhooks. */
export type StateEvent =
  | { kind: "review"; repo: FakeRepo; pull: FakePull; review: FakeReview; sender: string }
  | {
      kind: "label";
      action: "labeled" | "unlabeled";
      repo: FakeRepo;
      pull: FakePull;
      label: string;
      sender: string;
    }
  | { kind: "check_run_completed"; repo: FakeRepo; run: FakeCheckRun; sender: string }
  | { kind: "deployment_answered"; repo: FakeRepo; run: FakeWorkflowRun };

export interface FakeFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previous_filename?: string;
  /** The git blob sha of the file (of the head's content; the base's for a removed file). */
  sha?: string;
}

/** What a tree diff (state.treeDiff) lists for one path. */
export interface FakeTreeChange {
  filename: string;
  status: "added" | "removed" | "modified";
  /** Blob sha of the head's content; of the base's for a removed file. */
  sha: string;
}

/** What the local GitHub knows of a commit besides its files. */
export interface FakeCommitInfo {
  sha: string;
  /** First parent first; empty for a root commit. */
  parents: string[];
  message: string;
  /** Login of the author (and committer). */
  author: string;
  timestamp: string;
}

/** A branch move, as GET /repos/{owner}/{repo}/activity lists it. */
export interface FakeActivity {
  id: number;
  /** 40 zeros for a branch creation. */
  before: string;
  after: string;
  /** refs/heads/<branch> */
  ref: string;
  timestamp: string;
  activityType: "push" | "force_push" | "branch_creation" | "branch_deletion" | "pr_merge";
  /** Login of who pushed. */
  actor: string;
}

/** An artifact a workflow run uploaded; GitHub binds it to that run. */
export interface FakeArtifact {
  id: number;
  name: string;
  workflowRunId: number;
  /** The run attempt that uploaded it. */
  runAttempt: number;
  headSha: string;
  headBranch: string;
  /** The files of its zip, path → content. */
  files: Record<string, string | Uint8Array>;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** A workflow run as it was at the end of an earlier attempt (GET .../attempts/{n}). */
export interface FakeRunAttempt {
  runAttempt: number;
  status: FakeWorkflowRun["status"];
  conclusion: string | null;
  runStartedAt: string;
  updatedAt: string;
  triggeringActor: string;
  jobs?: FakeJob[];
  answers: FakeProtectionAnswer[];
}

export interface FakeReview {
  id: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  body: string;
  submittedAt: string;
}

export interface FakePull {
  number: number;
  title: string;
  author: string;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  headSha: string;
  headRef: string;
  /** Full name of the head repository; differs from the base for fork PRs. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  files: FakeFile[];
  reviews: FakeReview[];
  body: string;
  createdAt: string;
  /** Bumped by pushes, label changes, reviews, review requests, comments, edits and closing. */
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  userType: "User" | "Bot";
  createdAt: string;
  updatedAt: string;
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  [key: string]: unknown;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  appSlug: string;
  annotations: FakeAnnotation[];
  startedAt: string;
  completedAt: string | null;
}

export interface FakeProtectionAnswer {
  environment: string;
  state?: "approved" | "rejected";
  comment?: string;
  /** Login of the identity that answered. */
  by: string;
  appSlug?: string;
}

export interface FakeWorkflowRun {
  id: number;
  name: string;
  headSha: string;
  headBranch: string;
  event: string;
  status: "queued" | "in_progress" | "waiting" | "completed";
  conclusion: string | null;
  /** Environments still waiting, by name. */
  waitingOn: { id: number; name: string }[];
  answers: FakeProtectionAnswer[];
  /** The jobs, when the local GitHub plays the run (addWaitingRun's runs have none). */
  jobs?: FakeJob[];
  /** The workflow file, e.g. ".github/workflows/model.yml". */
  path: string;
  /** 1, then one more per re-run. */
  runAttempt: number;
  /** Counts the runs of the workflow (path) in the repository, from 1. */
  runNumber: number;
  /** The PRs the run is for; GitHub lists none for a PR from a fork. */
  pullRequests: number[];
  /** Full name of the head repository (the fork's for a fork PR). */
  headRepo: string;
  /** Who caused the run (the pusher, the PR author). */
  actor: string;
  /** Who started the current attempt (differs from actor after someone else's re-run). */
  triggeringActor: string;
  createdAt: string;
  updatedAt: string;
  /** When the current attempt started. */
  runStartedAt: string;
  checkSuiteId: number;
  /** The earlier attempts, oldest first, as each ended. */
  attempts: FakeRunAttempt[];
}

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
  /** Logins that may be requested as reviewers; undefined means anyone. */
  collaborators?: string[];
  /** branch name → commit sha */
  branches: Record<string, string>;
  /** commit sha → path → content */
  commits: Record<string, Record<string, string>>;
  pulls: FakePull[];
  comments: FakeComment[];
  checkRuns: FakeCheckRun[];
  workflowRuns: FakeWorkflowRun[];
  /** commit sha → parents, author, message, time (commits written to `commits` directly have none). */
  commitInfo: Record<string, FakeCommitInfo>;
  /** Every branch move made through `commit` or `updateBranch`, oldest first. */
  activities: FakeActivity[];
  artifacts: FakeArtifact[];
  /**
   * Environments whose custom deployment protection rules were set: name (lower case) → the slugs
   * of the Apps enabled on it. An environment not listed has every App's rule, the way the demo's
   * App is enabled on every environment it deploys to.
   */
  environments: Record<string, { apps: string[] }>;
  /** Deployments, oldest first, each with its statuses oldest first. */
  deployments: FakeDeployment[];
  /** Signed statements (actions/attest), newest last. */
  attestations: FakeAttestation[];
}

export interface FakeDeploymentStatus {
  id: number;
  state: "error" | "failure" | "inactive" | "pending" | "success" | "queued" | "in_progress";
  creator: string;
  createdAt: string;
}

/** A deployment: GitHub Actions creates one (as github-actions[bot]) for each job with an environment. */
export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  creator: string;
  createdAt: string;
  statuses: FakeDeploymentStatus[];
}

/** A short-lived unauthenticated download (GitHub's blob storage), served at /_blobs/<kind>/<token>. */
export interface FakeBlob {
  body: Uint8Array;
  contentType: string;
  /** Date.now() after which the URL answers 403, like an expired signed URL. */
  expiresAt: number;
}

export const DEFAULT_TOKEN = "fake-github-actions-token";
export const ZERO_SHA = "0".repeat(40);
/** Who GitHub names as the pusher of a change made without a known person. */
export const DEFAULT_PUSHER = "web-flow";
export const DEFAULT_WORKFLOW_PATH = ".github/workflows/model.yml";
/** How long GitHub keeps an artifact by default. */
const ARTIFACT_RETENTION_DAYS = 90;

export function lower(s: string): string {
  return s.toLowerCase();
}

/** The git blob sha of `content`: sha1 of "blob <byte length>\0" + content. */
export { gitBlobSha };

/** An attestation as GitHub keeps it: a Sigstore bundle whose DSSE envelope holds an in-toto statement. */
export interface FakeAttestation {
  /** The statement's subjects' digests, as "sha256:<hex>". */
  digests: string[];
  predicateType: string;
  /** The statement, base64 in the envelope's payload; the local GitHub signs nothing. */
  statement: unknown;
}

export class FakeGitHubState {
  readonly repos = new Map<string, FakeRepo>();
  /** "org/slug" (lower case) → member logins */
  readonly teams = new Map<string, string[]>();
  readonly tokens = new Map<string, FakeIdentity>([
    [DEFAULT_TOKEN, { login: "github-actions[bot]", type: "Bot", appSlug: "github-actions" }],
  ]);
  /** GitHub Apps by id. */
  readonly apps = new Map<number, FakeApp>();
  /** OAuth codes of the web flow, single use: code → who, for which client and redirect, until when. */
  readonly oauthCodes = new Map<
    string,
    { login: string; clientId: string; redirectUri: string; expiresAt: number }
  >();
  /** Short-lived download URLs by token (artifact archives). */
  readonly blobs = new Map<string, FakeBlob>();
  private readonly listeners: ((event: StateEvent) => void)[] = [];
  private lastId = 1000;
  private clock = Date.parse("2026-01-01T00:00:00Z");

  nextId(): number {
    return ++this.lastId;
  }

  /** A deterministic, strictly increasing timestamp (ISO 8601). */
  /** Moves GitHub's clock on, as time passing would (tests of timeouts move the App's with it). */
  advance(ms: number): void {
    this.clock += ms;
  }

  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** Calls `listener` with every change made through the API (the local GitHub's webhooks). */
  onEvent(listener: (event: StateEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(event: StateEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  addToken(token: string, identity: FakeIdentity): void {
    this.tokens.set(token, identity);
  }

  addRepo(
    fullName: string,
    options: { defaultBranch?: string; collaborators?: string[]; private?: boolean } = {},
  ): FakeRepo {
    const [owner = "", name = ""] = fullName.split("/");
    const repo: FakeRepo = {
      id: this.nextId(),
      owner,
      name,
      defaultBranch: options.defaultBranch ?? "main",
      private: options.private ?? false,
      collaborators: options.collaborators,
      branches: {},
      commits: {},
      pulls: [],
      comments: [],
      checkRuns: [],
      workflowRuns: [],
      commitInfo: {},
      activities: [],
      artifacts: [],
      environments: {},
      deployments: [],
      attestations: [],
    };
    this.repos.set(lower(fullName), repo);
    return repo;
  }

  /** Stores an in-toto statement as actions/attest would have, under each of its subjects' digests. */
  addAttestation(
    fullName: string,
    statement: { subject: { digest: { sha256: string } }[]; predicateType: string },
  ): void {
    this.repo(fullName).attestations.push({
      digests: statement.subject.map((s) => `sha256:${s.digest.sha256}`),
      predicateType: statement.predicateType,
      statement,
    });
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(lower(fullName));
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName}; call state.addRepo first`);
    return repo;
  }

  /**
   * Records a commit: the first parent's files with `files` applied (null deletes). The first
   * parent is `parent` (a branch or sha), else the branch's head; `parents` lists every parent of
   * a merge instead (the files start from its first). Moves `branch` to it when given, recorded
   * as an activity of `pusher` (default "web-flow"). Returns the sha.
   */
  commit(
    fullName: string,
    options: {
      branch?: string;
      parent?: string;
      parents?: string[];
      files?: Record<string, string | null>;
      sha?: string;
      message?: string;
      /** Login of the author; default the pusher. */
      author?: string;
      pusher?: string;
    },
  ): string {
    const repo = this.repo(fullName);
    const given =
      options.parents ??
      [options.parent ?? (options.branch ? repo.branches[options.branch] : undefined)].filter(
        (p): p is string => p !== undefined,
      );
    const parents = given.map((ref) => this.resolveRef(repo, ref) ?? ref);
    const parentSha = parents[0];
    const files = { ...(parentSha ? (repo.commits[parentSha] ?? {}) : {}) };
    for (const [path, content] of Object.entries(options.files ?? {})) {
      if (content === null) delete files[path];
      else files[path] = content;
    }
    const sha =
      options.sha ??
      createHash("sha1")
        .update(`${fullName}\n${parents.join(" ")}\n${JSON.stringify(files)}\n${this.nextId()}`)
        .digest("hex");
    repo.commits[sha] = files;
    const pusher = options.pusher ?? DEFAULT_PUSHER;
    repo.commitInfo[sha] = {
      sha,
      parents,
      message: options.message ?? (parents.length > 1 ? "Merge" : "Update files"),
      author: options.author ?? pusher,
      timestamp: this.now(),
    };
    if (options.branch) this.updateBranch(fullName, options.branch, sha, { pusher });
    return sha;
  }

  /**
   * Points `branch` at `sha` (a push, a force push or a branch creation, by whether the new head
   * descends from the old) and records the activity. Returns it; none when nothing moved.
   */
  updateBranch(
    fullName: string,
    branch: string,
    sha: string,
    options: { pusher?: string; activityType?: FakeActivity["activityType"] } = {},
  ): FakeActivity | undefined {
    const repo = this.repo(fullName);
    const before = repo.branches[branch];
    if (before === sha) return undefined;
    repo.branches[branch] = sha;
    const activityType =
      options.activityType ??
      (before === undefined
        ? "branch_creation"
        : this.isAncestor(fullName, before, sha)
          ? "push"
          : "force_push");
    const activity: FakeActivity = {
      id: this.nextId(),
      before: before ?? ZERO_SHA,
      after: sha,
      ref: `refs/heads/${branch}`,
      timestamp: this.now(),
      activityType,
      actor: options.pusher ?? DEFAULT_PUSHER,
    };
    repo.activities.push(activity);
    return activity;
  }

  /** A branch name or a (possibly abbreviated) sha → full sha, if known. */
  resolveRef(repo: FakeRepo, ref: string): string | undefined {
    const name = ref.replace(/^refs\/heads\//, "");
    if (repo.branches[name]) return repo.branches[name];
    if (repo.commits[ref]) return ref;
    if (/^[0-9a-f]{7,}$/.test(ref)) return Object.keys(repo.commits).find((sha) => sha.startsWith(ref));
    return undefined;
  }

  private sha(repo: FakeRepo, ref: string): string {
    const sha = this.resolveRef(repo, ref);
    if (!sha) throw new Error(`fake GitHub: no commit ${ref} in ${repo.owner}/${repo.name}`);
    return sha;
  }

  /** Every commit reachable from `ref` (itself included), newest first by commit time. */
  reachable(fullName: string, ref: string): string[] {
    const repo = this.repo(fullName);
    const seen = new Set<string>();
    const queue = [this.sha(repo, ref)];
    while (queue.length > 0) {
      const sha = queue.pop() as string;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(repo.commitInfo[sha]?.parents ?? []));
    }
    return [...seen].sort((a, b) => this.commitOrder(repo, b) - this.commitOrder(repo, a));
  }

  private commitOrder(repo: FakeRepo, sha: string): number {
    const at = repo.commitInfo[sha]?.timestamp;
    return at === undefined ? 0 : Date.parse(at);
  }

  /** `git merge-base --is-ancestor`: a commit is its own ancestor; unknown commits are not. */
  isAncestor(fullName: string, ancestor: string, descendant: string): boolean {
    const repo = this.repo(fullName);
    const [a, d] = [this.resolveRef(repo, ancestor), this.resolveRef(repo, descendant)];
    return a !== undefined && d !== undefined && this.reachable(fullName, d).includes(a);
  }

  /** `git merge-base a b`: the best common ancestor (the newest when several), if any. */
  mergeBase(fullName: string, a: string, b: string): string | undefined {
    const fromB = new Set(this.reachable(fullName, b));
    // Newest first: a child is always newer than its parents, so the newest common ancestor is
    // an ancestor of no other common ancestor — a best one.
    return this.reachable(fullName, a).find((sha) => fromB.has(sha));
  }

  /** What changed from `base`'s tree to `head`'s, by path (renames show as removed + added). */
  treeDiff(fullName: string, base: string, head: string): FakeTreeChange[] {
    const repo = this.repo(fullName);
    const from = repo.commits[this.sha(repo, base)] ?? {};
    const to = repo.commits[this.sha(repo, head)] ?? {};
    const changes: FakeTreeChange[] = [];
    for (const filename of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
      const before = from[filename];
      const after = to[filename];
      if (before === after) continue;
      if (after === undefined) changes.push({ filename, status: "removed", sha: gitBlobSha(before ?? "") });
      else
        changes.push({
          filename,
          status: before === undefined ? "added" : "modified",
          sha: gitBlobSha(after),
        });
    }
    return changes;
  }

  addPullRequest(
    fullName: string,
    options: {
      number?: number;
      author: string;
      headSha: string;
      headRef?: string;
      headRepo?: string;
      baseRef?: string;
      title?: string;
      body?: string;
      draft?: boolean;
      labels?: string[];
      files?: (string | FakeFile)[];
    },
  ): FakePull {
    const repo = this.repo(fullName);
    const baseRef = options.baseRef ?? repo.defaultBranch;
    const at = this.now();
    const pull: FakePull = {
      number: options.number ?? Math.max(0, ...repo.pulls.map((p) => p.number)) + 1,
      title: options.title ?? "Train a new model",
      author: options.author,
      state: "open",
      draft: options.draft ?? false,
      merged: false,
      headSha: options.headSha,
      headRef: options.headRef ?? "feature",
      headRepo: options.headRepo ?? `${repo.owner}/${repo.name}`,
      baseRef,
      baseSha: repo.branches[baseRef] ?? ZERO_SHA,
      labels: options.labels ?? [],
      requestedReviewers: [],
      requestedTeams: [],
      files: (options.files ?? []).map((f) =>
        typeof f === "string" ? { filename: f, status: "modified" } : f,
      ),
      reviews: [],
      body: options.body ?? "",
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
    };
    repo.pulls.push(pull);
    return pull;
  }

  pull(fullName: string, number: number): FakePull {
    const pull = this.repo(fullName).pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`fake GitHub: no pull request #${number} in ${fullName}`);
    return pull;
  }

  /** Marks the PR as changed now (its updated_at). */
  touchPull(pull: FakePull): void {
    pull.updatedAt = this.now();
  }

  addReview(
    fullName: string,
    number: number,
    review: { user: string; state: FakeReview["state"]; commitId?: string; body?: string },
  ): FakeReview {
    const pull = this.pull(fullName, number);
    const added: FakeReview = {
      id: this.nextId(),
      user: review.user,
      state: review.state,
      commitId: review.commitId ?? pull.headSha,
      body: review.body ?? "",
      submittedAt: this.now(),
    };
    pull.reviews.push(added);
    // GitHub drops a reviewer's pending request once they review.
    pull.requestedReviewers = pull.requestedReviewers.filter((r) => lower(r) !== lower(review.user));
    if (review.state !== "PENDING") pull.updatedAt = added.submittedAt;
    return added;
  }

  addComment(
    fullName: string,
    issueNumber: number,
    comment: { user: string; body: string; bot?: boolean },
  ): FakeComment {
    const at = this.now();
    const added: FakeComment = {
      id: this.nextId(),
      issueNumber,
      body: comment.body,
      user: comment.user,
      userType: comment.bot ? "Bot" : "User",
      createdAt: at,
      updatedAt: at,
    };
    const repo = this.repo(fullName);
    repo.comments.push(added);
    const pull = repo.pulls.find((p) => p.number === issueNumber);
    if (pull) pull.updatedAt = at;
    return added;
  }

  addCheckRun(
    fullName: string,
    run: Partial<Omit<FakeCheckRun, "id">> & { name: string; headSha: string; appSlug: string },
  ): FakeCheckRun {
    const added: FakeCheckRun = {
      id: this.nextId(),
      status: "completed",
      conclusion: "success",
      title: null,
      summary: null,
      text: null,
      externalId: null,
      detailsUrl: null,
      annotations: [],
      startedAt: this.now(),
      completedAt: null,
      ...run,
    };
    this.repo(fullName).checkRuns.push(added);
    return added;
  }

  setTeam(org: string, slug: string, members: string[]): void {
    this.teams.set(lower(`${org}/${slug}`), members);
  }

  /**
   * Adds `login` to the team or removes them; returns whether that changed anything. Adding to a
   * team that does not exist creates it.
   */
  setTeamMember(org: string, slug: string, login: string, member: boolean): boolean {
    const key = lower(`${org}/${slug}`);
    const members = this.teams.get(key) ?? [];
    const present = members.some((m) => lower(m) === lower(login));
    if (present === member) {
      if (member) this.teams.set(key, members);
      return false;
    }
    this.teams.set(key, member ? [...members, login] : members.filter((m) => lower(m) !== lower(login)));
    return true;
  }

  /**
   * A workflow run on `headSha`, with GitHub's bookkeeping filled in: the next run number of its
   * workflow, attempt 1, timestamps from the clock, a check suite. `pullRequests` defaults to the
   * open PRs of this repository whose head is the run's commit (none for a fork's run).
   */
  addWorkflowRun(
    fullName: string,
    run: Partial<Omit<FakeWorkflowRun, "id" | "headSha">> & { headSha: string },
  ): FakeWorkflowRun {
    const repo = this.repo(fullName);
    const own = `${repo.owner}/${repo.name}`;
    const path = run.path ?? DEFAULT_WORKFLOW_PATH;
    const headRepo = run.headRepo ?? own;
    const pullRequests =
      run.pullRequests ??
      (lower(headRepo) === lower(own)
        ? repo.pulls.filter((p) => p.state === "open" && p.headSha === run.headSha).map((p) => p.number)
        : []);
    const pull = repo.pulls.find((p) => p.number === pullRequests[0]);
    const actor = run.actor ?? pull?.author ?? DEFAULT_PUSHER;
    const at = this.now();
    const added: FakeWorkflowRun = {
      id: this.nextId(),
      name: "train-approve-deploy",
      // A PR's run is on the PR's head branch.
      headBranch: pull?.headRef ?? "feature",
      event: "pull_request",
      status: "queued",
      conclusion: null,
      waitingOn: [],
      answers: [],
      runAttempt: 1,
      runNumber: repo.workflowRuns.filter((r) => r.path === path).length + 1,
      triggeringActor: actor,
      createdAt: at,
      updatedAt: at,
      runStartedAt: at,
      checkSuiteId: this.nextId(),
      attempts: [],
      ...run,
      path,
      headRepo,
      pullRequests,
      actor,
    };
    repo.workflowRuns.push(added);
    return added;
  }

  /** A workflow run on `headSha` whose deploy job waits on the given environments. */
  addWaitingRun(
    fullName: string,
    run: {
      headSha: string;
      environments: string[];
      headBranch?: string;
      event?: string;
      name?: string;
      path?: string;
      actor?: string;
      headRepo?: string;
      pullRequests?: number[];
    },
  ): FakeWorkflowRun {
    const { environments, ...rest } = run;
    return this.addWorkflowRun(fullName, {
      ...rest,
      status: "waiting",
      waitingOn: environments.map((name) => ({ id: this.nextId(), name })),
    });
  }

  /** The slugs of the Apps whose custom deployment protection rule is enabled on `environment`. */
  protectionApps(repo: FakeRepo, environment: string): string[] {
    const set = repo.environments[lower(environment)];
    if (set) return set.apps;
    // Unset: every App the local GitHub knows, registered or only given a token.
    const slugs = [...this.apps.values()].map((app) => app.slug);
    for (const identity of this.tokens.values())
      if (identity.appSlug && identity.appSlug !== "github-actions") slugs.push(identity.appSlug);
    return [...new Set(slugs)];
  }

  workflowRun(fullName: string, id: number): FakeWorkflowRun {
    const run = this.repo(fullName).workflowRuns.find((r) => r.id === id);
    if (!run) throw new Error(`fake GitHub: no workflow run ${id} in ${fullName}`);
    return run;
  }

  /** Changes a run's status (and conclusion), bumping its updated_at. */
  setRunStatus(
    run: FakeWorkflowRun,
    status: FakeWorkflowRun["status"],
    conclusion: string | null = null,
  ): void {
    run.status = status;
    run.conclusion = status === "completed" ? conclusion : null;
    run.updatedAt = this.now();
  }

  /**
   * An artifact uploaded by the run's current attempt. Like upload-artifact v4, a name already
   * used by a live artifact of the run is refused (409 Conflict) unless `overwrite` replaces it.
   */
  addArtifact(
    fullName: string,
    artifact: {
      runId: number;
      name: string;
      files: Record<string, string | Uint8Array>;
      expired?: boolean;
      overwrite?: boolean;
      retentionDays?: number;
    },
  ): FakeArtifact {
    const repo = this.repo(fullName);
    const run = this.workflowRun(fullName, artifact.runId);
    const existing = repo.artifacts.find(
      (a) => a.workflowRunId === run.id && a.name === artifact.name && !a.expired,
    );
    if (existing) {
      if (!artifact.overwrite)
        throw new Error(
          `Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists on the workflow run`,
        );
      this.deleteArtifact(fullName, existing.id);
    }
    const createdAt = this.now();
    const days = artifact.retentionDays ?? ARTIFACT_RETENTION_DAYS;
    const added: FakeArtifact = {
      id: this.nextId(),
      name: artifact.name,
      workflowRunId: run.id,
      runAttempt: run.runAttempt,
      headSha: run.headSha,
      headBranch: run.headBranch,
      files: { ...artifact.files },
      createdAt,
      expiresAt: new Date(Date.parse(createdAt) + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      expired: artifact.expired ?? false,
    };
    repo.artifacts.push(added);
    return added;
  }

  /** A deployment of `sha` to `environment`, by GitHub Actions unless `creator` says who. */
  addDeployment(
    fullName: string,
    deployment: { sha: string; environment: string; ref?: string; creator?: string },
  ): FakeDeployment {
    const repo = this.repo(fullName);
    const added: FakeDeployment = {
      id: this.nextId(),
      sha: deployment.sha,
      ref: deployment.ref ?? repo.defaultBranch,
      environment: deployment.environment,
      creator: deployment.creator ?? "github-actions[bot]",
      createdAt: this.now(),
      statuses: [],
    };
    repo.deployments.push(added);
    return added;
  }

  /** A status on a deployment, by GitHub Actions unless `creator` says who. */
  addDeploymentStatus(
    fullName: string,
    id: number,
    state: FakeDeploymentStatus["state"],
    creator = "github-actions[bot]",
  ): FakeDeploymentStatus {
    const deployment = this.repo(fullName).deployments.find((d) => d.id === id);
    if (!deployment) throw new Error(`fake GitHub: no deployment ${id} in ${fullName}`);
    const status: FakeDeploymentStatus = { id: this.nextId(), state, creator, createdAt: this.now() };
    deployment.statuses.push(status);
    return status;
  }

  /** Deletes an artifact: it is no longer listed, and downloading it is a 404. */
  deleteArtifact(fullName: string, id: number): void {
    const repo = this.repo(fullName);
    repo.artifacts = repo.artifacts.filter((a) => a.id !== id);
  }

  /** Lets an artifact expire: still listed (`expired: true`), downloading it is a 410. */
  expireArtifact(fullName: string, id: number): void {
    const artifact = this.repo(fullName).artifacts.find((a) => a.id === id);
    if (!artifact) throw new Error(`fake GitHub: no artifact ${id} in ${fullName}`);
    artifact.expired = true;
  }

  /** Stores `body` behind an unguessable token for `ttlMs` of wall-clock time; returns the token. */
  addBlob(body: Uint8Array, contentType: string, ttlMs = 60_000): string {
    const token = randomBytes(24).toString("base64url");
    this.blobs.set(token, { body, contentType, expiresAt: Date.now() + ttlMs });
    return token;
  }
}
