// Webhook payloads for what happens in the local GitHub: real examples from
// @octokit/webhooks-examples patched with the repository's state, each validated against
// @octokit/webhooks-schemas (loadWebhookExample throws on a payload GitHub would never send).
import { idOf } from "./representations.js";
import type { FakeCheckRun, FakePull, FakeRepo, FakeReview, FakeWorkflowRun } from "./state.js";
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
  };
}

function common(repo: FakeRepo, installationId: number, sender: string): DeepPatch {
  return {
    ...repositoryPatch(fullName(repo), repo.defaultBranch),
    sender: userPatch(sender),
    installation: { id: installationId, node_id: `MDIz${installationId}` },
  };
}

export function pullRequestWebhook(
  repo: FakeRepo,
  pull: FakePull,
  action: "opened" | "synchronize" | "labeled" | "unlabeled",
  options: { installationId: number; sender: string; before?: string; label?: string },
): Webhook {
  const patch: DeepPatch = {
    ...common(repo, options.installationId, options.sender),
    number: pull.number,
    // Only pull_request events carry the full PR, with GitHub's count of changed files.
    pull_request: { ...pullPatch(repo, pull), changed_files: pull.files.length },
  };
  if (action === "synchronize") Object.assign(patch, { before: options.before, after: pull.headSha });
  if (options.label !== undefined) patch.label = labelObject(repo, options.label);
  return { event: "pull_request", payload: loadWebhookExample("pull_request", action, patch) };
}

export function reviewWebhook(
  repo: FakeRepo,
  pull: FakePull,
  review: FakeReview,
  options: { installationId: number },
): Webhook {
  const payload = loadWebhookExample("pull_request_review", "submitted", {
    ...common(repo, options.installationId, review.user),
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
    { ...repositoryPatch(fullName(repo), repo.defaultBranch), sender: userPatch("github-actions[bot]") },
  );
  return { event: "deployment_protection_rule", payload };
}
