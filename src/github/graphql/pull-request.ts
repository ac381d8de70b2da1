// A pull request and all its reviews in one GraphQL request, where REST needs two (the PR, then the
// reviews' pages). The two change together (a review bumps the PR's updated_at), so a conditional
// REST read of either saves nothing on the events that matter. Fields are mapped to the REST names
// the rest of the gateway uses. The first page also asks for what the event's writes would read
// next (seen-with-pull-request.ts).
import { GitHubError } from "../errors.js";
import type { GitHubClient } from "../rest/client.js";
import type { PullRequest, Review } from "../types.js";
import { restLogin, type GraphQLActor as Actor } from "./rest-login.js";
import {
  keepSeen,
  SEEN_FIELDS,
  SEEN_FILE,
  SEEN_FRAGMENTS,
  SEEN_FROM_HEAD,
  SEEN_OPEN_HEADS,
  OPEN_HEADS_KEY,
  SEEN_PATHS,
  type OpenHeadsAnswer,
  type SeenAnswer,
} from "./seen-with-pull-request.js";

export interface PullRequestWithReviews {
  pullRequest: PullRequest;
  /** Every review, all pages, oldest first as GitHub lists them. */
  reviews: Review[];
}

/**
 * The most pages of reviews read (10,000 reviews); past them the reviews are unread, and the
 * decision fails on the PR as read rather than paging on without end.
 */
const MAX_REVIEW_PAGES = 100;

/**
 * The PR was read but its reviews were not, all of them: the decision is an error on this PR (its
 * check run taken back), never one made from part of the reviews.
 */
export class ReviewsUnread extends GitHubError {
  constructor(
    readonly pullRequest: PullRequest,
    operation: string,
    detail: string,
    status = 0,
    options?: { cause?: unknown },
  ) {
    super(operation, status, detail, options);
  }
}

const QUERY = `query PullRequestWithReviews($owner: String!, $name: String!, $number: Int!, $after: String, $whole: Boolean!, $withFile: Boolean!, $file: String!, $withHead: Boolean!, $head: String!, $withOpenHeads: Boolean!) {
  repository(owner: $owner, name: $name) {
    ${SEEN_OPEN_HEADS}
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
      baseRepository {
        nameWithOwner
        defaultBranchRef {
          name
          ${SEEN_FILE}
        }
      }
      ${SEEN_FROM_HEAD}
      labels(first: 100) { totalCount nodes { name } }
      reviewRequests(first: 100) {
        totalCount
        nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } }
      }
      reviews(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { fullDatabaseId state body submittedAt author { __typename login } commit { oid } }
      }${SEEN_FIELDS}
    }
  }
}
${SEEN_FRAGMENTS}`;

