// The bundled action, run as a runner runs it, against the fake GitHub on loopback.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { requireBundle, runBundledAction, type ActionRunOptions } from "./support/run-bundled.js";
import {
  AUTHOR,
  BASE,
  CONFIG,
  HEAD,
  PR,
  REPO,
  checkRuns,
  comments,
  fixture,
  labels,
  metricsJson,
  seedPullRequest,
} from "./support/scenario.js";

const METRICS_CHECK = "model-approval/metrics";
const DECISION_CHECK = "model-approval";

let fake: FakeGitHub;

beforeAll(requireBundle);
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  fake.assertNoContractViolations();
  await fake.close();
});

type RunOptions = Partial<ActionRunOptions> & { eventName: string; payload: unknown };

function run(options: RunOptions) {
  return runBundledAction({ apiUrl: fake.url, ...options });
}

const prOpened = () => loadWebhookExample("pull_request", "opened");
const reviewSubmitted = () => loadWebhookExample("pull_request_review", "submitted");

function trainedRun(accuracy: number, { files, ...extra }: Partial<RunOptions> = {}) {
  return run({
    eventName: "pull_request",
    payload: prOpened(),
    files: { "metrics/eval.json": metricsJson(accuracy), "models/model.pkl": "weights", ...files },
    ...extra,
  });
}

function writes(): string[] {
  return fake.writes().map((r) => r.route ?? `${r.method} ${r.path}`);
}

