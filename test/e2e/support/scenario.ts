// A team's repository on the local GitHub: a config on main, a PR by bob that retrains the model,
// and what a person looking at the PR would see.
import { readFileSync } from "node:fs";
import type { FakeWorkflowRun } from "../../../src/local-github/index.js";
import { APP_SLUG, type World } from "./world.js";

export const CONFIG_PATH = ".github/model-approval.yml";
export const AUTHOR = "bob";
export const APPROVER = "alice";

/** The seed's config exactly as written there: no deploy step, so the App gates every environment it is enabled on. */
export const SEED_CONFIG = `steps:
  - name: train_model
    type: training
  - name: approve_model
    type: approval
    inputs:
      approvers: ['alice']
    on_reject: fail_pipeline
`;

/** Automatic checks and auto-approval above 90% accuracy. */
export const AUTO_CONFIG = `version: 1
metrics:
  eval: metrics/eval.json
steps:
  - name: train_model
    type: training
  - name: accuracy_check
    type: test
    inputs:
      checks:
        - accuracy >= 0.80
  - name: approve_model
    type: approval
    inputs:
      approvers: [alice]
      auto_approve_if: [accuracy > 0.90]
    on_reject: fail_pipeline
  - name: deploy
    type: deploy
    inputs:
      environment: production
`;

let repos = 0;

export interface Scenario {
  repo: string;
  pr: number;
}

/** A new repository with `config` on main and bob's PR open; waits for the App to have seen it. */
export async function openPullRequest(world: World, config: string): Promise<Scenario> {
  const repo = `acme/models-${++repos}`;
  const gh = world.github;
  gh.createRepo(
    repo,
    {
      [CONFIG_PATH]: config,
      // The workflow users copy, as the training workflow on main.
      ".github/workflows/model.yml": readFileSync("examples/workflows/with-app.yml", "utf8"),
      "train.py": "fit(epochs=10)\n",
    },
    { collaborators: [APPROVER, AUTHOR] },
  );
  const pull = gh.openPullRequest(repo, {
    author: AUTHOR,
    branch: "retrain",
    files: { "train.py": "fit(epochs=20)\n" },
    title: "Retrain with more epochs",
  });
  await gh.idle();
  return { repo, pr: pull.number };
}

export interface Seen {
  /** The App's `model-approval` check run on the head: status/conclusion. */
  decision: string;
  /** The Action's `model-approval/metrics` check run on the head. */
  metrics: string;
  labels: string[];
  /** The App's comments (there must be one, updated in place). */
  comments: string[];
  deploy: string;
}

function describeCheck(run: { status: string; conclusion: string | null } | undefined): string {
  if (!run) return "none";
  return run.status === "completed" ? `completed/${run.conclusion}` : run.status;
}

/** What the PR page and the Actions tab show now. */
export function seen(world: World, { repo, pr }: Scenario, run?: FakeWorkflowRun): Seen {
  const state = world.github.state;
  const pull = state.pull(repo, pr);
  const runs = state.repo(repo).checkRuns.filter((r) => r.headSha === pull.headSha);
  const newest = (name: string, app: string) =>
    runs.filter((r) => r.name === name && r.appSlug === app).sort((a, b) => b.id - a.id)[0];
  const deployJob = run ? world.github.deployJob(run) : undefined;
  return {
    decision: describeCheck(newest("model-approval", APP_SLUG)),
    metrics: describeCheck(newest("model-approval/metrics", "github-actions")),
    labels: pull.labels.filter((l) => l.startsWith("model-approval:")),
    comments: state
      .repo(repo)
      .comments.filter((c) => c.issueNumber === pr && c.user === `${APP_SLUG}[bot]`)
      .map((c) => c.body),
    deploy: deployJob
      ? `${deployJob.status}${deployJob.conclusion ? `/${deployJob.conclusion}` : ""}`
      : "none",
  };
}
