// The App as production runs it (build/app/server.js, its own process, App JWT auth, signed
// webhooks) against the local GitHub on loopback, beside a no-op Probot app on the same server
// code: how long 16 PRs opened at once wait for their answers (GitHub gives a delivery 10 s),
// deliveries per second of a delivery that changes nothing at concurrency 1 and 16, and CPU per
// delivery. Run after `npm run build`: node bench/app.mjs [DELIVERIES]
import { bundle, bundled } from "./support/bundle.mjs";
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const deliveries = Number(process.argv[2] ?? 320);
const APP_ID = 4242;
const SECRET = "bench-webhook-secret";
const CLOCK_TICKS_PER_S = 100;

const noopSource = resolve("build/bench/noop-app-src.mjs");
mkdirSync(resolve("build/bench"), { recursive: true });
// The yardstick: Probot's own server with an app that does nothing.
writeFileSync(
  noopSource,
  `import { createServer } from "node:http";
import { createNodeMiddleware, createProbot } from "probot";
const middleware = await createNodeMiddleware(() => {}, { probot: createProbot() });
createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()))
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
`,
);
const noopServer = await bundle(noopSource, "noop-app", { packages: "external", banner: {} });
const { LocalGitHub } = await bundled("src/local-github/index.ts", "local-github");

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** User + system CPU time of a process so far, in ms (Linux /proc, 10 ms ticks). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

