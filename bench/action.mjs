// End-to-end cost of the bundled Action: process start to exit of `node dist/action.js`, with the
// fake GitHub on loopback, against a bare `node -e 0`, so start-up cost reads as a ratio.
// Run after `npm run build`: node bench/action.mjs [RUNS]
import { bundle as bundleForBench, bundled } from "./support/bundle.mjs";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const runs = Number(process.argv[2] ?? 20);
const bundle = resolve("dist/action.js");
if (!existsSync(bundle)) {
  console.error("dist/action.js is missing: run 'npm run build' first");
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), "ma-bench-action-"));
const { startFakeGitHub, DEFAULT_TOKEN } = await bundled("src/local-github/index.ts", "local-github");

// The yardstick: the smallest action built from the same toolkit (@actions/core, @actions/github,
// bundled by esbuild as dist/ is) that makes INPUT_CALLS sequential API requests and exits.
writeFileSync(
  resolve("build/bench/minimal-action-src.mjs"),
  `import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
const octokit = getOctokit(core.getInput("github_token"), { baseUrl: process.env.GITHUB_API_URL });
const [owner, repo] = process.env.GITHUB_REPOSITORY.split("/");
for (let i = 0; i < Number(core.getInput("calls")); i++)
  await octokit.rest.pulls.get({ owner, repo, pull_number: 2 });
core.setOutput("done", "true");
`,
);
const minimalAction = await bundleForBench(resolve("build/bench/minimal-action-src.mjs"), "minimal-action");
const webhookExamples = JSON.parse(
  readFileSync("node_modules/@octokit/webhooks-examples/api.github.com/index.json", "utf8"),
);
const example = (event, action) =>
  webhookExamples
    .find((g) => g.name === event)
    .examples.find((e) => action === undefined || e.action === action);

const REPO = "Codertocat/Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const CONFIG = ".github/model-approval.yml";
const config = readFileSync("test/fixtures/action/auto-approve.yml", "utf8");

const WORKFLOW = ".github/workflows/model.yml";
const PUSHED = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

const fake = await startFakeGitHub();
// The same GitHub a round trip away, as GitHub is from a runner: what waits on what then shows.
const ROUND_TRIP_MS = 30;
const distant = await startFakeGitHub({ state: fake.state, latencyMs: ROUND_TRIP_MS });
fake.state.addRepo(REPO, { defaultBranch: "master" });
fake.state.commit(REPO, {
  branch: "master",
  sha: BASE,
  files: {
    [CONFIG]: config,
    [WORKFLOW]:
      "on: [pull_request, push]\njobs:\n  train:\n    steps:\n      - uses: model-approval/model-approval@v1\n",
  },
});
fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "train.py": "fit()\n" } });
fake.state.addPullRequest(REPO, {
  number: 2,
  author: "Codertocat",
  headSha: HEAD,
  // The head branch the webhook examples' payloads name.
  headRef: "changes",
  baseRef: "master",
  files: ["train.py"],
});
// The training runs: one for the PR's head, one for a push to master.
const prRun = fake.state.addWorkflowRun(REPO, { headSha: HEAD, path: WORKFLOW, status: "in_progress" });
fake.state.commit(REPO, { branch: "master", sha: PUSHED, files: { "train.py": "fit(2)\n" } });
const pushRun = fake.state.addWorkflowRun(REPO, {
  headSha: PUSHED,
  path: WORKFLOW,
  event: "push",
  headBranch: "master",
  pullRequests: [],
  status: "in_progress",
});

