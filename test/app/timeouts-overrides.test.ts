// Issue 14 in the App: approvals that time out (moved on by the sweep, on an injected clock),
// escalate, are overridden by a listed person's comment, are explained on request, and are
// announced to a signed webhook — against the fake GitHub and a real ledger.
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger } from "../../src/ledger/store.js";
import { freshPglite } from "../support/ledger-databases.js";
import { NotifyReceiver } from "../support/notify-receiver.js";
import { CONFIG, decisionCheck, harnessPerTest, REPO, stateLabels } from "./support/harness.js";
import { commentEvent, prEvent, review, reviewEvent } from "./support/events.js";

const harness = harnessPerTest();
let sql: SqlClient;
let ledger: SqlLedger;
const H = 3_600_000;
// The fake GitHub's clock starts at 2026-01-01; the App's is moved by each test.
let clock = Date.parse("2026-01-01T01:00:00Z");
const now = () => new Date(clock);

beforeAll(async () => {
  sql = await freshPglite();
  ledger = await SqlLedger.open(sql);
});
afterAll(() => ledger.close());
beforeEach(async () => {
  clock = Date.parse("2026-01-01T01:00:00Z");
  await sql.script(
    "DELETE FROM ledger_records; DELETE FROM decision_reports; DELETE FROM notification_outbox; DELETE FROM leases",
  );
});

const withStep = (lines: string, inputs = "") =>
  CONFIG.replace(
    "      approvers: [alice, acme/ml-leads]\n    on_reject: fail_pipeline",
    `      approvers: [alice, acme/ml-leads]${inputs}\n    on_reject: fail_pipeline${lines}`,
  );

describe("timeouts", () => {
  it("a pending approval is rejected by the sweep once its timeout passes, and its deploy job too", async () => {
    const h = await harness({
      ledger,
      now,
      config: withStep("\n    timeout: 72h"),
      waitingOn: ["production"],
    });
    await h.deliver(...prEvent(h, "opened"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)?.text).toContain("unless approved by 2026-01-04 00:00 UTC, it is rejected");

    clock += 10 * H;
    expect((await h.sweep()).decided).toBe(0);
    clock += 63 * H;
    const swept = await h.sweep();
    expect(h.warnings).toEqual([]);
    expect(swept).toMatchObject({ leased: true, decided: 1 });
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    expect(decisionCheck(h)?.conclusion).toBe("failure");
    expect(decisionCheck(h)?.title).toContain("timed out");
    expect(h.run!.answers.map((a) => a.state)).toEqual(["rejected"]);
    const chain = await ledger.chain(h.gh.state.repo(REPO).id);
    expect(chain.map((r) => [r.entry.decision, r.entry.timing?.phase])).toEqual([
      ["pending", "waiting"],
      ["rejected", "timed_out"],
      ["rejected", "timed_out"],
    ]);
    // Nothing is due any more.
    expect((await h.sweep()).decided).toBe(0);
  });

  it("escalates: escalate_to is asked for a review, and their approval counts", async () => {
    const h = await harness({
      ledger,
      now,
      config: withStep("\n    timeout: 1d\n    on_timeout: escalate", "\n      escalate_to: [erin]"),
    });
    await h.deliver(...prEvent(h, "opened"));
    expect(h.pull.requestedReviewers).not.toContain("erin");
    clock += 25 * H;
    h.gh.state.advance(25 * H);
    await h.sweep();
    expect(h.pull.requestedReviewers).toContain("erin");
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    // erin's review from before the escalation would not count; this one, after it, does.
    await h.deliver(...review(h, "erin", "APPROVED"));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  });

  it("a read that fails while sweeping is tried again by a later sweep", async () => {
    const h = await harness({ ledger, now, config: withStep("\n    timeout: 72h") });
    await h.deliver(...prEvent(h, "opened"));
    const route = GRAPHQL_ROUTE;
    h.gh.fail(route, { status: 500, times: 100 });
    clock += 73 * H;
    await h.sweep();
    h.gh.fail(route, { status: 500, times: 0 });
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(await ledger.due(now(), 10)).toHaveLength(0);
    clock += H;
    expect(await ledger.due(now(), 10)).toHaveLength(1);
    await h.sweep();
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
  });

  it("another instance holding the sweep's lease keeps this one from sweeping", async () => {
    const h = await harness({ ledger, now, config: withStep("\n    timeout: 72h") });
    await h.deliver(...prEvent(h, "opened"));
    clock += 73 * H;
    expect(await ledger.leases.acquire("sweep", "another-instance", 10 * 60_000, now())).toBe(true);
    expect((await h.sweep()).leased).toBe(false);
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });
});

