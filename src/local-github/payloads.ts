// Webhook payloads for what happens in the local GitHub: real examples from
// @octokit/webhooks-examples patched with the repository's state, each validated against
// @octokit/webhooks-schemas (loadWebhookExample throws on a payload GitHub would never send).
import { gitUser, idOf, minimalPull, repository, treeSha } from "./representations.js";
import {
  ZERO_SHA,
  type FakeCheckRun,
  type FakeCommitInfo,
  type FakePull,
  type FakeRepo,
  type FakeReview,
  type FakeTreeChange,
  type FakeWorkflowRun,
} from "./state.js";
import {
  deploymentProtectionRulePayload,
  loadWebhookExample,
  repositoryPatch,
  type DeepPatch,
  type WebhookPayload,
} from "./webhooks.js";

export interface Webhook {
  event: string;
  payload: WebhookPayload;
}

function fullName(repo: FakeRepo): string {
  return `${repo.owner}/${repo.name}`;
}

function userPatch(login: string): DeepPatch {
  return { login, id: idOf(`user:${login}`), type: login.endsWith("[bot]") ? "Bot" : "User" };
}

function labelObject(repo: FakeRepo, name: string): Record<string, unknown> {
  return {
    id: idOf(`label:${name}`),
    node_id: `LA_${idOf(`label:${name}`)}`,
    url: `https://api.github.com/repos/${fullName(repo)}/labels/${encodeURIComponent(name)}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  };
}

function pullPatch(repo: FakeRepo, pull: FakePull): DeepPatch {
  return {
    number: pull.number,
    title: pull.title,
    state: pull.state,
    draft: pull.draft,
    head: { sha: pull.headSha, ref: pull.headRef, label: `${repo.owner}:${pull.headRef}` },
    base: { sha: pull.baseSha, ref: pull.baseRef, label: `${repo.owner}:${pull.baseRef}` },
    user: userPatch(pull.author),
    labels: pull.labels.map((name) => labelObject(repo, name)),
    body: pull.body === "" ? null : pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
  };
}

function installationPatch(installationId: number): DeepPatch {
  return { installation: { id: installationId, node_id: `MDIz${installationId}` } };
}

function common(repo: FakeRepo, installationId: number, sender: string): DeepPatch {
  return {
    ...repositoryPatch(fullName(repo), repo.defaultBranch, repo.id),
    sender: userPatch(sender),
    ...installationPatch(installationId),
  };
}

function organizationPatch(login: string): DeepPatch {
  return {
    organization: {
      login,
      id: idOf(`user:${login}`),
      url: `https://api.github.com/orgs/${login}`,
      repos_url: `https://api.github.com/orgs/${login}/repos`,
    },
  };
}

export function pullRequestWebhook(
  repo: FakeRepo,
  pull: FakePull,
  action: "opened" | "synchronize" | "labeled" | "unlabeled" | "closed" | "reopened" | "edited",
  options: {
    installationId: number;
    sender: string;
    before?: string;
    label?: string;
    /** For edited: what changed, as GitHub words it ({title: {from}}, {base: {ref: {from}, sha: {from}}}). */
    changes?: Record<string, unknown>;
  },
): Webhook {
  const patch: DeepPatch = {
    ...common(repo, options.installationId, options.sender),
    number: pull.number,
    // Only pull_request events carry the full PR, with GitHub's count of changed files.
    pull_request: { ...pullPatch(repo, pull), merged: pull.merged, changed_files: pull.files.length },
  };
  if (action === "synchronize") Object.assign(patch, { before: options.before, after: pull.headSha });
  if (options.label !== undefined) patch.label = labelObject(repo, options.label);
  // No example of edited exists: another action's is used, without what only that action carries.
  if (action === "edited")
    Object.assign(patch, { changes: options.changes ?? {}, assignee: undefined, label: undefined });
  return { event: "pull_request", payload: loadWebhookExample("pull_request", action, patch) };
}

export function reviewWebhook(
  repo: FakeRepo,
  pull: FakePull,
  review: FakeReview,
  options: { installationId: number; action?: "submitted" | "dismissed"; sender?: string },
): Webhook {
  const payload = loadWebhookExample("pull_request_review", options.action ?? "submitted", {
    ...common(repo, options.installationId, options.sender ?? review.user),
    pull_request: pullPatch(repo, pull),
    review: {
      id: review.id,
      user: userPatch(review.user),
      state: review.state.toLowerCase(),
      commit_id: review.commitId,
      body: review.body === "" ? null : review.body,
      submitted_at: review.submittedAt,
    },
  });
  return { event: "pull_request_review", payload };
}

