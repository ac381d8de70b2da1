// The open PRs whose head a commit is: every open PR of the repository, paged, with its head. REST's
// `commits/{sha}/pulls` answers from GitHub's commit-to-PR association, which is documented to list
// only the merged PR once the commit is on the default branch, and reported to list nothing for a
// fork's commit: a PR it leaves out could borrow another PR's approval through their shared check
// run. The open PRs' heads say it exactly, a hundred a request. The App's read that confirms an
// approval brings the first hundred along (seen-with-pull-request.ts): they are taken from it.
import { GitHubError } from "../errors.js";
import type { GitHubClient } from "../rest/client.js";

/** The most pages read (3,000 open PRs); past them which PRs share a head cannot be told. */
export const MAX_OPEN_PULL_REQUEST_PAGES = 30;

/** More open PRs than are read: an approval of the commit is not shared, and the commit waits. */
export class TooManyOpenPullRequests extends GitHubError {
  constructor(operation: string) {
    super(operation, 0, `more than ${MAX_OPEN_PULL_REQUEST_PAGES * 100} open pull requests`);
  }
}

const QUERY = `query OpenPullRequestHeads($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { number headRefOid }
    }
  }
}`;

interface Answer {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null } | null;
      nodes: ({ number: number; headRefOid: string } | null)[] | null;
    } | null;
  } | null;
}

/** Numbers of the open PRs whose head is `sha`, oldest first. */
export async function pullRequestsForCommit(client: GitHubClient, sha: string): Promise<number[]> {
  const operation = `finding the open pull requests whose head is ${sha}`;
  const seen = client.seen.takeOpenPullRequestHeads();
  if (seen) return seen.filter((pr) => pr.headSha === sha).map((pr) => pr.number);
  return client.call(operation, async () => {
    const numbers: number[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const answer = (await client.octokit.graphql(QUERY, {
        owner: client.repo.owner,
        name: client.repo.repo,
        after,
      })) as Answer;
      const list = answer.repository?.pullRequests;
      // A PR left out could be the one an approval must not be shared with.
      if (!list?.nodes || !list.pageInfo || list.nodes.some((node) => node === null))
        throw new GitHubError(operation, 0, "GitHub's answer left open pull requests out");
      for (const node of list.nodes) if (node!.headRefOid === sha) numbers.push(node!.number);
      if (!list.pageInfo.hasNextPage) return numbers;
      if (!list.pageInfo.endCursor)
        throw new GitHubError(operation, 0, "GitHub's answer named no page after the last it gave");
      if (pages >= MAX_OPEN_PULL_REQUEST_PAGES) throw new TooManyOpenPullRequests(operation);
      after = list.pageInfo.endCursor;
    }
  });
}
