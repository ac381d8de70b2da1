// Webhook payloads for the App's events: real examples from @octokit/webhooks-examples, patched to
// point at the harness's repository, PR, commit and people, and validated against the schemas.
import {
  deploymentProtectionRulePayload,
  loadWebhookExample,
  repositoryPatch,
  type DeepPatch,
  type WebhookPayload,
} from "../../../src/local-github/webhooks.js";
import { REPO, type Harness } from "./harness.js";

type Event = [string, WebhookPayload];

function user(login: string): DeepPatch {
  return {
    login,
    id: 1000 + login.length * 31 + login.charCodeAt(0),
    type: login.endsWith("[bot]") ? "Bot" : "User",
  };
}

function pullRequestPatch(h: Harness): DeepPatch {
  return {
    number: h.pull.number,
    head: { sha: h.pull.headSha, ref: h.pull.headRef },
    base: { ref: h.pull.baseRef, sha: h.pull.baseSha },
    user: user(h.pull.author),
  };
}

export function prEvent(h: Harness, action: string, patch: DeepPatch = {}): Event {
  const payload = loadWebhookExample("pull_request", action, {
    ...repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id),
    number: h.pull.number,
    pull_request: pullRequestPatch(h),
    sender: user(h.pull.author),
    // edited has no example of its own: another action's is used, without its own fields.
    ...(action === "edited" ? { changes: {}, assignee: undefined, label: undefined } : {}),
    ...patch,
  });
  return ["pull_request", payload];
}

export function labelEvent(
  h: Harness,
  action: "labeled" | "unlabeled",
  label: string,
  sender: string,
): Event {
  return prEvent(h, action, { label: { name: label }, sender: user(sender) });
}

export type ReviewState = "approved" | "changes_requested" | "commented" | "dismissed";

/** A review event; the review itself must already be in the fake's state (GitHub stores it first). */
export function reviewEvent(
  h: Harness,
  reviewer: string,
  state: ReviewState,
  action: "submitted" | "edited" | "dismissed" = state === "dismissed" ? "dismissed" : "submitted",
  commitId = h.pull.headSha,
  /** The review's id as GitHub stored it; by default the reviewer's latest. */
  id = h.pull.reviews.filter((r) => r.user === reviewer).at(-1)?.id,
): Event {
  const payload = loadWebhookExample("pull_request_review", action, {
    ...repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id),
    pull_request: pullRequestPatch(h),
    review: { user: user(reviewer), state, commit_id: commitId, ...(id === undefined ? {} : { id }) },
    sender: user(reviewer),
    ...(action === "edited" ? { changes: {} } : {}),
  });
  return ["pull_request_review", payload];
}

/** Stores a review in the fake GitHub and returns the event GitHub would send for it. */
export function review(
  h: Harness,
  reviewer: string,
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED",
  commitId?: string,
): Event {
  h.gh.state.addReview(REPO, h.pull.number, { user: reviewer, state, commitId });
  return reviewEvent(h, reviewer, state.toLowerCase() as ReviewState, "submitted", commitId);
}

/** Dismisses `reviewer`'s latest review as GitHub does (its state becomes DISMISSED). */
export function dismiss(h: Harness, reviewer: string): Event {
  const last = h.pull.reviews.filter((r) => r.user === reviewer).at(-1);
  if (!last) throw new Error(`${reviewer} has no review to dismiss`);
  last.state = "DISMISSED";
  return reviewEvent(h, reviewer, "dismissed", "dismissed", last.commitId);
}

export function checkRunEvent(
  h: Harness,
  action: "completed" | "rerequested",
  name: string,
  options: { sha?: string; app?: string; listPullRequests?: boolean } = {},
): Event {
  const sha = options.sha ?? h.pull.headSha;
  const example = loadWebhookExample("check_run", action);
  const listed = example.check_run.pull_requests[0] as WebhookPayload | undefined;
  const payload = loadWebhookExample("check_run", action, {
    ...repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id),
    check_run: {
      name,
      head_sha: sha,
      app: { slug: options.app ?? "github-actions" },
      pull_requests:
        options.listPullRequests === false || !listed
          ? []
          : [
              {
                ...listed,
                number: h.pull.number,
                head: { ...listed.head, sha, ref: h.pull.headRef },
                base: { ...listed.base, ref: h.pull.baseRef, sha: h.pull.baseSha },
              },
            ],
    },
  });
  return ["check_run", payload];
}

export function deploymentRuleEvent(
  h: Harness,
  options: { runId: number; environment?: string; sha?: string; ref?: string; pullRequests?: boolean },
): Event {
  const payload = deploymentProtectionRulePayload(
    {
      repository: REPO,
      environment: options.environment ?? "production",
      sha: options.sha ?? h.pull.headSha,
      ref: options.ref ?? h.pull.headRef,
      runId: options.runId,
      pullRequests:
        options.pullRequests === false
          ? []
          : [
              {
                number: h.pull.number,
                headSha: h.pull.headSha,
                baseRef: h.pull.baseRef,
                author: h.pull.author,
              },
            ],
    },
    repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id),
  );
  return ["deployment_protection_rule", payload];
}

/**
 * Stores a PR comment in the fake GitHub (as `login`) and returns GitHub's issue_comment event for
 * it; `edited`/`deleted` events are for a comment stored earlier.
 */
export function commentEvent(
  h: Harness,
  login: string,
  body: string,
  action: "created" | "edited" | "deleted" = "created",
  stored?: { id: number; body: string; createdAt: string; updatedAt: string },
): { event: Event; id: number } {
  const comment = stored ?? h.gh.state.addComment(REPO, h.pull.number, { user: login, body });
  const payload = loadWebhookExample("issue_comment", action, {
    ...repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id),
    issue: {
      number: h.pull.number,
      user: user(h.pull.author),
      pull_request: {
        url: `${h.gh.url}/repos/${REPO}/pulls/${h.pull.number}`,
        html_url: `https://github.com/${REPO}/pull/${h.pull.number}`,
        diff_url: `https://github.com/${REPO}/pull/${h.pull.number}.diff`,
        patch_url: `https://github.com/${REPO}/pull/${h.pull.number}.patch`,
      },
    },
    comment: {
      id: comment.id,
      body,
      user: user(login),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    },
    sender: user(login),
    ...(action === "edited" ? { changes: { body: { from: stored?.body ?? body } } } : {}),
  });
  return { event: ["issue_comment", payload], id: comment.id };
}
