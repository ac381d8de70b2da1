// What the App writes to the ledger: a decision when it changes, a deploy answer before it is sent.
// The ledger is evidence for auditors, so nothing shows an approval or releases a deploy job
// without its record: a decision is recorded before it is published (an approval that cannot be
// recorded is shown as "cannot decide"), and a deploy answer before it is sent (a release that
// cannot be recorded keeps the job waiting; a rejection is still sent). A ledger that does not
// answer in time counts as one that failed: the App never waits on it indefinitely.
import type { LedgerRecord } from "../core/ledger/chain.js";
import { decisionDraft, deployDraft, type LedgerDeploy } from "../core/ledger/entry.js";
import type { DecisionResult } from "../core/policy/types.js";
import { renderJsonReport } from "../core/report/index.js";
import { describeError } from "../github/errors.js";
import type { AppServices } from "./reconcile.js";
import { reportHash, type Appended } from "../ledger/store.js";
import type { NotifyRule } from "../core/config/types.js";
import type { NotificationLinks } from "../core/notify/transition.js";

export interface RecordSubject {
  repository: string;
  repositoryId?: number;
  commit: string;
  /** Whom a new record is announced to (the trusted config's rules), with the page it links. */
  announce?: { rules: NotifyRule[]; links: NotificationLinks };
}

/** A new record is a transition: it is announced (in the background; a failure changes nothing). */
async function announce(
  services: AppServices,
  appended: Appended,
  result: DecisionResult,
  subject: RecordSubject,
) {
  const notifier = services.notifier;
  if (!notifier || !subject.announce || appended.status !== "appended") return;
  try {
    await notifier.recorded(
      appended.record,
      subject.announce.rules,
      result.pendingApprovers,
      subject.announce.links,
    );
  } catch (error) {
    services.warn?.(
      `model-approval: could not queue the notifications of record ${appended.record.sequence}: ${describeError(error)}`,
    );
  }
}

/** How long one write to the ledger may take before it counts as failed. */
export const LEDGER_DEADLINE_MS = 20_000;

export type Recorded = { ok: true; record?: LedgerRecord } | { ok: false; why: string };

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the ledger did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The most of a report the details page keeps; past it, the every-number table is left out. */
const PAGE_REPORT_CHARS = 2 * 1024 * 1024;

function pageReport(result: DecisionResult): string {
  const whole = renderJsonReport(result);
  return whole.length <= PAGE_REPORT_CHARS ? whole : renderJsonReport({ ...result, allMetrics: [] });
}

export async function recordDecision(
  services: AppServices,
  result: DecisionResult,
  subject: RecordSubject,
): Promise<Recorded> {
  const ledger = services.ledger;
  if (!ledger) return { ok: true };
  const deadline = services.ledgerDeadlineMs ?? LEDGER_DEADLINE_MS;
  try {
    const at = (services.now ?? now)();
    const draft = decisionDraft(result, { ...subject, at });
    const pr = draft.entry.candidate.pr;
    // The details page's report, kept for a PR's decision.
    const page =
      pr !== undefined && subject.repositoryId !== undefined
        ? { repositoryId: subject.repositoryId, pr, report: pageReport(result) }
        : undefined;
    // Most events change nothing: one read says so, and nothing is written or announced.
    if (page && ledger.unchanged) {
      const same = await within(
        deadline,
        ledger.unchanged(draft, { pr: page.pr, hash: reportHash(page.report) }),
      );
      if (same) return { ok: true, record: same };
    }
    const appended = await within(deadline, ledger.append(draft));
    const record = appended.record;
    await announce(services, appended, result, subject);
    if (page)
      await within(
        deadline,
        ledger.saveReport({
          ...page,
          commit: subject.commit,
          sequence: record.sequence,
          at,
          ...deadlineOf(result, at),
        }),
      );
    return { ok: true, record };
  } catch (error) {
    return { ok: false, why: `could not record the decision in the ledger: ${describeError(error)}` };
  }
}

/** How long a decision that GitHub's answers kept from being made waits for the sweep to try again. */
export const RETRY_READ_MS = 60 * 60_000;

/**
 * When the sweep should decide the PR again: its approval's next deadline, or, when reading GitHub
 * failed (the decision could not be made), in an hour, so a failed sweep does not lose the timeout.
 */
function deadlineOf(result: DecisionResult, at: Date): { deadline?: Date } {
  if (result.timing?.deadline) return { deadline: new Date(result.timing.deadline) };
  if (result.failure?.code === "read_failed") return { deadline: new Date(at.getTime() + RETRY_READ_MS) };
  return {};
}

/** undefined when recorded (or unchanged, or there is no ledger); otherwise why not. */
export async function recordDeploy(
  services: AppServices,
  result: DecisionResult,
  deploy: LedgerDeploy,
  subject: RecordSubject & { summary: string },
): Promise<string | undefined> {
  const ledger = services.ledger;
  if (!ledger) return undefined;
  try {
    const draft = deployDraft(result, deploy, { ...subject, at: (services.now ?? now)() });
    const appended = await within(services.ledgerDeadlineMs ?? LEDGER_DEADLINE_MS, ledger.append(draft));
    await announce(services, appended, result, subject);
    return undefined;
  } catch (error) {
    return `could not record the ${deploy.environment} deploy answer in the ledger: ${describeError(error)}`;
  }
}

function now(): Date {
  return new Date();
}
