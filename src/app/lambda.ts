// AWS Lambda handler (API Gateway or a function URL): `handler` verifies the signature and
// runs the same app as the server. Configured by the same environment variables, with one more
// required: DATABASE_URL, the ledger's PostgreSQL. A Lambda's disk is its container's and is
// thrown away, so an embedded ledger there would be many short chains, none of them the record.
import { createLambdaFunction } from "@probot/adapter-aws-lambda-serverless";
import { createProbot } from "probot";
import { openLedger } from "../ledger/open.js";
import { AppOctokit } from "./octokit.js";
import { modelApprovalApp } from "./index.js";
import { serverEnvProblems } from "./server-env.js";

const problems = serverEnvProblems(process.env);
if (!process.env.DATABASE_URL?.trim())
  problems.push(
    "DATABASE_URL is not set: on Lambda the ledger needs a PostgreSQL server (postgresql://user:password@host:5432/database)",
  );
if (problems.length > 0) throw new Error(`model-approval: ${problems.join(" ")}`);

const ledger = await openLedger(process.env);

export const handler = createLambdaFunction(modelApprovalApp({ ledger }), {
  probot: createProbot({ overrides: { Octokit: AppOctokit } }),
});
