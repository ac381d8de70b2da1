// In-memory ports for the collector: GitHub's answers as plain data, each read counted, so the
// trust rules can be tested one by one without a server.
import type { CandidatePorts } from "../../../src/github/candidate/index.js";
import type {
  ArtifactFacts,
  DeploymentFacts,
  DeploymentStatusFacts,
  HeadPullRequest,
  WorkflowRunFacts,
} from "../../../src/github/gateway.js";
import { GitHubError } from "../../../src/github/errors.js";
import type { PullRequest, Review } from "../../../src/github/types.js";
import type { ChangedFiles } from "../../../src/core/candidate/types.js";
import { encodeSnapshot, type Snapshot } from "../../../src/core/candidate/snapshot.js";

export const REPOSITORY = "acme/models";
export const HEAD = "1".repeat(40);
export const BASE = "2".repeat(40);
export const WORKFLOW = ".github/workflows/train.yml";

export const CONFIG = `metrics:
  eval: metrics/eval.json
steps:
  - name: accuracy_check
    type: test
    inputs:
      checks: [accuracy >= 0.8]
  - name: approve_model
    type: approval
    inputs:
      approvers: [alice]
      auto_approve_if: [accuracy > 0.9]
`;

export function pullRequest(over: Partial<PullRequest> = {}): PullRequest {
  return {
    number: 7,
    author: "bob",
    headSha: HEAD,
    headRef: "feature",
    baseRef: "main",
    baseSha: BASE,
    state: "open",
    merged: false,
    draft: false,
    title: "t",
    labels: [],
    requestedReviewers: [],
    requestedTeams: [],
    headRepoFullName: REPOSITORY,
    baseRepoFullName: REPOSITORY,
    defaultBranch: "main",
    changedFilesCount: 1,
    updatedAt: "2026-01-01T00:00:00Z",
    ...over,
  };
}

export function run(over: Partial<WorkflowRunFacts> = {}): WorkflowRunFacts {
  return {
    id: 100,
    attempt: 1,
    workflow: WORKFLOW,
    event: "pull_request",
    status: "completed",
    conclusion: "success",
    headSha: HEAD,
    headBranch: "feature",
    headRepository: REPOSITORY,
    pullRequests: [7],
    createdAt: "2026-01-01T00:01:00Z",
    ...over,
  };
}

export function snapshot(accuracy: number, over: Partial<Snapshot["claims"]> = {}, digest?: string): string {
  return encodeSnapshot({
    claims: {
      repository: REPOSITORY,
      commit: HEAD,
      pullRequest: 7,
      run: { id: 100, attempt: 1, workflow: WORKFLOW, event: "pull_request" },
      ...over,
    },
    metrics: [{ name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy } }],
    baseline: [],
    metricErrors: {},
    baselineErrors: {},
    ...(digest ? { model: { digest, artifacts: [] } } : {}),
  });
}

export interface World {
  files: Record<string, Record<string, string>>;
  pr: PullRequest;
  /** Successive answers of the PR read (a stale replica first, say); the last one repeats. */
  prReads?: PullRequest[];
  reviews: Review[];
  reviewReads?: Review[][];
  changed: ChangedFiles;
  pusher?: string;
  contains: boolean;
  teams: Record<string, string[]>;
  runs: WorkflowRunFacts[];
  artifacts: Record<number, (ArtifactFacts & { text: string | null })[]>;
  /** The PRs from each `owner:branch` head, open or closed. */
  headPulls: Record<string, HeadPullRequest[]>;
  /** Open PRs whose head includes each commit. */
  commitPulls: Record<string, number[]>;
  /** Deployments by environment, newest first, with their statuses newest first. */
  deployments?: Record<string, (DeploymentFacts & { statuses: DeploymentStatusFacts[] })[]>;
  /** The conclusion of the gate's own decision check run on a commit (the App's), by sha. */
  ownDecisions?: Record<string, string>;
}

/** A deployment GitHub Actions made of `sha` to production, with the statuses given (newest first). */
export function deployment(
  id: number,
  sha: string,
  states: string[] = ["success"],
  over: Partial<DeploymentFacts> = {},
): DeploymentFacts & { statuses: DeploymentStatusFacts[] } {
  return {
    id,
    sha,
    ref: "main",
    environment: "production",
    creator: "github-actions[bot]",
    createdAt: "2026-01-01T00:00:00Z",
    statuses: states.map((state, i) => ({
      id: id * 10 + i,
      state,
      creator: "github-actions[bot]",
      createdAt: "2026-01-01T00:00:00Z",
    })),
    ...over,
  };
}

