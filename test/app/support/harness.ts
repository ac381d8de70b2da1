// A repository on the fake GitHub with one open PR, and a Probot instance running the App whose
// Octokit points at the fake. Events go in through probot.receive() (signatures are tested
// separately, over HTTP); assertions read the fake's state and request log.
import { afterEach } from "@jest/globals";
import { Probot } from "probot";
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakePull,
  type FakeWorkflowRun,
} from "../../../src/local-github/index.js";
import { encodeSnapshot } from "../../../src/core/candidate/snapshot.js";
import { SNAPSHOT_FILE, snapshotArtifactName } from "../../../src/core/names.js";
import { modelApprovalApp } from "../../../src/app/index.js";
import { PlainProbotOctokit } from "../../../src/app/octokit.js";
import type { Ledger } from "../../../src/ledger/store.js";
import { timekeeping } from "../../../src/app/timekeeping.js";
import type { SweepReport } from "../../../src/app/sweep.js";

export const REPO = "acme/models";
export const APP_TOKEN = "model-approval-app-token";
export const APP_SLUG = "model-approval";
export const APP_LOGIN = "model-approval[bot]";
export const CONFIG_PATH = ".github/model-approval.yml";
export const METRICS_CHECK = "model-approval/metrics";
export const DECISION_CHECK = "model-approval";
/** The training workflow: on the default branch, so its runs' recordings are trusted. */
export const TRAIN_WORKFLOW = ".github/workflows/model.yml";
/** A training workflow is one whose steps use the model-approval Action. */
export const TRAIN_WORKFLOW_TEXT = `on: pull_request
jobs:
  train:
    steps:
      - run: python train.py
      - uses: model-approval/model-approval@v1
`;

export const CONFIG = `version: 1
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
      approvers: [alice, acme/ml-leads]
    on_reject: fail_pipeline
  - name: deploy
    type: deploy
    inputs:
      environment: production
`;

/** CONFIG with auto-approval above 90% accuracy. */
export const AUTO_CONFIG = CONFIG.replace(
  "approvers: [alice, acme/ml-leads]",
  "approvers: [alice, acme/ml-leads]\n      auto_approve_if: [accuracy > 0.90]",
);

export interface HarnessOptions {
  /** The config on the base branch; null for none. */
  config?: string | null;
  /** Files the PR's head commit changes (path → content). */
  headFiles?: Record<string, string>;
  author?: string;
  teamMembers?: string[];
  /** The accuracy the training run recorded on the head commit; null: no training run yet. */
  accuracy?: number | null;
  /** Who the App is told it is; null: it finds out itself (APP_SLUG, or GitHub's GET /app). */
  identity?: { appSlug: string; login: string } | null;
  /** A deploy job waiting on these environments for the head commit. */
  waitingOn?: string[];
  /** Where the App records its decisions; none: nothing is recorded. */
  ledger?: Ledger;
  /** The App's clock for the ledger. */
  now?: () => Date;
  /** How long a ledger write may take. */
  ledgerDeadlineMs?: number;
  /** Where notification destinations' URLs and secrets are (MODEL_APPROVAL_NOTIFY_*); with a ledger. */
  env?: Record<string, string | undefined>;
  /** The details page the App links (check runs, notifications). */
  detailsUrl?: (repository: string, pr: number) => string;
}

export interface Harness {
  gh: FakeGitHub;
  probot: Probot;
  pull: FakePull;
  /** The training run on the head (waiting on its deploy environments when `waitingOn` was given). */
  run?: FakeWorkflowRun;
  /** Sends one webhook to the App and waits for its handlers. */
  deliver(name: string, payload: unknown): Promise<void>;
  /**
   * A completed training run on `sha` for the PR that recorded `accuracy` (and, when given, a
   * model digest) as its snapshot artifact. Returns the run.
   */
  addMetrics(sha: string, accuracy: number, options?: TrainingOptions): FakeWorkflowRun;
  /** A new commit on the PR's branch (a push): returns its sha. */
  push(files?: Record<string, string>): string;
  checkRuns(name?: string): FakeRepoCheckRun[];
  labels(): string[];
  comments(): { user: string; body: string }[];
  /** What the sweep and the notifier logged as warnings. */
  warnings: string[];
  /** One sweep (with a ledger): PRs past their deadlines decided again, due notifications sent. */
  sweep(): Promise<SweepReport>;
  /** Resolves when every notification started has been tried. */
  notificationsSent(): Promise<void>;
  close(): Promise<void>;
}

type FakeRepoCheckRun = FakeGitHub["state"] extends { repo(n: string): { checkRuns: (infer R)[] } }
  ? R
  : never;

export interface TrainingOptions {
  digest?: string;
  /** The run's deploy job waits on these environments (the run is then "waiting"). */
  waitingOn?: string[];
  headBranch?: string;
  pullRequests?: number[];
  /** Another workflow file than the training workflow. */
  path?: string;
  event?: string;
  /** What the snapshot claims about itself, overriding the truth. */
  claims?: Record<string, unknown>;
}

