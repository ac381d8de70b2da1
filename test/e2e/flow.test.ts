// The product end to end: the App over HTTP (signatures verified, App authentication by JWT) and
// the bundled Action as a runner runs it, against the local GitHub, with webhooks delivered as
// GitHub delivers them. Each scenario asserts what a person would see: the checks, the label, the
// App's single comment and the deploy job.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { reviewWebhook } from "../../src/local-github/payloads.js";
import { signature } from "../../src/local-github/index.js";
import { WEBHOOK_SECRET, World } from "./support/world.js";
import {
  APPROVER,
  AUTHOR,
  AUTO_CONFIG,
  CONFIG_PATH,
  SEED_CONFIG,
  openPullRequest,
  seen,
} from "./support/scenario.js";

let world: World;
// Generous bounds: on a loaded CI machine process start-up and schema compilation are slow.
beforeAll(async () => {
  world = await World.start();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

afterEach(() => {
  // Every request and response fitted GitHub's OpenAPI description, every payload its webhook
  // schema, and the App accepted every delivery.
  world.github.api.assertNoContractViolations();
  expect(world.github.deliveries.filter((d) => d.status !== 200)).toEqual([]);
});

describe("the seed's scenarios", () => {
  it("a review by the listed approver unblocks the waiting deploy job", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    const { run, action } = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    expect(action.code).toBe(0);
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      decision: "in_progress",
      metrics: "completed/success",
      labels: ["model-approval: pending"],
      deploy: "waiting",
    });
    expect(world.github.state.pull(s.repo, s.pr).requestedReviewers).toEqual([APPROVER]);
    expect(seen(world, s, run).comments).toEqual([expect.stringContaining("@alice")]);
    // The seed's config has no deploy step: the report says which environments the App answers.
    expect(seen(world, s, run).comments[0]).toContain(
      "no deploy step names an environment, so the App gates every environment it is enabled on",
    );

    world.github.review(s.repo, s.pr, APPROVER, "APPROVED", "ship it");
    await world.github.idle();
    const after = seen(world, s, run);
    expect(after).toMatchObject({
      decision: "completed/success",
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
    // The same comment, updated in place, records who approved which commit.
    const head = world.github.state.pull(s.repo, s.pr).headSha.slice(0, 7);
    expect(after.comments).toEqual([expect.stringContaining(`approved by alice on ${head}`)]);
  }, 60_000);

  it("without a deploy step, an environment the App is not enabled on is left to its own rules", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    // production protected by required reviewers only: GitHub never asks the App about it.
    world.github.setEnvironmentProtection(s.repo, "production", []);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED", "ship it");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({ decision: "completed/success", deploy: "waiting" });
    expect(run.answers).toEqual([]);
    // It asked which rules production has, and then did not try to answer one it does not hold.
    const asked = world.github.api.calls(
      (r) => r.path.includes(`/actions/runs/${run.id}/`) || r.path.includes("/environments/"),
    );
    expect(asked).toContainEqual(
      expect.stringMatching(/^GET .*\/environments\/production\/deployment_protection_rules$/),
    );
    expect(asked.filter((c) => c.startsWith("POST"))).toEqual([]);
  });

  it("changes requested by the approver with on_reject: fail_pipeline rejects the deploy job", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    world.github.review(s.repo, s.pr, APPROVER, "CHANGES_REQUESTED", "accuracy on the holdout set dropped");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      decision: "completed/failure",
      labels: ["model-approval: rejected"],
      deploy: "completed/failure",
    });
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("approvers given as a string is reported at its line, and nothing deploys", async () => {
    const broken = SEED_CONFIG.replace("approvers: ['alice']", "approvers: alice");
    const line = broken.split("\n").findIndex((l) => l.includes("approvers: alice")) + 1;
    const s = await openPullRequest(world, broken);
    const { run, action } = await world.train(s.repo, s.pr, { accuracy: 0.95 });
    await world.github.idle();

    // The Action fails the train job with the diagnostic on the config file's line.
    expect(action.code).not.toBe(0);
    expect(action.stdout).toMatch(
      new RegExp(
        `::error .*file=${CONFIG_PATH.replace(/\./g, "\\.")},line=${line},.*approvers must be a list`,
      ),
    );
    // The App's check fails with an annotation on that line; no label claims a state.
    const state = world.github.state;
    const check = state
      .repo(s.repo)
      .checkRuns.find((r) => r.name === "model-approval" && r.headSha === state.pull(s.repo, s.pr).headSha);
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check?.annotations).toEqual([
      expect.objectContaining({ path: CONFIG_PATH, start_line: line, annotation_level: "failure" }),
    ]);
    expect(seen(world, s, run)).toMatchObject({ labels: [], deploy: "completed/skipped" });

    // Even the listed approver cannot approve past a broken config.
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({ decision: "completed/failure", labels: [] });
  });

  it("accuracy above 90% auto-approves and deploys with no human", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.93 });
    await world.github.idle();
    const after = seen(world, s, run);
    expect(after).toMatchObject({
      decision: "completed/success",
      metrics: "completed/success",
      labels: ["model-approval: auto-approved"],
      deploy: "completed/success",
    });
    expect(world.github.state.pull(s.repo, s.pr).reviews).toEqual([]);
    expect(after.comments).toHaveLength(1);
  });

  it("accuracy at or below 90% waits for a review", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.88 });
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      decision: "in_progress",
      labels: ["model-approval: pending"],
      deploy: "waiting",
    });
    expect(world.github.state.pull(s.repo, s.pr).requestedReviewers).toEqual([APPROVER]);
    // The deploy job's status report says what is missing.
    expect(run.answers.at(-1)?.comment).toMatch(/needs an approving review from @alice/);

    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
  });
});

