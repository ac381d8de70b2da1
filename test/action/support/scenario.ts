// A repository in the fake GitHub shaped like the @octokit/webhooks-examples payloads
// (Codertocat/Hello-World, PR #2 from ec26c3e onto master at f95f852), so the real payloads
// describe it without edits.
import { readFileSync } from "node:fs";
import type { FakeGitHub } from "../../../src/local-github/index.js";

export const REPO = "Codertocat/Hello-World";
export const PR = 2;
export const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
export const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
export const AUTHOR = "Codertocat";
export const CONFIG = ".github/model-approval.yml";

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/action/${name}`, import.meta.url), "utf8");
}

/** The training workflow: on the default branch, so its runs' recordings are trusted. */
export const TRAIN_WORKFLOW = ".github/workflows/model.yml";
/** A training workflow is one whose steps use the model-approval Action. */
export const TRAIN_WORKFLOW_TEXT =
  "on: [pull_request, pull_request_review, push]\njobs:\n  train:\n    steps:\n      - uses: model-approval/model-approval@v1\n";

export interface RepoSetup {
  /** The config on the base branch; undefined: none there. */
  baseConfig?: string;
  /** Files the PR's head commit changes, path → content (default: train.py). */
  headFiles?: Record<string, string>;
  headRepo?: string;
  title?: string;
  /** Record the head's push in the repository's activity (GitHub's time of it), as a same-repository PR has. */
  pushed?: boolean;
}

export function seedPullRequest(fake: FakeGitHub, setup: RepoSetup = {}): void {
  const state = fake.state;
  state.addRepo(REPO, { defaultBranch: "master" });
  state.commit(REPO, {
    branch: "master",
    sha: BASE,
    files: {
      [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT,
      ...(setup.baseConfig === undefined ? {} : { [CONFIG]: setup.baseConfig }),
    },
  });
  const headFiles = setup.headFiles ?? { "train.py": "print('trained')\n" };
  state.commit(REPO, {
    parent: BASE,
    sha: HEAD,
    files: headFiles,
    pusher: AUTHOR,
    ...(setup.pushed ? { branch: "changes" } : {}),
  });
  state.addPullRequest(REPO, {
    number: PR,
    author: AUTHOR,
    headSha: HEAD,
    // As the webhook examples' payloads name it.
    headRef: "changes",
    baseRef: "master",
    headRepo: setup.headRepo,
    title: setup.title,
    files: Object.keys(headFiles),
  });
}

/** A run of the training workflow on the PR's head, in progress: the job the Action runs in. */
export function startTrainingRun(fake: FakeGitHub, over: { path?: string; event?: string } = {}) {
  return fake.state.addWorkflowRun(REPO, {
    headSha: HEAD,
    path: over.path ?? TRAIN_WORKFLOW,
    event: over.event ?? "pull_request",
    status: "in_progress",
  });
}

export const metricsJson = (accuracy: number): string => JSON.stringify({ accuracy, f1: 0.8 });

export function labels(fake: FakeGitHub): string[] {
  return fake.state.pull(REPO, PR).labels;
}

export function comments(fake: FakeGitHub) {
  return fake.state.repo(REPO).comments.filter((c) => c.issueNumber === PR);
}

export function checkRuns(fake: FakeGitHub, name: string, sha = HEAD) {
  return fake.state.repo(REPO).checkRuns.filter((r) => r.name === name && r.headSha === sha);
}
