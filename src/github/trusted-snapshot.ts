// The metrics the training run's Action recorded in its check run: what the App and
// review-triggered Action runs decide from, having no files of their own. Only GitHub Actions' own
// check run on the head commit is believed; anyone with checks:write (another app) could otherwise
// forge a passing set of metrics.
import type { GitHubGateway } from "./gateway.js";
import { decodeSnapshot } from "../core/report/snapshot.js";
import { reading } from "./errors.js";
import { ACTIONS_APP_SLUG, METRICS_CHECK } from "./surfaces.js";

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
