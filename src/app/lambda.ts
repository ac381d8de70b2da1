// AWS Lambda handler (API Gateway or a function URL): `handler` verifies the signature and
// runs the same app as the server. Configured by the same environment variables.
import { createLambdaFunction } from "@probot/adapter-aws-lambda-serverless";
import { createProbot } from "probot";
import { AppOctokit } from "./octokit.js";
import app from "./index.js";
import { serverEnvProblems } from "./server-env.js";

const problems = serverEnvProblems(process.env);
if (problems.length > 0) throw new Error(`model-approval: ${problems.join(" ")}`);

export const handler = createLambdaFunction(app, {
  probot: createProbot({ overrides: { Octokit: AppOctokit } }),
});
