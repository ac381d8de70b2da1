// How the fake's state looks in GitHub's REST responses: only the fields that carry meaning here;
// Shaper fills in the rest of each documented shape.
import { createHash } from "node:crypto";
import { zipSync } from "fflate";
import {
  gitBlobSha,
  type FakeActivity,
  type FakeArtifact,
  type FakeCheckRun,
  type FakeComment,
  type FakeCommitInfo,
  type FakeDeployment,
  type FakeDeploymentStatus,
  type FakeFile,
  type FakePull,
  type FakeRepo,
  type FakeReview,
  type FakeRunAttempt,
  type FakeTreeChange,
  type FakeWorkflowRun,
} from "./state.js";

type Json = Record<string, unknown>;

/** Where `url` fields point when the caller does not say (GitHub's own API). */
export const GITHUB_API = "https://api.github.com";

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
    body: pull.body === "" ? null : pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
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
    sha: f.sha ?? idOf(`file:${f.filename}`).toString(16),
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

/** A PR as a workflow run or check suite lists it (pull-request-minimal). */
export function minimalPull(repo: FakeRepo, pull: FakePull, api = GITHUB_API): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const side = (ref: string, sha: string, repoName: string): Json => ({
    ref,
    sha,
    repo: {
      id: repoName.toLowerCase() === fullName.toLowerCase() ? repo.id : idOf(`repo:${repoName}`),
      url: `${api}/repos/${repoName}`,
      name: repoName.split("/")[1] ?? "",
    },
  });
  return {
    id: idOf(`pull:${fullName}#${pull.number}`),
    number: pull.number,
    url: `${api}/repos/${fullName}/pulls/${pull.number}`,
    head: side(pull.headRef, pull.headSha, pull.headRepo),
    base: side(pull.baseRef, pull.baseSha, fullName),
  };
}

/**
 * A workflow run; `attempt` gives it as it was at the end of an earlier attempt. Its PRs are the
 * pull-request-minimal objects of `run.pullRequests` (none for a fork's run).
 */
export function workflowRun(
  repo: FakeRepo,
  run: FakeWorkflowRun,
  options: { api?: string; attempt?: FakeRunAttempt; excludePullRequests?: boolean } = {},
): Json {
  const api = options.api ?? GITHUB_API;
  const fullName = `${repo.owner}/${repo.name}`;
  const runUrl = `${api}/repos/${fullName}/actions/runs/${run.id}`;
  const current = options.attempt ?? run;
  const attempt = options.attempt?.runAttempt ?? run.runAttempt;
  const pulls = options.excludePullRequests
    ? []
    : run.pullRequests.flatMap((n) => repo.pulls.filter((p) => p.number === n));
  const info = repo.commitInfo[run.headSha];
  const ownHead = run.headRepo.toLowerCase() === fullName.toLowerCase();
  return {
    id: run.id,
    name: run.name,
    node_id: `WFR_${run.id}`,
    path: run.path,
    display_title: pulls[0]?.title ?? info?.message ?? run.name,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    event: run.event,
    status: current.status,
    conclusion: current.conclusion,
    run_number: run.runNumber,
    run_attempt: attempt,
    workflow_id: idOf(`workflow:${fullName}/${run.path}`),
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: `CS_${run.checkSuiteId}`,
    url: runUrl,
    html_url: `https://github.com/${fullName}/actions/runs/${run.id}`,
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${api}/repos/${fullName}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
    workflow_url: `${api}/repos/${fullName}/actions/workflows/${idOf(`workflow:${fullName}/${run.path}`)}`,
    pull_requests: pulls.map((p) => minimalPull(repo, p, api)),
    created_at: run.createdAt,
    updated_at: current.updatedAt,
    run_started_at: current.runStartedAt,
    actor: user(run.actor),
    triggering_actor: user(current.triggeringActor),
    head_commit: {
      id: run.headSha,
      tree_id: treeSha(repo.commits[run.headSha] ?? {}),
      message: info?.message ?? "",
      timestamp: info?.timestamp ?? run.createdAt,
      author: gitUser(info?.author ?? run.actor),
      committer: gitUser(info?.author ?? run.actor),
    },
    repository: repository(fullName, repo),
    head_repository: repository(run.headRepo, ownHead ? repo : undefined),
    head_repository_id: ownHead ? repo.id : idOf(`repo:${run.headRepo}`),
  };
}

/** A git author or committer (name, email) for a login. */
export function gitUser(login: string, date?: string): Json {
  return {
    name: login,
    email: `${idOf(`user:${login}`)}+${login}@users.noreply.github.com`,
    ...(date ? { date } : {}),
  };
}

/** A stand-in for a commit's tree sha: stable for the same files. */
export function treeSha(files: Record<string, string>): string {
  const sorted = Object.keys(files)
    .sort()
    .map((path) => `${path}\0${gitBlobSha(files[path] ?? "")}`);
  return createHash("sha1").update(sorted.join("\n")).digest("hex");
}

