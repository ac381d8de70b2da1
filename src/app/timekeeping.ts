// What the App does without an event, wired once for the server, Lambda and the local server: the
// notifier that sends what the ledger records, and the sweep that decides PRs again at their
// deadlines and retries notifications. Both need the ledger's database; without it there is none.
import { randomUUID } from "node:crypto";
import { parseDuration } from "../core/config/duration.js";
import type { DuePullRequest, Ledger } from "../ledger/store.js";
import { Notifier } from "./notifier.js";
import { SWEEP_INTERVAL_MS, startSweeps, sweepOnce, type SweepReport } from "./sweep.js";
import type { DeliveryOptions } from "../notify/deliver.js";

export interface Timekeeping {
  notifier?: Notifier;
  /** Give this to the App (AppOptions.onRedecide). */
  onRedecide: (redecide: (due: DuePullRequest) => Promise<void>) => void;
  /** One sweep now (Lambda's scheduled handler, tests). */
  sweep(): Promise<SweepReport>;
  /** Sweeps every interval (the server). */
  start(): { stop: () => void };
  intervalMs: number;
}

/** SWEEP_INTERVAL as a duration ("5m", "1h"); the default when unset; an error text when invalid. */
export function sweepInterval(env: Record<string, string | undefined>): number | string {
  const text = env.SWEEP_INTERVAL?.trim();
  if (!text) return SWEEP_INTERVAL_MS;
  const ms = parseDuration(text);
  if (ms === undefined || ms < 60_000)
    return `SWEEP_INTERVAL=${text} is not a duration of at least a minute (e.g. 5m, 1h)`;
  return ms;
}

export function timekeeping(options: {
  ledger?: Ledger;
  env: Record<string, string | undefined>;
  now?: () => Date;
  warn: (line: string) => void;
  intervalMs?: number;
  delivery?: DeliveryOptions;
}): Timekeeping {
  const now = options.now ?? (() => new Date());
  const holder = `instance-${randomUUID()}`;
  const { ledger } = options;
  const notifier =
    ledger?.outbox &&
    new Notifier({
      outbox: ledger.outbox,
      env: options.env,
      now,
      warn: options.warn,
      holder,
      ...(options.delivery ? { delivery: options.delivery } : {}),
    });
  let redecide: ((due: DuePullRequest) => Promise<void>) | undefined;
  const interval = options.intervalMs ?? SWEEP_INTERVAL_MS;
  const deps = () => {
    if (!ledger || !redecide) throw new Error("the sweep needs the ledger and a loaded App");
    return {
      ledger,
      now,
      redecide,
      warn: options.warn,
      holder,
      intervalMs: interval,
      ...(notifier ? { notifier } : {}),
    };
  };
  return {
    ...(notifier ? { notifier } : {}),
    onRedecide: (given) => (redecide = given),
    sweep: () => sweepOnce(deps()),
    start: () => startSweeps(deps()),
    intervalMs: interval,
  };
}