describe("mode evaluate on pull_request", () => {
  it("auto-approves good metrics and publishes checks, one label and one comment", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.95);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("true");
    expect(result.outputs["model-digest"]).toMatch(/^[0-9a-f]{64}$/);
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.decision).toBe("approved");
    expect(result.summary).toContain("model-approval");
    expect(result.summary).toContain("accuracy");
    expect(result.summary).not.toContain("<!-- model-approval:");

    expect(checkRuns(fake, METRICS_CHECK)).toMatchObject([
      { status: "completed", conclusion: "success", appSlug: "github-actions" },
    ]);
    expect(checkRuns(fake, METRICS_CHECK)[0]!.text).toContain("<!-- model-approval:snapshot ");
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    expect(labels(fake)).toEqual(["model-approval: auto-approved"]);
    expect(comments(fake)).toHaveLength(1);
  });

  it("leaves a decision pending without failing, requests the approver, and changes nothing on a re-run", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const first = await trainedRun(0.85);
    expect(first.code).toBe(0);
    expect(first.outputs.decision).toBe("pending");
    expect(first.outputs["auto-approved"]).toBe("false");
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "in_progress", conclusion: null }]);
    expect(labels(fake)).toEqual(["model-approval: pending"]);
    expect(fake.state.pull(REPO, PR).requestedReviewers).toEqual(["alice"]);

    fake.clearRequests();
    const again = await trainedRun(0.85);
    expect(again.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(comments(fake)).toHaveLength(1);
    expect(labels(fake)).toEqual(["model-approval: pending"]);
  });

  it("reads the config from the base commit, not from the PR's workspace copy", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml"), changedFiles: [CONFIG] });
    const lenient = fixture("auto-approve.yml").replace("accuracy > 0.90", "accuracy > 0.10");
    const result = await trainedRun(0.85, { files: { [CONFIG]: lenient } });
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: "warning",
        properties: expect.objectContaining({ file: CONFIG, line: "1" }),
      }),
    );
    expect(fake.calls((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}")).toEqual([
      `GET /repos/${REPO}/contents/${CONFIG.replace(/\//g, "%2F")}`,
    ]);
    const read = fake.requests.find((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    expect(read?.query.ref).toBe(BASE);
  });

  it("reads the config from the default branch when the PR targets another branch", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    fake.state.commit(REPO, { branch: "master", files: { [CONFIG]: fixture("auto-approve.yml") } });
    const lenient = fixture("auto-approve.yml").replace("accuracy > 0.90", "accuracy > 0.10");
    fake.state.commit(REPO, { branch: "loose", sha: BASE, files: { [CONFIG]: lenient } });
    fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "train.py": "print('trained')\n" } });
    fake.state.addPullRequest(REPO, {
      number: PR,
      author: AUTHOR,
      headSha: HEAD,
      baseRef: "loose",
      files: ["train.py"],
    });
    const payload = loadWebhookExample("pull_request", "opened", {
      pull_request: { base: { ref: "loose" } },
    });

    const result = await trainedRun(0.85, { payload });
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: "warning",
        message: expect.stringMatching(/base branch loose is not the default branch master/),
      }),
    );
    const reads = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    expect(reads.map((r) => r.query.ref)).toEqual(["master"]);
  });

  it("reads a `ref: base` baseline from the base commit, never from the PR's workspace", async () => {
    seedPullRequest(fake, { baseConfig: fixture("baseline.yml") });
    fake.state.commit(REPO, { parent: BASE, sha: BASE, files: { "metrics/eval.json": metricsJson(0.9) } });
    // The workspace holds the candidate's metrics at the same path; were it read as the baseline,
    // every model would match its own baseline and pass.
    const regressed = await trainedRun(0.85);
    expect(regressed.outputs.decision).toBe("rejected");
    expect(regressed.code).toBe(1);
    const report = JSON.parse(readFileSync(regressed.outputs.report!, "utf8"));
    expect(report.metrics[0]).toMatchObject({ value: 0.85, baseline: 0.9, passed: false });
    const read = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    expect(read.map((r) => [decodeURIComponent(r.path.split("/contents/")[1]!), r.query.ref])).toContainEqual(
      ["metrics/eval.json", BASE],
    );

    const improved = await trainedRun(0.92);
    expect(improved.outputs.decision).toBe("approved");
  });

  it("reads a baseline pinned to a branch at that branch", async () => {
    seedPullRequest(fake, { baseConfig: fixture("baseline.yml").replace("ref: base", "ref: master") });
    fake.state.commit(REPO, { parent: BASE, sha: BASE, files: { "metrics/eval.json": metricsJson(0.9) } });
    const regressed = await trainedRun(0.85);
    expect(regressed.outputs.decision).toBe("rejected");
    const read = fake.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}");
    expect(read.map((r) => r.query.ref)).toContain("master");
  });

  it("uses the PR's config with a warning when the base has none, and never auto-approves it", async () => {
    seedPullRequest(fake, { changedFiles: [CONFIG, "train.py"] });
    const result = await trainedRun(0.95, { files: { [CONFIG]: fixture("auto-approve.yml") } });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(
      result.annotations.some(
        (a) => a.level === "warning" && a.message.includes("does not exist on the base branch"),
      ),
    ).toBe(true);
  });

  it("never approves under the PR's own config, not even on the author's self-approval it allows", async () => {
    seedPullRequest(fake, { changedFiles: [CONFIG, "train.py"] });
    const selfApproving = fixture("auto-approve.yml")
      .replace("approvers: [alice]", `approvers: [${AUTHOR}]\n      allow_self_approval: true`)
      .replace("auto_approve_if: [accuracy > 0.90]", "auto_approve_if: [accuracy > 0.99]");
    fake.state.addReview(REPO, PR, { user: AUTHOR, state: "APPROVED" });
    const result = await trainedRun(0.95, { files: { [CONFIG]: selfApproving } });
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toContain("the config comes from this pull request");
    expect(checkRuns(fake, DECISION_CHECK)).not.toContainEqual(
      expect.objectContaining({ conclusion: "success" }),
    );
    expect(labels(fake)).not.toContain("model-approval: approved");
  });

  it("fails the step on a rejection with on_reject: fail_pipeline", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.state.addReview(REPO, PR, { user: "alice", state: "CHANGES_REQUESTED" });
    const result = await trainedRun(0.85);
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: "error", message: expect.stringContaining("rejected") }),
    );
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "completed", conclusion: "failure" }]);
    expect(labels(fake)).toEqual(["model-approval: rejected"]);
  });

  it("does not fail the step on a rejection with on_reject: block", async () => {
    seedPullRequest(fake, { baseConfig: fixture("block.yml") });
    fake.state.addReview(REPO, PR, { user: "alice", state: "CHANGES_REQUESTED" });
    const result = await trainedRun(0.85);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.code).toBe(0);
  });

  it("reports a config error at its line and column and fails", async () => {
    seedPullRequest(fake, { baseConfig: fixture("approvers-string.yml") });
    const result = await trainedRun(0.95);
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("error");
    const annotation = result.annotations.find((a) => a.properties.file === CONFIG);
    expect(annotation).toMatchObject({ level: "error", properties: { file: CONFIG, line: "7", col: "18" } });
    expect(annotation!.message).toContain("approvers must be a list");
    expect(result.stdout).toContain(
      `::error title=model-approval config,file=${CONFIG},line=7,endLine=7,col=18,endColumn=23::`,
    );
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ conclusion: "failure" }]);
  });

  it("makes no write at all on dry-run, but still writes the summary and outputs", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.85, { inputs: { "dry-run": "true" } });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toContain("pending");
    expect(writes()).toEqual([]);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it("with app: true publishes only the metrics check run", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.85, { inputs: { app: "true" } });
    expect(result.code).toBe(0);
    expect(writes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
    expect(checkRuns(fake, METRICS_CHECK)).toHaveLength(1);
    expect(labels(fake)).toEqual([]);
  });

  it("degrades on a fork's read-only token: a warning per refused write, no crash", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml"), headRepo: "fork/Hello-World" });
    fake.state.addToken("read-only", {
      login: "github-actions[bot]",
      type: "Bot",
      appSlug: "github-actions",
      readOnly: true,
    });
    const payload = loadWebhookExample("pull_request", "opened", {
      pull_request: { head: { repo: { full_name: "fork/Hello-World" } } },
    });
    const result = await trainedRun(0.85, { payload, inputs: { "github-token": "read-only" } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toContain("pending");
    const refused = result.annotations.filter(
      (a) => a.level === "warning" && a.message.startsWith("could not write"),
    );
    expect(refused.map((a) => a.message.replace(/: permission denied.*/, ""))).toEqual([
      `could not write the ${METRICS_CHECK} check run`,
      `could not write the ${DECISION_CHECK} check run`,
      `could not write the comment on PR #${PR}`,
      `could not write the model-approval label on PR #${PR}`,
      `could not write review requests on PR #${PR}`,
    ]);
    expect(refused[0]!.message).toContain("fork");
  });

  it("retries a 5xx from GitHub", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.fail("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { status: 502 });
    const result = await trainedRun(0.85);
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    const reviewReads = fake.requests.filter(
      (r) => r.route === "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    );
    expect(reviewReads.map((r) => r.status)).toEqual([502, 200]);
  });

  it("turns a failed read into an error decision naming what was read, never an approval", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.fail("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      status: 403,
      message: "Resource not accessible",
    });
    const result = await trainedRun(0.95);
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("error");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: "error", message: expect.stringContaining(`reviews of #${PR}`) }),
    );
    expect(labels(fake)).not.toContain("model-approval: auto-approved");
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ conclusion: "failure" }]);
  });

  it("treats a PR title and branch full of shell metacharacters as data", async () => {
    const marker = join(tmpdir(), `pwned-${process.pid}`);
    const evil = `$(touch ${marker}) \`touch ${marker}\`; touch ${marker} && echo "::error::injected" '\n::set-output name=decision::approved`;
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml"), title: evil });
    const payload = loadWebhookExample("pull_request", "opened", {
      pull_request: { title: evil, head: { ref: `x$(touch ${marker})` } },
    });
    const result = await trainedRun(0.85, { payload });
    expect(existsSync(marker)).toBe(false);
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations.some((a) => a.message === "injected")).toBe(false);
  });
});