/** A commit as GET .../commits/{ref} and the comparison describe it. */
export function commit(repo: FakeRepo, sha: string, api = GITHUB_API): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const info: FakeCommitInfo | undefined = repo.commitInfo[sha];
  const author = info?.author;
  const tree = treeSha(repo.commits[sha] ?? {});
  return {
    sha,
    node_id: `C_${sha.slice(0, 20)}`,
    url: `${api}/repos/${fullName}/commits/${sha}`,
    html_url: `https://github.com/${fullName}/commit/${sha}`,
    comments_url: `${api}/repos/${fullName}/commits/${sha}/comments`,
    commit: {
      url: `${api}/repos/${fullName}/git/commits/${sha}`,
      message: info?.message ?? "",
      author: author ? gitUser(author, info?.timestamp) : null,
      committer: author ? gitUser(author, info?.timestamp) : null,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/repos/${fullName}/git/trees/${tree}` },
    },
    author: author ? user(author) : null,
    committer: author ? user(author) : null,
    parents: (info?.parents ?? []).map((p) => ({
      sha: p,
      url: `${api}/repos/${fullName}/commits/${p}`,
      html_url: `https://github.com/${fullName}/commit/${p}`,
    })),
  };
}

/** A changed file of a comparison (diff-entry); line counts are not kept. */
export function diffEntry(repo: FakeRepo, change: FakeTreeChange, ref: string, api = GITHUB_API): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const path = change.filename.split("/").map(encodeURIComponent).join("/");
  return {
    sha: change.sha,
    filename: change.filename,
    status: change.status,
    additions: 0,
    deletions: 0,
    changes: 0,
    blob_url: `https://github.com/${fullName}/blob/${ref}/${path}`,
    raw_url: `https://github.com/${fullName}/raw/${ref}/${path}`,
    contents_url: `${api}/repos/${fullName}/contents/${path}?ref=${ref}`,
  };
}

export function activity(a: FakeActivity): Json {
  return {
    id: a.id,
    node_id: `RA_${a.id}`,
    before: a.before,
    after: a.after,
    ref: a.ref,
    timestamp: a.timestamp,
    activity_type: a.activityType,
    actor: user(a.actor),
  };
}

/** The artifact's zip: its files, stamped with its creation time so the bytes are stable. */
export function artifactZip(artifact: FakeArtifact): Uint8Array {
  const files = Object.fromEntries(
    Object.entries(artifact.files).map(([path, content]) => [
      path,
      typeof content === "string" ? new Uint8Array(Buffer.from(content)) : content,
    ]),
  );
  return zipSync(files, { mtime: new Date(artifact.createdAt) });
}

export function artifact(repo: FakeRepo, a: FakeArtifact, api = GITHUB_API): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const zip = artifactZip(a);
  const run = repo.workflowRuns.find((r) => r.id === a.workflowRunId);
  const headRepo = run?.headRepo ?? fullName;
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: zip.byteLength,
    url: `${api}/repos/${fullName}/actions/artifacts/${a.id}`,
    archive_download_url: `${api}/repos/${fullName}/actions/artifacts/${a.id}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: a.expiresAt,
    digest: `sha256:${createHash("sha256").update(zip).digest("hex")}`,
    workflow_run: {
      id: a.workflowRunId,
      repository_id: repo.id,
      head_repository_id:
        headRepo.toLowerCase() === fullName.toLowerCase() ? repo.id : idOf(`repo:${headRepo}`),
      head_branch: a.headBranch,
      head_sha: a.headSha,
    },
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

/** A custom deployment protection rule of an environment: the App that answers it. */
export function deploymentProtectionRule(appId: number, slug: string, baseUrl = ""): Json {
  return {
    id: idOf(`rule:${slug}`),
    node_id: `GDPR_${slug}`,
    enabled: true,
    app: { id: appId, slug, integration_url: `${baseUrl}/apps/${slug}`, node_id: `A_${slug}` },
  };
}

/** A deployment, as GET /repos/{owner}/{repo}/deployments lists it. */
export function deployment(repo: FakeRepo, d: FakeDeployment, api = GITHUB_API): Json {
  const base = `${api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: "deploy",
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: user(d.creator),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${base}/deployments/${d.id}/statuses`,
    repository_url: base,
    transient_environment: false,
    production_environment: d.environment === "production",
  };
}

/** A deployment status, as GET …/deployments/{id}/statuses lists it. */
export function deploymentStatus(
  repo: FakeRepo,
  d: FakeDeployment,
  s: FakeDeploymentStatus,
  api = GITHUB_API,
): Json {
  const base = `${api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: user(s.creator),
    description: "",
    environment: d.environment,
    target_url: "",
    log_url: "",
    environment_url: "",
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${base}/deployments/${d.id}`,
    repository_url: base,
  };
}
