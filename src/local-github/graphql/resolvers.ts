// What the local GitHub's GraphQL API shows of its state: the same pull requests and reviews its
// REST routes show, in GraphQL's names. graphql-js calls a field that is a function with its
// arguments; a field the subset has but nothing here sets is null, and the query fails where that
// field is non-null, so a gap in the fake shows as an error rather than as a plausible answer.
import {
  gitBlobSha,
  lower,
  type FakeCheckRun,
  type FakeComment,
  type FakeGitHubState,
  type FakePull,
  type FakeRepo,
  type FakeReview,
} from "../state.js";

/** An error GitHub reports in `errors` with a `type`, e.g. NOT_FOUND. */
export class GraphQLTypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Something the fake does not do; the endpoint records it as a contract violation. */
export class Unimplemented extends Error {}

const MAX_PAGE = 100;

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const cursorOf = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString("base64");

function indexAfter(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match)
    throw new GraphQLTypedError(
      "INVALID_CURSOR_ARGUMENTS",
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  return Number(match[1]) + 1;
}

/**
 * A connection page as GitHub pages one: `first` or `last` is required and at most 100. Pages go
 * forwards (first/after), or `last` takes the end of the list.
 */
function connection<T>(name: string, items: T[], args: ConnectionArgs) {
  if (args.before != null || (args.last != null && (args.first != null || args.after != null)))
    throw new Unimplemented(
      `the local GitHub pages the \`${name}\` connection forwards (first/after) or takes its last items only`,
    );
  const size = args.first ?? args.last;
  if (size == null)
    throw new GraphQLTypedError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  if (size > MAX_PAGE || size < 0)
    throw new GraphQLTypedError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${size} records on the \`${name}\` connection exceeds the \`${args.first == null ? "last" : "first"}\` limit of ${MAX_PAGE} records.`,
    );
  const start = args.after
    ? indexAfter(args.after)
    : args.last != null
      ? Math.max(0, items.length - args.last)
      : 0;
  const page = items.slice(start, start + size);
  return {
    totalCount: items.length,
    nodes: page,
    pageInfo: {
      hasNextPage: start + page.length < items.length,
      endCursor: page.length > 0 ? cursorOf(start + page.length - 1) : null,
    },
  };
}

/** GraphQL names a bot by its app's slug; REST appends "[bot]". A deleted account is null. */
function actor(login: string) {
  if (!login) return null;
  return login.endsWith("[bot]")
    ? { __typename: "Bot", login: login.slice(0, -"[bot]".length) }
    : { __typename: "User", login };
}

function review(r: FakeReview) {
  return {
    fullDatabaseId: String(r.id),
    state: r.state,
    body: r.body,
    submittedAt: r.state === "PENDING" ? null : r.submittedAt,
    author: actor(r.user),
    commit: { oid: r.commitId },
  };
}

function comment(c: FakeComment) {
  const author =
    c.userType === "Bot"
      ? { __typename: "Bot", login: c.user.replace(/\[bot\]$/, "") }
      : { __typename: "User", login: c.user };
  return { fullDatabaseId: String(c.id), body: c.body, author: c.user ? author : null };
}

const UPPER = (value: string | null): string | null => (value === null ? null : value.toUpperCase());

function checkRun(repo: FakeRepo, run: FakeCheckRun) {
  return {
    resourcePath: `/${repo.owner}/${repo.name}/runs/${run.id}`,
    name: run.name,
    status: UPPER(run.status),
    conclusion: UPPER(run.conclusion),
    title: run.title,
    summary: run.summary,
    text: run.text,
    detailsUrl: run.detailsUrl,
    externalId: run.externalId,
  };
}

interface CheckRunFilter {
  checkType?: "ALL" | "LATEST" | null;
  checkName?: string | null;
  [other: string]: unknown;
}

/** One check suite per app on a commit, as GitHub makes one for each app's runs on a head. */
function checkSuite(repo: FakeRepo, appSlug: string, runs: FakeCheckRun[]) {
  return {
    app: { slug: appSlug },
    checkRuns: (args: ConnectionArgs & { filterBy?: CheckRunFilter | null }) => {
      const { checkType, checkName, ...others } = args.filterBy ?? {};
      const unhandled = Object.entries(others).filter(([, v]) => v != null);
      if (unhandled.length > 0)
        throw new Unimplemented(`the local GitHub filters check runs by checkType and checkName only`);
      let named = runs.filter((r) => checkName == null || r.name === checkName);
      // LATEST, GitHub's default, keeps the newest run of each name.
      if ((checkType ?? "LATEST") === "LATEST")
        named = named.filter((r) => !named.some((o) => o.name === r.name && o.id > r.id));
      return connection(
        "checkRuns",
        named.sort((a, b) => a.id - b.id).map((r) => checkRun(repo, r)),
        args,
      );
    },
  };
}

/** A regular file's git mode (0644). */
const FILE_MODE = 0o100644;