describe("mode evaluate on other events", () => {
  it("auto-approves on push from the workspace config, with no PR writes", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const sha = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    const result = await run({
      eventName: "push",
      payload: loadWebhookExample("push"),
      sha,
      files: {
        [CONFIG]: fixture("auto-approve.yml"),
        "metrics/eval.json": metricsJson(0.95),
        "models/model.pkl": "w",
      },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("true");
    expect(writes()).toEqual([
      "POST /repos/{owner}/{repo}/check-runs",
      "POST /repos/{owner}/{repo}/check-runs",
    ]);
    expect(checkRuns(fake, DECISION_CHECK, sha)).toMatchObject([{ conclusion: "success" }]);
    expect(fake.calls((r) => r.route?.includes("/pulls/") === true)).toEqual([]);
  });

  it("on a review, decides from the metrics check run the training run published", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    expect((await trainedRun(0.85)).outputs.decision).toBe("pending");
    const published = { ...checkRuns(fake, METRICS_CHECK)[0]! };
    fake.state.addReview(REPO, PR, { user: "alice", state: "APPROVED" });

    const result = await run({ eventName: "pull_request_review", payload: reviewSubmitted() });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("false");
    expect(result.outputs["model-digest"]).toMatch(/^[0-9a-f]{64}$/);
    expect(labels(fake)).toEqual(["model-approval: approved"]);
    expect(comments(fake)).toHaveLength(1);
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    // The review run measured nothing itself: what the training run recorded stays as it was.
    expect(checkRuns(fake, METRICS_CHECK)).toEqual([published]);
  });

  it("on workflow_dispatch, leaves a needed human approval pending and says why", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const result = await run({
      eventName: "workflow_dispatch",
      payload: loadWebhookExample("workflow_dispatch"),
      files: {
        [CONFIG]: fixture("auto-approve.yml"),
        "metrics/eval.json": metricsJson(0.85),
        "models/model.pkl": "w",
      },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toMatch(/pull request/i);
  });

  it("ignores a metrics check run forged by another app", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const { encodeSnapshot } = await import("../../src/core/report/snapshot.js");
    const forged = encodeSnapshot({
      metrics: [{ name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy: 0.99 } }],
      baseline: [],
      metricErrors: {},
      baselineErrors: {},
    });
    fake.state.addCheckRun(REPO, { name: METRICS_CHECK, headSha: HEAD, appSlug: "evil-app", text: forged });

    const result = await run({ eventName: "pull_request_review", payload: reviewSubmitted() });
    expect(result.outputs.decision).not.toBe("approved");
    expect(
      result.annotations.some(
        (a) => a.level === "warning" && a.message.includes("'evil-app', not GitHub Actions"),
      ),
    ).toBe(true);
    expect(labels(fake)).not.toContain("model-approval: auto-approved");
  });
});

