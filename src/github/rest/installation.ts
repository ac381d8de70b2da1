// What an installation of the App can see, for events that concern several repositories (a team's
// membership): the only read that is not scoped to one repository.
import { toGitHubError } from "../errors.js";
import type { OctokitLike } from "../types.js";

export interface InstalledRepository {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
}

export async function installationRepositories(
  octokit: OctokitLike,
  limit: number,
): Promise<{ repositories: InstalledRepository[]; more: boolean }> {
  const repositories: InstalledRepository[] = [];
  for (let page = 1; repositories.length <= limit; page++) {
    const { data } = await octokit
      .request("GET /installation/repositories", { per_page: 100, page })
      .catch((error: unknown) => {
        throw toGitHubError("listing the installation's repositories", error);
      });
    const listed = ((data as { repositories?: unknown[] }).repositories ?? []) as {
      id: number;
      name: string;
      owner: { login: string };
      default_branch?: string;
    }[];
    repositories.push(
      ...listed.map((r) => ({
        id: r.id,
        owner: r.owner.login,
        name: r.name,
        defaultBranch: r.default_branch ?? "main",
      })),
    );
    if (listed.length < 100) break;
  }
  return { repositories: repositories.slice(0, limit), more: repositories.length > limit };
}
