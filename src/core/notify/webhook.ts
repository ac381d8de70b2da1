// A notification as a generic webhook's JSON body. The text is what gets signed, so it is built one
// way only: "schema" first, then the fields in a fixed order, absent fields left out (never null),
// no whitespace. Only the fields named here are copied, so a caller's extra properties never leak.
import type { Notification } from "./event.js";

export const NOTIFICATION_SCHEMA = "model-approval.notification/v1";

export function webhookBody(n: Notification): string {
  return JSON.stringify(
    withoutAbsent({
      schema: NOTIFICATION_SCHEMA,
      id: n.id,
      event: n.event,
      at: n.at,
      repository: n.repository,
      pr: n.pr,
      commit: n.commit,
      model: n.model && withoutAbsent({ name: n.model.name, key: n.model.key }),
      decision: n.decision,
      summary: n.summary,
      needed: n.needed && [...n.needed],
      override: n.override && { by: n.override.by, reason: n.override.reason },
      environment: n.environment,
      deadline: n.deadline,
      detailsUrl: n.detailsUrl,
      prUrl: n.prUrl,
      ledger: n.ledger && { sequence: n.ledger.sequence, hash: n.ledger.hash },
    }),
  );
}

function withoutAbsent<T extends Record<string, unknown>>(fields: T): Partial<T> | undefined {
  const present = Object.entries(fields).filter(
    ([, value]) =>
      value !== undefined && value !== null && !(isObject(value) && Object.keys(value).length === 0),
  );
  return present.length === 0 ? undefined : (Object.fromEntries(present) as Partial<T>);
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
