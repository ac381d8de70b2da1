// Every name model-approval shows on GitHub or reads from a repository, defined once: the Action,
// the App, the CLI and the reports all import them from here.

/** Where the rules live. The App reads only this path; the Action's `config` input defaults to it. */
export const CONFIG_PATH = ".github/model-approval.yml";
/** Both spellings of the config's file name guard the rules against a PR that edits them. */
export const CONFIG_PATH_PATTERN = ".github/model-approval.{yml,yaml}";
/** Where GitHub Actions reads workflows: a PR that touches them may change what runs the gate. */
export const WORKFLOWS_DIR = ".github/workflows";

/** The automatic part, with the full report (a display: never read back as evidence). */
export const METRICS_CHECK = "model-approval/metrics";
/** The final decision on a PR's head: the check to require in branch protection. */
export const DECISION_CHECK = "model-approval";

/** The app GitHub Actions' own token acts as. */
export const ACTIONS_APP_SLUG = "github-actions";

/** Every state label starts with this; exactly one of them is on a PR at a time. */
export const STATE_LABEL_PREFIX = "model-approval: ";
export const LABEL_STATES = ["approved", "auto-approved", "overridden", "pending", "rejected"] as const;
export type LabelState = (typeof LABEL_STATES)[number];

/**
 * The metrics and model digest the training run recorded, as an artifact of that workflow run.
 * GitHub binds an artifact to the run that uploaded it, so it says which run measured what; a
 * check run carries no such binding (GitHub attaches API-created check runs to a suite it picks).
 * One per attempt, because artifact names are unique within a run and re-runs keep the old ones.
 */
export const SNAPSHOT_ARTIFACT_PREFIX = "model-approval-snapshot-";
/** The file inside the artifact's zip. */
export const SNAPSHOT_FILE = "model-approval-snapshot.json";

export function snapshotArtifactName(attempt: number): string {
  return `${SNAPSHOT_ARTIFACT_PREFIX}${attempt}`;
}

/** The attempt a snapshot artifact belongs to, or undefined for any other artifact. */
export function snapshotArtifactAttempt(name: string): number | undefined {
  if (!name.startsWith(SNAPSHOT_ARTIFACT_PREFIX)) return undefined;
  const rest = name.slice(SNAPSHOT_ARTIFACT_PREFIX.length);
  return /^[1-9]\d{0,5}$/.test(rest) ? Number(rest) : undefined;
}

/** owner/name as GitHub allows them (an owner of 1–39 characters, a name of 1–100), as a regex source. */
export const REPOSITORY_NAME_SOURCE = "[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}";
