import type { GitHubClient, RestUser } from "./client.js";

/** Active members' logins. Throws GitHubError (404/403 when the token cannot see the team). */
export async function listTeamMembers(client: GitHubClient, org: string, slug: string): Promise<string[]> {
  return client.call(`reading the members of team ${org}/${slug}`, async () => {
    const members = await client.paginate<RestUser>(
      "GET /orgs/{org}/teams/{team_slug}/members",
      { org, team_slug: slug },
      null,
    );
    return members.map((m) => m.login);
  });
}