let deliveries = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const gh = await startFakeGitHub();
  const { state } = gh;
  state.addToken(APP_TOKEN, { login: APP_LOGIN, type: "Bot", appSlug: APP_SLUG });
  state.addRepo(REPO);
  state.setTeam("acme", "ml-leads", options.teamMembers ?? ["carol"]);
  const config = options.config === undefined ? CONFIG : options.config;
  const base = state.commit(REPO, {
    branch: "main",
    files: {
      "README.md": "models\n",
      [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT,
      ...(config === null ? {} : { [CONFIG_PATH]: config }),
    },
  });
  const headFiles = { "models/model.pkl": "weights-1", ...options.headFiles };
  const head = state.commit(REPO, { branch: "feature", parent: base, files: headFiles });
  const pull = state.addPullRequest(REPO, {
    number: 7,
    author: options.author ?? "bob",
    headSha: head,
    files: Object.keys(headFiles),
  });

  const addMetrics = (sha: string, accuracy: number, training: TrainingOptions = {}): FakeWorkflowRun => {
    const waiting = training.waitingOn ?? [];
    const run = state.addWorkflowRun(REPO, {
      headSha: sha,
      path: training.path ?? TRAIN_WORKFLOW,
      event: training.event ?? "pull_request",
      ...(training.headBranch ? { headBranch: training.headBranch } : {}),
      ...(training.pullRequests ? { pullRequests: training.pullRequests } : {}),
      // The deploy job waits in the run that trained: train job, then deploy job.
      status: waiting.length > 0 ? "waiting" : "completed",
      conclusion: waiting.length > 0 ? null : "success",
      waitingOn: waiting.map((name) => ({ id: state.nextId(), name })),
    });
    const text = encodeSnapshot({
      claims: {
        repository: REPO,
        commit: sha,
        pullRequest: 7,
        run: { id: run.id, attempt: run.runAttempt, workflow: run.path, event: run.event },
        ...training.claims,
      } as never,
      metrics: [{ name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy } }],
      baseline: [],
      metricErrors: {},
      baselineErrors: {},
      ...(training.digest ? { model: { digest: training.digest, artifacts: [] } } : {}),
    });
    state.addArtifact(REPO, {
      runId: run.id,
      name: snapshotArtifactName(run.runAttempt),
      files: { [SNAPSHOT_FILE]: text },
    });
    return run;
  };
  const waitingOn = options.waitingOn;
  const run =
    options.accuracy !== null
      ? addMetrics(head, options.accuracy ?? 0.85, waitingOn ? { waitingOn } : {})
      : waitingOn
        ? state.addWaitingRun(REPO, { headSha: head, environments: waitingOn })
        : undefined;

  const probot = new Probot({
    githubToken: APP_TOKEN,
    baseUrl: gh.url,
    logLevel: "fatal",
    Octokit: PlainProbotOctokit,
  });
  const identity =
    options.identity === undefined ? { appSlug: APP_SLUG, login: APP_LOGIN } : options.identity;
  // Retries (a decision check run that must land, stale reads) wait for nothing in tests.
  const sleep = async () => undefined;
  const warnings: string[] = [];
  const clock = timekeeping({
    ...(options.ledger ? { ledger: options.ledger } : {}),
    env: options.env ?? {},
    ...(options.now ? { now: options.now } : {}),
    warn: (line) => warnings.push(line),
    // Notifications are retried without waiting between tries.
    delivery: { sleep: async () => undefined, timeoutMs: 2_000 },
  });
  const services = {
    sleep,
    ...(options.ledger ? { ledger: options.ledger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.ledgerDeadlineMs ? { ledgerDeadlineMs: options.ledgerDeadlineMs } : {}),
    ...(options.detailsUrl ? { detailsUrl: options.detailsUrl } : {}),
    ...(clock.notifier ? { notifier: clock.notifier } : {}),
    onRedecide: clock.onRedecide,
    // The harness's Probot has a token, not the App's key: it is every installation (the JWT
    // lookup itself is exercised against the local GitHub in test/e2e/sweep.test.ts).
    installationOctokit: () => probot.auth(),
  };
  await probot.load(modelApprovalApp(identity === null ? services : { identity, ...services }));

  return {
    gh,
    probot,
    pull,
    run,
    deliver: (name, payload) =>
      probot.receive({ id: `delivery-${++deliveries}`, name, payload } as Parameters<Probot["receive"]>[0]),
    addMetrics,
    push(files = { "models/model.pkl": `weights-${deliveries}` }) {
      const sha = state.commit(REPO, { branch: "feature", files, pusher: pull.author });
      pull.headSha = sha;
      pull.files = [...new Set([...pull.files.map((f) => f.filename), ...Object.keys(files)])].map(
        (filename) => ({
          filename,
          status: "modified",
        }),
      );
      state.touchPull(pull);
      return sha;
    },
    checkRuns: (name) => state.repo(REPO).checkRuns.filter((r) => name === undefined || r.name === name),
    labels: () => [...pull.labels],
    comments: () => state.repo(REPO).comments.map((c) => ({ user: c.user, body: c.body })),
    warnings,
    sweep: () => clock.sweep(),
    notificationsSent: async () => clock.notifier?.idle(),
    close: async () => {
      await clock.notifier?.idle();
      await gh.close();
    },
  };
}

/** The App's decision check run on `sha` (the newest it wrote). */
export function decisionCheck(h: Harness, sha = h.pull.headSha) {
  const runs = h.checkRuns(DECISION_CHECK).filter((r) => r.headSha === sha && r.appSlug === APP_SLUG);
  return runs.sort((a, b) => b.id - a.id)[0];
}

export function stateLabels(h: Harness): string[] {
  return h.labels().filter((l) => l.startsWith("model-approval:"));
}

/**
 * One harness per test, closed after it, failing the test on any request or response that breaks
 * GitHub's OpenAPI contract. Call at the top of a test file.
 */
export function harnessPerTest(
  defaults: HarnessOptions = {},
): (options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    const done = current;
    current = undefined;
    try {
      done?.gh.assertNoContractViolations();
    } finally {
      await done?.close();
    }
  });
  return async (options = {}) => {
    const previous = current;
    current = undefined;
    previous?.gh.assertNoContractViolations();
    await previous?.close();
    current = await startHarness({ ...defaults, ...options });
    return current;
  };
}
