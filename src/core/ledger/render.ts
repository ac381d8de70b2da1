// The ledger's records for people: one line each, newest first as history lists them.
import type { ChainProblem, LedgerRecord } from "./chain.js";
import type { LedgerEntry } from "./entry.js";
import { shortKey } from "../candidate/model-key.js";

export function describeEntry(entry: LedgerEntry): string {
  const { candidate } = entry;
  const what = entry.deploy
    ? `deploy to ${entry.deploy.environment} (run ${entry.deploy.run}): ${entry.deploy.answer}`
    : `${entry.decision}${entry.automatic ? " (automatically)" : ""}`;
  const where = `${candidate.pr === undefined ? "commit" : `PR #${candidate.pr} at`} ${candidate.commit.slice(0, 7)}`;
  const model = candidate.model
    ? `model ${[candidate.model.name, shortKey(candidate.model.key)].filter(Boolean).join(" ")}`
    : "no model identity";
  const approvers =
    entry.approvers.length > 0
      ? `approved by ${entry.approvers.map((a) => `${a.login}${a.review === undefined ? "" : ` (review ${a.review})`}`).join(", ")}`
      : undefined;
  return [what, where, model, approvers].filter(Boolean).join(" · ");
}

export function renderHistory(records: readonly { entry: LedgerEntry; sequence?: number }[]): string {
  if (records.length === 0) return "no records\n";
  return records
    .map(
      (r) =>
        `${r.entry.at}  ${r.entry.repository}${r.sequence === undefined ? "" : ` #${r.sequence}`}  ${describeEntry(r.entry)}\n`,
    )
    .join("");
}

export function renderVerification(
  checked: { repository: string; records: readonly LedgerRecord[]; problems: ChainProblem[] }[],
): string {
  if (checked.length === 0) return "no repositories with records\n";
  return checked
    .map(({ repository, records, problems }) => {
      if (problems.length === 0) {
        const head = records.at(-1);
        return `${repository}: ${records.length} record(s), the chain is whole${head ? ` (head #${head.sequence} ${head.hash.slice(0, 16)})` : ""}\n`;
      }
      return `${repository}: BROKEN\n${problems.map((p) => `  record ${p.sequence}: ${p.problem}\n`).join("")}`;
    })
    .join("");
}
