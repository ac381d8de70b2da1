// What the PR's query also asks for, so that the reads an event makes after it need not go to GitHub
// again: the config on the default branch (the collector's next read), the PR's comments (where
// the sticky comment is), the check runs of the names this gate writes on its head commit, and the
// PRs from the PR's head branch (whether the training run was another PR's, built on another base).
// The comments and check runs change when the App writes them, and the PRs from the head when it
// labels the PR, so a conditional REST read of them costs a request on every event after one that
// wrote; in the query they cost nothing more. The open PRs' heads decide whether an approval may
// be shared: they are not taken from the event's first read but from the read that confirms an
// approval just before it is released and written (`openHeads`), else read on their own at that
// point (open-pull-requests.ts).
//
// Each is kept only when GitHub gave it whole and for the head the query read; anything else (a
// next page, a node GitHub left null, an id that cannot be read, a file that is not plainly the
// blob it names) leaves it to the REST read, which pages and checks as it always has. This is a
// saving, never a second source of truth.
import { DECISION_CHECK, METRICS_CHECK } from "../../core/names.js";
import type { GitHubClient } from "../rest/client.js";
import type { SeenComment } from "../seen-in-read.js";
import { gitBlobSha } from "../git-blob.js";
import { restLogin } from "./rest-login.js";
import type { FileAtRef } from "../rest/contents.js";
import type { HeadPullRequest } from "../rest/pulls.js";
import type { CheckRun, PullRequest } from "../types.js";

/** Where the PRs from the head lie in the PR's node: a base repository of their own. */
export const FROM_HEAD_KEY = "headsBase";

/**
 * Where in the PR's answer SEEN_FIELDS, SEEN_FILE and SEEN_FROM_HEAD lie: an error only there drops
 * what the query also saw, not the PR.
 */
export const SEEN_PATHS: readonly (readonly string[])[] = [
  ["comments"],
  ["commits"],
  ["baseRepository", "defaultBranchRef", "target"],
  [FROM_HEAD_KEY],
];

/** The default branch's tip, with the file the collector reads next (`$file`, the config). */
export const SEEN_FILE = `target @include(if: $withFile) {
          ... on Commit {
            file(path: $file) { type mode object { ... on Blob { oid text isBinary isTruncated } } }
          }
        }`;

/**
 * This repository's PRs from a branch called `$head`, whoever's it is, as REST's `head=owner:branch`
 * lists them for each owner. GraphQL cannot take the branch from the PR it is reading: the caller
 * names it (`$withHead`), and it is kept only if it is the PR's. They hang from an alias of the base
 * repository of their own: `pullRequests` is non-null, so GitHub's error there nulls the nearest
 * nullable field above it, which must not be the base repository the PR's rules are read from.
 */
export const SEEN_FROM_HEAD = `${FROM_HEAD_KEY}: baseRepository @include(if: $withHead) {
        fromHead: pullRequests(headRefName: $head, first: 100) {
          pageInfo { hasNextPage }
          nodes { number headRefName baseRefName createdAt closedAt headRepositoryOwner { login } }
        }
      }`;

/** Where the open PRs' heads lie in the answer, beside the PR. */
export const OPEN_HEADS_KEY = "openHeads";

/**
 * The repository's open PRs and their heads (`$withOpenHeads`): asked for with the read that
 * confirms an approval, since an approval of a head holds only if every open PR on it approves.
 * More than a page goes to open-pull-requests.ts, which pages.
 */
export const SEEN_OPEN_HEADS = `${OPEN_HEADS_KEY}: pullRequests(states: [OPEN], first: 100) @include(if: $withOpenHeads) {
      pageInfo { hasNextPage }
      nodes { number headRefOid }
    }`;

export type OpenHeadsAnswer = List<{ number: number; headRefOid: string }>;

/** Fields of the PR's query, asked for on its first page only (`$whole`). */
export const SEEN_FIELDS = `
      comments(first: 100) @include(if: $whole) {
        pageInfo { hasNextPage }
        nodes { fullDatabaseId body author { __typename login } }
      }
      commits(last: 1) @include(if: $whole) {
        nodes {
          commit {
            oid
            checkSuites(first: 50) {
              pageInfo { hasNextPage }
              nodes {
                app { slug }
                decision: checkRuns(first: 20, filterBy: {checkType: ALL, checkName: ${JSON.stringify(DECISION_CHECK)}}) { ...SeenCheckRuns }
                metrics: checkRuns(first: 20, filterBy: {checkType: ALL, checkName: ${JSON.stringify(METRICS_CHECK)}}) { ...SeenCheckRuns }
              }
            }
          }
        }
      }`;

