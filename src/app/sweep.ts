// Time needs a trigger: the App is event-driven, and a timeout passes with no event. A periodic
// sweep decides again every PR whose pending approval reached a deadline (the ledger keeps each
// PR's next one) and sends the notifications that are due. Several instances share the ledger's
// database, so a lease there lets one sweep at a time; a sweep that dies holding it is replaced
// when the lease runs out. The clock is injected: tests move time instead of waiting.
import { randomUUID } from "node:crypto";
import { describeError } from "../github/errors.js";
import type { DuePullRequest, Ledger } from "../ledger/store.js";
import type { Notifier } from "./notifier.js";

/** The default time between sweeps (SWEEP_INTERVAL overrides it). */
export const SWEEP_INTERVAL_MS = 5 * 60_000;
/** At most this many PRs are decided again in one sweep; the rest wait for the next. */
export const SWEEP_LIMIT = 100;
/** A PR the sweep could not move on is tried again after this long. */
export const SWEEP_RETRY_MS = 60 * 60_000;
const LEASE = "sweep";

export interface SweepDeps {
  ledger: Ledger;
  now: () => Date;
  /** Decides one PR again, as an event about it would. */
  redecide: (due: DuePullRequest) => Promise<void>;
  notifier?: Notifier;
  warn: (line: string) => void;
  /** Which instance this is. */
  holder?: string;
  intervalMs?: number;
  limit?: number;
}

export interface SweepReport {
  /** false: another instance holds the lease, and this one did nothing. */
  leased: boolean;
  decided: number;
  failed: number;
  sent: number;
}

export async function sweepOnce(deps: SweepDeps): Promise<SweepReport> {
  const holder = deps.holder ?? `sweep-${randomUUID()}`;
  const interval = deps.intervalMs ?? SWEEP_INTERVAL_MS;
  const { ledger } = deps;
  if (!ledger.leases || !ledger.due) return { leased: false, decided: 0, failed: 0, sent: 0 };
  // The lease outlives one sweep's interval, so a slow sweep is not joined by a second one.
  if (!(await ledger.leases.acquire(LEASE, holder, 2 * interval, deps.now())))
    return { leased: false, decided: 0, failed: 0, sent: 0 };
  let decided = 0;
  let failed = 0;
  for (const due of await ledger.due(deps.now(), deps.limit ?? SWEEP_LIMIT)) {
    try {
      await deps.redecide(due);
      decided++;
    } catch (error) {
      failed++;
      deps.warn(
        `model-approval: sweep: ${due.repository}#${due.pr} not decided again: ${describeError(error)}`,
      );
    }
    // Decided again, its report has its next deadline (or none); if it still has this one (the
    // decision could not be made or recorded), it waits an hour rather than hold up the others.
    const now = deps.now();
    if (await ledger.postpone?.(due.repositoryId, due.pr, now, new Date(now.getTime() + SWEEP_RETRY_MS)))
      deps.warn(
        `model-approval: sweep: ${due.repository}#${due.pr} is still past its deadline; tried again in an hour`,
      );
  }
  const sent = deps.notifier ? await deps.notifier.sendDue() : 0;
  return { leased: true, decided, failed, sent };
}

/** Sweeps every interval until stopped; each instance gives itself one holder name. */
export function startSweeps(deps: SweepDeps): { stop: () => void } {
  const holder = deps.holder ?? `sweep-${randomUUID()}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepOnce({ ...deps, holder })
      .catch((error) => deps.warn(`model-approval: sweep failed: ${describeError(error)}`))
      .finally(() => (running = false));
  }, deps.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
