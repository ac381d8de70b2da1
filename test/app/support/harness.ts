// A repository on the fake GitHub with one open PR, and a Probot instance running the App whose
// Octokit points at the fake. Events go in through probot.receive() (signatures are tested
// separately, over HTTP); assertions read the fake's state and request log.
import { afterEach } from "@jest/globals";
import { Probot, ProbotOctokit } from "probot";
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakePull,
  type FakeWorkflowRun,
} from "../../../src/local-github/index.js";
import { encodeSnapshot } from "../../../src/core/report/snapshot.js";
import { modelApprovalApp } from "../../../src/app/index.js";

export const REPO = "acme/models";
export const APP_TOKEN = "model-approval-app-token";
export const APP_SLUG = "model-approval";
export const APP_LOGIN = "model-approval[bot]";
export const CONFIG_PATH = ".github/model-approval.yml";
export const METRICS_CHECK = "model-approval/metrics";
export const DECISION_CHECK = "model-approval";

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
  /** The accuracy the Action measured on the head commit; null: no metrics check run yet. */
  accuracy?: number | null;
  /** The app that created the metrics check run. */
  metricsApp?: string;
  /** Who the App is told it is; null: it finds out itself (APP_SLUG, or GitHub's GET /app). */
  identity?: { appSlug: string; login: string } | null;
  /** A deploy job waiting on these environments for the head commit. */
  waitingOn?: string[];
}

export interface Harness {
  gh: FakeGitHub;
  probot: Probot;
  pull: FakePull;
  run?: FakeWorkflowRun;
  /** Sends one webhook to the App and waits for its handlers. */
  deliver(name: string, payload: unknown): Promise<void>;
  /** Records the metrics check run GitHub Actions would create on `sha`. */
  addMetrics(sha: string, accuracy: number, app?: string): void;
  /** A new commit on the PR's branch (a push): returns its sha. */
  push(files?: Record<string, string>): string;
  checkRuns(name?: string): FakeRepoCheckRun[];
  labels(): string[];
  comments(): { user: string; body: string }[];
  close(): Promise<void>;
}

type FakeRepoCheckRun = FakeGitHub["state"] extends { repo(n: string): { checkRuns: (infer R)[] } }
  ? R
  : never;

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
    files: { "README.md": "models\n", ...(config === null ? {} : { [CONFIG_PATH]: config }) },
  });
  const headFiles = { "models/model.pkl": "weights-1", ...options.headFiles };
  const head = state.commit(REPO, { branch: "feature", parent: base, files: headFiles });
  const pull = state.addPullRequest(REPO, {
    number: 7,
    author: options.author ?? "bob",
    headSha: head,
    files: Object.keys(headFiles),
  });

  const addMetrics = (sha: string, accuracy: number, app = "github-actions"): void => {
    const text = encodeSnapshot({
      metrics: [{ name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy } }],
      baseline: [],
      metricErrors: {},
      baselineErrors: {},
    });
    state.addCheckRun(REPO, {
      name: METRICS_CHECK,
      headSha: sha,
      appSlug: app,
      title: "metrics",
      summary: "metrics",
      text,
    });
  };
  if (options.accuracy !== null) addMetrics(head, options.accuracy ?? 0.85, options.metricsApp);
  const run = options.waitingOn
    ? state.addWaitingRun(REPO, { headSha: head, environments: options.waitingOn })
    : undefined;

  const probot = new Probot({
    githubToken: APP_TOKEN,
    baseUrl: gh.url,
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown> & { throttle?: object }) => ({
      ...o,
      retry: { enabled: false },
      throttle: { ...o.throttle, enabled: false },
    })),
  });
  const identity =
    options.identity === undefined ? { appSlug: APP_SLUG, login: APP_LOGIN } : options.identity;
  await probot.load(modelApprovalApp(identity === null ? {} : { identity }));

  return {
    gh,
    probot,
    pull,
    run,
    deliver: (name, payload) =>
      probot.receive({ id: `delivery-${++deliveries}`, name, payload } as Parameters<Probot["receive"]>[0]),
    addMetrics,
    push(files = { "models/model.pkl": `weights-${deliveries}` }) {
      const sha = state.commit(REPO, { branch: "feature", files });
      pull.headSha = sha;
      pull.files = [...new Set([...pull.files.map((f) => f.filename), ...Object.keys(files)])].map(
        (filename) => ({
          filename,
          status: "modified",
        }),
      );
      return sha;
    },
    checkRuns: (name) => state.repo(REPO).checkRuns.filter((r) => name === undefined || r.name === name),
    labels: () => [...pull.labels],
    comments: () => state.repo(REPO).comments.map((c) => ({ user: c.user, body: c.body })),
    close: () => gh.close(),
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
