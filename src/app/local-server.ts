// The App behind an HTTP server on one host and port, with its configuration passed in rather than
// read from the environment: for the local demo (`npm start` without credentials) and end-to-end
// tests. Same app, same signature verification (createNodeMiddleware), same App authentication,
// same request limits (webhook-limits.ts) as the production server.
import type { AddressInfo } from "node:net";
import { Probot, createNodeMiddleware } from "probot";
import type { Ledger } from "../ledger/store.js";
import { callerOctokit, PlainProbotOctokit } from "./octokit.js";
import { modelApprovalApp } from "./index.js";
import { ledgerApi } from "./ledger-api.js";
import { appRequestHandler } from "./routes.js";
import { createGuardedServer } from "./webhook-limits.js";

export interface LocalAppServerOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** The GitHub API the App talks to. */
  baseUrl: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** Where decisions are recorded, and what the API under /api/ reads; none: nothing is recorded. */
  ledger?: Ledger;
  /** The ledger's clock. */
  now?: () => Date;
}

export interface LocalAppServer {
  /** Where GitHub POSTs webhooks. */
  webhookUrl: string;
  /** The server's own address, e.g. http://127.0.0.1:3000 (the API is under /api/). */
  url: string;
  close(): Promise<void>;
}

export async function startLocalAppServer(options: LocalAppServerOptions): Promise<LocalAppServer> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.baseUrl,
    logLevel: options.logLevel ?? "warn",
    // GitHub's rate limits and transient failures do not happen on a local GitHub: no pause between
    // writes and no retries, whose queueing (Bottleneck) costs about 13 ms a request. A fault a test
    // injects then reaches the App as GitHub's would after its retries ran out.
    Octokit: PlainProbotOctokit,
  });
  const { ledger, now } = options;
  const app = modelApprovalApp({ ...(ledger ? { ledger } : {}), ...(now ? { now } : {}) });
  const webhookPath = "/api/github/webhooks";
  const webhooks = await createNodeMiddleware(app, { probot, webhookPath });
  const api = ledger ? ledgerApi({ ledger, callerOctokit: callerOctokit(options.baseUrl) }) : undefined;
  const server = createGuardedServer(appRequestHandler({ webhooks, webhookPath, ...(api ? { api } : {}) }));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://${host}:${port}${webhookPath}`,
    url: `http://${host}:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
