// The App behind an HTTP server on one host and port, with its configuration passed in rather than
// read from the environment: for the local demo (`npm start` without credentials) and end-to-end
// tests. Same app, same signature verification (createNodeMiddleware), same App authentication,
// same request limits (webhook-limits.ts) as the production server.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serverUrlOf } from "../github/gateway.js";
import { detailsPages, pullRequestPageUrl } from "./web/pages.js";
import { Probot, createNodeMiddleware } from "probot";
import type { Ledger } from "../ledger/store.js";
import { callerOctokit, PlainProbotOctokit } from "./octokit.js";
import { modelApprovalApp } from "./index.js";
import { timekeeping } from "./timekeeping.js";
import type { SweepReport } from "./sweep.js";
import type { DeliveryOptions } from "../notify/deliver.js";
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
  /** Serves the details pages (with a ledger), signing people in with this OAuth client of the App. */
  pages?: { clientId: string; clientSecret: string; sessionSecret: string };
  /** Where notification destinations' URLs and secrets are (MODEL_APPROVAL_NOTIFY_*); none: no destinations. */
  env?: Record<string, string | undefined>;
  /** How notifications are sent (tests: no waiting between tries). */
  delivery?: DeliveryOptions;
}

export interface LocalAppServer {
  /** Where GitHub POSTs webhooks. */
  webhookUrl: string;
  /** The server's own address, e.g. http://127.0.0.1:3000 (the API is under /api/). */
  url: string;
  /** One sweep now: PRs past their deadlines decided again, notifications due sent (tests move the clock). */
  sweep(): Promise<SweepReport>;
  /** Resolves when every notification started has been tried. */
  notificationsSent(): Promise<void>;
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
  const host = options.host ?? "127.0.0.1";
  // The pages' links and sign-in return to this server's own address, known once it listens.
  let url = "";
  const detailsUrl =
    ledger && options.pages
      ? (repository: string, pr: number) => pullRequestPageUrl(url, repository, pr)
      : undefined;
  const clock = timekeeping({
    ...(ledger ? { ledger } : {}),
    env: options.env ?? {},
    ...(now ? { now } : {}),
    warn: (line) => probot.log.warn(line),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  const app = modelApprovalApp({
    ...(ledger ? { ledger } : {}),
    ...(now ? { now } : {}),
    ...(detailsUrl ? { detailsUrl } : {}),
    ...(clock.notifier ? { notifier: clock.notifier } : {}),
    onRedecide: clock.onRedecide,
  });
  const webhookPath = "/api/github/webhooks";
  const webhooks = await createNodeMiddleware(app, { probot, webhookPath });
  const asCaller = callerOctokit(options.baseUrl);
  const api = ledger ? ledgerApi({ ledger, callerOctokit: asCaller }) : undefined;
  let pages: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const server = createGuardedServer(
    appRequestHandler({
      webhooks,
      webhookPath,
      ...(api ? { api } : {}),
      pages: (req, res) => pages?.(req, res) ?? false,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;
  if (ledger && options.pages) {
    const webUrl = serverUrlOf(options.baseUrl) ?? options.baseUrl;
    pages = detailsPages({
      ledger,
      appUrl: url,
      oauth: { webUrl, clientId: options.pages.clientId, clientSecret: options.pages.clientSecret },
      sessionSecret: options.pages.sessionSecret,
      callerOctokit: asCaller,
      serverUrl: webUrl,
    });
  }
  return {
    webhookUrl: `${url}${webhookPath}`,
    url,
    sweep: () => clock.sweep(),
    notificationsSent: async () => clock.notifier?.idle(),
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
