// Runs the App as an HTTP server: POST webhooks to WEBHOOK_PATH (default /api/github/webhooks);
// GET /healthz answers 200 for load balancers once the ledger is open; the ledger's API is under
// /api/ (docs/ledger.md). The ledger is in DATABASE_URL's PostgreSQL, which any number of
// instances may share, or without it in an embedded PostgreSQL in LEDGER_DIR, for one instance.
// Otherwise holds no state between requests but caches (GitHub's answers for conditional reads,
// artifacts' files). Request size and time are bounded by webhook-limits.ts.
import { createNodeMiddleware, createProbot } from "probot";
import { openLedger } from "../ledger/open.js";
import { modelApprovalApp } from "./index.js";
import { ledgerApi } from "./ledger-api.js";
import { AppOctokit, callerOctokit } from "./octokit.js";
import { appRequestHandler } from "./routes.js";
import { pageSettings, serverEnvProblems } from "./server-env.js";
import { detailsPages, pullRequestPageUrl } from "./web/pages.js";
import { serverUrlOf } from "../github/gateway.js";
import { createGuardedServer } from "./webhook-limits.js";
import { sweepInterval, timekeeping } from "./timekeeping.js";

const problems = serverEnvProblems(process.env);
const interval = sweepInterval(process.env);
if (typeof interval === "string") problems.push(interval);
const pages = pageSettings(process.env);
if (typeof pages === "string") problems.push(pages);
if (problems.length > 0) {
  for (const problem of problems) console.error(`model-approval: ${problem}`);
  process.exit(1);
}

const probot = createProbot({ overrides: { Octokit: AppOctokit } });
let ledger: Awaited<ReturnType<typeof openLedger>>;
try {
  ledger = await openLedger(process.env);
} catch (error) {
  console.error(`model-approval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
probot.log.info(`model-approval: the ledger is kept in ${ledger.description}`);

const webhookPath = process.env.WEBHOOK_PATH || "/api/github/webhooks";
const settings = typeof pages === "object" ? pages : undefined;
const detailsUrl = settings
  ? (repository: string, pr: number) => pullRequestPageUrl(settings.appUrl, repository, pr)
  : undefined;
const clock = timekeeping({
  ledger,
  env: process.env,
  warn: (line) => probot.log.warn(line),
  intervalMs: interval as number,
});
const app = modelApprovalApp({
  ledger,
  ...(detailsUrl ? { detailsUrl } : {}),
  ...(clock.notifier ? { notifier: clock.notifier } : {}),
  onRedecide: clock.onRedecide,
});
const webhooks = await createNodeMiddleware(app, { probot, webhookPath });
// The API and the pages check people's tokens against the GitHub the App talks to (github.com or an Enterprise host).
const baseUrl = (await probot.auth()).request.endpoint.DEFAULTS.baseUrl;
const asCaller = callerOctokit(baseUrl);
const api = ledgerApi({ ledger, callerOctokit: asCaller });
const webUrl = serverUrlOf(baseUrl) ?? "https://github.com";
const details = settings
  ? detailsPages({
      ledger,
      appUrl: settings.appUrl,
      oauth: { webUrl, clientId: settings.clientId, clientSecret: settings.clientSecret },
      sessionSecret: settings.sessionSecret,
      callerOctokit: asCaller,
      serverUrl: webUrl,
    })
  : undefined;
const server = createGuardedServer(
  appRequestHandler({ webhooks, webhookPath, api, ...(details ? { pages: details } : {}) }),
);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
server.listen(port, host, () => probot.log.info(`model-approval: listening on ${host ?? "*"}:${port}`));
const sweeps = clock.start();
probot.log.info(
  `model-approval: sweeping for timeouts and notifications every ${clock.intervalMs / 60_000} min`,
);

// A stopping instance lets its last appends finish and closes the database cleanly.
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    server.close();
    sweeps.stop();
    void Promise.race([clock.notifier?.idle(), new Promise((r) => setTimeout(r, 5_000))])
      .then(() => ledger.close())
      .finally(() => process.exit(0));
  });
