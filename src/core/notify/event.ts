// What a notification says, shared by the Slack and webhook renderers and by whoever builds one from
// a decision. Pure types and naming: no hashing here, so the ids are the caller's to derive.

export const NOTIFICATION_EVENTS = [
  "pending",
  "approved",
  "rejected",
  "timed_out",
  "escalated",
  "overridden",
  "deployed",
] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

export const DESTINATION_TYPES = ["slack", "webhook"] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** What happened, for people and for machines. Built by the caller from a decision and its ledger record. */
export interface Notification {
  event: NotificationEventName;
  /** Stable: the same transition always has the same id, so receivers can drop repeated deliveries. */
  id: string;
  /** owner/name */
  repository: string;
  pr?: number;
  /** The full commit sha. */
  commit: string;
  /** key like "sha256:<hex>" or "metrics:<hex>" */
  model?: { name?: string; key?: string };
  decision: "approved" | "pending" | "rejected" | "error";
  /** One line; MAY contain text an attacker wrote (metric names, review text). */
  summary: string;
  /** Logins and org/team slugs still needed (pending, escalated). */
  needed?: string[];
  /** `reason` is free text written by a user. */
  override?: { by: string; reason: string };
  /** Where the model was deployed (deployed). */
  environment?: string;
  /** ISO time: when a pending approval times out or escalates. */
  deadline?: string;
  /** The App's details page of the PR. */
  detailsUrl?: string;
  /** https://github.com/owner/name/pull/N */
  prUrl?: string;
  /** ISO time of the transition. */
  at: string;
  ledger?: { sequence: number; hash: string };
}

/** The env variable names of a destination: MODEL_APPROVAL_NOTIFY_<NAME>_URL and _SECRET, NAME upper-cased with every non [A-Z0-9] as "_". */
export function destinationEnvNames(name: string): { url: string; secret: string; repos: string } {
  // Replaced before upper-casing: "ß" or "ﬁ" would otherwise become ASCII letters and two names one key.
  const key = name.replace(/[^A-Za-z0-9]/g, "_").toUpperCase();
  return {
    url: `MODEL_APPROVAL_NOTIFY_${key}_URL`,
    secret: `MODEL_APPROVAL_NOTIFY_${key}_SECRET`,
    repos: `MODEL_APPROVAL_NOTIFY_${key}_REPOS`,
  };
}
