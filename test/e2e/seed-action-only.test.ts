// The seed's config exactly as written there, with the Action alone (no App): validated by the
// CLI, then the three jobs of examples/workflows/action-only.yml played as a runner plays them —
// train on pull_request, review on pull_request_review, and the deploy job's `mode: gate` — against
// the local GitHub. (test/e2e/flow.test.ts plays the same config with the App.)
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { requireBundle, runBundledAction, type ActionRunOptions } from "../action/support/run-bundled.js";
import {
  AUTHOR,
  BASE,
  CONFIG,
  HEAD,
  PR,
  REPO,
  TRAIN_WORKFLOW,
  checkRuns,
  labels,
} from "../action/support/scenario.js";

const SEED = "test/fixtures/config/valid/seed.yml";
const WORKFLOW = "examples/workflows/action-only.yml";

interface Job {
  if?: string;
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}

/** The model-approval step's `with:` of one job of the example workflow, as the runner passes them. */
function inputsOf(job: string): Record<string, string> {
  const workflow = parse(readFileSync(WORKFLOW, "utf8")) as { jobs: Record<string, Job> };
  const step = workflow.jobs[job]?.steps?.find((s) => s.uses?.startsWith("model-approval/model-approval@"));
  if (!step) throw new Error(`${WORKFLOW}: job ${job} has no model-approval step`);
  return Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
}

let fake: FakeGitHub;
// Each publishing job spaces its writes (Octokit's throttling): seconds per job until issue 12.
const JOBS = 120_000;

beforeAll(requireBundle);
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.state.addRepo(REPO, { defaultBranch: "master" });
  fake.state.commit(REPO, {
    branch: "master",
    sha: BASE,
    files: { [CONFIG]: readFileSync(SEED, "utf8"), [TRAIN_WORKFLOW]: readFileSync(WORKFLOW, "utf8") },
  });
  fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "train.py": "fit()\n" }, pusher: AUTHOR });
  fake.state.addPullRequest(REPO, {
    number: PR,
    author: AUTHOR,
    headSha: HEAD,
    baseRef: "master",
    files: ["train.py"],
  });
});
afterEach(async () => {
  fake.assertNoContractViolations();
  await fake.close();
});

function job(options: Omit<ActionRunOptions, "apiUrl">) {
  return runBundledAction({ apiUrl: fake.url, ...options });
}

/** A run of the example workflow on the PR's head, started by `event`. */
function workflowRun(event: string) {
  return fake.state.addWorkflowRun(REPO, {
    headSha: HEAD,
    path: TRAIN_WORKFLOW,
    event,
    status: "in_progress",
  });
}

/** The train job of a pull_request run: training wrote accuracy 0.85, then the Action decides. */
async function trainJob() {
  const training = workflowRun("pull_request");
  return job({
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: { "metrics/eval.json": JSON.stringify({ accuracy: 0.85 }), "models/model.pkl": "weights" },
    inputs: inputsOf("train"),
    run: { fake, id: training.id },
  });
}

/** The review and deploy jobs of the pull_request_review run a review by alice starts. */
async function reviewAndDeployJobs(state: "APPROVED" | "CHANGES_REQUESTED") {
  const run = workflowRun("pull_request_review");
  const payload = reviewEvent("alice", state);
  const inRun = (name: string) =>
    job({ eventName: "pull_request_review", payload, inputs: inputsOf(name), run: { fake, id: run.id } });
  const reviewed = await inRun("review");
  // The deploy job's `if:` needs an approved decision; its `mode: gate` decides again regardless.
  const gate = await inRun("deploy");
  return { reviewed, gate };
}

function reviewEvent(user: string, state: "APPROVED" | "CHANGES_REQUESTED") {
  const stored = fake.state.addReview(REPO, PR, { user, state, commitId: HEAD });
  return loadWebhookExample("pull_request_review", "submitted", {
    review: { id: stored.id, state: state.toLowerCase(), commit_id: HEAD, user: { login: user } },
  });
}

describe("the seed's config with the Action alone", () => {
  it("validates as written", () => {
    const out = execFileSync(process.execPath, ["dist/cli.js", "validate", SEED], { encoding: "utf8" });
    expect(out).toContain(`${SEED}: valid`);
  });

  it(
    "waits for alice in the training run, and her review releases the deploy job",
    async () => {
      const trained = await trainJob();
      expect(trained.code).toBe(0);
      // The deploy job's `if:` is false: nothing deploys while the decision is pending.
      expect(trained.outputs.decision).toBe("pending");
      expect(fake.state.pull(REPO, PR).requestedReviewers).toEqual(["alice"]);
      expect(labels(fake)).toEqual(["model-approval: pending"]);

      const { reviewed, gate } = await reviewAndDeployJobs("APPROVED");
      expect(reviewed.code).toBe(0);
      expect(reviewed.outputs.decision).toBe("approved");
      expect(labels(fake)).toEqual(["model-approval: approved"]);
      expect(checkRuns(fake, "model-approval")).toMatchObject([
        { status: "completed", conclusion: "success" },
      ]);
      // `mode: gate` decided again and lets ./deploy.sh run.
      expect(inputsOf("deploy")).toEqual({ mode: "gate" });
      expect(gate.code).toBe(0);
      expect(gate.outputs.decision).toBe("approved");
      expect(gate.stdout).toContain("approve_model approved by alice");
    },
    JOBS,
  );

  it(
    "changes requested by alice fail the review job (on_reject: fail_pipeline), and the gate holds",
    async () => {
      await trainJob();
      const { reviewed, gate } = await reviewAndDeployJobs("CHANGES_REQUESTED");
      expect(reviewed.code).not.toBe(0);
      expect(reviewed.outputs.decision).toBe("rejected");
      expect(gate.code).not.toBe(0);
      expect(gate.outputs.decision).toBe("rejected");
    },
    JOBS,
  );
});
