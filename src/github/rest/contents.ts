// Files at a ref, through the contents API: the config, baselines, whether a workflow file exists;
// and the commit a ref names, so that files read "at main" are all read at one commit.
import { GitHubError, hasStatus, isNotFound } from "../errors.js";
import type { GitHubClient } from "./client.js";

export interface FileAtRef {
  text: string;
  /** The git blob sha of the file, as GitHub reports it. */
  blobSha?: string;
}

/** The file at `ref` with its blob sha, or null when it does not exist there. */
export async function getFile(client: GitHubClient, path: string, ref: string): Promise<FileAtRef | null> {
  const operation = `reading ${path} at ${ref}`;
  // The PR's query may have brought it (the config, on the default branch); used once.
  const seen = client.seen.takeFile(path, ref);
  if (seen !== undefined) return seen;
  return client.call(operation, async () => {
    let data: unknown;
    try {
      ({ data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { path, ref }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const file = data as { type?: string; content?: string; encoding?: string; sha?: string } | null;
    if (Array.isArray(data) || file?.type !== "file") throw new GitHubError(operation, 0, "not a file");
    if (file.encoding === "base64" && typeof file.content === "string")
      return {
        text: Buffer.from(file.content, "base64").toString("utf8"),
        ...(typeof file.sha === "string" ? { blobSha: file.sha } : {}),
      };
    // Files over 1 MB come without content; a config or baseline that large is not one.
    throw new GitHubError(operation, 0, "the file is too large to read through the contents API (over 1 MB)");
  });
}

/** The file's text at `ref` (any size up to 100 MB), or null when it does not exist there. */
export async function getFileText(client: GitHubClient, path: string, ref: string): Promise<string | null> {
  return client.call(`reading ${path} at ${ref}`, async () => {
    let data: unknown;
    try {
      ({ data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
        path,
        ref,
        mediaType: { format: "raw" },
      }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    if (typeof data === "string") return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    const file = data as { type?: string; content?: string; encoding?: string } | null;
    if (file?.type === "file" && file.encoding === "base64" && typeof file.content === "string")
      return Buffer.from(file.content, "base64").toString("utf8");
    throw new GitHubError(`reading ${path} at ${ref}`, 0, "not a file");
  });
}

/**
 * The commit `ref` (a branch, a tag, a sha) names now, or null when it names none. One file of
 * the commit's diff is asked for: the sha is all that is wanted.
 */
export async function commitAt(client: GitHubClient, ref: string): Promise<string | null> {
  return client.call(`resolving ${ref} to a commit`, async () => {
    try {
      const { data } = await client.request("GET /repos/{owner}/{repo}/commits/{ref}", { ref, per_page: 1 });
      const sha = (data as { sha?: unknown } | null)?.sha;
      if (typeof sha !== "string")
        throw new GitHubError(`resolving ${ref} to a commit`, 0, "no sha in the answer");
      return sha;
    } catch (error) {
      // 422 "No commit found for SHA": GitHub's answer for a ref that names nothing.
      if (isNotFound(error) || hasStatus(error, 422)) return null;
      throw error;
    }
  });
}
