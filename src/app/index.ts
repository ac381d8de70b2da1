// The Probot app: every event is mapped to the PR(s) it concerns and runs the same reconcile.
import type { Context, Probot } from "probot";
import { GitHubGateway } from "../github/gateway.js";
import { describeError } from "../action/errors.js";
import { METRICS_CHECK } from "../action/snapshot-source.js";
import { DECISION_CHECK } from "../action/publish.js";
import type { AppGateway } from "./collect.js";
import { reconcile } from "./reconcile.js";
import { answerDeploymentRequest } from "./deployment-rule.js";
import { oneAtATime } from "./serialize.js";

const STATE_LABEL_PREFIX = "model-approval:";

type AnyContext = Context<
  "pull_request" | "pull_request_review" | "check_run" | "deployment_protection_rule"
>;

function gatewayFor(context: AnyContext): AppGateway {
  return new GitHubGateway(context.octokit as never, context.repo());
}

function prKey(context: AnyContext, pr: number): string {
  const { owner, repo } = context.repo();
  return `${owner}/${repo}#${pr}`.toLowerCase();
}

async function reconcileAll(context: AnyContext, prNumbers: number[]): Promise<void> {
  const gateway = gatewayFor(context);
  for (const prNumber of new Set(prNumbers)) {
    try {
      const outcome = await oneAtATime(prKey(context, prNumber), () => reconcile(gateway, { prNumber }));
      if (outcome.status === "skipped")
        context.log.info(`model-approval: PR #${prNumber} skipped: ${outcome.why}`);
      else {
        context.log.info(
          `model-approval: PR #${prNumber} ${outcome.result.decision}: ${outcome.result.summary}`,
        );
        for (const failure of outcome.failures)
          context.log.warn(`model-approval: PR #${prNumber}: ${failure}`);
      }
    } catch (error) {
      // The delivery is done either way; the next event for this PR re-reads everything.
      context.log.error(`model-approval: PR #${prNumber} not reconciled: ${describeError(error)}`);
    }
  }
}

async function pullRequestsOfCheckRun(context: Context<"check_run">): Promise<number[]> {
  const run = context.payload.check_run;
  const listed = run.pull_requests.map((pr) => pr.number);
  if (listed.length > 0) return listed;
  // Fork PRs are not listed on the check run.
  try {
    return await gatewayFor(context).pullRequestsForCommit(run.head_sha);
  } catch (error) {
    context.log.error(`model-approval: could not find the PRs of ${run.head_sha}: ${describeError(error)}`);
    return [];
  }
}

export default (app: Probot): void => {
  app.on(
    [
      "pull_request.opened",
      "pull_request.reopened",
      "pull_request.synchronize",
      "pull_request.ready_for_review",
    ],
    (context) => reconcileAll(context, [context.payload.pull_request.number]),
  );

  // Only a change of base branch changes the decision (the config is read from the base).
  app.on("pull_request.edited", async (context) => {
    if (context.payload.changes.base) await reconcileAll(context, [context.payload.pull_request.number]);
  });

  // Labels are a display of the state, never an input: one of ours changed by anyone is put back.
  app.on(["pull_request.labeled", "pull_request.unlabeled"], async (context) => {
    if (context.payload.label?.name.toLowerCase().startsWith(STATE_LABEL_PREFIX))
      await reconcileAll(context, [context.payload.pull_request.number]);
  });

  app.on(
    ["pull_request_review.submitted", "pull_request_review.edited", "pull_request_review.dismissed"],
    (context) => reconcileAll(context, [context.payload.pull_request.number]),
  );

  app.on("check_run.completed", async (context) => {
    if (context.payload.check_run.name === METRICS_CHECK)
      await reconcileAll(context, await pullRequestsOfCheckRun(context));
  });

  app.on("check_run.rerequested", async (context) => {
    if (context.payload.check_run.name === DECISION_CHECK)
      await reconcileAll(context, await pullRequestsOfCheckRun(context));
  });

  app.on("deployment_protection_rule.requested", async (context) => {
    const payload = context.payload;
    const callbackUrl = payload.deployment_callback_url;
    const environment = payload.environment;
    if (!callbackUrl || !environment) {
      context.log.error(
        "model-approval: deployment_protection_rule without a callback URL or environment: ignored",
      );
      return;
    }
    const pullRequests = (payload.pull_requests ?? []).map((pr) => pr.number);
    const request = {
      environment,
      callbackUrl,
      sha: payload.deployment?.sha ?? "",
      ref: payload.deployment?.ref ?? "",
      pullRequests,
    };
    try {
      const answer = await oneAtATime(prKey(context, pullRequests[0] ?? 0), () =>
        answerDeploymentRequest(gatewayFor(context), request),
      );
      context.log.info(
        `model-approval: ${environment} deployment of ${request.sha}: ${answer.state ?? "waiting"} (${answer.comment})`,
      );
    } catch (error) {
      context.log.error(
        `model-approval: could not answer the ${environment} deployment: ${describeError(error)}`,
      );
    }
  });
};