describe("after the approval", () => {
  it("a push re-blocks deploy until a new approval of the new commit", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const first = await world.train(s.repo, s.pr, { accuracy: 0.88 });
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s, first.run).deploy).toBe("completed/success");

    world.github.push(s.repo, s.pr, { "train.py": "fit(epochs=30)\n" });
    const second = await world.train(s.repo, s.pr, { accuracy: 0.89 });
    await world.github.idle();
    expect(seen(world, s, second.run)).toMatchObject({
      decision: "in_progress",
      labels: ["model-approval: pending"],
      deploy: "waiting",
    });

    world.github.review(s.repo, s.pr, APPROVER, "APPROVED", "new commit looks fine too");
    await world.github.idle();
    const after = seen(world, s, second.run);
    expect(after).toMatchObject({
      decision: "completed/success",
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
    expect(after.comments).toHaveLength(1);
  });

  it("an approved label added by hand is put back", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.88 });
    await world.github.idle();
    world.github.label(s.repo, s.pr, "labeled", "model-approval: approved", AUTHOR);
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      decision: "in_progress",
      labels: ["model-approval: pending"],
      deploy: "waiting",
    });
  });
});

describe("team approvers", () => {
  it("a member of a listed team approves; someone outside it cannot", async () => {
    const config = SEED_CONFIG.replace("approvers: ['alice']", "approvers: [acme/ml-leads]");
    world.github.state.setTeam("acme", "ml-leads", ["carol"]);
    const s = await openPullRequest(world, config);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    world.github.review(s.repo, s.pr, "dave", "APPROVED");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({ labels: ["model-approval: pending"], deploy: "waiting" });

    world.github.review(s.repo, s.pr, "carol", "APPROVED");
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
  });
});

describe("webhook signatures", () => {
  it("a delivery with a bad signature changes nothing; the same delivery correctly signed does", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const { run } = await world.train(s.repo, s.pr, { accuracy: 0.88 });
    await world.github.idle();
    // The review exists in GitHub, but the App only learns of it from a delivery it can trust.
    const state = world.github.state;
    const review = state.addReview(s.repo, s.pr, { user: APPROVER, state: "APPROVED" });
    const webhook = reviewWebhook(state.repo(s.repo), state.pull(s.repo, s.pr), review, {
      installationId: world.github.installationId,
    });
    const requestsBefore = world.github.api.requests.length;

    const forged = await world.github.webhooks.send(webhook, {
      sign: signature(JSON.stringify(webhook.payload), "not-the-secret"),
    });
    const unsigned = await world.github.webhooks.send(webhook, { sign: null });
    expect([forged.status, unsigned.status]).toEqual([400, 400]);
    expect(world.github.api.requests.length).toBe(requestsBefore);
    expect(seen(world, s, run)).toMatchObject({ labels: ["model-approval: pending"], deploy: "waiting" });
    world.github.deliveries.splice(-2);

    const genuine = await world.github.webhooks.send(webhook, {
      sign: signature(JSON.stringify(webhook.payload), WEBHOOK_SECRET),
    });
    expect(genuine.status).toBe(200);
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
  });
});