function commit(repo: FakeRepo, sha: string) {
  return {
    __typename: "Commit",
    oid: sha,
    file: ({ path }: { path: string }) => {
      const content = repo.commits[sha]?.[path];
      if (content === undefined) return null;
      return {
        type: "blob",
        mode: FILE_MODE,
        object: {
          __typename: "Blob",
          oid: gitBlobSha(content),
          text: content,
          isBinary: false,
          isTruncated: false,
        },
      };
    },
    checkSuites: (args: ConnectionArgs & { filterBy?: unknown }) => {
      if (args.filterBy != null) throw new Unimplemented("the local GitHub does not filter check suites");
      const apps = [...new Set(repo.checkRuns.filter((r) => r.headSha === sha).map((r) => r.appSlug))];
      return connection(
        "checkSuites",
        apps.map((app) =>
          checkSuite(
            repo,
            app,
            repo.checkRuns.filter((r) => r.headSha === sha && r.appSlug === app),
          ),
        ),
        args,
      );
    },
  };
}

const pullRequestState = (pull: FakePull): string =>
  pull.merged ? "MERGED" : pull.state === "open" ? "OPEN" : "CLOSED";

function pullRequest(state: FakeGitHubState, repo: FakeRepo, pull: FakePull) {
  const requests = [
    ...pull.requestedReviewers.map((login) => ({ requestedReviewer: actor(login) })),
    ...pull.requestedTeams.map((slug) => ({ requestedReviewer: { __typename: "Team", slug } })),
  ];
  return {
    number: pull.number,
    title: pull.title,
    state: pullRequestState(pull),
    merged: pull.merged,
    isDraft: pull.draft,
    updatedAt: pull.updatedAt,
    changedFiles: pull.files.length,
    author: actor(pull.author),
    headRefName: pull.headRef,
    headRefOid: pull.headSha,
    baseRefName: pull.baseRef,
    baseRefOid: pull.baseSha,
    headRepository: repository(state, pull.headRepo),
    // The fake does not tell organisations from users: the owner is a login either way.
    headRepositoryOwner: { __typename: "User", login: pull.headRepo.split("/")[0] },
    baseRepository: repository(state, `${repo.owner}/${repo.name}`),
    createdAt: pull.createdAt,
    closedAt: pull.closedAt,
    labels: (args: ConnectionArgs) =>
      connection(
        "labels",
        pull.labels.map((name) => ({ name })),
        args,
      ),
    reviewRequests: (args: ConnectionArgs) => connection("reviewRequests", requests, args),
    comments: (args: ConnectionArgs & { orderBy?: unknown }) => {
      if (args.orderBy != null) throw new Unimplemented("the local GitHub lists comments oldest first only");
      return connection(
        "comments",
        repo.comments.filter((c) => c.issueNumber === pull.number).map(comment),
        args,
      );
    },
    // The fake keeps a PR's head, not its history: its commits are the head alone.
    commits: (args: ConnectionArgs) => connection("commits", [{ commit: commit(repo, pull.headSha) }], args),
    reviews: (args: ConnectionArgs & { states?: string[] | null; author?: string | null }) =>
      connection(
        "reviews",
        pull.reviews
          .filter((r) => !args.states || args.states.includes(r.state))
          .filter((r) => args.author == null || lower(r.user) === lower(args.author))
          .map(review),
        args,
      ),
  };
}

function repository(state: FakeGitHubState, fullName: string) {
  const known = state.repos.get(lower(fullName));
  return {
    nameWithOwner: known ? `${known.owner}/${known.name}` : fullName,
    defaultBranchRef: {
      name: known?.defaultBranch ?? "main",
      target: () => {
        const tip = known && state.resolveRef(known, known.defaultBranch);
        return known && tip ? commit(known, tip) : null;
      },
    },
    pullRequest: ({ number }: { number: number }) => {
      const pull = known?.pulls.find((p) => p.number === number);
      if (!known || !pull)
        throw new GraphQLTypedError(
          "NOT_FOUND",
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      return pullRequest(state, known, pull);
    },
    pullRequests: (
      args: ConnectionArgs & {
        states?: string[] | null;
        headRefName?: string | null;
        baseRefName?: string | null;
        labels?: string[] | null;
        orderBy?: unknown;
      },
    ) => {
      if (args.baseRefName != null || args.labels != null || args.orderBy != null)
        throw new Unimplemented(
          "the local GitHub lists pull requests by state and head branch only, oldest first",
        );
      const pulls = [...(known?.pulls ?? [])]
        .filter((p) => !args.states || args.states.includes(pullRequestState(p)))
        // A branch name, from any owner, as git spells it.
        .filter((p) => args.headRefName == null || p.headRef === args.headRefName)
        .sort((a, b) => a.number - b.number);
      return connection(
        "pullRequests",
        pulls.map((p) => pullRequest(state, known!, p)),
        args,
      );
    },
  };
}

/** The root of every query. */
export function queryRoot(state: FakeGitHubState) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      if (!state.repos.has(lower(`${owner}/${name}`)))
        throw new GraphQLTypedError(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      return repository(state, `${owner}/${name}`);
    },
  };
}