describe("overrides", () => {
  const config = withStep("", "\n      override_by: [dana]");

  it("a listed person's override approves the candidate, marked everywhere, and survives the comment's deletion", async () => {
    const h = await harness({ ledger, now, config, accuracy: 0.5 });
    await h.deliver(...prEvent(h, "opened"));
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    const said = commentEvent(h, "dana", "/model-approval override prod incident 4711, rollback model");
    await h.deliver(...said.event);
    expect(stateLabels(h)).toEqual(["model-approval: overridden"]);
    expect(decisionCheck(h)?.conclusion).toBe("success");
    expect(decisionCheck(h)?.title).toContain("OVERRIDDEN by dana");
    const sticky = h.comments().find((c) => c.body.includes("Break-glass override"));
    expect(sticky?.body).toContain("prod incident 4711");
    const [last] = await ledger.history({ repositoryId: h.gh.state.repo(REPO).id, pr: 7, limit: 1 });
    expect(last?.entry.override).toMatchObject({ by: "dana", reason: "prod incident 4711, rollback model" });

    // Deleted: the ledger keeps what was said.
    const repo = h.gh.state.repo(REPO);
    const stored = repo.comments.find((c) => c.id === said.id)!;
    repo.comments.splice(repo.comments.indexOf(stored), 1);
    await h.deliver(...commentEvent(h, "dana", stored.body, "deleted", stored).event);
    expect(stateLabels(h)).toEqual(["model-approval: overridden"]);
    // A new push is a new candidate: the override was for the old one.
    h.push();
    await h.deliver(...prEvent(h, "synchronize"));
    expect(stateLabels(h)).not.toContain("model-approval: overridden");
  });

  it("the PR's author, someone not listed, an empty reason or an edited comment override nothing", async () => {
    const h = await harness({ ledger, now, config, accuracy: 0.5, author: "dana" });
    await h.deliver(...commentEvent(h, "dana", "/model-approval override I wrote it").event);
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    await h.deliver(...commentEvent(h, "eve", "/model-approval override trust me").event);
    expect(stateLabels(h)).toEqual(["model-approval: rejected"]);
    const h2 = await harness({ ledger, now, config, accuracy: 0.5 });
    await h2.deliver(...commentEvent(h2, "dana", "/model-approval override").event);
    expect(stateLabels(h2)).toEqual(["model-approval: rejected"]);
    const plain = h2.gh.state.addComment(REPO, 7, { user: "dana", body: "looks fine" });
    plain.body = "/model-approval override sneaky edit";
    plain.updatedAt = "2026-01-01T02:00:00Z";
    await h2.deliver(
      ...commentEvent(h2, "dana", plain.body, "edited", { ...plain, body: "looks fine" }).event,
    );
    expect(stateLabels(h2)).toEqual(["model-approval: rejected"]);
  });

  it("a review's text overrides as it was submitted", async () => {
    const h = await harness({ ledger, now, config, accuracy: 0.5 });
    const body = "/model-approval override reviewed the rollback by hand";
    const said = h.gh.state.addReview(REPO, 7, { user: "dana", state: "COMMENTED", body });
    const submitted = reviewEvent(h, "dana", "commented", "submitted", h.pull.headSha, said.id);
    (submitted[1] as { review: { body: string } }).review.body = body;
    await h.deliver(...submitted);
    expect(stateLabels(h)).toEqual(["model-approval: overridden"]);
  });

  it("an edit that turns an old review into an override overrides nothing", async () => {
    const h2 = await harness({ ledger, now, config, accuracy: 0.5 });
    const old = h2.gh.state.addReview(REPO, 7, { user: "dana", state: "COMMENTED", body: "looks fine" });
    old.body = "/model-approval override edited in later";
    const edited = reviewEvent(h2, "dana", "commented", "edited", h2.pull.headSha, old.id);
    (edited[1] as { review: { body: string } }).review.body = old.body;
    await h2.deliver(...edited);
    expect(stateLabels(h2)).toEqual(["model-approval: rejected"]);
  });

  it("/model-approval explain is answered once, with the summary", async () => {
    const h = await harness({ ledger, now });
    const asked = commentEvent(h, "bob", "/model-approval explain");
    await h.deliver(...asked.event);
    await h.deliver(...asked.event);
    const answers = h.comments().filter((c) => c.body.includes(`model-approval:explain:${asked.id}`));
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toContain("PENDING");
    expect(answers[0]?.body).toContain("approve\\_model needs 1 more approval");
  });
});