describe("mode gate", () => {
  const gate = () => run({ eventName: "pull_request", payload: prOpened(), inputs: { mode: "gate" } });

  it("passes only on an approved decision recorded by GitHub Actions", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.95);
    fake.clearRequests();
    const result = await gate();
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(writes()).toEqual([]);
  });

  it("fails on a commit the pull request has moved on from, though that commit was approved", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.95);
    const moved = fake.state.commit(REPO, { parent: HEAD, files: { "train.py": "print('retrained')\n" } });
    fake.state.pull(REPO, PR).headSha = moved;
    const result = await gate();
    expect(result.code).toBe(1);
    expect(result.outputs.decision).not.toBe("approved");
    expect(result.annotations[0]!.message).toContain(`the pull request has moved on to ${moved}`);
  });

  it("fails with the recorded reason while pending", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.85);
    const result = await gate();
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations[0]!.message).toMatch(/not approved yet \(in_progress\).*alice/);
  });

  it("fails when no decision is recorded, or only by another app", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const none = await gate();
    expect(none.code).toBe(1);
    expect(none.annotations[0]!.message).toContain(`no decision recorded for ${HEAD}`);

    fake.state.addCheckRun(REPO, {
      name: DECISION_CHECK,
      headSha: HEAD,
      appSlug: "evil-app",
      conclusion: "success",
    });
    const forged = await gate();
    expect(forged.code).toBe(1);
    expect(forged.annotations[0]!.message).toContain("'evil-app'");
  });
});
