// The only code that talks to GitHub. Reads return plain data, writes happen only when GitHub does
// not already show what is wanted, and every failure is a GitHubError naming the operation. It never
// logs: callers decide what a failure means. Each resource lives in its own module under rest/.
import { COMMENT_MARKER } from "../core/report/markdown.js";
import { GitHubClient, type KeptAcrossEvents } from "./rest/client.js";
import * as actions from "./rest/actions.js";
import * as checks from "./rest/checks.js";
import * as contents from "./rest/contents.js";
import * as deployments from "./rest/deployments.js";
import * as issues from "./rest/issues.js";
import * as pulls from "./rest/pulls.js";
import * as teams from "./rest/teams.js";
import { pullRequestsForCommit } from "./graphql/open-pull-requests.js";
import { pullRequestWithReviews } from "./graphql/pull-request.js";
import type { GatewayIdentity, OctokitLike, RepoRef } from "./types.js";

/** The marker the markdown report starts with, so the rendered comment needs nothing prepended. */
export const STICKY_MARKER = COMMENT_MARKER;

export type { ArtifactFacts, WorkflowRunFacts } from "./rest/actions.js";
export type { DeploymentFacts, DeploymentStatusFacts } from "./rest/deployments.js";
export type { Comparison, HeadPullRequest } from "./rest/pulls.js";
export type { FileAtRef } from "./rest/contents.js";
export type { KeptAcrossEvents } from "./rest/client.js";

type Rest<F> = F extends (client: GitHubClient, ...rest: infer A) => infer R ? (...args: A) => R : never;

export interface GatewayOptions {
  /** The GitHub server's web address (https://github.com), for links in reports. */
  serverUrl?: string;
  /** What a long-running caller keeps between events; nothing by default. */
  kept?: KeptAcrossEvents;
  /** GitHub's id of the repository, when the caller knows it (webhooks carry it). */
  repositoryId?: number;
}

/**
 * The web address of the server an API URL belongs to: https://api.github.com is
 * https://github.com, and GitHub Enterprise Server's https://HOST/api/v3 is https://HOST.
 */
