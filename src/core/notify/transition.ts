// Which notification a new ledger record is. The ledger appends a record only when a state changes
// (and only one instance appends it), so a record is exactly one transition to announce, once.
import type { LedgerRecord } from "../ledger/chain.js";
import type { LedgerEntry } from "../ledger/entry.js";
import type { Notification, NotificationEventName } from "./event.js";

export function transitionEvent(entry: LedgerEntry): NotificationEventName | undefined {
  if (entry.kind === "deploy") return entry.deploy?.answer === "approved" ? "deployed" : undefined;
  switch (entry.decision) {
    case "approved":
      return entry.override ? "overridden" : "approved";
    case "rejected":
      return entry.timing?.phase === "timed_out" ? "timed_out" : "rejected";
    case "pending":
      // Overdue (on_timeout: wait) is a timeout that changes nothing but the news.
      if (entry.timing?.phase === "overdue") return "timed_out";
      return entry.timing?.phase === "escalated" ? "escalated" : "pending";
    default:
      // "Cannot decide" is the App's trouble or the config's, told on the PR, not an approval's news.
      return undefined;
  }
}

export interface NotificationLinks {
  /** The App's details page of the PR. */
  detailsUrl?: string;
  /** The GitHub server's web address (https://github.com). */
  serverUrl?: string;
}

/** The App's notification of a ledger record: the record's place in its chain names the transition. */
export function recordNotification(
  record: LedgerRecord,
  event: NotificationEventName,
  needed: string[],
  links: NotificationLinks,
): Notification {
  const id = `ma_${record.entry.repositoryId ?? record.entry.repository}_${record.sequence}`;
  return notificationOf(record.entry, id, event, needed, links, {
    sequence: record.sequence,
    hash: record.hash,
  });
}

/**
 * The notification of an entry; `id` names the transition (the same on every retry and instance),
 * `needed` is who the decision still waits for (its pendingApprovers).
 */
export function notificationOf(
  entry: LedgerEntry,
  id: string,
  event: NotificationEventName,
  needed: string[],
  links: NotificationLinks,
  ledger?: { sequence: number; hash: string },
): Notification {
  const { candidate } = entry;
  const pr = candidate.pr;
  const model = candidate.model
    ? {
        ...(candidate.model.name ? { name: candidate.model.name } : {}),
        ...(candidate.model.key ? { key: candidate.model.key } : {}),
      }
    : undefined;
  return {
    event,
    id,
    repository: entry.repository,
    ...(pr === undefined ? {} : { pr }),
    commit: candidate.commit,
    ...(model && Object.keys(model).length > 0 ? { model } : {}),
    decision: entry.decision,
    summary: entry.summary,
    ...((event === "pending" || event === "escalated") && needed.length > 0 ? { needed } : {}),
    ...(entry.override ? { override: { by: entry.override.by, reason: entry.override.reason } } : {}),
    ...(entry.deploy ? { environment: entry.deploy.environment } : {}),
    ...(entry.timing?.deadline ? { deadline: entry.timing.deadline } : {}),
    ...(links.detailsUrl ? { detailsUrl: links.detailsUrl } : {}),
    ...(links.serverUrl && pr !== undefined
      ? { prUrl: `${links.serverUrl.replace(/\/+$/, "")}/${entry.repository}/pull/${pr}` }
      : {}),
    at: entry.at,
    ...(ledger ? { ledger } : {}),
  };
}
