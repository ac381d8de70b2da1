// Whether a caller's own token may read a repository: the ledger's API and details page show a
// repository's records only to those GitHub would show the repository to. GitHub answers 404 for
// a repository the token may not see, and 401 for a token it does not accept.
import { hasStatus, toGitHubError } from "../errors.js";
import type { OctokitLike } from "../types.js";

export class TokenRefused extends Error {}

/**
 * GitHub's id of the repository when the caller's token may read it, else undefined. The id, not
 * the name, says which repository it is: a name can be freed and taken by someone else.
 */
export async function readableRepositoryId(
  octokit: OctokitLike,
  fullName: string,
): Promise<number | undefined> {
  const [owner = "", repo = ""] = fullName.split("/");
  let data: unknown;
  try {
    ({ data } = await octokit.request("GET /repos/{owner}/{repo}", { owner, repo }));
  } catch (error) {
    if (hasStatus(error, 401)) throw new TokenRefused("GitHub does not accept this token");
    if (hasStatus(error, 403, 404)) return undefined;
    throw toGitHubError(`reading ${fullName} with the caller's token`, error);
  }
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined;
}

/** The login a person's token belongs to. */
export async function tokenLogin(octokit: OctokitLike): Promise<string> {
  let data: unknown;
  try {
    ({ data } = await octokit.request("GET /user"));
  } catch (error) {
    if (hasStatus(error, 401)) throw new TokenRefused("GitHub does not accept this token");
    throw toGitHubError("reading the signed-in user", error);
  }
  const login = (data as { login?: unknown } | null)?.login;
  if (typeof login !== "string") throw new TokenRefused("GitHub's answer for this token names no user");
  return login;
}