export const SEEN_FRAGMENTS = `
fragment SeenCheckRuns on CheckRunConnection {
  pageInfo { hasNextPage }
  nodes { resourcePath name status conclusion title summary text detailsUrl externalId }
}`;

type List<T> = { pageInfo?: { hasNextPage: boolean } | null; nodes?: (T | null)[] | null } | null | undefined;

interface CheckRunNode {
  resourcePath: string;
  name: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  detailsUrl: string | null;
  externalId: string | null;
}

interface SuiteNode {
  app: { slug: string } | null;
  decision?: List<CheckRunNode>;
  metrics?: List<CheckRunNode>;
}

interface CommitNode {
  oid: string;
  checkSuites?: List<SuiteNode>;
}

interface CommentNode {
  fullDatabaseId: string | null;
  body: string;
  author: { __typename: string; login: string } | null;
}

interface FromHeadNode {
  number: number;
  headRefName: string;
  baseRefName: string;
  createdAt: string;
  closedAt: string | null;
  headRepositoryOwner: { login: string } | null;
}

interface FileNode {
  type: string;
  mode: number;
  object: { oid?: string; text?: string | null; isBinary?: boolean | null; isTruncated?: boolean } | null;
}

/** The part of the PR's node that SEEN_FIELDS and SEEN_FILE ask for. */
export interface SeenAnswer {
  comments?: List<CommentNode>;
  commits?: List<{ commit: CommitNode | null }>;
  baseRepository?: {
    defaultBranchRef?: { name: string; target?: { file?: FileNode | null } | null } | null;
  } | null;
  [FROM_HEAD_KEY]?: { fromHead?: List<FromHeadNode> } | null;
}

/** A regular file's modes in git (0644 and 0755): a symlink or a submodule is not read as one. */
const FILE_MODES = [0o100644, 0o100755];

/**
 * The file as the contents API would give it: null where the path does not exist; undefined (read
 * it by REST) for anything not plainly a whole text file.
 */
function fileOf(node: FileNode | null | undefined): FileAtRef | null | undefined {
  if (node === null) return null;
  const blob = node?.object;
  if (!node || node.type !== "blob" || !FILE_MODES.includes(node.mode) || !blob?.oid) return undefined;
  if (typeof blob.text !== "string" || blob.isBinary !== false || blob.isTruncated !== false)
    return undefined;
  // The text must be the blob's bytes exactly (as REST's base64 gives them): GraphQL's text of a
  // file that is not valid UTF-8, or of one it cut short, would hash to another blob.
  if (gitBlobSha(blob.text) !== blob.oid) return undefined;
  return { text: blob.text, blobSha: blob.oid };
}

/** The nodes of a list GitHub gave whole, or undefined. */
function whole<T>(list: List<T>): T[] | undefined {
  if (!list?.nodes || !list.pageInfo || list.pageInfo.hasNextPage) return undefined;
  if (list.nodes.some((node) => node === null)) return undefined;
  return list.nodes as T[];
}

function databaseId(value: string | null | undefined): number | undefined {
  const id = Number(value ?? NaN);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * A check run's id is read from its path (/OWNER/REPO/runs/ID, this repository's), as its REST
 * html_url has it: the schema declares CheckRun.databaseId a 32-bit Int, and GitHub's check run
 * ids are past 2^31.
 */
function checkRunId(client: GitHubClient, resourcePath: string): number | undefined {
  const [, owner, repo, id] = /^\/([^/]+)\/([^/]+)\/runs\/(\d+)$/.exec(resourcePath) ?? [];
  const ours = `${owner}/${repo}`.toLowerCase() === client.fullName.toLowerCase();
  return ours ? databaseId(id) : undefined;
}

function comments(answer: SeenAnswer): SeenComment[] | undefined {
  const nodes = whole(answer.comments);
  if (!nodes) return undefined;
  const read: SeenComment[] = [];
  for (const node of nodes) {
    const id = databaseId(node.fullDatabaseId);
    if (id === undefined) return undefined;
    read.push({
      id,
      body: node.body,
      user: node.author
        ? { login: restLogin(node.author), type: node.author.__typename === "Bot" ? "Bot" : "User" }
        : null,
    });
  }
  return read;
}

