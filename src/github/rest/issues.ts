// The sticky PR comment and the state label.
import { isForbidden, isNotFound } from "../errors.js";
import { clip, GITHUB_LIMITS } from "../../core/github-limits.js";
import { STATE_LABEL_PREFIX } from "../../core/names.js";
import { COMMENT_MARKER } from "../../core/report/markdown.js";
import type { LabelChange, StickyCommentResult } from "../types.js";
import { login, sameLogin, type GitHubClient } from "./client.js";

interface RestComment {
  id: number;
  body?: string | null;
  user: { login: string; type?: string } | null;
  created_at?: string;
  updated_at?: string;
  html_url?: string;
}

/** A PR's conversation comment, as the commands in it are read. */
export interface IssueComment {
  id: number;
  author: string;
  /** "Bot" for apps: no app speaks a command. */
  authorType?: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  url?: string;
}

/** Every comment on a PR's conversation, oldest first. */
export async function listComments(client: GitHubClient, issueNumber: number): Promise<IssueComment[]> {
  return client.call(`reading the comments on #${issueNumber}`, async () => {
    const comments = await client.paginate<RestComment>(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      { issue_number: issueNumber },
    );
    return comments.map((c) => ({
      id: c.id,
      author: login(c.user),
      ...(c.user?.type ? { authorType: c.user.type } : {}),
      body: c.body ?? "",
      createdAt: c.created_at ?? "",
      updatedAt: c.updated_at ?? c.created_at ?? "",
      ...(c.html_url ? { url: c.html_url } : {}),
    }));
  });
}

/** Posts a new comment; its id. */
export async function postComment(client: GitHubClient, issueNumber: number, body: string): Promise<number> {
  return client.call(`writing a comment on #${issueNumber}`, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      issue_number: issueNumber,
      body: clip(body, GITHUB_LIMITS.commentBody),
    });
    return (data as { id: number }).id;
  });
}

/**
 * One comment per PR carrying `marker`, edited in place. Only a comment written by this identity
 * (or, when the identity is unknown, by a bot) is ever edited: a human who pastes the marker into
 * a comment can neither take over the report nor, by a refused edit, stop it being written.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  issueNumber: number,
  body: string,
  marker: string = COMMENT_MARKER,
): Promise<StickyCommentResult> {
  return client.call(`writing the comment on #${issueNumber}`, async () => {
    const full = clip(body.includes(marker) ? body : `${marker}\n${body}`, GITHUB_LIMITS.commentBody);
    // The PR's query may have listed them just now; a second write in the event reads them again.
    const comments: RestComment[] =
      client.seen.takeComments(issueNumber) ??
      (await client.paginate<RestComment>("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        issue_number: issueNumber,
      }));
    const marked = comments.filter((c) => (c.body ?? "").includes(marker));
    const wanted = client.identity.login;
    const existing = wanted
      ? marked.find((c) => sameLogin(login(c.user), wanted))
      : marked.find((c) => c.user?.type === "Bot");
    if (existing) {
      if (existing.body === full) return { id: existing.id, changed: false, created: false };
      try {
        await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          comment_id: existing.id,
          body: full,
        });
        return { id: existing.id, changed: true, created: false };
      } catch (error) {
        // Another bot's comment (identity unknown): write our own instead.
        if (!isForbidden(error)) throw error;
      }
    }
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      issue_number: issueNumber,
      body: full,
    });
    return { id: (data as { id: number }).id, changed: true, created: true };
  });
}

/**
 * Leaves exactly one label with the prefix: `prefix + state` (e.g. "model-approval: approved"),
 * or none when `state` is null. Reads the labels unless the caller already has them.
 */
export async function setStateLabel(
  client: GitHubClient,
  issueNumber: number,
  state: string | null,
  options: { currentLabels?: string[]; prefix?: string } = {},
): Promise<LabelChange> {
  const prefix = options.prefix ?? STATE_LABEL_PREFIX;
  return client.call(`setting the ${prefix.trim()} label of #${issueNumber}`, async () => {
    const desired = state === null ? null : state.startsWith(prefix) ? state : prefix + state;
    const current =
      options.currentLabels ??
      (
        await client.paginate<{ name: string }>("GET /repos/{owner}/{repo}/issues/{issue_number}/labels", {
          issue_number: issueNumber,
        })
      ).map((l) => l.name);
    // Also catches hand-made variants such as "Model-Approval:approved".
    const family = prefix.trim().toLowerCase();
    const isDesired = (label: string): boolean => desired !== null && sameLogin(label, desired);
    const removed = current.filter((l) => l.toLowerCase().startsWith(family) && !isDesired(l));
    const added = desired !== null && !current.some(isDesired) ? [desired] : [];
    for (const name of removed) {
      try {
        await client.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
          issue_number: issueNumber,
          name,
        });
      } catch (error) {
        // Someone removed it meanwhile: the goal is reached.
        if (!isNotFound(error)) throw error;
      }
    }
    if (added.length > 0)
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        issue_number: issueNumber,
        labels: added,
      });
    return { added, removed };
  });
}