describe("notifications", () => {
  let receiver: NotifyReceiver;
  const SECRET = "a-webhook-secret-of-some-length";
  beforeEach(async () => {
    receiver = new NotifyReceiver(SECRET);
    await receiver.start();
  });
  afterEach(async () => receiver.close());

  const notifyConfig = (events = "") =>
    `notify:\n  - to: ops\n    type: webhook${events}\n${withStep("\n    timeout: 72h")}`;

  it("each transition is posted once, signed, with a delivery id, and retried after a failure", async () => {
    receiver.answerNext(1, 500);
    const env = {
      MODEL_APPROVAL_NOTIFY_OPS_URL: receiver.url,
      MODEL_APPROVAL_NOTIFY_OPS_SECRET: SECRET,
      MODEL_APPROVAL_NOTIFY_OPS_REPOS: REPO,
    };
    const h = await harness({
      ledger,
      now,
      env,
      config: notifyConfig(),
      detailsUrl: (repo, pr) => `https://app.example/pr/${repo}/${pr}`,
    });
    await h.deliver(...prEvent(h, "opened"));
    await h.deliver(...prEvent(h, "opened"));
    await h.notificationsSent();
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.notificationsSent();
    const bodies = receiver.requests.map((r) => r.json as Record<string, unknown>);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    // The first try of "pending" got a 500 and was retried with the same delivery id.
    expect(bodies.map((b) => b.event)).toEqual(["pending", "pending", "approved"]);
    const ids = receiver.requests.map((r) => r.headers["x-model-approval-delivery"]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(bodies[0]).toMatchObject({
      repository: REPO,
      pr: 7,
      decision: "pending",
      needed: ["alice", "acme/ml-leads"],
      detailsUrl: `https://app.example/pr/${REPO}/7`,
    });
    const rows = await ledger.outbox.forPullRequest(h.gh.state.repo(REPO).id, 7);
    expect(rows.map((r) => [r.event, r.status])).toEqual([
      ["approved", "delivered"],
      ["pending", "delivered"],
    ]);
  });

  it("a destination that keeps failing is retried by the sweep, then given up on, and the decision stands", async () => {
    receiver.answerNext(100, 503);
    const env = {
      MODEL_APPROVAL_NOTIFY_OPS_URL: receiver.url,
      MODEL_APPROVAL_NOTIFY_OPS_SECRET: SECRET,
      MODEL_APPROVAL_NOTIFY_OPS_REPOS: REPO,
    };
    const h = await harness({ ledger, now, env, config: notifyConfig("\n    on: [approved]") });
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.notificationsSent();
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    let [row] = await ledger.outbox.forPullRequest(h.gh.state.repo(REPO).id, 7);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    for (let round = 0; round < 8; round++) {
      clock += 4 * H;
      await h.sweep();
    }
    [row] = await ledger.outbox.forPullRequest(h.gh.state.repo(REPO).id, 7);
    expect(row).toMatchObject({ status: "failed", attempts: 6 });
    expect(row?.lastError).toContain("503");
    expect(row?.lastError).not.toContain(receiver.url);
  });

  it("a released deploy job is announced as deployed, with its environment", async () => {
    const env = {
      MODEL_APPROVAL_NOTIFY_OPS_URL: receiver.url,
      MODEL_APPROVAL_NOTIFY_OPS_SECRET: SECRET,
      MODEL_APPROVAL_NOTIFY_OPS_REPOS: REPO,
    };
    const h = await harness({
      ledger,
      now,
      env,
      config: notifyConfig("\n    on: [approved, deployed]"),
      waitingOn: ["production"],
    });
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.notificationsSent();
    expect(h.run!.answers.map((a) => a.state)).toEqual(["approved"]);
    const bodies = receiver.requests.map((r) => r.json as Record<string, unknown>);
    expect(bodies.map((b) => [b.event, b.environment])).toEqual([
      ["approved", undefined],
      ["deployed", "production"],
    ]);
  });

  it("a destination is sent to only for the repositories its _REPOS lists: another repository's config cannot name it", async () => {
    const env = {
      MODEL_APPROVAL_NOTIFY_OPS_URL: receiver.url,
      MODEL_APPROVAL_NOTIFY_OPS_SECRET: SECRET,
      MODEL_APPROVAL_NOTIFY_OPS_REPOS: "acme/other, someone/*",
    };
    const h = await harness({ ledger, now, env, config: notifyConfig() });
    await h.deliver(...prEvent(h, "opened"));
    await h.notificationsSent();
    expect(receiver.requests).toHaveLength(0);
    const [row] = await ledger.outbox.forPullRequest(h.gh.state.repo(REPO).id, 7);
    expect(row?.lastError).toContain(`MODEL_APPROVAL_NOTIFY_OPS_REPOS does not list ${REPO}`);
    const unscoped = await harness({
      ledger,
      now,
      env: { MODEL_APPROVAL_NOTIFY_OPS_URL: receiver.url, MODEL_APPROVAL_NOTIFY_OPS_SECRET: SECRET },
      config: notifyConfig(),
    });
    await unscoped.deliver(...prEvent(unscoped, "opened"));
    await unscoped.notificationsSent();
    expect(receiver.requests).toHaveLength(0);
  });

  it("a destination without its URL in the environment is reported, not sent", async () => {
    const h = await harness({
      ledger,
      now,
      env: { MODEL_APPROVAL_NOTIFY_OPS_REPOS: REPO },
      config: notifyConfig(),
    });
    await h.deliver(...prEvent(h, "opened"));
    await h.notificationsSent();
    const [row] = await ledger.outbox.forPullRequest(h.gh.state.repo(REPO).id, 7);
    expect(row).toMatchObject({ status: "failed" });
    expect(row?.lastError).toContain("MODEL_APPROVAL_NOTIFY_OPS_URL");
    expect(receiver.requests).toHaveLength(0);
  });
});
