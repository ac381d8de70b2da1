// `npm start` without GitHub App credentials: a local GitHub and the App on loopback, one pull
// request played through the whole flow (train → metrics → pending → approval → deploy), each
// step printed as it happens; then both keep running for a person to drive with curl.
import { generateKeyPair, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { CONFIG_PATH } from "../core/names.js";
import { LocalGitHub } from "../local-github/local.js";
import { validatorsPrecompiled } from "../local-github/precompile.js";
import { runTrainJob } from "../local-github/workflow.js";
import type { Delivery } from "../local-github/deliveries.js";
import type { Webhook } from "../local-github/payloads.js";
import type { FakeWorkflowRun } from "../local-github/state.js";
import { startLocalAppServer, type LocalAppServer } from "./local-server.js";
import { freshEmbeddedDatabase, templateReady } from "../ledger/pglite-template.js";
import { SqlLedger } from "../ledger/store.js";
import { APP_EVENTS } from "./events.js";

const REPO = "acme/fraud-detector";
const APP_ID = 1;
const APP_SLUG = "model-approval";
const APPROVER = "alice";
const AUTHOR = "bob";
/** The training workflow on main: its runs record the evidence (the default trusts workflows on the default branch). */
const TRAIN_WORKFLOW = ".github/workflows/model.yml";
const WORKFLOW = `# Train, record the metrics with the model-approval Action, then deploy behind the App's rule.
on: pull_request
jobs:
  train: { runs-on: ubuntu-latest, steps: [{ uses: model-approval/model-approval@v1, with: { app: true } }] }
  deploy: { needs: train, runs-on: ubuntu-latest, environment: production, steps: [{ run: ./deploy.sh }] }
`;
const CONFIG = `# Automatic checks; auto-approval above 90% accuracy, else a review by alice.
version: 1
metrics:
  eval: metrics/eval.json
steps:
  - name: train_model
    type: training
  - name: accuracy_check
    type: test
    inputs:
      checks: [accuracy >= 0.80]
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

export interface DemoOptions {
  /** Exit after the flow instead of leaving the servers running. */
  once: boolean;
  actionBundle?: string;
  githubPort?: number;
  appPort?: number;
  print?: (line: string) => void;
}

class DemoFailure extends Error {}

export async function runDemo(options: DemoOptions): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  const bundle = options.actionBundle ?? fileURLToPath(new URL("../../dist/action.js", import.meta.url));
  let step = 0;
  const say = (text: string): void => print(`${String(++step).padStart(2)}. ${text}`);
  const detail = (text: string): void => print(`      ${text}`);

  // The local GitHub checks every webhook and API call against GitHub's published schemas; their
  // validators are compiled on the first start and kept, which makes every later start ~10 s faster.
  if (!validatorsPrecompiled())
    print("Compiling the local GitHub's schema validators (once, a few seconds)...");
  const github = await LocalGitHub.start({
    port: options.githubPort,
    onDelivery: (d: Delivery, webhook: Webhook) => {
      // What the App did itself (its labels, its check run) is told by the PR's state, not echoed.
      if (senderOf(webhook) === `${APP_SLUG}[bot]`) return;
      detail(
        `webhook ${d.name} → App: ${d.status === 0 ? `not delivered (${d.error ?? "unreachable"})` : d.status}`,
      );
    },
  });
  let app: LocalAppServer | undefined;
  let ledger: SqlLedger | undefined;
  let closing: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      await app?.close();
      await github.close();
      await ledger?.close();
    })());
  // Ctrl-C (SIGINT), `kill` and npm passing either on: close both servers, free their ports, exit.
  const stop = (signal: NodeJS.Signals): void => {
    void shutdown().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    print("model-approval demo: no GitHub App credentials (APP_ID, PRIVATE_KEY) in the environment,");
    print("so the App runs against a local GitHub on this machine. Set them to run the real App.\n");
    say(`local GitHub listening on ${github.url}`);

    // The App's key is made on another thread while the ledger starts: each takes a while.
    const keys = promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
    if (!templateReady()) print("Making the embedded PostgreSQL for the ledger (once, a few seconds)...");
    ledger = await SqlLedger.open(await freshEmbeddedDatabase());
    say(`ledger: ${ledger.description} (this demo's own, gone when it stops)`);

    const { privateKey, publicKey } = await keys;
    const secret = randomBytes(20).toString("hex");
    const registered = github.registerApp({
      id: APP_ID,
      slug: APP_SLUG,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      webhookSecret: secret,
      events: [...APP_EVENTS],
    });
    app = await startLocalAppServer({
      appId: APP_ID,
      privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      webhookSecret: secret,
      baseUrl: github.url,
      port: options.appPort,
      ledger,
      pages: {
        clientId: registered.clientId ?? "",
        clientSecret: registered.clientSecret ?? "",
        sessionSecret: randomBytes(32).toString("hex"),
      },
    });
    github.setWebhookUrl(app.webhookUrl);
    say(
      `App '${APP_SLUG}' registered with a fresh RSA key; it listens for signed webhooks at ${app.webhookUrl}`,
    );

    github.createRepo(
      REPO,
      {
        [CONFIG_PATH]: CONFIG,
        [TRAIN_WORKFLOW]: WORKFLOW,
        "train.py": "model.fit(epochs=10)\n",
      },
      { collaborators: [APPROVER, AUTHOR, "carol"] },
    );
    for (const user of [APPROVER, AUTHOR, "carol"]) github.addUser(user);
    say(
      `repository ${REPO}: .github/model-approval.yml on main (auto-approve above 90% accuracy, else alice approves)`,
    );

    const pull = github.openPullRequest(REPO, {
      author: AUTHOR,
      branch: "retrain",
      title: "Retrain with more epochs",
      files: { "train.py": "model.fit(epochs=20)\n" },
    });
    header(print, pull.number, pull.title);
    say(`${AUTHOR} opens PR #${pull.number} "${pull.title}"`);
    await github.idle();
    showPullRequest(github, pull.number, detail);

    say("workflow run: the train job trains (accuracy 0.87) and runs the model-approval Action");
    const { run } = await runTrainJob(github, REPO, pull.number, {
      bundle,
      outputs: {
        "metrics/eval.json": JSON.stringify({ accuracy: 0.87, f1: 0.84 }),
        "models/model.pkl": "weights",
      },
      afterTrain: async (action) => {
        if (action.code !== 0)
          throw new DemoFailure(`the Action failed (exit ${action.code}):\n${action.stdout}${action.stderr}`);
        detail(
          `the Action published the model-approval/metrics check run (its decision: ${outputOf(action.outputs, "decision")})`,
        );
        await github.idle();
        say("the deploy job reaches the production environment and waits for the App's protection rule");
      },
    });
    await github.idle();
    detail(`deploy job: ${deployState(github, run)}`);
    showPullRequest(github, pull.number, detail);
    expect(github.deployJob(run).status === "waiting", "the deploy job should wait for an approval");

    say(`${APPROVER} approves PR #${pull.number} in a review`);
    github.review(REPO, pull.number, APPROVER, "APPROVED", "Looks good, ship it.");
    await github.idle();
    showPullRequest(github, pull.number, detail);
    expect(
      github.deployJob(run).conclusion === "success",
      `the deploy job should have been released, but it is ${deployState(github, run)}`,
    );
    detail(`deploy job: ${deployState(github, run)}`);
    say(`deploy unblocked: the App approved the production deployment and the deploy job ran`);
    const recorded = await ledger.chain(github.state.repo(REPO).id);
    detail(
      `ledger: ${recorded.length} records of ${REPO} (${recorded.map((r) => `${r.entry.kind} ${r.entry.deploy?.answer ?? r.entry.decision}`).join(", ")})`,
    );
    say(`details page: ${app.url}/pr/${REPO}/${pull.number} (sign in to the local GitHub as ${APPROVER})`);

    if (options.once) {
      await shutdown();
      forget(stop);
      return 0;
    }
    await leaveRunning(github, bundle, print);
    return await new Promise<number>(() => undefined);
  } catch (error) {
    print(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown();
    forget(stop);
    return 1;
  }
}

function forget(stop: (signal: NodeJS.Signals) => void): void {
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
}

function senderOf(webhook: Webhook): string | undefined {
  const sender = webhook.payload.sender as { login?: string } | undefined;
  return sender?.login;
}

/** Each PR's part of the story starts with its own heading. */
function header(print: (line: string) => void, number: number, title: string): void {
  print(`\n── PR #${number}: ${title} ──`);
}

function expect(condition: boolean, why: string): void {
  if (!condition) throw new DemoFailure(why);
}

function outputOf(outputs: string, name: string): string {
  const match = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, "m").exec(outputs);
  return match?.[2] ?? "?";
}

