// AWS Lambda handler (API Gateway or a function URL): `handler` verifies the signature and
// runs the same app as the server. Configured by the same environment variables, with one more
// required: DATABASE_URL, the ledger's PostgreSQL. A Lambda's disk is its container's and is
// thrown away, so an embedded ledger there would be many short chains, none of them the record.
import { createLambdaFunction } from "@probot/adapter-aws-lambda-serverless";
import { createProbot } from "probot";
import { openLedger } from "../ledger/open.js";
import { AppOctokit } from "./octokit.js";
import { modelApprovalApp } from "./index.js";
import { timekeeping } from "./timekeeping.js";
import { serverEnvProblems } from "./server-env.js";

const problems = serverEnvProblems(process.env);
if (!process.env.DATABASE_URL?.trim())
  problems.push(
    "DATABASE_URL is not set: on Lambda the ledger needs a PostgreSQL server (postgresql://user:password@host:5432/database)",
  );
if (problems.length > 0) throw new Error(`model-approval: ${problems.join(" ")}`);

const ledger = await openLedger(process.env);

const probot = createProbot({ overrides: { Octokit: AppOctokit } });
const clock = timekeeping({ ledger, env: process.env, warn: (line) => probot.log.warn(line) });
const app = modelApprovalApp({
  ledger,
  ...(clock.notifier ? { notifier: clock.notifier } : {}),
  onRedecide: clock.onRedecide,
});

export const handler = createLambdaFunction(app, { probot });

/**
 * The scheduled handler (an EventBridge rule every few minutes): decides again the PRs whose
 * timeouts passed and retries notifications. A Lambda may be frozen once it answers, so it waits
 * for its sends.
 */
export async function sweep(): Promise<{ statusCode: number; body: string }> {
  const report = await clock.sweep();
  await clock.notifier?.idle();
  return { statusCode: 200, body: JSON.stringify(report) };
}
