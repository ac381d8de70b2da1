// On a review-triggered run nothing was trained: the metrics come from the check run the
// training run published. Only GitHub Actions' own check run on the head commit is believed;
// anyone with checks:write (another app) could otherwise forge a passing set of metrics.
import type { GitHubGateway } from "../github/gateway.js";
import { decodeSnapshot } from "../core/report/snapshot.js";
import { reading } from "./errors.js";

export const METRICS_CHECK = "model-approval/metrics";
export const ACTIONS_APP_SLUG = "github-actions";

export type Snapshot = Extract<ReturnType<typeof decodeSnapshot>, { ok: true }>["snapshot"];

export type SnapshotLookup = { found: true; snapshot: Snapshot } | { found: false; why: string };

export async function readTrustedSnapshot(
  gateway: Pick<GitHubGateway, "findCheckRun">,
  headSha: string,
): Promise<SnapshotLookup> {
  const run = await reading(`the ${METRICS_CHECK} check run of ${headSha}`, () =>
    gateway.findCheckRun(headSha, METRICS_CHECK),
  );
  if (!run) return { found: false, why: `no ${METRICS_CHECK} check run on ${headSha}` };
  const slug = run.app?.slug;
  if (slug !== ACTIONS_APP_SLUG || run.head_sha !== headSha) {
    return {
      found: false,
      why: `the ${METRICS_CHECK} check run on ${headSha} was created by '${slug ?? "unknown"}', not GitHub Actions: ignored`,
    };
  }
  const decoded = decodeSnapshot(run.output?.text ?? "");
  if (!decoded.ok)
    return {
      found: false,
      why: `the ${METRICS_CHECK} check run on ${headSha} carries no readable metrics: ${decoded.error}`,
    };
  return { found: true, snapshot: decoded.snapshot };
}
