// The decision as an in-toto statement, for GitHub's actions/attest to sign (docs/attestation.md):
// the Action's ledger record when there is no App. Written after every decision whose model is
// known by its artifacts' digests; the outputs are empty otherwise. The Action does not sign it
// itself: signing needs `id-token: write` and `attestations: write`, which the workflow grants to
// actions/attest alone, and a workflow chooses which decisions it attests (the example: approvals).
import { DECISION_PREDICATE_TYPE, decisionStatement, subjectChecksums } from "../core/ledger/attestation.js";
import { decisionDraft } from "../core/ledger/entry.js";
import type { DecisionResult } from "../core/policy/types.js";
import type { EvaluateContext } from "./evaluate.js";
import { writeRunnerFile } from "./files.js";

export const ATTESTATION_OUTPUTS = [
  "attestation",
  "attestation-predicate",
  "attestation-subjects",
  "attestation-predicate-type",
] as const;

/**
 * The record's outputs: the attestation files, and which workflow run trained the model (a deploy
 * job downloads the model from it, and verifies the attestation of exactly those files).
 */
export function writeAttestation(
  ctx: Pick<EvaluateContext, "runner" | "runnerTemp" | "gateway" | "event" | "now">,
  result: DecisionResult,
): void {
  const at = new Date(ctx.now ? ctx.now() : Date.now());
  const { entry } = decisionDraft(result, {
    repository: ctx.gateway.repository,
    ...(ctx.gateway.repositoryId === undefined ? {} : { repositoryId: ctx.gateway.repositoryId }),
    commit: result.headSha ?? ctx.event.sha,
    at,
  });
  ctx.runner.setOutput("training-run-id", String(entry.candidate.evidence?.run?.id ?? ""));
  const statement = decisionStatement(entry);
  if (!statement) {
    for (const name of ATTESTATION_OUTPUTS) ctx.runner.setOutput(name, "");
    return;
  }
  const write = (name: string, text: string) => writeRunnerFile(ctx.runnerTemp, name, text);
  ctx.runner.setOutput(
    "attestation",
    write("decision.intoto.json", JSON.stringify(statement, null, 2) + "\n"),
  );
  ctx.runner.setOutput(
    "attestation-predicate",
    write("decision.predicate.json", JSON.stringify(statement.predicate) + "\n"),
  );
  ctx.runner.setOutput("attestation-subjects", write("decision.subjects.txt", subjectChecksums(statement)));
  ctx.runner.setOutput("attestation-predicate-type", DECISION_PREDICATE_TYPE);
}
