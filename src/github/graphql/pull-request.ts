// A pull request and all its reviews in one GraphQL request, where REST needs two (the PR, then the
// reviews' pages). The two change together (a review bumps the PR's updated_at), so a conditional
// REST read of either saves nothing on the events that matter. Fields are mapped to the REST names
// the rest of the gateway uses.
import { GitHubError } from "../errors.js";
import type { GitHubClient } from "../rest/client.js";
import type { PullRequest, Review } from "../types.js";

export interface PullRequestWithReviews {
  pullRequest: PullRequest;
  /** Every review, all pages, oldest first as GitHub lists them. */
  reviews: Review[];
}

/** The most reviews a PR may have before the read fails closed rather than page on without end. */
const MAX_REVIEW_PAGES = 50;

const QUERY = `query PullRequestWithReviews($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      number
      title
      state
      merged
      isDraft
      updatedAt
      changedFiles
      author { __typename login }
      headRefName
      headRefOid
      baseRefName
      baseRefOid
      headRepository { nameWithOwner }
      baseRepository { nameWithOwner defaultBranchRef { name } }
      labels(first: 100) { totalCount nodes { name } }
      reviewRequests(first: 100) {
        totalCount
        nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } }
      }
      reviews(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { fullDatabaseId state body submittedAt author { __typename login } commit { oid } }
      }
    }
  }
}`;

interface Actor {
  __typename: string;
  login: string;
}

interface Answer {
  repository: {
    pullRequest: {
      number: number;
      title: string;
      state: "OPEN" | "CLOSED" | "MERGED";
      merged: boolean;
      isDraft: boolean;
      updatedAt: string;
      changedFiles: number;
      author: Actor | null;
      headRefName: string;
      headRefOid: string;
      baseRefName: string;
      baseRefOid: string;
      headRepository: { nameWithOwner: string } | null;
      baseRepository: { nameWithOwner: string; defaultBranchRef: { name: string } | null } | null;
      labels: { totalCount: number; nodes: ({ name: string } | null)[] | null } | null;
      reviewRequests: {
        totalCount: number;
        nodes: ({ requestedReviewer: (Partial<Actor> & { slug?: string }) | null } | null)[] | null;
      } | null;
      reviews: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes:
          | ({
              fullDatabaseId: string | null;
              state: string;
              body: string;
              submittedAt: string | null;
              author: Actor | null;
              commit: { oid: string } | null;
            } | null)[]
          | null;
      } | null;
    } | null;
  } | null;
}

/**
 * GraphQL names a bot by its app's slug ("github-actions"); REST, whose logins the rest of the
 * gateway compares with, appends "[bot]". A deleted account is null.
 */
function restLogin(actor: Partial<Actor> | null | undefined): string {
  if (!actor?.login) return "";
  return actor.__typename === "Bot" ? `${actor.login}[bot]` : actor.login;
}

/**
 * GraphQL reports a missing PR or repository as a NOT_FOUND error in a 200 answer: give it REST's
 * 404 (and FORBIDDEN REST's 403), with GitHub's own messages.
 */
function errorsOf(error: unknown): { status: number; detail: string } | undefined {
  const errors = (error as { errors?: { type?: string; message?: string }[] } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const status = errors.some((e) => e.type === "NOT_FOUND")
    ? 404
    : errors.some((e) => e.type === "FORBIDDEN")
      ? 403
      : 0;
  return { status, detail: errors.map((e) => e.message ?? e.type ?? "GraphQL error").join("; ") };
}

function incomplete(what: string, number: number): never {
  throw new GitHubError(`reading pull request #${number}`, 0, `GitHub listed only part of its ${what}`);
}

async function page(client: GitHubClient, number: number, after: string | null): Promise<Answer> {
  try {
    return (await client.octokit.graphql(QUERY, {
      owner: client.repo.owner,
      name: client.repo.repo,
      number,
      after,
    })) as Answer;
  } catch (error) {
    const failed = errorsOf(error);
    if (!failed) throw error;
    throw new GitHubError(`reading pull request #${number}`, failed.status, failed.detail, { cause: error });
  }
}

export async function pullRequestWithReviews(
  client: GitHubClient,
  number: number,
): Promise<PullRequestWithReviews> {
  return client.call(`reading pull request #${number} and its reviews`, async () => {
    const first = (await page(client, number, null)).repository?.pullRequest;
    if (!first) throw new GitHubError(`reading pull request #${number}`, 404, "Not Found");
    const reviews = [...(first.reviews?.nodes ?? [])];
    let pageInfo = first.reviews?.pageInfo;
    for (let pages = 1; pageInfo?.hasNextPage; pages++) {
      // A review hidden past a page the read stopped at could be the one withdrawing an approval.
      if (pages >= MAX_REVIEW_PAGES || !pageInfo.endCursor) incomplete("reviews", number);
      const next = (await page(client, number, pageInfo.endCursor)).repository?.pullRequest;
      if (!next) throw new GitHubError(`reading pull request #${number}`, 404, "Not Found");
      reviews.push(...(next.reviews?.nodes ?? []));
      pageInfo = next.reviews?.pageInfo;
    }
    const labels = first.labels?.nodes ?? [];
    const requests = first.reviewRequests?.nodes ?? [];
    if ((first.labels?.totalCount ?? 0) > labels.length) incomplete("labels", number);
    if ((first.reviewRequests?.totalCount ?? 0) > requests.length) incomplete("review requests", number);
    const requested = requests.map((r) => r?.requestedReviewer ?? null);
    return {
      pullRequest: {
        number: first.number,
        author: restLogin(first.author),
        headSha: first.headRefOid,
        headRef: first.headRefName,
        baseRef: first.baseRefName,
        baseSha: first.baseRefOid,
        state: first.state === "OPEN" ? "open" : "closed",
        merged: first.merged,
        draft: first.isDraft,
        title: first.title,
        labels: labels.flatMap((l) => (l ? [l.name] : [])),
        requestedReviewers: requested.flatMap((r) =>
          r && r.__typename !== "Team" && r.login ? [restLogin(r)] : [],
        ),
        requestedTeams: requested.flatMap((r) => (r?.__typename === "Team" && r.slug ? [r.slug] : [])),
        headRepoFullName: first.headRepository?.nameWithOwner ?? null,
        baseRepoFullName: first.baseRepository?.nameWithOwner ?? client.fullName,
        defaultBranch: first.baseRepository?.defaultBranchRef?.name ?? "",
        changedFilesCount: first.changedFiles,
        updatedAt: first.updatedAt,
      },
      reviews: reviews.flatMap((r) =>
        r
          ? [
              {
                id: Number(r.fullDatabaseId),
                user: r.author ? { login: restLogin(r.author) } : null,
                state: r.state,
                commit_id: r.commit?.oid ?? null,
                submitted_at: r.submittedAt,
                body: r.body,
              },
            ]
          : [],
      ),
    };
  });
}
