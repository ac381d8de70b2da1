// Webhook deliveries as GitHub makes them: one POST per event to the App's webhook URL, the exact
// body signed with X-Hub-Signature-256 (HMAC-SHA256 with the webhook secret), a fresh
// X-GitHub-Delivery id and the X-GitHub-Event name. Deliveries go out one at a time, in order;
// a failed one is recorded and not retried (GitHub leaves redelivery to a person).
import { createHmac, randomUUID } from "node:crypto";
import type { Webhook } from "./payloads.js";

export interface WebhookTarget {
  url: string;
  secret: string;
  appId: number;
}

export interface Delivery {
  id: string;
  /** "pull_request_review.submitted" */
  name: string;
  /** The App's HTTP status; 0 when it could not be reached. */
  status: number;
  error?: string;
}

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export class WebhookDeliverer {
  readonly deliveries: Delivery[] = [];
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly sent = new Map<string, Webhook>();

  constructor(
    private readonly target: () => WebhookTarget | undefined,
    private readonly onDelivery?: (delivery: Delivery, webhook: Webhook) => void,
  ) {}

  /** Queues `webhook` for delivery after those already queued. */
  enqueue(webhook: Webhook): void {
    this.queued++;
    this.queue = this.queue
      .then(() => this.send(webhook))
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.queued--);
  }

  /** Resolves once every queued delivery (and any it caused) has been made. */
  async idle(): Promise<void> {
    while (this.queued > 0) await this.queue;
  }

  /** Sends an earlier delivery again, with its delivery id, as GitHub's "Redeliver" does. */
  redeliver(id: string): Promise<Delivery> {
    const webhook = this.sent.get(id);
    if (!webhook) throw new Error(`no delivery ${id}`);
    return this.send(webhook, { id });
  }

  /**
   * Sends an earlier delivery's event again now, as a delivery of its own (a new id): what
   * GitHub does when the same thing happens twice, for load tests of the App.
   */
  resend(id: string): Promise<Delivery> {
    const webhook = this.sent.get(id);
    if (!webhook) throw new Error(`no delivery ${id}`);
    return this.send(webhook);
  }

  /**
   * Delivers now, outside the queue. `sign` replaces the signature header's value (a forged or
   * broken signature); null leaves the header out.
   */
  async send(webhook: Webhook, options: { sign?: string | null; id?: string } = {}): Promise<Delivery> {
    const target = this.target();
    const action = typeof webhook.payload.action === "string" ? `.${webhook.payload.action}` : "";
    const delivery: Delivery = {
      id: options.id ?? randomUUID(),
      name: `${webhook.event}${action}`,
      status: 0,
    };
    this.deliveries.push(delivery);
    this.sent.set(delivery.id, webhook);
    if (!target) {
      delivery.error = "no App is registered to receive webhooks";
      this.onDelivery?.(delivery, webhook);
      return delivery;
    }
    const body = JSON.stringify(webhook.payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/local",
      "x-github-event": webhook.event,
      "x-github-delivery": delivery.id,
      "x-github-hook-installation-target-type": "integration",
      "x-github-hook-installation-target-id": String(target.appId),
    };
    const signed = options.sign === undefined ? signature(body, target.secret) : options.sign;
    if (signed !== null) headers["x-hub-signature-256"] = signed;
    try {
      const response = await fetch(target.url, { method: "POST", headers, body });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch (error) {
      delivery.error =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    }
    this.onDelivery?.(delivery, webhook);
    return delivery;
  }
}
