// A baseline that is what is live: the metrics of the commit most recently deployed successfully to
// a GitHub environment. Only a deployment GitHub Actions created counts, judged by the statuses
// GitHub Actions set on it (anyone with write access can create deployments and statuses through the
// API; a workflow job's environment creates them as github-actions[bot]). Its metrics are the
// evidence a trusted training run recorded for that commit, read exactly as a candidate's evidence
// is (gatherEvidence): a deployment never brings metrics of its own.
import type { DeployedBaseline, Evidence } from "../../core/candidate/types.js";
import type { Config } from "../../core/config/types.js";
import { shortSha } from "../../core/policy/reviews.js";
import type { DeploymentFacts, GitHubGateway } from "../gateway.js";
import { reading } from "../errors.js";
import { DEPLOYMENTS_LOOKED_AT } from "../rest/deployments.js";
import { DECISION_CHECK } from "../surfaces.js";
import { gatherEvidence, type EvidencePorts, type EvidenceSubject } from "./evidence.js";

export type DeployedPorts = EvidencePorts &
  Pick<GitHubGateway, "repository" | "deploymentsTo" | "deploymentStatuses" | "findOwnCheckRun">;

export interface DeployedOptions {
  /**
   * Count a deployment only when the gate itself approved its commit: the reader's own app (the
   * App) left a successful decision check run there. GitHub Actions' deployments can be made by
   * any workflow with `deployments: write`, a PR's own included; the App's check runs only by it.
   */
  releasedByGate?: boolean;
}

/** The login GitHub gives a workflow job's deployments and their statuses. */
export const ACTIONS_LOGIN = "github-actions[bot]";

/** Deployments whose statuses are read before giving up on finding a live one. */
const STATUS_READS = 20;

const byActions = (login: string) => login.toLowerCase() === ACTIONS_LOGIN;