function deployState(github: LocalGitHub, run: FakeWorkflowRun): string {
  const job = github.deployJob(run);
  const said = run.answers.at(-1);
  const answer = said
    ? ` (the App answered ${said.state ?? "with a status report"}: "${said.comment ?? ""}")`
    : "";
  if (job.status !== "completed") return `${job.status}${answer}`;
  return `${job.conclusion === "success" ? "deployed" : `not deployed (${job.conclusion})`}${answer}`;
}

function showPullRequest(github: LocalGitHub, number: number, detail: (text: string) => void): void {
  const state = github.state;
  const pull = state.pull(REPO, number);
  const checks = state
    .repo(REPO)
    .checkRuns.filter((r) => r.headSha === pull.headSha)
    .map((r) => `${r.name}: ${r.status === "completed" ? r.conclusion : r.status}`);
  const labels = pull.labels.filter((l) => l.startsWith("model-approval:"));
  const comments = state.repo(REPO).comments.filter((c) => c.issueNumber === number).length;
  const asked =
    pull.requestedReviewers.length > 0 ? `, review requested from ${pull.requestedReviewers.join(", ")}` : "";
  detail(
    `PR #${number}: checks [${checks.join(", ")}], label [${labels.join(", ")}], comments: ${comments}${asked}`,
  );
}

/** Opens a second PR that waits for alice, prints how to approve it, and reports what follows. */
async function leaveRunning(
  github: LocalGitHub,
  bundle: string,
  print: (line: string) => void,
): Promise<void> {
  const pull = github.openPullRequest(REPO, {
    author: AUTHOR,
    branch: "retrain-2",
    title: "Retrain on the new data",
    files: { "train.py": "model.fit(epochs=30)\n" },
  });
  header(print, pull.number, pull.title);
  const { run } = await runTrainJob(github, REPO, pull.number, {
    bundle,
    outputs: {
      "metrics/eval.json": JSON.stringify({ accuracy: 0.88, f1: 0.85 }),
      "models/model.pkl": "weights-2",
    },
  });
  await github.idle();
  let last = deployState(github, run);
  github.state.onEvent((event) => {
    if (event.kind !== "deployment_answered" || event.run.id !== run.id) return;
    const now = deployState(github, run);
    if (now !== last) print(`PR #${pull.number} deploy job: ${(last = now)}`);
  });
  print(
    `\nStill running (Ctrl-C stops). PR #${pull.number} waits for alice; approve it (or send REQUEST_CHANGES with a body) with:\n` +
      `curl -s -o /dev/null -w '%{http_code}\\n' -X POST -H 'authorization: token token-alice' -d '{"event":"APPROVE"}' ${github.url}/repos/${REPO}/pulls/${pull.number}/reviews`,
  );
}