export function world(over: Partial<World> = {}): World {
  return {
    files: {
      "refs/heads/main": {
        ".github/model-approval.yml": CONFIG,
        [WORKFLOW]:
          "on: pull_request\njobs:\n  train:\n    steps:\n      - uses: model-approval/model-approval@v1\n",
      },
    },
    pr: pullRequest(),
    reviews: [],
    changed: { known: true, files: ["train/config.yaml"], complete: true },
    contains: true,
    teams: {},
    headPulls: {
      "acme:feature": [{ number: 7, baseRef: "main", createdAt: "2026-01-01T00:00:00Z", closedAt: null }],
    },
    commitPulls: { [HEAD]: [7] },
    runs: [run()],
    artifacts: { 100: [artifact()] },
    ...over,
  };
}

/** Run 100's snapshot artifact, recording 0.95 on HEAD. */
export function artifact(over: Partial<World["artifacts"][number][number]> = {}) {
  return {
    id: 5001,
    name: "model-approval-snapshot-1",
    createdAt: "2026-01-01T00:02:00Z",
    expired: false,
    runId: 100,
    headSha: HEAD,
    sizeInBytes: 100,
    text: snapshot(0.95),
    ...over,
  };
}

export function ports(w: World, calls: string[] = []): CandidatePorts {
  let prRead = 0;
  let reviewRead = 0;
  const artifact = (id: number) =>
    Object.values(w.artifacts)
      .flat()
      .find((a) => a.id === id);
  return {
    repository: REPOSITORY,
    // One read of both, as the gateway's GraphQL query: each read takes the next of each list.
    pullRequestWithReviews: async () => {
      calls.push("pr+reviews");
      const prs = w.prReads ?? [w.pr];
      const reviews = w.reviewReads ?? [w.reviews];
      return {
        pullRequest: prs[Math.min(prRead++, prs.length - 1)]!,
        reviews: reviews[Math.min(reviewRead++, reviews.length - 1)]!,
      };
    },
    getFile: async (path, ref) => {
      calls.push(`file ${path}@${ref}`);
      const text = w.files[ref]?.[path];
      return text === undefined ? null : { text, blobSha: "b".repeat(40) };
    },
    changedFiles: async (base, head) => {
      calls.push(`changed ${base.slice(0, 3)}...${head.slice(0, 3)}`);
      return w.changed;
    },
    branchContains: async () => w.contains,
    pushOf: async () => (w.pusher ? { pusher: w.pusher } : undefined),
    listComments: async () => [],
    listTeamMembers: async (org, slug) => {
      const members = w.teams[`${org}/${slug}`];
      if (!members) throw new GitHubError("reading team", 404, "Not Found");
      return members;
    },
    pullRequestsFromHead: async (owner, branch) => w.headPulls[`${owner}:${branch}`] ?? [],
    pullRequestsForCommit: async (sha) => w.commitPulls[sha] ?? [],
    workflowRunsForCommit: async (sha) => {
      calls.push(`runs ${sha.slice(0, 3)}`);
      return w.runs.filter((r) => r.headSha === sha);
    },
    runArtifacts: async (runId) => {
      calls.push(`artifacts ${runId}`);
      return (w.artifacts[runId] ?? []).map(({ text: _text, ...facts }) => facts);
    },
    readArtifactFile: async (id) => {
      calls.push(`download ${id}`);
      return artifact(id)?.text ?? null;
    },
    deploymentsTo: async (environment) => {
      calls.push(`deployments ${environment}`);
      // One page of a hundred, as the gateway reads.
      return (w.deployments?.[environment] ?? [])
        .slice(0, 100)
        .map(({ statuses: _statuses, ...facts }) => facts);
    },
    findOwnCheckRun: async (sha, name) => {
      calls.push(`own check ${name} ${sha.slice(0, 3)}`);
      const conclusion = w.ownDecisions?.[sha];
      if (conclusion === undefined) return null;
      return {
        id: 9001,
        name,
        head_sha: sha,
        status: "completed",
        conclusion,
        external_id: null,
        details_url: null,
        app: { slug: "model-approval" },
        output: { title: null, summary: null, text: null },
      };
    },
    deploymentStatuses: async (id) => {
      calls.push(`statuses ${id}`);
      return (
        Object.values(w.deployments ?? {})
          .flat()
          .find((d) => d.id === id)?.statuses ?? []
      );
    },
  };
}
