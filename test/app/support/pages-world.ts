// The App with its ledger and details pages, over HTTP on loopback, against the local GitHub: a
// private repository, one PR decided through the real flow (the training run's Action, webhooks to
// the App), and people who can and cannot read it. For the pages' HTTP tests and browser tests.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { startLocalAppServer, type LocalAppServer } from "../../../src/app/local-server.js";
import { APP_EVENTS } from "../../../src/app/events.js";
import { CONFIG_PATH } from "../../../src/core/names.js";
import { LocalGitHub, runTrainJob, type FakeWorkflowRun } from "../../../src/local-github/index.js";
import { SqlLedger } from "../../../src/ledger/store.js";
import { freshPglite } from "../../support/ledger-databases.js";

export const REPO = "acme/churn";
const CONFIG = `version: 1
model:
  name: churn
  artifacts: [models/model.pkl]
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
/** A training workflow for the App: the Action records the evidence, the deploy job waits on production. */
export const APP_TRAINING_WORKFLOW = `on: pull_request
jobs:
  train: { runs-on: ubuntu-latest, steps: [{ uses: model-approval/model-approval@v1, with: { app: true } }] }
  deploy: { needs: train, runs-on: ubuntu-latest, environment: production, steps: [{ run: ./deploy.sh }] }
`;

export interface PagesWorld {
  github: LocalGitHub;
  app: LocalAppServer;
  ledger: SqlLedger;
  /** The PR waiting for alice (accuracy 0.87). */
  pending: number;
  run: FakeWorkflowRun;
  close(): Promise<void>;
}

export async function startPagesWorld(): Promise<PagesWorld> {
  const github = await LocalGitHub.start();
  const ledger = await SqlLedger.open(await freshPglite());
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const secret = randomBytes(16).toString("hex");
  const registered = github.registerApp({
    id: 77,
    slug: "model-approval",
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    webhookSecret: secret,
    events: [...APP_EVENTS],
  });
  const app = await startLocalAppServer({
    appId: 77,
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    webhookSecret: secret,
    baseUrl: github.url,
    logLevel: "fatal",
    ledger,
    pages: {
      clientId: registered.clientId ?? "",
      clientSecret: registered.clientSecret ?? "",
      sessionSecret: randomBytes(32).toString("hex"),
    },
  });
  github.setWebhookUrl(app.webhookUrl);
  github.createRepo(
    REPO,
    { [CONFIG_PATH]: CONFIG, ".github/workflows/model.yml": APP_TRAINING_WORKFLOW, "train.py": "fit()\n" },
    { collaborators: ["alice", "bob"], private: true },
  );
  const pull = github.openPullRequest(REPO, {
    author: "bob",
    branch: "retrain",
    title: "Retrain <b>with</b> more data",
    files: { "train.py": "fit(epochs=20)\n" },
  });
  await github.idle();
  const { run } = await runTrainJob(github, REPO, pull.number, {
    bundle: resolve("dist/action.js"),
    outputs: {
      "metrics/eval.json": JSON.stringify({ accuracy: 0.87, f1: 0.84 }),
      "models/model.pkl": "weights",
    },
  });
  await github.idle();
  return {
    github,
    app,
    ledger,
    pending: pull.number,
    run,
    async close() {
      await app.close();
      await github.close();
      await ledger.close();
    },
  };
}