interface Answer {
  repository: {
    openHeads?: OpenHeadsAnswer;
    pullRequest:
      | (SeenAnswer & {
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
            pageInfo: { hasNextPage: boolean; endCursor: string | null } | null;
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
        })
      | null;
  } | null;
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

type ReviewNode = NonNullable<
  NonNullable<NonNullable<NonNullable<Answer["repository"]>["pullRequest"]>["reviews"]>["nodes"]
>[number];

/** A review as REST names it; a node GitHub left null or without its id is not a review read. */
function restReview(node: ReviewNode): Review | undefined {
  const id = Number(node?.fullDatabaseId ?? NaN);
  if (!node || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return {
    id,
    user: node.author ? { login: restLogin(node.author) } : null,
    state: node.state,
    commit_id: node.commit?.oid ?? null,
    submitted_at: node.submittedAt,
    body: node.body,
  };
}
interface Page {
  answer: Answer;
  /** GitHub reported errors in what the query also asks for: none of it is kept. */
  seenFailed: boolean;
}

async function page(
  client: GitHubClient,
  number: number,
  after: string | null,
  { file, headRef, openHeads }: { file?: string; headRef?: string; openHeads?: boolean } = {},
): Promise<Page> {
  // Only the first page asks for what is kept for later reads; a later one pages reviews.
  const whole = after === null;
  try {
    const answer = (await client.octokit.graphql(QUERY, {
      owner: client.repo.owner,
      name: client.repo.repo,
      number,
      after,
      whole,
      withFile: whole && file !== undefined,
      file: file ?? "",
      withHead: whole && Boolean(headRef),
      head: headRef ?? "",
      withOpenHeads: whole && openHeads === true,
    })) as Answer;
    return { answer, seenFailed: false };
  } catch (error) {
    const partial = seenFieldsFailed(error);
    if (partial) return { answer: partial, seenFailed: true };
    const failed = errorsOf(error);
    if (!failed) throw error;
    throw new GitHubError(`reading pull request #${number}`, failed.status, failed.detail, { cause: error });
  }
}

/**
 * The answer of one whose errors all lie in what the query also asks for (SEEN_PATHS: a token that
 * may not read check runs, say): the PR and its reviews as answered, and nothing else of it kept.
 * An error anywhere else fails the read.
 */
function seenFieldsFailed(error: unknown): Answer | undefined {
  const { errors, data } = error as { errors?: { path?: unknown }[]; data?: Answer | null };
  if (!Array.isArray(errors) || errors.length === 0 || !data?.repository?.pullRequest) return undefined;
  const within = (path: unknown[], prefix: readonly string[]): boolean =>
    prefix.every((name, i) => path[i + 2] === name);
  const seenOnly = errors.every((e) => {
    const path = Array.isArray(e.path) ? e.path : [];
    return (
      path[0] === "repository" &&
      (path[1] === OPEN_HEADS_KEY ||
        (path[1] === "pullRequest" && SEEN_PATHS.some((prefix) => within(path, prefix))))
    );
  });
  return seenOnly ? data : undefined;
}

export async function pullRequestWithReviews(
  client: GitHubClient,
  number: number,
  options: {
    /** A file on the default branch to bring along, for the read that follows (the config). */
    file?: string;
    /**
     * The PR's head branch as the event names it (a PR's head branch never changes): the PRs from
     * it are brought along for the training run's judge.
     */
    headRef?: string;
    /** Bring the open PRs' heads along: which PRs share the head, for an approval of it. */
    openHeads?: boolean;
  } = {},
): Promise<PullRequestWithReviews> {
  const operation = `reading pull request #${number} and its reviews`;
  return client.call(operation, async () => {
    // Whatever an earlier query saw is forgotten, whether or not this one is answered.
    client.seen.forget();
    const { answer, seenFailed } = await page(client, number, null, options);
    const first = answer.repository?.pullRequest;
    if (!first) throw new GitHubError(`reading pull request #${number}`, 404, "Not Found");
    const pullRequest = pullRequestOf(client, first, number);
    if (!seenFailed) keepSeen(client, number, pullRequest, first, options, answer.repository?.openHeads);
    // Typed, so that TypeScript knows it never returns.
    const unread: (detail: string, cause?: unknown) => never = (detail, cause) => {
      throw new ReviewsUnread(
        pullRequest,
        operation,
        detail,
        (cause as { status?: number } | undefined)?.status ?? 0,
        cause === undefined ? undefined : { cause },
      );
    };
    const reviews: Review[] = [];
    // Every page, by GitHub's own hasNextPage and cursor: a review hidden past a page the read
    // stopped at could be the one withdrawing an approval.
    let connection = first.reviews;
    for (let pages = 1; ; pages++) {
      if (!connection?.nodes || !connection.pageInfo) unread("GitHub's answer left the reviews out");
      for (const node of connection.nodes) {
        const review = restReview(node);
        if (!review) unread("GitHub's answer left a review out");
        reviews.push(review);
      }
      if (!connection.pageInfo.hasNextPage) break;
      if (pages >= MAX_REVIEW_PAGES || !connection.pageInfo.endCursor)
        unread(`more than ${MAX_REVIEW_PAGES * 100} reviews: not all were read`);
      const after = connection.pageInfo.endCursor;
      try {
        connection = (await page(client, number, after)).answer.repository?.pullRequest?.reviews ?? null;
      } catch (error) {
        unread(error instanceof Error ? error.message : String(error), error);
      }
    }
    // totalCount is not compared with what was listed: whether GitHub counts the pending reviews
    // it shows only to their authors is not documented, and a mismatch would make every PR with
    // someone's draft review an error. The cursor, not a count, says when the list ends.
    return { pullRequest, reviews };
  });
}

type PullRequestNode = NonNullable<NonNullable<Answer["repository"]>["pullRequest"]>;

function pullRequestOf(client: GitHubClient, first: PullRequestNode, number: number): PullRequest {
  const labels = first.labels?.nodes ?? [];
  const requests = first.reviewRequests?.nodes ?? [];
  if ((first.labels?.totalCount ?? 0) > labels.length) incomplete("labels", number);
  if ((first.reviewRequests?.totalCount ?? 0) > requests.length) incomplete("review requests", number);
  const requested = requests.map((r) => r?.requestedReviewer ?? null);
  // The trusted rules are read from the base repository's default branch: a PR read without it
  // (GitHub nulls it for an error beneath it) is no read, never one whose rules come from elsewhere.
  const base = first.baseRepository;
  if (!base?.defaultBranchRef)
    throw new GitHubError(
      `reading pull request #${number}`,
      0,
      "GitHub gave no default branch of its base repository",
    );
  return {
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
    baseRepoFullName: base.nameWithOwner,
    defaultBranch: base.defaultBranchRef.name,
    changedFilesCount: first.changedFiles,
    updatedAt: first.updatedAt,
  };
}