/** Every check run called `name` on the head, whoever created it, newest first; undefined unless whole. */
function checkRuns(
  client: GitHubClient,
  head: string,
  suites: SuiteNode[],
  name: string,
  runsOf: (suite: SuiteNode) => List<CheckRunNode>,
): CheckRun[] | undefined {
  const runs: CheckRun[] = [];
  for (const suite of suites) {
    const nodes = whole(runsOf(suite));
    if (!nodes) return undefined;
    for (const node of nodes) {
      const id = checkRunId(client, node.resourcePath);
      if (id === undefined || node.name !== name) return undefined;
      runs.push({
        id,
        name: node.name,
        head_sha: head,
        // REST's names: "in_progress", "success".
        status: node.status.toLowerCase(),
        conclusion: node.conclusion?.toLowerCase() ?? null,
        external_id: node.externalId,
        details_url: node.detailsUrl,
        app: suite.app?.slug ? { slug: suite.app.slug } : null,
        output: { title: node.title, summary: node.summary, text: node.text },
      });
    }
  }
  return runs.sort((a, b) => b.id - a.id);
}

/**
 * The PRs from the PR's own head, as REST's list from `owner:branch` would give them (newest
 * first); undefined unless GitHub gave them whole, for the branch the PR names, each with its owner.
 */
function pullRequestsFromHead(
  pullRequest: Pick<PullRequest, "headRef" | "headRepoFullName">,
  answer: SeenAnswer,
  headRef: string | undefined,
): { owner: string; pulls: HeadPullRequest[] } | undefined {
  const owner = pullRequest.headRepoFullName?.split("/")[0];
  if (!headRef || headRef !== pullRequest.headRef || !owner) return undefined;
  const nodes = whole(answer[FROM_HEAD_KEY]?.fromHead);
  if (!nodes || nodes.some((node) => !node.headRepositoryOwner?.login)) return undefined;
  const pulls = nodes
    .filter(
      (node) =>
        node.headRefName === headRef && node.headRepositoryOwner!.login.toLowerCase() === owner.toLowerCase(),
    )
    .map((node) => ({
      number: node.number,
      baseRef: node.baseRefName,
      createdAt: node.createdAt,
      closedAt: node.closedAt,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number);
  return { owner, pulls };
}

/**
 * Keeps what the query saw besides the PR in the client's `seen`, for the reads later in the event.
 * `pullRequest` is the PR as the same answer gave it; `file` the path asked for on the default
 * branch, `headRef` the head branch the PRs from were asked for.
 */
export function keepSeen(
  client: GitHubClient,
  number: number,
  pullRequest: Pick<PullRequest, "headSha" | "headRef" | "headRepoFullName">,
  answer: SeenAnswer,
  { file, headRef }: { file?: string; headRef?: string } = {},
  openHeads?: OpenHeadsAnswer,
): void {
  const head = pullRequest.headSha;
  const open = whole(openHeads);
  if (open)
    client.seen.putOpenPullRequestHeads(
      open.map((node) => ({ number: node.number, headSha: node.headRefOid })),
    );
  const fromHead = pullRequestsFromHead(pullRequest, answer, headRef);
  if (fromHead) client.seen.putPullRequestsFromHead(fromHead.owner, pullRequest.headRef, fromHead.pulls);
  const branch = answer.baseRepository?.defaultBranchRef;
  // Only an answer that read the tip names the file (a `target` that is not a commit has no `file`).
  if (file && branch?.name && branch.target && "file" in branch.target) {
    const found = fileOf(branch.target.file);
    if (found !== undefined) client.seen.putFile(file, `refs/heads/${branch.name}`, found);
  }
  const read = comments(answer);
  if (read) client.seen.putComments(number, read);
  // The last of the PR's commits is its head; an answer naming any other says nothing of the head.
  const commit = answer.commits?.nodes?.at(-1)?.commit;
  if (!commit || commit.oid !== head) return;
  const suites = whole(commit.checkSuites);
  if (suites) {
    const decision = checkRuns(client, head, suites, DECISION_CHECK, (suite) => suite.decision);
    if (decision) client.seen.putCheckRuns(head, DECISION_CHECK, decision);
    const metrics = checkRuns(client, head, suites, METRICS_CHECK, (suite) => suite.metrics);
    if (metrics) client.seen.putCheckRuns(head, METRICS_CHECK, metrics);
  }
}
