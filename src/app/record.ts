// What the App writes to the ledger: a decision when it changes, a deploy answer before it is sent.
// The ledger is evidence for auditors, so a deploy job is never released without its record: when
// the record cannot be written the job keeps waiting (a rejection is still sent; failing closed).
import { decisionDraft, deployDraft, type LedgerDeploy } from "../core/ledger/entry.js";
import type { DecisionResult } from "../core/policy/types.js";
import { describeError } from "../github/errors.js";
import type { AppServices } from "./reconcile.js";

export interface RecordSubject {
  repository: string;
  commit: string;
}

/** undefined when recorded (or unchanged, or there is no ledger); otherwise why not. */
export async function recordDecision(
  services: AppServices,
  result: DecisionResult,
  subject: RecordSubject,
): Promise<string | undefined> {
  if (!services.ledger) return undefined;
  try {
    await services.ledger.append(decisionDraft(result, { ...subject, at: (services.now ?? now)() }));
    return undefined;
  } catch (error) {
    return `could not record the decision in the ledger: ${describeError(error)}`;
  }
}

export async function recordDeploy(
  services: AppServices,
  result: DecisionResult,
  deploy: LedgerDeploy,
  subject: RecordSubject & { summary: string },
): Promise<string | undefined> {
  if (!services.ledger) return undefined;
  try {
    await services.ledger.append(deployDraft(result, deploy, { ...subject, at: (services.now ?? now)() }));
    return undefined;
  } catch (error) {
    return `could not record the ${deploy.environment} deploy answer in the ledger: ${describeError(error)}`;
  }
}

function now(): Date {
  return new Date();
}
