// Issue 14 without the App: a scheduled `mode: sweep` run ends approvals whose timeout passed, a
// listed person's override comment approves the candidate, and each change of the PR's state is
// announced to a signed webhook named in the config (its URL from the step's env).
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { NotifyReceiver } from "../support/notify-receiver.js";
import { requireBundle, runBundledAction } from "./support/run-bundled.js";
import {
  fixture,
  HEAD,
  labels,
  metricsJson,
  PR,
  REPO,
  seedPullRequest,
  startTrainingRun,
} from "./support/scenario.js";

const SECRET = "the-audit-webhook-secret";
let fake: FakeGitHub;
let receiver: NotifyReceiver;
beforeAll(requireBundle);
beforeEach(async () => {
  fake = await startFakeGitHub();
  receiver = new NotifyReceiver(SECRET);
  await receiver.start();
});
afterEach(async () => {
  fake.assertNoContractViolations();
  await fake.close();
  await receiver.close();
});

/** auto-approve.yml without auto-approval, with the lines given under the approval step. */
function config(step: string, inputs = "", top = ""): string {
  return (
    top +
    fixture("auto-approve.yml")
      .replace("      auto_approve_if: [accuracy > 0.90]\n", inputs)
      .replace("    on_reject: fail_pipeline\n", `    on_reject: fail_pipeline\n${step}`)
  );
}

const NOTIFY = "notify:\n  - to: audit\n    type: webhook\n";
const env = () => ({
  MODEL_APPROVAL_NOTIFY_AUDIT_URL: receiver.url,
  MODEL_APPROVAL_NOTIFY_AUDIT_SECRET: SECRET,
});

function trained(accuracy: number) {
  const training = startTrainingRun(fake);
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: { "metrics/eval.json": metricsJson(accuracy), "models/model.pkl": "weights" },
    run: { fake, id: training.id },
    env: env(),
  });
}

function sweep() {
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "schedule",
    payload: { schedule: "*/30 * * * *", repository: { full_name: REPO, default_branch: "master" } },
    inputs: { mode: "sweep" },
    env: env(),
  });
}

describe("mode: sweep", () => {
  it("rejects an approval whose timeout passed, and announces it once", async () => {
    // The fake GitHub's clock is in January 2026: the recording is long past a 72h timeout.
    seedPullRequest(fake, { baseConfig: config("    timeout: 72h\n", "", NOTIFY) });
    expect((await trained(0.85)).outputs.decision).toBe("pending");
    const swept = await sweep();
    expect(swept.code).toBe(0);
    expect(swept.summary).toContain(`| #${PR} | rejected | approve_model timed out at 2026-01-0`);
    expect(labels(fake)).toEqual(["model-approval: rejected"]);
    await sweep();
    const events = receiver.requests.map((r) => (r.json as { event: string }).event);
    expect(events).toEqual(["pending", "timed_out"]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it("ends an escalated approval after its second timeout too, asking escalate_to for nothing more", async () => {
    seedPullRequest(fake, {
      baseConfig: config("    timeout: 15d\n    on_timeout: escalate\n", "      escalate_to: [erin]\n"),
    });
    await trained(0.85);
    await sweep();
    const pull = fake.state.repo(REPO).pulls.find((p) => p.number === PR)!;
    // Two timeouts of 15 days have passed since January too: it is over, and erin was never needed.
    expect(labels(fake)).toEqual(["model-approval: rejected"]);
    expect(pull.requestedReviewers).not.toContain("erin");
  });
});

describe("an override comment", () => {
  it("approves the candidate on the next run, marked as an override, and is announced", async () => {
    seedPullRequest(fake, { baseConfig: config("", "      override_by: [dana]\n", NOTIFY), pushed: true });
    expect((await trained(0.5)).outputs.decision).toBe("rejected");
    fake.state.addComment(REPO, PR, {
      user: "dana",
      body: "/model-approval override hotfix for incident 12",
    });
    const result = await sweep();
    expect(result.summary).toContain("overridden by dana: hotfix for incident 12");
    expect(labels(fake)).toEqual(["model-approval: overridden"]);
    const review = fake.state.addReview(REPO, PR, { user: "bob", state: "COMMENTED", commitId: HEAD });
    const afterReview = await runBundledAction({
      apiUrl: fake.url,
      eventName: "pull_request_review",
      payload: loadWebhookExample("pull_request_review", "submitted", {
        review: { id: review.id, state: "commented", commit_id: HEAD, user: { login: "bob" } },
      }),
      env: env(),
    });
    expect(afterReview.outputs.decision).toBe("approved");
    expect(
      JSON.parse(
        afterReview.outputs.attestation ? readFileSync(afterReview.outputs.attestation, "utf8") : "{}",
      ).predicate?.override,
    ).toMatchObject({ by: "dana" });
    const events = receiver.requests.map((r) => (r.json as { event: string }).event);
    expect(events).toEqual(["rejected", "overridden"]);
    expect((receiver.requests[1]?.json as { override?: unknown }).override).toEqual({
      by: "dana",
      reason: "hotfix for incident 12",
    });
  });
});
