// The Probot app: every event is mapped to the PR(s) it concerns and runs the same reconcile.
import type { Context, Probot } from "probot";
import { GitHubGateway } from "../github/gateway.js";
import type { GatewayIdentity } from "../github/types.js";
import { DECISION_CHECK, METRICS_CHECK } from "../github/surfaces.js";
import type { AppGateway } from "./collect.js";
import { describeError } from "../github/errors.js";
import { reconcile } from "./reconcile.js";
import { answerDeploymentRequest, type DeploymentRequest } from "./deployment-rule.js";
import { oneAtATime } from "./serialize.js";

const STATE_LABEL_PREFIX = "model-approval:";

type AnyContext = Context<
  "pull_request" | "pull_request_review" | "check_run" | "deployment_protection_rule"
>;

/**
 * Who the App is, so the gateway updates its own check run and comment and never another app's.
 * Looked up once per process: an app's slug never changes, so this is configuration, not state.
 */
function identityResolver(app: Probot): () => Promise<GatewayIdentity> {
  let known: GatewayIdentity | undefined;
  return async () => {
    if (known) return known;
    const fromEnv = process.env.APP_SLUG?.trim();
    if (fromEnv) return (known = { appSlug: fromEnv, login: `${fromEnv}[bot]` });
    try {
      const octokit = await app.auth();
      const { data } = await octokit.request("GET /app");
      const slug = (data as { slug?: string } | null)?.slug;
      if (slug) known = { appSlug: slug, login: `${slug}[bot]` };
    } catch (error) {
      // Retried on the next event; until then the gateway falls back to matching by name.
      app.log.warn(`model-approval: could not look up the app's identity: ${describeError(error)}`);
    }
    return known ?? {};
  };
}

function prKey(context: AnyContext, pr: number): string {
  const { owner, repo } = context.repo();
  return `${owner}/${repo}#${pr}`.toLowerCase();
}

export interface AppOptions {
  /** Who the App is; looked up from APP_SLUG or GitHub's GET /app when not given. */
  identity?: GatewayIdentity;
}

export function modelApprovalApp(options: AppOptions = {}): (app: Probot) => void {
  return (app) => register(app, options);
}

export default modelApprovalApp();

function register(app: Probot, options: AppOptions): void {
  const given = options.identity;
  const identity = given ? async () => given : identityResolver(app);
  const gatewayFor = async (context: AnyContext): Promise<AppGateway> =>
    new GitHubGateway(context.octokit as never, context.repo(), await identity());

  async function reconcileAll(context: AnyContext, prNumbers: number[]): Promise<void> {
    if (prNumbers.length === 0) return;
    const gateway = await gatewayFor(context);
    for (const prNumber of new Set(prNumbers)) {
      try {
        const outcome = await oneAtATime(prKey(context, prNumber), () => reconcile(gateway, { prNumber }));
        if (outcome.status === "skipped") {
          context.log.info(`model-approval: PR #${prNumber} skipped: ${outcome.why}`);
          continue;
        }
        context.log.info(
          `model-approval: PR #${prNumber} ${outcome.result.decision}: ${outcome.result.summary}`,
        );
        for (const failure of outcome.failures)
          context.log.warn(`model-approval: PR #${prNumber}: ${failure}`);
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
    // Check runs of fork PRs list no pull requests.
    try {
      return await (await gatewayFor(context)).pullRequestsForCommit(run.head_sha);
    } catch (error) {
      context.log.error(`model-approval: could not find the PRs of ${run.head_sha}: ${describeError(error)}`);
      return [];
    }
  }

  app.on(
    [
      "pull_request.opened",
      "pull_request.reopened",
      "pull_request.synchronize",
      "pull_request.ready_for_review",
    ],
    (context) => reconcileAll(context, [context.payload.pull_request.number]),
  );

  // Only a new base branch changes the decision (the config is read from the base).
  app.on("pull_request.edited", async (context) => {
    if (context.payload.changes.base) await reconcileAll(context, [context.payload.pull_request.number]);
  });

  // Labels are a display of the state, never an input: one of ours changed by anyone is put back.
  // The App's own label changes (GitHub sets the sender; it cannot be forged) need no second look.
  app.on(["pull_request.labeled", "pull_request.unlabeled"], async (context) => {
    if (!context.payload.label?.name.toLowerCase().startsWith(STATE_LABEL_PREFIX)) return;
    const self = (await identity()).login;
    if (self && context.payload.sender.login.toLowerCase() === self.toLowerCase()) return;
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
    if (!payload.deployment_callback_url || !payload.environment) {
      context.log.error(
        "model-approval: deployment_protection_rule.requested without a callback URL or environment",
      );
      return;
    }
    const request: DeploymentRequest = {
      environment: payload.environment,
      callbackUrl: payload.deployment_callback_url,
      sha: payload.deployment?.sha ?? "",
      ref: payload.deployment?.ref ?? "",
      defaultBranch: payload.repository?.default_branch ?? "",
      pullRequests: (payload.pull_requests ?? []).map((pr) => pr.number),
    };
    try {
      const gateway = await gatewayFor(context);
      const answer = await oneAtATime(prKey(context, request.pullRequests[0] ?? 0), () =>
        answerDeploymentRequest(gateway, request),
      );
      context.log.info(
        `model-approval: ${request.environment} deployment of ${request.sha}: ${answer.state ?? "waiting"} (${answer.comment})`,
      );
    } catch (error) {
      context.log.error(
        `model-approval: could not answer the ${request.environment} deployment: ${describeError(error)}`,
      );
    }
  });
}
