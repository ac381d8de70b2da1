// The App behind an HTTP server on one host and port, with its configuration passed in rather than
// read from the environment: for the local demo (`npm start` without credentials) and end-to-end
// tests. Same app, same signature verification (createNodeMiddleware), same App authentication,
// same request limits (webhook-limits.ts) as the production server.
import type { AddressInfo } from "node:net";
import { Probot, createNodeMiddleware } from "probot";
import { PlainProbotOctokit } from "./octokit.js";
import { modelApprovalApp } from "./index.js";
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
}

export interface LocalAppServer {
  /** Where GitHub POSTs webhooks. */
  webhookUrl: string;
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
  const middleware = await createNodeMiddleware(modelApprovalApp(), { probot });
  const server = createGuardedServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://${host}:${port}/api/github/webhooks`,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
