// Webhook payloads for the App's events: real examples from @octokit/webhooks-examples, changed
/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are patched field by field */
// to point at the harness's repository, PR, commit and people.
import { createRequire } from "node:module";
import { REPO, type Harness } from "./harness.js";

// TEMPORARY until test/support/webhooks.ts (loadWebhookExample) lands.
const require = createRequire(import.meta.url);
const defs = require("@octokit/webhooks-examples") as { name: string; examples: { action?: string }[] }[];
function loadWebhookExample(event: string, action: string): Record<string, any> {
  const found = defs.find((d) => d.name === event)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example`);
  return structuredClone(found) as Record<string, any>;
}

type Payload = Record<string, any>;

function user(login: string): Payload {
  return {
    login,
    id: login.length * 1000 + login.charCodeAt(0),
    type: login.endsWith("[bot]") ? "Bot" : "User",
  };
}

function repository(payload: Payload): void {
  const [owner = "", name = ""] = REPO.split("/");
  payload.repository = {
    ...payload.repository,
    name,
    full_name: REPO,
    owner: { ...payload.repository.owner, login: owner },
  };
}

function pullRequest(payload: Payload, h: Harness): void {
  const pr = payload.pull_request;
  pr.number = h.pull.number;
  pr.head = { ...pr.head, sha: h.pull.headSha, ref: h.pull.headRef };
  pr.base = { ...pr.base, ref: h.pull.baseRef, sha: h.pull.baseSha };
  pr.user = { ...pr.user, ...user(h.pull.author) };
}

export function prEvent(
  h: Harness,
  action: string,
  extra: (p: Payload) => void = () => {},
): [string, Payload] {
  const example = action === "edited" ? "opened" : action;
  const payload = loadWebhookExample("pull_request", example);
  payload.action = action;
  repository(payload);
  pullRequest(payload, h);
  payload.sender = { ...payload.sender, ...user(h.pull.author) };
  extra(payload);
  return ["pull_request", payload];
}

export function labelEvent(
  h: Harness,
  action: "labeled" | "unlabeled",
  label: string,
  sender: string,
): [string, Payload] {
  return prEvent(h, action, (p) => {
    p.label = { ...p.label, name: label };
    p.sender = { ...p.sender, ...user(sender) };
  });
}

export type ReviewState = "approved" | "changes_requested" | "commented" | "dismissed";

/** A review event; the review itself must already be in the fake's state (GitHub stores it first). */
export function reviewEvent(
  h: Harness,
  reviewer: string,
  state: ReviewState,
  action: "submitted" | "edited" | "dismissed" = state === "dismissed" ? "dismissed" : "submitted",
  commitId = h.pull.headSha,
): [string, Payload] {
  const payload = loadWebhookExample(
    "pull_request_review",
    action === "dismissed" ? "dismissed" : "submitted",
  );
  payload.action = action;
  repository(payload);
  pullRequest(payload, h);
  payload.review = {
    ...payload.review,
    user: { ...payload.review.user, ...user(reviewer) },
    state,
    commit_id: commitId,
  };
  payload.sender = { ...payload.sender, ...user(reviewer) };
  return ["pull_request_review", payload];
}

/** Stores a review in the fake GitHub and returns the event GitHub would send for it. */
export function review(
  h: Harness,
  reviewer: string,
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED",
  commitId?: string,
): [string, Payload] {
  h.gh.state.addReview(REPO, h.pull.number, { user: reviewer, state, commitId });
  return reviewEvent(h, reviewer, state.toLowerCase() as ReviewState, "submitted", commitId);
}

/** Dismisses `reviewer`'s latest review as GitHub does (its state becomes DISMISSED). */
export function dismiss(h: Harness, reviewer: string): [string, Payload] {
  const reviews = h.pull.reviews.filter((r) => r.user === reviewer);
  const last = reviews[reviews.length - 1];
  if (!last) throw new Error(`${reviewer} has no review to dismiss`);
  last.state = "DISMISSED";
  return reviewEvent(h, reviewer, "dismissed", "dismissed", last.commitId);
}

export function checkRunEvent(
  h: Harness,
  action: "completed" | "rerequested",
  name: string,
  options: { sha?: string; app?: string; listPullRequests?: boolean } = {},
): [string, Payload] {
  const payload = loadWebhookExample("check_run", action);
  repository(payload);
  const sha = options.sha ?? h.pull.headSha;
  const run = payload.check_run;
  run.name = name;
  run.head_sha = sha;
  run.app = { ...run.app, slug: options.app ?? "github-actions" };
  run.pull_requests =
    options.listPullRequests === false
      ? []
      : [
          {
            ...(run.pull_requests[0] ?? {}),
            number: h.pull.number,
            head: { ...(run.pull_requests[0]?.head ?? {}), sha, ref: h.pull.headRef },
            base: { ...(run.pull_requests[0]?.base ?? {}), ref: h.pull.baseRef, sha: h.pull.baseSha },
          },
        ];
  return ["check_run", payload];
}

/** A deployment_protection_rule.requested for `runId` (TEMPORARY: until test/support/webhooks.ts builds one). */
export function deploymentRuleEvent(
  h: Harness,
  options: { runId: number; environment?: string; sha?: string; ref?: string; pullRequests?: boolean },
): [string, Payload] {
  const base = loadWebhookExample("pull_request", "opened");
  repository(base);
  pullRequest(base, h);
  const sha = options.sha ?? h.pull.headSha;
  const payload: Payload = {
    action: "requested",
    environment: options.environment ?? "production",
    event: options.pullRequests === false ? "push" : "pull_request",
    deployment_callback_url: `https://api.github.com/repos/${REPO}/actions/runs/${options.runId}/deployment_protection_rule`,
    deployment: {
      id: 1,
      sha,
      ref: options.ref ?? h.pull.headRef,
      task: "deploy",
      environment: options.environment ?? "production",
      creator: user("github-actions[bot]"),
    },
    pull_requests: options.pullRequests === false ? [] : [base.pull_request],
    repository: base.repository,
    sender: user("github-actions[bot]"),
    installation: { id: 1, node_id: "MDIz" },
  };
  return ["deployment_protection_rule", payload];
}
