// Whether a caller's own token may read a repository: the ledger's API and details page show a
// repository's records only to those GitHub would show the repository to. GitHub answers 404 for
// a repository the token may not see, and 401 for a token it does not accept.
import { hasStatus, toGitHubError } from "../errors.js";
import type { OctokitLike } from "../types.js";

export class TokenRefused extends Error {}

export async function canReadRepository(octokit: OctokitLike, fullName: string): Promise<boolean> {
  const [owner = "", repo = ""] = fullName.split("/");
  try {
    await octokit.request("GET /repos/{owner}/{repo}", { owner, repo });
    return true;
  } catch (error) {
    if (hasStatus(error, 401)) throw new TokenRefused("GitHub does not accept this token");
    if (hasStatus(error, 403, 404)) return false;
    throw toGitHubError(`reading ${fullName} with the caller's token`, error);
  }
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