export function checkRunCompletedWebhook(
  repo: FakeRepo,
  run: FakeCheckRun,
  options: { installationId: number; sender: string },
): Webhook {
  const example = loadWebhookExample("check_run", "completed");
  const listed = example.check_run.pull_requests[0] as WebhookPayload;
  // Like GitHub, only open PRs of this repository whose head is the run's commit are listed.
  const pulls = repo.pulls.filter((p) => p.state === "open" && p.headSha === run.headSha);
  const payload = loadWebhookExample("check_run", "completed", {
    ...common(repo, options.installationId, options.sender),
    check_run: {
      id: run.id,
      name: run.name,
      head_sha: run.headSha,
      status: "completed",
      conclusion: run.conclusion,
      app: { id: idOf(`app:${run.appSlug}`), slug: run.appSlug, name: run.appSlug },
      check_suite: { head_sha: run.headSha },
      pull_requests: pulls.map((p) => ({
        ...listed,
        number: p.number,
        id: idOf(`pull:${fullName(repo)}#${p.number}`),
        head: { ...listed.head, sha: p.headSha, ref: p.headRef },
        base: { ...listed.base, sha: p.baseSha, ref: p.baseRef },
      })),
    },
  });
  return { event: "check_run", payload };
}

export function deploymentProtectionRuleWebhook(
  repo: FakeRepo,
  run: FakeWorkflowRun,
  environment: string,
  options: { installationId: number; apiUrl: string },
): Webhook {
  const pulls = repo.pulls.filter((p) => p.state === "open" && p.headSha === run.headSha);
  const payload = deploymentProtectionRulePayload(
    {
      repository: fullName(repo),
      environment,
      sha: run.headSha,
      ref: run.headBranch,
      runId: run.id,
      event: run.event,
      pullRequests: pulls.map((p) => ({
        number: p.number,
        headSha: p.headSha,
        baseRef: p.baseRef,
        author: p.author,
      })),
      apiUrl: options.apiUrl,
      installationId: options.installationId,
    },
    // repository and sender come from a pull_request example: point them at this repository.
    {
      ...repositoryPatch(fullName(repo), repo.defaultBranch, repo.id),
      sender: userPatch("github-actions[bot]"),
    },
  );
  return { event: "deployment_protection_rule", payload };
}

/** A commit of a push payload: what it changed against its first parent. */
export interface PushedCommit {
  info: FakeCommitInfo;
  changes: FakeTreeChange[];
}

function pushedCommit(repo: FakeRepo, commit: PushedCommit): Record<string, unknown> {
  const by = (status: FakeTreeChange["status"]) =>
    commit.changes.filter((c) => c.status === status).map((c) => c.filename);
  const author = { ...gitUser(commit.info.author), username: commit.info.author };
  return {
    id: commit.info.sha,
    tree_id: treeSha(repo.commits[commit.info.sha] ?? {}),
    distinct: true,
    message: commit.info.message,
    timestamp: commit.info.timestamp,
    url: `https://github.com/${fullName(repo)}/commit/${commit.info.sha}`,
    author,
    committer: author,
    added: by("added"),
    removed: by("removed"),
    modified: by("modified"),
  };
}

/** A `push` payload: a branch moved from `before` to `after` (40 zeros when created or deleted). */
export function pushWebhook(
  repo: FakeRepo,
  options: {
    installationId: number;
    branch: string;
    before: string;
    after: string;
    pusher: string;
    forced: boolean;
    /** The pushed commits, oldest first. */
    commits: PushedCommit[];
  },
): Webhook {
  const created = options.before === ZERO_SHA;
  const deleted = options.after === ZERO_SHA;
  const commits = options.commits.map((c) => pushedCommit(repo, c));
  const head = options.commits.find((c) => c.info.sha === options.after);
  const short = (sha: string) => sha.slice(0, 12);
  const payload = loadWebhookExample("push", undefined, {
    ...common(repo, options.installationId, options.pusher),
    ...organizationPatch(repo.owner),
    ref: `refs/heads/${options.branch}`,
    before: options.before,
    after: options.after,
    created,
    deleted,
    forced: options.forced,
    base_ref: null,
    compare: created
      ? `https://github.com/${fullName(repo)}/commit/${short(options.after)}`
      : `https://github.com/${fullName(repo)}/compare/${short(options.before)}...${short(options.after)}`,
    commits,
    head_commit: head ? pushedCommit(repo, head) : null,
    pusher: gitUser(options.pusher),
  });
  return { event: "push", payload };
}

