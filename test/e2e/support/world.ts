// The real pieces on loopback: the local GitHub; the App over HTTP, authenticating with an App id
// and a freshly generated RSA key and verifying webhook signatures with its secret — either
// in-process (src/app/local-server.ts, no write throttling, fast) or as the built production
// server (build/app/server.js) in its own process; and the bundled Action run per workflow run.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startLocalAppServer, type LocalAppServer } from "../../../src/app/local-server.js";
import { APP_EVENTS } from "../../../src/app/events.js";
import { loadExampleWorkflow } from "./example-workflow.js";
import {
  LocalGitHub,
  runTrainJob,
  type FakeWorkflowRun,
  type TrainJobResult,
} from "../../../src/local-github/index.js";
import { freePort } from "../../support/free-port.js";
import { postgresDatabase } from "../../support/ledger-databases.js";

export const APP_SERVER = resolve("build/app/server.js");
export const ACTION_BUNDLE = resolve("dist/action.js");
export const APP_ID = 4242;
export const APP_SLUG = "model-approval-local";
export const APP_LOGIN = `${APP_SLUG}[bot]`;
export const WEBHOOK_SECRET = "e2e-webhook-secret";

export class World {
  private inProcess?: LocalAppServer;
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** The App process's stderr and stdout, for failure messages. */
  appLog = "";
  /** The built App's ledger database. */
  databaseUrl?: string;

  private constructor(
    readonly github: LocalGitHub,
    private readonly privateKey: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<World> {
    for (const file of [APP_SERVER, ACTION_BUNDLE])
      if (!existsSync(file)) throw new Error(`${file} is missing: run 'npm run build' before these tests`);
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const github = await LocalGitHub.start();
    const port = await freePort();
    github.registerApp({
      id: APP_ID,
      slug: APP_SLUG,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
      events: [...APP_EVENTS],
    });
    const world = new World(github, privateKey.export({ type: "pkcs8", format: "pem" }).toString(), port);
    await world.startApp();
    return world;
  }

  /** Starts the App in this process, listening where the local GitHub sends webhooks. */
  async startApp(): Promise<void> {
    this.inProcess = await startLocalAppServer({
      appId: APP_ID,
      privateKey: this.privateKey,
      webhookSecret: WEBHOOK_SECRET,
      baseUrl: this.github.url,
      port: this.port,
      logLevel: "fatal",
    });
  }

  /** Starts build/app/server.js, as production runs it, configured by its environment. */
  async startBuiltApp(): Promise<void> {
    const host = new URL(this.github.url).host;
    // The ledger on the tests' PostgreSQL server, as production instances share one; kept across restarts.
    const databaseUrl = (this.databaseUrl ??= await postgresDatabase());
    const child = spawn(process.execPath, [APP_SERVER], {
      env: {
        DATABASE_URL: databaseUrl,
        PATH: process.env.PATH ?? "",
        APP_ID: String(APP_ID),
        PRIVATE_KEY: this.privateKey,
        WEBHOOK_SECRET,
        GHE_HOST: host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: String(this.port),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (this.appLog += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (this.appLog += d.toString()));
    this.exited = new Promise((done) => child.on("exit", () => done()));
    this.child = child;
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/healthz`)).ok) return;
      } catch {
        if (attempt > 400 || child.exitCode !== null)
          throw new Error(`the App did not start:\n${this.appLog}`);
        await new Promise((done) => setTimeout(done, 25));
      }
    }
  }

  async stopApp(): Promise<void> {
    await this.inProcess?.close();
    this.inProcess = undefined;
    if (!this.child) return;
    this.child.kill();
    await this.exited;
    this.child = undefined;
  }

  /**
   * The train job of a new run of examples/workflows/with-app.yml on the PR's head: training
   * writes the metrics, then the Action runs with the example's inputs.
   */
  train(
    repo: string,
    pr: number,
    metrics: Record<string, unknown>,
    options: { rerun?: FakeWorkflowRun } = {},
  ): Promise<TrainJobResult> {
    const workflow = loadExampleWorkflow();
    return runTrainJob(this.github, repo, pr, {
      bundle: ACTION_BUNDLE,
      outputs: { "metrics/eval.json": JSON.stringify(metrics), "models/model.pkl": "weights" },
      inputs: workflow.inputs,
      environment: workflow.environment,
      ...(options.rerun ? { rerun: options.rerun } : {}),
    });
  }

  async close(): Promise<void> {
    await this.stopApp();
    await this.github.close();
  }
}
