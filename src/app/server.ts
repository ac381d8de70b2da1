// Runs the App as an HTTP server: POST webhooks to WEBHOOK_PATH (default /api/github/webhooks);
// GET /healthz answers 200 for load balancers. Holds no state between requests but caches (GitHub's
// answers for conditional reads, artifacts' files), so any number of instances can run side by
// side. Request size and time are bounded by webhook-limits.ts.
import { createNodeMiddleware, createProbot } from "probot";
import app from "./index.js";
import { AppOctokit } from "./octokit.js";
import { serverEnvProblems } from "./server-env.js";
import { createGuardedServer } from "./webhook-limits.js";

const problems = serverEnvProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`model-approval: ${problem}`);
  process.exit(1);
}

const probot = createProbot({ overrides: { Octokit: AppOctokit } });
const middleware = await createNodeMiddleware(app, {
  probot,
  webhooksPath: process.env.WEBHOOK_PATH || "/api/github/webhooks",
});
const server = createGuardedServer((req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    return;
  }
  void middleware(req, res, () => {
    res.writeHead(404).end();
  });
});
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
server.listen(port, host, () => probot.log.info(`model-approval: listening on ${host ?? "*"}:${port}`));