function workspace(files) {
  const root = mkdtempSync(join(scratch, "run-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const eventPath = join(root, "event.json");
  return { root, eventPath };
}

function scenario(name, { eventName, payload, files, inputs = {}, sha = HEAD, run, apiUrl = fake.url }) {
  const { root, eventPath } = workspace(files);
  writeFileSync(eventPath, JSON.stringify(payload));
  // The runner creates these files before the step starts.
  writeFileSync(join(root, "output"), "");
  writeFileSync(join(root, "summary"), "");
  const env = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: sha,
    GITHUB_API_URL: apiUrl,
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: root,
    GITHUB_OUTPUT: join(root, "output"),
    GITHUB_STEP_SUMMARY: join(root, "summary"),
    INPUT_GITHUB_TOKEN: DEFAULT_TOKEN,
    ...(run
      ? {
          GITHUB_RUN_ID: String(run.id),
          GITHUB_RUN_ATTEMPT: "1",
          GITHUB_WORKFLOW_REF: `${REPO}/${WORKFLOW}@${eventName === "push" ? "refs/heads/master" : "refs/pull/2/merge"}`,
        }
      : {}),
  };
  for (const [key, value] of Object.entries(inputs))
    env[`INPUT_${key.replace(/-/g, "_").toUpperCase()}`] = value;
  return { name, args: [bundle], env, cwd: root, run };
}

/** What action.yml's upload step does after the training run's node step: record its snapshot. */
function recordSnapshot(s) {
  const output = readFileSync(join(s.cwd, "output"), "utf8");
  const path = /^snapshot<<(.+)\n(.*)\n\1$/m.exec(output)?.[2];
  const name = /^snapshot-artifact<<(.+)\n(.*)\n\1$/m.exec(output)?.[2];
  if (!path || !name) throw new Error(`${s.name}: the training run recorded no snapshot`);
  if (fake.state.repo(REPO).artifacts.some((a) => a.workflowRunId === s.run.id)) return;
  fake.state.addArtifact(REPO, {
    runId: s.run.id,
    name,
    files: { "model-approval-snapshot.json": readFileSync(path) },
  });
}

function once({ args, env, cwd }) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, cwd, stdio: "ignore" });
    child.on("error", fail);
    child.on("close", (code) => done({ ms: performance.now() - start, code }));
  });
}

/** Forgets what the Action published on the PR, so that the next run publishes it all again. */
function unpublish() {
  const repo = fake.state.repo(REPO);
  repo.checkRuns = repo.checkRuns.filter((r) => r.appSlug !== "github-actions");
  repo.comments = repo.comments.filter((c) => c.user !== "github-actions[bot]");
  fake.state.pull(REPO, 2).labels = [];
}

/** One publishing run: the API calls it makes, and how many of them write. */
async function publishingCalls(s) {
  unpublish();
  const before = fake.requests.length;
  await once(s);
  const made = fake.requests.slice(before);
  return {
    calls: made.length,
    writes: made.filter((q) => q.method !== "GET" && q.graphql !== "query").length,
  };
}

