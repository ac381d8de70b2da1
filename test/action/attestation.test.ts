// The Action's record without an App: the decision as an in-toto statement over the model's files,
// in the form actions/attest takes (a predicate file, a sha256sum checksums file, the type URI).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import {
  DECISION_PREDICATE_TYPE,
  readDecisionStatement,
  type DecisionStatement,
} from "../../src/core/ledger/attestation.js";
import { requireBundle, runBundledAction } from "./support/run-bundled.js";
import {
  HEAD,
  PR,
  REPO,
  fixture,
  metricsJson,
  seedPullRequest,
  startTrainingRun,
} from "./support/scenario.js";

let fake: FakeGitHub;
beforeAll(requireBundle);
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  fake.assertNoContractViolations();
  await fake.close();
});

const WEIGHTS = "weights of the model";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function trained(accuracy: number, runId = startTrainingRun(fake).id) {
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: { "metrics/eval.json": metricsJson(accuracy), "models/model.pkl": WEIGHTS },
    run: { fake, id: runId },
  });
}

function statementOf(outputs: Record<string, string | undefined>): DecisionStatement {
  return JSON.parse(readFileSync(outputs.attestation!, "utf8")) as DecisionStatement;
}

describe("the decision as an in-toto statement", () => {
  it("names the model's files by sha256 and carries the decision as the ledger records it", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trained(0.95);
    expect(result.outputs.decision).toBe("approved");
    const statement = statementOf(result.outputs);
    expect(statement).toMatchObject({
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: "models/model.pkl", digest: { sha256: sha256(WEIGHTS) } }],
      predicateType: DECISION_PREDICATE_TYPE,
      predicate: {
        format: 1,
        kind: "decision",
        repository: REPO,
        repositoryId: loadWebhookExample("pull_request", "opened").repository.id,
        decision: "approved",
        automatic: true,
        candidate: {
          commit: HEAD,
          pr: PR,
          model: { name: "fraud-detector", key: `sha256:${result.outputs["model-digest"]}` },
          config: { trusted: true },
        },
        approvers: [],
      },
    });
    expect(readDecisionStatement(statement)).toEqual({
      ok: true,
      predicate: statement.predicate,
      subjects: [`sha256:${sha256(WEIGHTS)}`],
    });
    // actions/attest's inputs: the predicate alone, the subjects as sha256sum writes them, the type.
    expect(JSON.parse(readFileSync(result.outputs["attestation-predicate"]!, "utf8"))).toEqual(
      statement.predicate,
    );
    expect(result.outputs["attestation-predicate-type"]).toBe(DECISION_PREDICATE_TYPE);
    expect(result.outputs["training-run-id"]).toBe(String(statement.predicate.candidate.evidence?.run?.id));
    const checked = execFileSync("sha256sum", ["--check", result.outputs["attestation-subjects"]!], {
      cwd: result.workspace,
      encoding: "utf8",
    });
    expect(checked).toBe("models/model.pkl: OK\n");
  });

  it("after a review, names the approver and the review, from the training run's recording", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const training = startTrainingRun(fake);
    expect((await trained(0.85, training.id)).outputs.decision).toBe("pending");
    const stored = fake.state.addReview(REPO, PR, { user: "alice", state: "APPROVED", commitId: HEAD });
    const result = await runBundledAction({
      apiUrl: fake.url,
      eventName: "pull_request_review",
      payload: loadWebhookExample("pull_request_review", "submitted", {
        review: { id: stored.id, state: "approved", commit_id: HEAD, user: { login: "alice" } },
      }),
    });
    expect(result.outputs.decision).toBe("approved");
    const { predicate, subject } = statementOf(result.outputs);
    expect(result.outputs["training-run-id"]).toBe(String(training.id));
    expect(subject).toEqual([{ name: "models/model.pkl", digest: { sha256: sha256(WEIGHTS) } }]);
    expect(predicate).toMatchObject({
      decision: "approved",
      automatic: false,
      candidate: { evidence: { kind: "recorded" } },
      approvers: [{ login: "alice", review: stored.id, commit: HEAD }],
    });
  });

  it("is not written when the config lists no model artifacts: nothing to attach it to", async () => {
    seedPullRequest(fake);
    const result = await trained(0.95);
    expect(result.outputs.decision).toBeDefined();
    expect(result.outputs.attestation).toBe("");
    expect(result.outputs["attestation-subjects"]).toBe("");
  });
});