/** A `membership` payload: `member` was added to or removed from the team org/slug. */
export function membershipWebhook(
  org: string,
  slug: string,
  member: string,
  action: "added" | "removed",
  options: { installationId: number; sender: string },
): Webhook {
  const id = idOf(`team:${org}/${slug}`);
  const payload = loadWebhookExample("membership", action, {
    ...installationPatch(options.installationId),
    ...organizationPatch(org),
    scope: "team",
    member: userPatch(member),
    sender: userPatch(options.sender),
    team: {
      id,
      node_id: `T_${id}`,
      name: slug,
      slug,
      url: `https://api.github.com/organizations/${idOf(`user:${org}`)}/team/${id}`,
      html_url: `https://github.com/orgs/${org}/teams/${slug}`,
      members_url: `https://api.github.com/organizations/${idOf(`user:${org}`)}/team/${id}/members{/member}`,
      repositories_url: `https://api.github.com/organizations/${idOf(`user:${org}`)}/team/${id}/repos`,
      permission: "pull",
    },
  });
  return { event: "membership", payload };
}

function repositoryLite(repo: FakeRepo, name: string): Record<string, unknown> {
  const known = name.toLowerCase() === fullName(repo).toLowerCase();
  const shown = repository(name, known ? repo : undefined);
  return {
    id: shown.id,
    node_id: `R_${String(shown.id)}`,
    name: shown.name,
    full_name: name,
    private: shown.private,
    owner: userPatch(name.split("/")[0] ?? ""),
    html_url: `https://github.com/${name}`,
    url: `https://api.github.com/repos/${name}`,
  };
}

/** A `workflow_run` payload for the run as it is now (`status` overrides its status, e.g. queued). */
export function workflowRunWebhook(
  repo: FakeRepo,
  run: FakeWorkflowRun,
  action: "requested" | "in_progress" | "completed",
  options: { installationId: number; status?: FakeWorkflowRun["status"] },
): Webhook {
  const api = "https://api.github.com";
  const runUrl = `${api}/repos/${fullName(repo)}/actions/runs/${run.id}`;
  const workflowId = idOf(`workflow:${fullName(repo)}/${run.path}`);
  const info = repo.commitInfo[run.headSha];
  const pulls = run.pullRequests.flatMap((n) => repo.pulls.filter((p) => p.number === n));
  const head = repositoryLite(repo, run.headRepo);
  const base = repositoryLite(repo, fullName(repo));
  const payload = loadWebhookExample("workflow_run", action, {
    ...common(repo, options.installationId, run.triggeringActor),
    ...organizationPatch(repo.owner),
    workflow: {
      id: workflowId,
      node_id: `W_${workflowId}`,
      name: run.name,
      path: run.path,
      url: `${api}/repos/${fullName(repo)}/actions/workflows/${workflowId}`,
      html_url: `https://github.com/${fullName(repo)}/blob/${repo.defaultBranch}/${run.path}`,
    },
    workflow_run: {
      id: run.id,
      node_id: `WFR_${run.id}`,
      name: run.name,
      path: run.path,
      display_title: pulls[0]?.title ?? info?.message ?? run.name,
      head_sha: run.headSha,
      head_branch: run.headBranch,
      event: run.event,
      status: options.status ?? run.status,
      conclusion: options.status && options.status !== "completed" ? null : run.conclusion,
      run_number: run.runNumber,
      run_attempt: run.runAttempt,
      workflow_id: workflowId,
      check_suite_id: run.checkSuiteId,
      check_suite_node_id: `CS_${run.checkSuiteId}`,
      url: runUrl,
      html_url: `https://github.com/${fullName(repo)}/actions/runs/${run.id}`,
      jobs_url: `${runUrl}/jobs`,
      logs_url: `${runUrl}/logs`,
      check_suite_url: `${api}/repos/${fullName(repo)}/check-suites/${run.checkSuiteId}`,
      artifacts_url: `${runUrl}/artifacts`,
      cancel_url: `${runUrl}/cancel`,
      rerun_url: `${runUrl}/rerun`,
      workflow_url: `${api}/repos/${fullName(repo)}/actions/workflows/${workflowId}`,
      previous_attempt_url: run.runAttempt > 1 ? `${runUrl}/attempts/${run.runAttempt - 1}` : null,
      pull_requests: pulls.map((p) => minimalPull(repo, p, api)),
      created_at: run.createdAt,
      updated_at: run.updatedAt,
      run_started_at: run.runStartedAt,
      actor: userPatch(run.actor),
      triggering_actor: userPatch(run.triggeringActor),
      head_commit: {
        id: run.headSha,
        tree_id: treeSha(repo.commits[run.headSha] ?? {}),
        message: info?.message ?? "",
        timestamp: info?.timestamp ?? run.createdAt,
        author: gitUser(info?.author ?? run.actor),
        committer: gitUser(info?.author ?? run.actor),
      },
      repository: base,
      head_repository: head,
    },
  });
  return { event: "workflow_run", payload };
}