export function serverUrlOf(apiUrl: string): string | undefined {
  try {
    const url = new URL(apiUrl);
    if (url.hostname === "api.github.com") return "https://github.com";
    if (url.hostname.startsWith("api.") && url.hostname.endsWith(".ghe.com"))
      return `${url.protocol}//${url.hostname.slice(4)}`;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/$/, "")}`;
  } catch {
    return undefined;
  }
}

export class GitHubGateway {
  readonly client: GitHubClient;
  readonly serverUrl?: string;
  readonly repositoryId?: number;

  constructor(
    octokit: OctokitLike,
    repo: RepoRef,
    identity: GatewayIdentity = {},
    options: GatewayOptions = {},
  ) {
    this.client = new GitHubClient(octokit, repo, identity, options.kept);
    if (options.serverUrl) this.serverUrl = options.serverUrl.replace(/\/+$/, "");
    if (options.repositoryId !== undefined) this.repositoryId = options.repositoryId;
  }

  get repository(): string {
    return this.client.fullName;
  }

  // Each method is its resource module's function with this gateway's client; the arrows read
  // `this.client` when called, after the constructor has set it.
  readonly getFile: Rest<typeof contents.getFile> = (...a) => contents.getFile(this.client, ...a);
  readonly getFileText: Rest<typeof contents.getFileText> = (...a) => contents.getFileText(this.client, ...a);
  readonly commitAt: Rest<typeof contents.commitAt> = (...a) => contents.commitAt(this.client, ...a);
  readonly pullRequestWithReviews: Rest<typeof pullRequestWithReviews> = (...a) =>
    pullRequestWithReviews(this.client, ...a);
  readonly compareCommits: Rest<typeof pulls.compareCommits> = (...a) =>
    pulls.compareCommits(this.client, ...a);
  readonly changedFiles: Rest<typeof pulls.changedFiles> = (...a) => pulls.changedFiles(this.client, ...a);
  readonly branchContains: Rest<typeof pulls.branchContains> = (...a) =>
    pulls.branchContains(this.client, ...a);
  readonly pusherOf: Rest<typeof pulls.pusherOf> = (...a) => pulls.pusherOf(this.client, ...a);
  readonly pushOf: Rest<typeof pulls.pushOf> = (...a) => pulls.pushOf(this.client, ...a);
  readonly listComments: Rest<typeof issues.listComments> = (...a) => issues.listComments(this.client, ...a);
  readonly postComment: Rest<typeof issues.postComment> = (...a) => issues.postComment(this.client, ...a);
  readonly pullRequestsFromHead: Rest<typeof pulls.pullRequestsFromHead> = (...a) =>
    pulls.pullRequestsFromHead(this.client, ...a);
  readonly pullRequestsForCommit: Rest<typeof pullRequestsForCommit> = (...a) =>
    pullRequestsForCommit(this.client, ...a);
  /** Whether the open PRs' heads came with the last read, so that listing them asks GitHub nothing. */
  readonly keepsOpenHeads = (): boolean => this.client.seen.keepsOpenPullRequestHeads();
  readonly openPullRequests: Rest<typeof pulls.openPullRequests> = (...a) =>
    pulls.openPullRequests(this.client, ...a);
  readonly requestReviewers: Rest<typeof pulls.requestReviewers> = (...a) =>
    pulls.requestReviewers(this.client, ...a);
  readonly listTeamMembers: Rest<typeof teams.listTeamMembers> = (...a) =>
    teams.listTeamMembers(this.client, ...a);
  readonly findCheckRun: Rest<typeof checks.findCheckRun> = (...a) => checks.findCheckRun(this.client, ...a);
  readonly findOwnCheckRun: Rest<typeof checks.findOwnCheckRun> = (...a) =>
    checks.findOwnCheckRun(this.client, ...a);
  readonly upsertCheckRun: Rest<typeof checks.upsertCheckRun> = (...a) =>
    checks.upsertCheckRun(this.client, ...a);
  readonly upsertStickyComment: Rest<typeof issues.upsertStickyComment> = (...a) =>
    issues.upsertStickyComment(this.client, ...a);
  readonly setStateLabel: Rest<typeof issues.setStateLabel> = (...a) =>
    issues.setStateLabel(this.client, ...a);
  readonly workflowRunsForCommit: Rest<typeof actions.workflowRunsForCommit> = (...a) =>
    actions.workflowRunsForCommit(this.client, ...a);
  readonly getWorkflowRun: Rest<typeof actions.getWorkflowRun> = (...a) =>
    actions.getWorkflowRun(this.client, ...a);
  readonly runArtifacts: Rest<typeof actions.runArtifacts> = (...a) =>
    actions.runArtifacts(this.client, ...a);
  readonly readArtifactFile: Rest<typeof actions.readArtifactFile> = (...a) =>
    actions.readArtifactFile(this.client, ...a);
  readonly waitingDeploymentsForSha: Rest<typeof deployments.waitingDeploymentsForSha> = (...a) =>
    deployments.waitingDeploymentsForSha(this.client, ...a);
  readonly deploymentsTo: Rest<typeof deployments.deploymentsTo> = (...a) =>
    deployments.deploymentsTo(this.client, ...a);
  readonly deploymentStatuses: Rest<typeof deployments.deploymentStatuses> = (...a) =>
    deployments.deploymentStatuses(this.client, ...a);
  readonly appGuardsEnvironment: Rest<typeof deployments.appGuardsEnvironment> = (...a) =>
    deployments.appGuardsEnvironment(this.client, ...a);
  readonly reviewDeploymentProtectionRule: Rest<typeof deployments.reviewDeploymentProtectionRule> = (...a) =>
    deployments.reviewDeploymentProtectionRule(this.client, ...a);
  readonly answerDeploymentCallback: Rest<typeof deployments.answerDeploymentCallback> = (...a) =>
    deployments.answerDeploymentCallback(this.client, ...a);
}