function minimal(calls, apiUrl = fake.url) {
  return {
    name: `minimal toolkit action, ${calls} API call${calls === 1 ? "" : "s"}${apiUrl === fake.url ? "" : `, ${ROUND_TRIP_MS} ms away`}`,
    args: [minimalAction],
    env: {
      PATH: process.env.PATH,
      GITHUB_API_URL: apiUrl,
      GITHUB_REPOSITORY: REPO,
      INPUT_GITHUB_TOKEN: DEFAULT_TOKEN,
      INPUT_CALLS: String(calls),
      GITHUB_OUTPUT: join(scratch, "minimal-output"),
    },
    cwd: scratch,
  };
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/**
 * Runs every entry once per round, round after round, so that a machine's drift falls on all of
 * them alike and the ratios hold. An entry's `before` runs ahead of each of its runs.
 */
async function measureInterleaved(entries) {
  for (const e of entries) {
    await once(e); // the first run publishes; later ones find GitHub up to date
    if (e.run) recordSnapshot(e);
  }
  const times = entries.map(() => []);
  const codes = [];
  for (let i = 0; i < runs; i++) {
    for (const [k, e] of entries.entries()) {
      e.before?.();
      const r = await once(e);
      times[k].push(r.ms);
      codes[k] = r.code;
    }
  }
  return entries.map((e, k) => ({ name: e.name, ...summary(times[k]), code: codes[k] }));
}

const reviewExample = example("pull_request_review", "submitted");
const storedReview = fake.state.addReview(REPO, 2, { user: "octocat", state: "COMMENTED" });
const metrics = (accuracy) => ({
  "metrics/eval.json": JSON.stringify({ accuracy, f1: 0.8 }),
  "models/model.pkl": "weights",
});
const scenarios = [
  { name: "bare node -e 0", args: ["-e", "0"], env: { PATH: process.env.PATH }, cwd: scratch },
  scenario("pull_request training run, pending (steady state)", {
    eventName: "pull_request",
    payload: example("pull_request", "opened"),
    files: metrics(0.85),
    run: prRun,
  }),
  scenario(`steady state, GitHub ${ROUND_TRIP_MS} ms away`, {
    eventName: "pull_request",
    payload: example("pull_request", "opened"),
    files: metrics(0.85),
    run: prRun,
    apiUrl: distant.url,
  }),
  scenario("pull_request_review, from the recorded snapshot", {
    eventName: "pull_request_review",
    // The event names a review GitHub has stored: a review the API does not show is a stale read.
    payload: { ...reviewExample, review: { ...reviewExample.review, id: storedReview.id } },
    files: {},
  }),
  scenario("push training run, auto-approved", {
    eventName: "push",
    payload: { ...example("push"), repository: { ...example("push").repository, default_branch: "master" } },
    sha: PUSHED,
    files: metrics(0.95),
    run: pushRun,
  }),
  scenario("pull_request, dry-run", {
    eventName: "pull_request",
    payload: example("pull_request", "opened"),
    files: metrics(0.85),
    inputs: { "dry-run": "true" },
  }),
  scenario("gate", {
    eventName: "pull_request",
    payload: example("pull_request", "opened"),
    files: {},
    inputs: { mode: "gate" },
  }),
];

writeFileSync(join(scratch, "minimal-output"), "");
const publishingRun = {
  ...scenario("pull_request training run, publishing (first run)", {
    eventName: "pull_request",
    payload: example("pull_request", "opened"),
    files: metrics(0.85),
    run: prRun,
  }),
  before: unpublish,
};
await once(publishingRun);
recordSnapshot(publishingRun);
const publishing = await publishingCalls(publishingRun);
const results = await measureInterleaved([
  ...scenarios,
  publishingRun,
  minimal(1, distant.url),
  minimal(publishing.calls),
  minimal(1),
]);
await fake.close();
await distant.close();

const bare = results[0].median;
console.log(`bundled action end to end, ${runs} runs each (median, p90), fake GitHub on loopback`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(50)} ${r.median.toFixed(0).padStart(5)} ms  p90 ${r.p90.toFixed(0).padStart(5)} ms  ` +
      `x${(r.median / bare).toFixed(2)} of bare node  (exit ${r.code})`,
  );
}
console.log(`dist/action.js: ${(readFileSync(bundle).length / 1024).toFixed(0)} KiB`);
const steady = results.find((r) => r.name.startsWith("pull_request training run, pending"));
const published = results.find((r) => r.name.startsWith("pull_request training run, publishing"));
const [minimalSame, minimalOne] = results.slice(-2);
console.log(
  `publishing run (${publishing.calls} API calls, ${publishing.writes} of them writes) vs the minimal action making as many: x${(published.median / minimalSame.median).toFixed(2)}`,
);
console.log(
  `steady run vs the minimal one-request action: x${(steady.median / minimalOne.median).toFixed(2)}`,
);
const steadyDistant = results.find((r) => r.name.startsWith("steady state, GitHub"));
const minimalDistant = results.find((r) => r.name.startsWith("minimal") && r.name.endsWith("ms away"));
console.log(
  `with GitHub ${ROUND_TRIP_MS} ms away: the steady run's requests cost ${((steadyDistant.median - steady.median) / ROUND_TRIP_MS).toFixed(1)} round trips (the minimal action's one: ${((minimalDistant.median - minimalOne.median) / ROUND_TRIP_MS).toFixed(1)})`,
);
