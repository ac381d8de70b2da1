// Sends what the ledger recorded to the destinations the trusted config names. A transition is put
// in the outbox (in the ledger's database) when its record is appended — by the one instance that
// appended it — and sent at once in the background; a failed send is retried by the sweep with
// growing pauses, then given up on, and every outcome stays in the outbox for the logs and the
// details page. A notification never changes a decision: nothing here is awaited by a decision.
import type { LedgerRecord } from "../core/ledger/chain.js";
import type { NotifyRule } from "../core/config/types.js";
import type { Notification } from "../core/notify/event.js";
import { recordNotification, transitionEvent, type NotificationLinks } from "../core/notify/transition.js";
import { deliver, type DeliveryOptions } from "../notify/deliver.js";
import { resolveDestinations } from "../notify/destinations.js";
import type { OutboxRow, SqlOutbox } from "../ledger/outbox.js";
import { describeError } from "../github/errors.js";

/** Pauses before each later round of sends; after the last, the notification is given up on. */
export const RETRY_PAUSES_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000];
/** How long one instance holds a claimed notification before another may take it. */
const CLAIM_MS = 2 * 60_000;

interface Payload {
  type: NotifyRule["type"];
  notification: Notification;
}

export interface NotifierOptions {
  outbox: SqlOutbox;
  /** Where the destinations' URLs and secrets are: the App's environment. */
  env: Record<string, string | undefined>;
  now: () => Date;
  warn: (line: string) => void;
  /** Which instance this is, for claims. */
  holder: string;
  delivery?: DeliveryOptions;
}

export class Notifier {
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly options: NotifierOptions) {}

  /** Queues the record's notification for each rule that wants it, and starts sending. */
  async recorded(record: LedgerRecord, rules: NotifyRule[], needed: string[], links: NotificationLinks) {
    const event = transitionEvent(record.entry);
    const repositoryId = record.entry.repositoryId;
    if (!event || repositoryId === undefined) return;
    const wanted = rules.filter((rule) => rule.on.includes(event));
    if (wanted.length === 0) return;
    const notification = recordNotification(record, event, needed, links);
    const now = this.options.now();
    await this.options.outbox.enqueue(
      wanted.map((rule) => ({
        repositoryId,
        recordSequence: record.sequence,
        destination: rule.to,
        ...(record.entry.candidate.pr === undefined ? {} : { pr: record.entry.candidate.pr }),
        event,
        deliveryId: notification.id,
        payload: JSON.stringify({ type: rule.type, notification } satisfies Payload),
      })),
      now,
    );
    this.track(this.sendClaimed({ repositoryId, recordSequence: record.sequence }));
  }

  /** Sends every notification that is due (the sweep's part); how many were sent. */
  async sendDue(limit = 100): Promise<number> {
    return this.sendClaimed(undefined, limit);
  }

  /** Resolves when every send started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(
      () => undefined,
      (error) => this.options.warn(`model-approval: notifications: ${describeError(error)}`),
    );
    this.inflight.add(done);
    void done.finally(() => this.inflight.delete(done));
  }

  private async sendClaimed(
    only: { repositoryId: number; recordSequence: number } | undefined,
    limit = 20,
  ): Promise<number> {
    const { outbox, holder } = this.options;
    const rows = await outbox.claim(holder, this.options.now(), CLAIM_MS, limit, only);
    const sent = await Promise.all(rows.map((row) => this.send(row)));
    return sent.filter(Boolean).length;
  }

  private async send(row: OutboxRow): Promise<boolean> {
    const { outbox, env, warn } = this.options;
    const key = {
      repositoryId: row.repositoryId,
      recordSequence: row.recordSequence,
      destination: row.destination,
    };
    const attempts = row.attempts + 1;
    const payload = JSON.parse(row.payload) as Payload;
    const label = `notification ${row.event} of ${payload.notification.repository}${row.pr === undefined ? "" : `#${row.pr}`} to ${row.destination}`;
    // URLs and secrets are read at send time and never stored: the outbox holds only names.
    // Any repository the App is installed on could name any destination: each says which may.
    const { destinations, problems } = resolveDestinations(
      [{ name: row.destination, type: payload.type }],
      env,
      { repository: payload.notification.repository, required: true },
    );
    const destination = destinations[0];
    if (!destination) {
      const error = problems.join("; ") || `destination ${row.destination} is not configured`;
      warn(`model-approval: ${label} not sent: ${error}`);
      await outbox.failed(key, { attempts, error }, this.options.now());
      return false;
    }
    const result = await deliver(destination, payload.notification, {
      attempts: 3,
      maxDelayMs: 5_000,
      ...this.options.delivery,
    });
    const now = this.options.now();
    if (result.ok) {
      await outbox.delivered(key, attempts, now);
      return true;
    }
    const pause = result.retryable ? RETRY_PAUSES_MS[attempts - 1] : undefined;
    const error = result.error ?? "not delivered";
    warn(
      `model-approval: ${label} failed (round ${attempts}): ${error}${pause === undefined ? "; given up" : `; retried after ${pause / 60_000} min`}`,
    );
    await outbox.failed(
      key,
      { attempts, error, ...(pause === undefined ? {} : { nextAttemptAt: new Date(now.getTime() + pause) }) },
      now,
    );
    return false;
  }
}
