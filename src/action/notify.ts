// The Action's notifications, without the App: a transition is a change of the PR's state label
// (pending → approved, → overridden, → rejected, → timed out), seen by the run that makes it, and,
// in `mode: gate`, a deploy job let through. There is no ledger here, so two runs that both see one
// transition both send it — with the same delivery id, derived from the transition itself, for the
// receiver to drop the second. Escalation (no label change) is announced by the App only. A failed
// delivery is a warning in the log, never a failed step: notifications never change a decision.
import { createHash } from "node:crypto";
import type { Config } from "../core/config/types.js";
import { decisionDraft, type LedgerEntry } from "../core/ledger/entry.js";
import type { NotificationEventName } from "../core/notify/event.js";
import { notificationOf, transitionEvent } from "../core/notify/transition.js";
import { STATE_LABEL_PREFIX } from "../core/names.js";
import type { DecisionResult } from "../core/policy/types.js";
import { labelState } from "../github/surfaces.js";
import { deliver, type DeliveryOptions } from "../notify/deliver.js";
import { resolveDestinations } from "../notify/destinations.js";
import type { Runner } from "./runner.js";

export interface ActionNotifying {
  runner: Runner;
  env: Record<string, string | undefined>;
  repository: string;
  repositoryId?: number;
  serverUrl?: string;
  now: () => Date;
  delivery?: DeliveryOptions;
}

/** The state the PR's labels showed before this run, or undefined when none did. */
export function shownState(labels: readonly string[] | undefined): string | undefined {
  const prefix = STATE_LABEL_PREFIX.toLowerCase();
  return labels?.find((l) => l.toLowerCase().startsWith(prefix))?.slice(STATE_LABEL_PREFIX.length);
}

function transitionId(entry: LedgerEntry, event: NotificationEventName, extra = ""): string {
  const key = [
    entry.repositoryId ?? entry.repository,
    entry.candidate.pr ?? "",
    entry.candidate.commit,
    entry.candidate.model?.key ?? "",
    event,
    extra,
  ].join("|");
  return `ma_${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

/** The decision as the ledger would record it: what a notification is built from. */
function entryOf(how: ActionNotifying, result: DecisionResult): LedgerEntry {
  return decisionDraft(result, {
    repository: how.repository,
    ...(how.repositoryId === undefined ? {} : { repositoryId: how.repositoryId }),
    commit: result.headSha ?? "",
    at: how.now(),
  }).entry;
}

async function send(
  how: ActionNotifying,
  config: Config,
  entry: LedgerEntry,
  event: NotificationEventName,
  id: string,
  needed: string[],
): Promise<void> {
  const wanted = config.notify.filter((rule) => rule.on.includes(event));
  if (wanted.length === 0) return;
  // The step's env is this repository's own (its secrets): a scope is honoured when given.
  const { destinations, problems } = resolveDestinations(
    wanted.map((rule) => ({ name: rule.to, type: rule.type })),
    how.env,
    { repository: how.repository, required: false },
  );
  for (const problem of problems) how.runner.annotate("warning", `model-approval: ${problem}`);
  const notification = notificationOf(
    entry,
    id,
    event,
    needed,
    how.serverUrl ? { serverUrl: how.serverUrl } : {},
  );
  await Promise.all(
    destinations.map(async (destination) => {
      const result = await deliver(destination, notification, how.delivery);
      if (result.ok) how.runner.info(`model-approval: notified ${destination.name} (${event})`);
      else
        how.runner.annotate(
          "warning",
          `model-approval: notification ${event} to ${destination.name} failed: ${result.error ?? "not delivered"}`,
        );
    }),
  );
}

/** Announces the decision when it changes what the PR's label shows. */
export async function notifyDecision(
  how: ActionNotifying,
  config: Config | undefined,
  result: DecisionResult,
  before: string | undefined,
): Promise<void> {
  const after = labelState(result);
  if (!config || config.notify.length === 0 || result.pr === undefined || after === null || after === before)
    return;
  const entry = entryOf(how, result);
  const event = transitionEvent(entry);
  if (!event) return;
  await send(
    how,
    config,
    entry,
    event,
    transitionId(entry, event, entry.timing?.phase ?? ""),
    result.pendingApprovers,
  );
}

/** Announces a deploy job the gate let through. */
export async function notifyDeployed(
  how: ActionNotifying,
  config: Config | undefined,
  result: DecisionResult,
  run: { id: number; attempt: number } | undefined,
): Promise<void> {
  if (!config || config.notify.length === 0 || result.decision !== "approved") return;
  const entry: LedgerEntry = { ...entryOf(how, result), kind: "deploy" };
  await send(
    how,
    config,
    entry,
    "deployed",
    transitionId(entry, "deployed", run ? `${run.id}:${run.attempt}` : ""),
    [],
  );
}
