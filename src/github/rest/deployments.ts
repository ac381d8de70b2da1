// Deploy jobs waiting on an environment with this App's custom deployment protection rule.
import { GitHubError } from "../errors.js";
import { clip, GITHUB_LIMITS } from "../../core/github-limits.js";
import type { DeploymentRuleAnswer, WaitingRun } from "../types.js";
import { RUNS_PER_COMMIT, toRun, type WorkflowRunFacts } from "./actions.js";
import { login, sameLogin, type GitHubClient, type Json } from "./client.js";

/**
 * The runs of `listed` (GitHub's list of the commit's runs) that wait, when it says so for certain:
 * it holds them all, and each had ended or was waiting. Else undefined: they must be listed again.
 */
export function waitingInListed(
  listed: readonly WorkflowRunFacts[],
  sha: string,
): WorkflowRunFacts[] | undefined {
  const settled =
    listed.length < RUNS_PER_COMMIT &&
    listed.every((run) => run.headSha === sha && (run.status === "completed" || run.status === "waiting"));
  return settled ? listed.filter((run) => run.status === "waiting") : undefined;
}

/**
 * Workflow runs on `sha` waiting on environments (deployment protection rules, reviewers). `listed`
 * is GitHub's list of the commit's runs as this event already read it: when it holds them all and
 * each had ended or was waiting, the waiting ones are taken from it. A run still queued or in
 * progress then may be waiting now, and GitHub's event about it may have been handled before this
 * event's review could be read: the waiting runs are listed again.
 */
export async function waitingDeploymentsForSha(
  client: GitHubClient,
  sha: string,
  listed?: readonly WorkflowRunFacts[],
): Promise<WaitingRun[]> {
  return client.call(`listing the workflow runs waiting on ${sha}`, async () => {
    const runs =
      (listed && waitingInListed(listed, sha)) ??
      (
        await client.paginate<Json>("GET /repos/{owner}/{repo}/actions/runs", {
          head_sha: sha,
          status: "waiting",
        })
      ).map(toRun);
    const waiting: WaitingRun[] = [];
    for (const run of runs) {
      const { data } = await client.request(
        "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
        {
          run_id: run.id,
        },
      );
      const pending = data as { environment: { name?: string } }[];
      const environments = pending.map((p) => p.environment.name).filter((n): n is string => Boolean(n));
      if (environments.length > 0) waiting.push({ runId: run.id, environments, run });
    }
    return waiting;
  });
}

/**
 * Whether this App's custom deployment protection rule is enabled on `environment` (a config
 * without a `deploy` step gates exactly those). Without a known App identity: false.
 */
export async function appGuardsEnvironment(client: GitHubClient, environment: string): Promise<boolean> {
  const slug = client.identity.appSlug;
  if (!slug) return false;
  return client.call(`reading the protection rules of the ${environment} environment`, async () => {
    const { data } = await client.request(
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules",
      { environment_name: environment },
    );
    const rules =
      (data as { custom_deployment_protection_rules?: { enabled?: boolean; app?: { slug?: string } }[] })
        .custom_deployment_protection_rules ?? [];
    return rules.some((rule) => rule.enabled !== false && rule.app?.slug === slug);
  });
}

/** Answers this App's custom deployment protection rule for one environment of a run. */
export async function reviewDeploymentProtectionRule(
  client: GitHubClient,
  runId: number,
  answer: DeploymentRuleAnswer,
): Promise<void> {
  const verb = answer.state ?? "report status";
  await client.call(`answering the ${answer.environment} deployment of run ${runId} (${verb})`, async () => {
    await client.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule", {
      run_id: runId,
      environment_name: answer.environment,
      ...(answer.state ? { state: answer.state } : {}),
      comment: clip(answer.comment, GITHUB_LIMITS.deploymentComment),
    });
  });
}

/**
 * Answers through the `deployment_callback_url` of a deployment_protection_rule event. The URL
 * must name this repository's run: the token is never sent anywhere but the API base URL.
 */
export async function answerDeploymentCallback(
  client: GitHubClient,
  url: string,
  answer: DeploymentRuleAnswer,
): Promise<void> {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return "";
    }
  })();
  const match = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(path);
  const sameRepo =
    match &&
    sameLogin(decodeURIComponent(match[1] ?? ""), client.repo.owner) &&
    sameLogin(decodeURIComponent(match[2] ?? ""), client.repo.repo);
  if (!match || !sameRepo)
    throw new GitHubError(
      `answering the ${answer.environment} deployment`,
      0,
      `the callback URL ${url} is not a deployment protection rule of ${client.repo.owner}/${client.repo.repo}`,
    );
  await reviewDeploymentProtectionRule(client, Number(match[3]), answer);
}

/** A deployment to an environment, as GitHub describes it. */
export interface DeploymentFacts {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  /** Who created it ("github-actions[bot]" for a workflow job's environment). */
  creator: string;
  createdAt: string;
}

export interface DeploymentStatusFacts {
  id: number;
  /** error, failure, inactive, pending, success, queued or in_progress. */
  state: string;
  creator: string;
  createdAt: string;
}

/** How many of the newest deployments to an environment are looked at for the live one. */
export const DEPLOYMENTS_LOOKED_AT = 100;

/** The newest deployments to `environment`, newest first (one page: the live one is recent). */
export async function deploymentsTo(client: GitHubClient, environment: string): Promise<DeploymentFacts[]> {
  return client.call(`listing the deployments to ${environment}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/deployments", {
      environment,
      per_page: DEPLOYMENTS_LOOKED_AT,
    });
    return (data as Json[]).map((d) => ({
      id: d.id as number,
      sha: d.sha as string,
      ref: d.ref as string,
      environment: d.environment as string,
      creator: login(d.creator),
      createdAt: d.created_at as string,
    }));
  });
}

/** A deployment's statuses, newest first (one page). */
export async function deploymentStatuses(client: GitHubClient, id: number): Promise<DeploymentStatusFacts[]> {
  return client.call(`listing the statuses of deployment ${id}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      deployment_id: id,
      per_page: 100,
    });
    return (data as Json[]).map((s) => ({
      id: s.id as number,
      state: s.state as string,
      creator: login(s.creator),
      createdAt: s.created_at as string,
    }));
  });
}
