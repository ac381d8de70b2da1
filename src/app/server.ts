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
import { serverEnvProblems } from "./server-env.js";
import { createGuardedServer } from "./webhook-limits.js";

const problems = serverEnvProblems(process.env);
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
const webhooks = await createNodeMiddleware(modelApprovalApp({ ledger }), { probot, webhookPath });
// The API checks callers' tokens against the GitHub the App talks to (github.com or an Enterprise host).
const baseUrl = (await probot.auth()).request.endpoint.DEFAULTS.baseUrl;
const api = ledgerApi({ ledger, callerOctokit: callerOctokit(baseUrl) });
const server = createGuardedServer(appRequestHandler({ webhooks, webhookPath, api }));
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
server.listen(port, host, () => probot.log.info(`model-approval: listening on ${host ?? "*"}:${port}`));

// A stopping instance lets its last appends finish and closes the database cleanly.
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    server.close();
    void ledger.close().finally(() => process.exit(0));
  });
