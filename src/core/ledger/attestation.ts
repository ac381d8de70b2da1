// A decision as an in-toto Statement (https://in-toto.io/Statement/v1), for the Action alone: its
// subjects are the model's artifact files by sha256, its predicate the same entry the App's ledger
// records (docs/attestation.md). GitHub's actions/attest signs it and the attestations API keeps
// it, indexed by each subject's digest: that is the history when there is no App.
import type { LedgerEntry } from "./entry.js";
import { LEDGER_FORMAT } from "./chain.js";

export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
/** The predicate's type; its major version changes only with an incompatible predicate. */
export const DECISION_PREDICATE_TYPE =
  "https://github.com/model-approval/model-approval/blob/main/docs/attestation.md#decision-v1";

export interface DecisionPredicate extends LedgerEntry {
  /** The ledger's entry format, as the App's records carry it. */
  format: typeof LEDGER_FORMAT;
}

export interface DecisionStatement {
  _type: typeof STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof DECISION_PREDICATE_TYPE;
  predicate: DecisionPredicate;
}

/** undefined when no model artifact is known by its digest: there is nothing to attach it to. */
export function decisionStatement(entry: LedgerEntry): DecisionStatement | undefined {
  const artifacts = entry.candidate.model?.artifacts ?? [];
  if (artifacts.length === 0) return undefined;
  return {
    _type: STATEMENT_TYPE,
    subject: artifacts.map((a) => ({ name: a.path, digest: { sha256: a.sha256.toLowerCase() } })),
    predicateType: DECISION_PREDICATE_TYPE,
    predicate: { format: LEDGER_FORMAT, ...entry },
  };
}

/** The subjects as `sha256sum` prints them: what actions/attest's `subject-checksums` reads. */
export function subjectChecksums(statement: DecisionStatement): string {
  return statement.subject.map((s) => `${s.digest.sha256}  ${s.name}\n`).join("");
}

/** A statement read back (from an attestation's payload): the predicate when it is ours, else why not. */
export function readDecisionStatement(
  value: unknown,
): { ok: true; predicate: DecisionPredicate; subjects: string[] } | { ok: false; why: string } {
  const statement = value as Partial<DecisionStatement> | null;
  if (typeof statement !== "object" || statement === null) return { ok: false, why: "not a JSON object" };
  if (statement._type !== STATEMENT_TYPE)
    return { ok: false, why: `not an in-toto Statement v1 (_type ${String(statement._type)})` };
  if (statement.predicateType !== DECISION_PREDICATE_TYPE)
    return { ok: false, why: `another predicate type (${String(statement.predicateType)})` };
  const predicate = statement.predicate as Partial<DecisionPredicate> | undefined;
  if (
    typeof predicate !== "object" ||
    predicate === null ||
    predicate.format !== LEDGER_FORMAT ||
    typeof predicate.repository !== "string" ||
    typeof predicate.at !== "string" ||
    typeof predicate.decision !== "string" ||
    typeof predicate.candidate?.commit !== "string" ||
    !Array.isArray(predicate.approvers)
  )
    return { ok: false, why: "its predicate is not a model-approval decision of format 1" };
  const subjects = (Array.isArray(statement.subject) ? statement.subject : []).flatMap((s: unknown) => {
    const digest = (s as { digest?: { sha256?: unknown } } | null)?.digest?.sha256;
    return typeof digest === "string" ? [`sha256:${digest.toLowerCase()}`] : [];
  });
  return { ok: true, predicate: predicate as DecisionPredicate, subjects };
}
