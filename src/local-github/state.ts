// The fake GitHub's world: plain data a test can seed and inspect, plus seeding helpers that keep
// it consistent (ids, commits, PR heads). Route handlers read and change the same data.
import { createHash } from "node:crypto";

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
}

/** A job of a workflow run, as the local GitHub plays it. */
export interface FakeJob {
  name: string;
  /** The environment the job deploys to: it waits on the environment's protection rules. */
  environment?: string;
  status: "queued" | "in_progress" | "waiting" | "completed";
  conclusion: "success" | "failure" | "skipped" | null;
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
}

export const DEFAULT_TOKEN = "fake-github-actions-token";

export function lower(s: string): string {
  return s.toLowerCase();
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
  private readonly listeners: ((event: StateEvent) => void)[] = [];
  private lastId = 1000;
  private clock = Date.parse("2026-01-01T00:00:00Z");

  nextId(): number {
    return ++this.lastId;
  }

  /** A deterministic, strictly increasing timestamp (ISO 8601). */
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
    };
    this.repos.set(lower(fullName), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(lower(fullName));
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName}; call state.addRepo first`);
    return repo;
  }

  /**
   * Records a commit: the parent's files (a branch or sha) with `files` applied (null deletes).
   * Moves `branch` to it when given. Returns the sha.
   */
  commit(
    fullName: string,
    options: { branch?: string; parent?: string; files?: Record<string, string | null>; sha?: string },
  ): string {
    const repo = this.repo(fullName);
    const parentSha = options.parent ?? (options.branch ? repo.branches[options.branch] : undefined);
    const files = { ...(parentSha ? (repo.commits[this.resolveRef(repo, parentSha) ?? ""] ?? {}) : {}) };
    for (const [path, content] of Object.entries(options.files ?? {})) {
      if (content === null) delete files[path];
      else files[path] = content;
    }
    const sha =
      options.sha ??
      createHash("sha1")
        .update(`${fullName}\n${parentSha ?? ""}\n${JSON.stringify(files)}\n${this.nextId()}`)
        .digest("hex");
    repo.commits[sha] = files;
    if (options.branch) repo.branches[options.branch] = sha;
    return sha;
  }

  /** A branch name or a (possibly abbreviated) sha → full sha, if known. */
  resolveRef(repo: FakeRepo, ref: string): string | undefined {
    const name = ref.replace(/^refs\/heads\//, "");
    if (repo.branches[name]) return repo.branches[name];
    if (repo.commits[ref]) return ref;
    if (/^[0-9a-f]{7,}$/.test(ref)) return Object.keys(repo.commits).find((sha) => sha.startsWith(ref));
    return undefined;
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
      draft?: boolean;
      labels?: string[];
      files?: (string | FakeFile)[];
    },
  ): FakePull {
    const repo = this.repo(fullName);
    const baseRef = options.baseRef ?? repo.defaultBranch;
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
      baseSha: repo.branches[baseRef] ?? "0".repeat(40),
      labels: options.labels ?? [],
      requestedReviewers: [],
      requestedTeams: [],
      files: (options.files ?? []).map((f) =>
        typeof f === "string" ? { filename: f, status: "modified" } : f,
      ),
      reviews: [],
    };
    repo.pulls.push(pull);
    return pull;
  }

  pull(fullName: string, number: number): FakePull {
    const pull = this.repo(fullName).pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`fake GitHub: no pull request #${number} in ${fullName}`);
    return pull;
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
    this.repo(fullName).comments.push(added);
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

  /** A workflow run on `headSha` whose deploy job waits on the given environments. */
  addWaitingRun(
    fullName: string,
    run: { headSha: string; environments: string[]; headBranch?: string; event?: string; name?: string },
  ): FakeWorkflowRun {
    const added: FakeWorkflowRun = {
      id: this.nextId(),
      name: run.name ?? "train-approve-deploy",
      headSha: run.headSha,
      headBranch: run.headBranch ?? "feature",
      event: run.event ?? "pull_request",
      status: "waiting",
      conclusion: null,
      waitingOn: run.environments.map((name) => ({ id: this.nextId(), name })),
      answers: [],
    };
    this.repo(fullName).workflowRuns.push(added);
    return added;
  }
}