async function startServer(script, env) {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  for (let attempt = 0; ; attempt++) {
    try {
      await globalThis.fetch(`http://127.0.0.1:${env.PORT}/`);
      return child;
    } catch {
      if (attempt > 1200 || child.exitCode !== null) throw new Error(`${script} did not start:\n${log}`);
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.on("exit", done));
  child.kill();
  await exited;
}

const CONFIG = `version: 1
metrics:
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
`;

/**
 * Sends the events of the deliveries `ids` again as new deliveries (the App ignores a delivery id
 * it has seen), `concurrency` at a time; returns each one's response time.
 */
async function deliver(github, ids, concurrency, { lateOk = false } = {}) {
  const times = [];
  const statuses = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const start = performance.now();
      const delivery = await github.webhooks.resend(id);
      times.push(performance.now() - start);
      statuses.push(delivery.status);
      // 202: Probot's "still processing", sent at 9 s so that GitHub does not time the delivery out.
      if (delivery.status !== 200 && !(lateOk && delivery.status === 202))
        throw new Error(`delivery ${id}: ${delivery.status} ${delivery.error ?? ""}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Object.assign(times, { late: statuses.filter((status) => status === 202).length });
}

const burstRepos = [];

/** Whether the App has written its decision check run on the `i`th burst PR's head. */
function decided(github, i) {
  const repo = github.state.repo(burstRepos[i]);
  const head = github.state.pull(burstRepos[i], 1).headSha;
  return repo.checkRuns.some((run) => run.name === "model-approval" && run.headSha === head);
}

/** The deliveries of `count` pull_request.opened, recorded but not yet sent to anyone. */
async function openPullRequests(github, count) {
  const before = github.deliveries.length;
  github.setWebhookUrl(undefined);
  for (let i = 0; i < count; i++) {
    const repo = `acme/models-${github.deliveries.length}-${i}`;
    burstRepos.push(repo);
    github.createRepo(
      repo,
      { ".github/model-approval.yml": CONFIG, ".github/workflows/model.yml": "on: pull_request\n" },
      { collaborators: ["alice", "carol"] },
    );
    github.openPullRequest(repo, { author: "carol", branch: "retrain", files: { "train.py": "fit()\n" } });
  }
  await github.idle();
  return github.deliveries
    .slice(before)
    .filter((d) => d.name === "pull_request.opened")
    .map((d) => d.id);
}

async function throughput(github, child, ids, concurrency) {
  const list = Array.from({ length: deliveries }, (_, i) => ids[i % ids.length]);
  const cpuBefore = cpuMs(child.pid);
  const requestsBefore = github.api.requests.length;
  const start = performance.now();
  const times = await deliver(github, list, concurrency, { lateOk: true });
  const seconds = (performance.now() - start) / 1000;
  const requests = github.api.requests.slice(requestsBefore);
  return {
    perSecond: list.length / seconds,
    cpuPerDelivery: (cpuMs(child.pid) - cpuBefore) / list.length,
    late: times.late,
    requestsPerDelivery: requests.length / list.length,
    // A 304 to a conditional read costs nothing against GitHub's primary rate limit.
    rateLimitedPerDelivery: requests.filter((r) => r.rateLimited).length / list.length,
  };
}

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const github = await LocalGitHub.start();
const appPort = await freePort();
const url = `http://127.0.0.1:${appPort}/api/github/webhooks`;
github.registerApp({
  id: APP_ID,
  slug: "model-approval-bench",
  publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  webhookSecret: SECRET,
  webhookUrl: url,
  events: ["pull_request", "pull_request_review", "check_run", "deployment_protection_rule"],
});
const env = {
  // The ledger: a PostgreSQL server when DATABASE_URL names one, else an embedded PostgreSQL of
  // its own (its first start makes the folder: seconds).
  ...(process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL }
    : { LEDGER_DIR: join(mkdtempSync(join(tmpdir(), "bench-ledger-")), "ledger") }),
  APP_ID: String(APP_ID),
  PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  WEBHOOK_SECRET: SECRET,
  GHE_HOST: new URL(github.url).host,
  GHE_PROTOCOL: "http",
  HOST: "127.0.0.1",
  PORT: String(appPort),
  LOG_LEVEL: "fatal",
};

/** Prints a result as soon as it is measured. */
const report = (name, value) => console.log(`  ${name.padEnd(46)} ${value}`);
console.log(`the App (build/app/server.js) against the local GitHub, ${deliveries} deliveries a case`);
const app = await startServer(resolve("build/app/server.js"), env);
try {
  const opened = await openPullRequests(github, 16);
  github.setWebhookUrl(url);
  const start = performance.now();
  const burst = await deliver(github, opened, 16, { lateOk: true });
  // Done: every PR has the App's decision check run (a late delivery is still working at 202).
  while (!opened.every((_, i) => decided(github, i))) await new Promise((done) => setTimeout(done, 20));
  const done = performance.now() - start;
  report(
    "16 PRs opened at once: slowest answer",
    `${Math.max(...burst).toFixed(0)} ms (${burst.late} answered 'still processing')`,
  );
  report("16 PRs opened at once: all decided after", `${done.toFixed(0)} ms`);
  // Every PR is now up to date: delivering its opened event again changes nothing.
  const one = await throughput(github, app, opened, 1);
  const sixteen = await throughput(github, app, opened, 16);
  report(
    "no-change delivery, concurrency 1",
    `${one.perSecond.toFixed(0)}/s, CPU ${one.cpuPerDelivery.toFixed(1)} ms each`,
  );
  report(
    "no-change delivery, concurrency 16",
    `${sixteen.perSecond.toFixed(0)}/s, CPU ${sixteen.cpuPerDelivery.toFixed(1)} ms each${sixteen.late ? ` (${sixteen.late} still processing at 9 s)` : ""}`,
  );
  report(
    "no-change delivery: API requests",
    `${sixteen.requestsPerDelivery.toFixed(1)} each, ${sixteen.rateLimitedPerDelivery.toFixed(1)} against the rate limit`,
  );
  await stop(app);
  const noop = await startServer(noopServer, env);
  const noopOne = await throughput(github, noop, opened, 1);
  const noopSixteen = await throughput(github, noop, opened, 16);
  await stop(noop);
  report(
    "no-op Probot app, concurrency 1",
    `${noopOne.perSecond.toFixed(0)}/s, CPU ${noopOne.cpuPerDelivery.toFixed(1)} ms each`,
  );
  report(
    "no-op Probot app, concurrency 16",
    `${noopSixteen.perSecond.toFixed(0)}/s, CPU ${noopSixteen.cpuPerDelivery.toFixed(1)} ms each`,
  );
  report(
    "CPU per no-change delivery vs the no-op app",
    `x${(sixteen.cpuPerDelivery / noopSixteen.cpuPerDelivery).toFixed(2)}`,
  );
} finally {
  await stop(app);
  await github.close();
}