/** The deployment's evidence: a push run on the default branch, else a run of a PR from its ref into it. */
async function deployedEvidence(
  ports: DeployedPorts,
  deployment: DeploymentFacts,
  config: Config,
  defaultBranch: string,
): Promise<{ evidence: Evidence; subject: EvidenceSubject }> {
  const repository = ports.repository;
  const onBranch: EvidenceSubject = { kind: "commit", repository, commit: deployment.sha, defaultBranch };
  const first = await gatherEvidence(ports, onBranch, config, []);
  if (first.evidence.kind === "present" || !deployment.ref)
    return { evidence: first.evidence, subject: onBranch };
  const owner = repository.split("/")[0] ?? "";
  const branch = deployment.ref.replace(/^refs\/heads\//, "");
  const prs = await reading(`the pull requests from ${owner}:${branch}`, () =>
    ports.pullRequestsFromHead(owner, branch),
  );
  for (const pr of prs.filter((p) => p.baseRef === defaultBranch).slice(0, 3)) {
    const subject: EvidenceSubject = {
      kind: "pull_request",
      repository,
      commit: deployment.sha,
      number: pr.number,
      headRef: branch,
      headRepository: repository,
      defaultBranch,
    };
    const gathered = await gatherEvidence(ports, subject, config, []);
    if (gathered.evidence.kind === "present") return { evidence: gathered.evidence, subject };
  }
  return { evidence: first.evidence, subject: onBranch };
}

/** What is live in `environment`, with the metrics trusted evidence recorded for it. */
export async function deployedBaseline(
  ports: DeployedPorts,
  environment: string,
  config: Config,
  defaultBranch: string,
  options: DeployedOptions = {},
): Promise<DeployedBaseline> {
  const deployments = await reading(`the deployments to ${environment}`, () =>
    ports.deploymentsTo(environment),
  );
  const skipped: string[] = [];
  let reads = 0;
  let unapproved = 0;
  for (const deployment of deployments) {
    if (deployment.environment && deployment.environment !== environment) continue;
    if (!byActions(deployment.creator)) {
      skipped.push(
        `deployment ${deployment.id} was created by ${deployment.creator || "a deleted account"}, not GitHub Actions`,
      );
      continue;
    }
    if (reads++ >= STATUS_READS) break;
    const statuses = await reading(`the statuses of deployment ${deployment.id}`, () =>
      ports.deploymentStatuses(deployment.id),
    );
    // Newest first; a status someone else set says nothing about what GitHub Actions deployed.
    const latest = statuses.find((s) => byActions(s.creator));
    if (latest?.state !== "success") continue;
    const what = `deployment ${deployment.id} of ${shortSha(deployment.sha)} to ${environment}`;
    if (options.releasedByGate) {
      const decision = await reading(`the ${DECISION_CHECK} check run of ${shortSha(deployment.sha)}`, () =>
        ports.findOwnCheckRun(deployment.sha, DECISION_CHECK),
      );
      if (decision?.conclusion !== "success") {
        unapproved++;
        skipped.push(
          `${what} was never approved by this gate (no successful ${DECISION_CHECK} check run of its own)`,
        );
        continue;
      }
    }
    const { evidence } = await deployedEvidence(ports, deployment, config, defaultBranch);
    if (evidence.kind !== "present")
      return {
        kind: "unreadable",
        environment,
        why: `${what} is live, but its metrics are not trusted evidence: ${evidence.why}`,
      };
    const run = evidence.origin.run;
    return {
      kind: "found",
      environment,
      deployment: { id: deployment.id, sha: deployment.sha, createdAt: deployment.createdAt },
      ...(run ? { run } : {}),
      metrics: evidence.measurements.metrics,
    };
  }
  const note = skipped.length > 0 ? ` (ignored: ${skipped.slice(0, 5).join("; ")})` : "";
  if (reads > STATUS_READS)
    return {
      kind: "unreadable",
      environment,
      why: `none of the ${STATUS_READS} newest deployments to ${environment} by GitHub Actions is live${note}`,
    };
  // A full page may hide older deployments (anyone with write access can create a hundred): that
  // is not "never deployed", so when_missing: pass does not apply.
  if (deployments.length >= DEPLOYMENTS_LOOKED_AT)
    return {
      kind: "unreadable",
      environment,
      why: `none of the ${deployments.length} newest deployments to ${environment} is live${note}`,
    };
  // Something was deployed, only not by the gate: that is not a first deploy either.
  if (unapproved > 0)
    return {
      kind: "unreadable",
      environment,
      why: `no live deployment to ${environment} is of a commit this gate approved${note}`,
    };
  return { kind: "none", environment, why: `no successful deployment to ${environment} yet${note}` };
}

/** The live baseline of every environment the config's deployed baselines name. */
export async function deployedBaselines(
  ports: DeployedPorts,
  config: Config,
  defaultBranch: string,
  /** Why deployments are not read at all, if they are not. */
  unread?: string,
  options: DeployedOptions = {},
): Promise<Record<string, DeployedBaseline> | undefined> {
  const environments = [...new Set(config.deployedBaseline.map((spec) => spec.environment))];
  if (environments.length === 0) return undefined;
  if (unread !== undefined)
    return Object.fromEntries(
      environments.map((environment) => [
        environment,
        { kind: "unreadable", environment, why: `what is deployed to ${environment} is not read: ${unread}` },
      ]),
    );
  const entries = await Promise.all(
    environments.map(
      async (env) => [env, await deployedBaseline(ports, env, config, defaultBranch, options)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** For the report's notes: what each deployed baseline compares with, or why it has nothing. */
export function deployedNotes(config: Config, live: Record<string, DeployedBaseline> | undefined): string[] {
  if (!live) return [];
  return config.deployedBaseline.flatMap((spec) => {
    const found = live[spec.environment];
    if (!found) return [];
    const which = spec.name !== undefined ? `baseline ${spec.name}` : "the baseline";
    if (found.kind === "found") {
      const run = found.run
        ? `, recorded by training run ${found.run.id} (attempt ${found.run.attempt})`
        : "";
      return [
        `${which} is what is live in ${spec.environment}: deployment ${found.deployment.id} of ${shortSha(found.deployment.sha)}${run}`,
      ];
    }
    const then =
      found.kind === "none" && spec.whenMissing === "pass"
        ? "when_missing: pass lets its change checks pass"
        : found.kind === "none"
          ? "its change checks fail (when_missing: fail)"
          : "its change checks fail";
    return [`${which}: ${found.why}; ${then}`];
  });
}
