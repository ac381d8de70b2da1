// The CLI's GitHub: files on disk standing in for the reads the Action and the App make, so the
// same collector gathers the same candidate (as policy-bot's simulated context does). The config
// given with --config is the trusted config; the metrics files are the evidence, measured here.
import type { ChangedFiles } from "../core/candidate/types.js";
import type { Review } from "../core/policy/types.js";
import type { CandidatePorts } from "../github/candidate/index.js";
import { GitHubError } from "../github/errors.js";
import type { PullRequest } from "../github/types.js";
import type { PullRequestFile } from "./evaluate-inputs.js";

export const LOCAL_REPOSITORY = "local/repository";
export const LOCAL_BRANCH = "main";
export const LOCAL_PR = 0;

export interface LocalFiles {
  configPath: string;
  configText: string;
  pr?: PullRequestFile;
  reviews: Review[];
  changedFiles?: string[];
  teams: Record<string, string[]>;
}

export function localPorts(files: LocalFiles): CandidatePorts {
  const pr = files.pr;
  const changed: ChangedFiles = files.changedFiles
    ? { known: true, files: files.changedFiles, complete: true }
    : { known: false, why: "no --changed-files was given" };
  const pullRequest = (): PullRequest => {
    if (!pr) throw new GitHubError("reading the pull request", 404, "no --pr was given");
    return {
      number: pr.number ?? LOCAL_PR,
      author: pr.author,
      headSha: pr.headSha,
      headRef: "head",
      baseRef: pr.baseRef,
      baseSha: `${pr.baseRef}-base`,
      state: "open",
      merged: false,
      draft: false,
      title: "",
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      headRepoFullName: LOCAL_REPOSITORY,
      baseRepoFullName: LOCAL_REPOSITORY,
      // The config given is the rules, whatever branch the PR targets.
      defaultBranch: pr.baseRef,
      changedFilesCount: files.changedFiles?.length ?? 0,
      updatedAt: "",
    };
  };
  return {
    repository: LOCAL_REPOSITORY,
    configWhere: `the file ${files.configPath}`,
    pullRequestWithReviews: async () => ({ pullRequest: pullRequest(), reviews: files.reviews }),
    getFile: async (path) => (path === files.configPath ? { text: files.configText } : null),
    changedFiles: async () => changed,
    branchContains: async () => true,
    pushOf: async () => undefined,
    listComments: async () => [],
    listTeamMembers: async (org, slug) => {
      const wanted = `${org}/${slug}`.toLowerCase();
      const key = Object.keys(files.teams).find((team) => team.toLowerCase() === wanted);
      if (key === undefined)
        throw new GitHubError(`reading the members of team ${org}/${slug}`, 404, "not in --teams");
      return files.teams[key] ?? [];
    },
    pullRequestsForCommit: async () => [],
    pullRequestsFromHead: async () => [],
    workflowRunsForCommit: async () => [],
    runArtifacts: async () => [],
    readArtifactFile: async () => null,
    // Local files hold no deployments: a deployed baseline is given with --baseline NAME=FILE.
    deploymentsTo: async (environment) => {
      throw new GitHubError(
        `reading what is deployed to ${environment}`,
        404,
        "the CLI reads no deployments: give the live model's metrics with --baseline NAME=FILE",
      );
    },
    deploymentStatuses: async () => [],
    findOwnCheckRun: async () => null,
  };
}
