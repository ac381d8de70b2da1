// How the fake's state looks in GitHub's REST responses: only the fields that carry meaning here;
// Shaper fills in the rest of each documented shape.
import { createHash } from "node:crypto";
import type {
  FakeCheckRun,
  FakeComment,
  FakeFile,
  FakePull,
  FakeRepo,
  FakeReview,
  FakeWorkflowRun,
} from "./state.js";

type Json = Record<string, unknown>;

/** Stable numeric ids derived from names, so the same login always has the same id. */
export function idOf(name: string): number {
  return createHash("sha1").update(name).digest().readUInt32BE(0) % 100_000_000;
}

export function user(login: string, type?: "User" | "Bot"): Json {
  return { login, id: idOf(`user:${login}`), type: type ?? (login.endsWith("[bot]") ? "Bot" : "User") };
}

export function repository(fullName: string, known?: FakeRepo): Json {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id: known?.id ?? idOf(`repo:${fullName}`),
    name,
    full_name: fullName,
    owner: user(owner),
    private: known?.private ?? false,
    default_branch: known?.defaultBranch ?? "main",
  };
}

export function label(name: string): Json {
  return { id: idOf(`label:${name}`), name, color: "ededed", default: false, description: "" };
}

export function team(org: string, slug: string): Json {
  return { id: idOf(`team:${org}/${slug}`), slug, name: slug, privacy: "closed", permission: "pull" };
}

export function pullRequest(repo: FakeRepo, pull: FakePull, full: boolean): Json {
  const baseName = `${repo.owner}/${repo.name}`;
  const side = (ref: string, sha: string, fullName: string): Json => ({
    ref,
    sha,
    label: `${fullName.split("/")[0]}:${ref}`,
    user: user(fullName.split("/")[0] ?? ""),
    repo: repository(fullName, fullName.toLowerCase() === baseName.toLowerCase() ? repo : undefined),
  });
  const base: Json = {
    id: idOf(`pull:${baseName}#${pull.number}`),
    number: pull.number,
    state: pull.state,
    title: pull.title,
    draft: pull.draft,
    locked: false,
    user: user(pull.author),
    labels: pull.labels.map(label),
    requested_reviewers: pull.requestedReviewers.map((login) => user(login)),
    requested_teams: pull.requestedTeams.map((slug) => team(repo.owner, slug)),
    head: side(pull.headRef, pull.headSha, pull.headRepo),
    base: side(pull.baseRef, pull.baseSha, baseName),
    html_url: `https://github.com/${baseName}/pull/${pull.number}`,
    author_association: "CONTRIBUTOR",
  };
  if (!full) return base;
  return { ...base, merged: pull.merged, changed_files: pull.files.length, commits: 1, comments: 0 };
}

export function review(r: FakeReview): Json {
  return {
    id: r.id,
    user: user(r.user),
    state: r.state,
    commit_id: r.commitId,
    body: r.body,
    submitted_at: r.submittedAt,
    author_association: "COLLABORATOR",
  };
}

export function changedFile(f: FakeFile): Json {
  return {
    filename: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    sha: idOf(`file:${f.filename}`).toString(16),
  };
}

export function comment(c: FakeComment): Json {
  return {
    id: c.id,
    body: c.body,
    user: user(c.user, c.userType),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: "NONE",
  };
}

export function checkRun(run: FakeCheckRun): Json {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.externalId,
    details_url: run.detailsUrl,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    app: { id: idOf(`app:${run.appSlug}`), slug: run.appSlug, name: run.appSlug, owner: user(run.appSlug) },
    output: {
      title: run.title,
      summary: run.summary,
      text: run.text,
      annotations_count: run.annotations.length,
      annotations_url: "",
    },
    pull_requests: [],
  };
}

export function workflowRun(repo: FakeRepo, run: FakeWorkflowRun): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    run_number: run.id,
    repository: repository(fullName, repo),
    head_repository: repository(fullName, repo),
  };
}

export function pendingDeployment(environment: { id: number; name: string }): Json {
  return {
    environment: { id: environment.id, name: environment.name },
    wait_timer: 0,
    wait_timer_started_at: null,
    current_user_can_approve: false,
    reviewers: [],
  };
}
