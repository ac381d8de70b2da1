// The Action, run as a runner runs it (action.yml's steps: the Node.js check, its node step, then
// the upload step), against the fake GitHub on loopback. The node step runs in-process; the tests
// marked `bundle: true` run dist/action.js in a child process, as a runner does (smoke tests of
// the bundle: it publishes, it reports a config error as a workflow command, it takes a hostile PR
// title as data).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GRAPHQL_ROUTE, startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { SNAPSHOT_FILE } from "../../src/core/names.js";
import { decodeSnapshot } from "../../src/core/candidate/snapshot.js";
import { requireBundle, runBundledAction, type ActionRunOptions } from "./support/run-bundled.js";
import {
  AUTHOR,
  BASE,
  CONFIG,
  HEAD,
  PR,
  REPO,
  TRAIN_WORKFLOW,
  TRAIN_WORKFLOW_TEXT,
  checkRuns,
  comments,
  fixture,
  labels,
  metricsJson,
  seedPullRequest,
  startTrainingRun,
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

/** A pull_request_review event about a review stored in the fake (GitHub stores it first). */
function reviewEvent(user: string, state: "APPROVED" | "CHANGES_REQUESTED", commitId = HEAD) {
  const stored = fake.state.addReview(REPO, PR, { user, state, commitId });
  return loadWebhookExample("pull_request_review", "submitted", {
    review: { id: stored.id, state: state.toLowerCase(), commit_id: commitId, user: { login: user } },
  });
}

const outputs = (accuracy: number) => ({
  "metrics/eval.json": metricsJson(accuracy),
  "models/model.pkl": `weights-${accuracy}`,
});

/** The training job: a run of the training workflow on the PR head, whose workspace holds what training wrote. */
function trainedRun(accuracy: number, { files, ...extra }: Partial<RunOptions> = {}) {
  const training = startTrainingRun(fake);
  return run({
    eventName: "pull_request",
    payload: prOpened(),
    files: { ...outputs(accuracy), ...files },
    run: { fake, id: training.id },
    ...extra,
  });
}

function writes(): string[] {
  return fake.writes().map((r) => r.route ?? `${r.method} ${r.path}`);
}

function recorded() {
  return fake.state.repo(REPO).artifacts.filter((a) => a.name.startsWith("model-approval-snapshot-"));
}

describe("through a proxy", () => {
  let proxy: Server;
  const tunnels: string[] = [];
  beforeEach(async () => {
    tunnels.length = 0;
    // A CONNECT proxy on loopback whose every tunnel leads to the local GitHub.
    const port = Number(new URL(fake.url).port);
    proxy = createServer((_request, response) => response.writeHead(502).end());
    proxy.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(request.url ?? "");
      const upstream = connect(port, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client).on("error", () => undefined);
        client.pipe(upstream).on("error", () => undefined);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((done) => proxy.listen(0, "127.0.0.1", done));
  });
  afterEach(async () => {
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
  });

  it("sends its requests with the toolkit's own client through the proxy the runner names", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const through = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    // The toolkit sends nothing for a loopback name through a proxy; GitHub named by its
    // IPv4-mapped address is not such a name, and is still reached on loopback either way.
    const result = await trainedRun(0.95, {
      bundle: true,
      apiUrl: fake.url.replace("127.0.0.1", "[::ffff:127.0.0.1]"),
      env: { HTTPS_PROXY: through, HTTP_PROXY: through },
    });
    expect(result.stderr).toBe("");
    expect(result.outputs.decision).toBe("approved");
    expect(writes()).toContain("POST /repos/{owner}/{repo}/check-runs");
    // GitHub was asked through the proxy's tunnels (with the Action's own client, none).
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((tunnel) => tunnel.endsWith(`]:${new URL(fake.url).port}`))).toBe(true);
  });
});

describe("mode evaluate in the training run", () => {
  it("auto-approves good metrics, records the snapshot as an artifact of its run, and publishes", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.95, { bundle: true });

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.outcome).toBe("success");
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("true");
    expect(result.outputs["model-digest"]).toMatch(/^[0-9a-f]{64}$/);
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.decision).toBe("approved");
    expect(report.candidate).toMatchObject({
      commit: HEAD,
      pr: PR,
      evidence: { kind: "measured", run: { workflow: TRAIN_WORKFLOW, event: "pull_request" } },
      config: { ref: "refs/heads/master", blobSha: expect.stringMatching(/^[0-9a-f]{40}$/), trusted: true },
    });
    expect(result.summary).toContain("accuracy");
    expect(result.summary).not.toContain("<!-- model-approval:");

    // The composite action's second step uploaded what this run measured.
    const [artifact] = recorded();
    expect(artifact).toMatchObject({ name: "model-approval-snapshot-1", headSha: HEAD });
    const snapshot = decodeSnapshot(new TextDecoder().decode(artifact!.files[SNAPSHOT_FILE] as Uint8Array));
    expect(snapshot).toMatchObject({
      ok: true,
      snapshot: {
        claims: { commit: HEAD, pullRequest: PR },
        model: { digest: result.outputs["model-digest"] },
      },
    });

    expect(checkRuns(fake, METRICS_CHECK)).toMatchObject([
      { status: "completed", conclusion: "success", appSlug: "github-actions" },
    ]);
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    expect(labels(fake)).toEqual(["model-approval: auto-approved"]);
    expect(comments(fake)).toHaveLength(1);
  });

  it("leaves a decision pending without failing, requests the approver, and writes nothing when nothing changed", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const first = await trainedRun(0.85);
    expect(first.code).toBe(0);
    expect(first.outputs.decision).toBe("pending");
    expect(first.outputs["auto-approved"]).toBe("false");
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "in_progress", conclusion: null }]);
    expect(labels(fake)).toEqual(["model-approval: pending"]);
    expect(fake.state.pull(REPO, PR).requestedReviewers).toEqual(["alice"]);

    fake.clearRequests();
    // Decided again from what the training run recorded: the same decision, so nothing to write.
    const again = await run({ eventName: "pull_request", payload: prOpened(), files: outputs(0.85) });
    expect(again.code).toBe(0);
    expect(again.outputs.decision).toBe("pending");
    expect(writes()).toEqual([]);
    expect(comments(fake)).toHaveLength(1);
    expect(labels(fake)).toEqual(["model-approval: pending"]);
  });

  it("reads the rules from the default branch, not from the PR's copy", async () => {
    const lenient = fixture("auto-approve.yml").replace("accuracy > 0.90", "accuracy > 0.10");
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml"), headFiles: { [CONFIG]: lenient } });
    const result = await trainedRun(0.85, { files: { [CONFIG]: lenient } });
    expect(result.outputs.decision).toBe("pending");
    // The rules come with the PR's query, from the default branch's tip; the PR's copy is not read.
    const reads = fake.requests.filter(
      (r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}" && r.path.endsWith("model-approval.yml"),
    );
    expect(reads).toEqual([]);
    const asked = fake.requests.map(
      (r) => (r.body as { variables?: Record<string, unknown> } | null)?.variables,
    );
    expect(asked).toContainEqual(expect.objectContaining({ withFile: true, file: CONFIG }));
  });

  it("reads the rules from the default branch when the PR targets another branch", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const master = fake.state.commit(REPO, {
      branch: "master",
      files: { [CONFIG]: fixture("auto-approve.yml"), [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT },
    });
    const lenient = fixture("auto-approve.yml").replace("accuracy > 0.90", "accuracy > 0.10");
    fake.state.commit(REPO, { branch: "loose", parent: master, sha: BASE, files: { [CONFIG]: lenient } });
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
        message: expect.stringMatching(/targets loose, not the default branch master/),
      }),
    );
    // Its run built loose's workflow and code: not evidence either.
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/may have been PR #\d+'s, into loose/) }),
    );
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
    // A rejection still records its evidence: the upload step runs after a failed decision step
    // (the Node.js check before it passed).
    expect(regressed.steps.map((s) => [s.step, s.outcome])).toEqual([
      ["node-version", "success"],
      ["model-approval", "failure"],
      [expect.stringMatching(/^actions\/upload-artifact@/), "success"],
    ]);
    expect(recorded()).toHaveLength(1);
  });

  it("uses the PR's config when the default branch has none, and never approves under it", async () => {
    const selfApproving = fixture("auto-approve.yml")
      .replace("approvers: [alice]", `approvers: [${AUTHOR}]\n      allow_self_approval: true`)
      .replace("auto_approve_if: [accuracy > 0.90]", "auto_approve_if: [accuracy > 0.99]");
    seedPullRequest(fake, { headFiles: { [CONFIG]: selfApproving } });
    fake.state.addReview(REPO, PR, { user: AUTHOR, state: "APPROVED" });
    const result = await trainedRun(0.95, { files: { [CONFIG]: selfApproving } });
    expect(result.code).toBe(0);
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
    const result = await trainedRun(0.95, { bundle: true });
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
    expect(result.stdout).toContain(`dry-run: would update the ${DECISION_CHECK} check run`);
  });

  it("with app: true publishes only the metrics check run", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.85, { inputs: { app: "true" } });
    expect(result.code).toBe(0);
    expect(writes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
    expect(checkRuns(fake, METRICS_CHECK)).toHaveLength(1);
    expect(labels(fake)).toEqual([]);
  });

  it("with app: true refuses a config path the App would not read", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const result = await trainedRun(0.85, { inputs: { app: "true", config: "ci/gate.yml" } });
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("error");
    expect(result.annotations[0]!.message).toMatch(/must be \.github\/model-approval\.yml with app: true/);
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
    const training = fake.state.addWorkflowRun(REPO, {
      headSha: HEAD,
      path: TRAIN_WORKFLOW,
      headRepo: "fork/Hello-World",
      headBranch: "changes",
      status: "in_progress",
    });
    const result = await run({
      eventName: "pull_request",
      payload,
      files: outputs(0.85),
      run: { fake, id: training.id },
      inputs: { "github-token": "read-only" },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    const refused = result.annotations.filter(
      (a) => a.level === "warning" && a.message.startsWith("could not write"),
    );
    expect(refused.map((a) => a.message.replace(/: permission denied.*/, ""))).toEqual([
      `could not write the ${METRICS_CHECK} check run`,
      `could not write the ${DECISION_CHECK} check run`,
      `could not write the model-approval label on PR #${PR}`,
      `could not write the comment on PR #${PR}`,
      `could not write review requests on PR #${PR}`,
    ]);
    expect(refused[0]!.message).toContain("fork");
  });

  it("retries a 5xx from GitHub", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.fail(GRAPHQL_ROUTE, { status: 502 });
    const result = await trainedRun(0.85);
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    const reviewReads = fake.requests.filter((r) => r.route === GRAPHQL_ROUTE);
    expect(reviewReads.map((r) => r.status)).toEqual([502, 200]);
  });

  it("turns a failed read into an error decision naming what was read, never an approval", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.fail(GRAPHQL_ROUTE, {
      status: 403,
      message: "Resource not accessible",
    });
    const result = await trainedRun(0.95);
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("error");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: expect.stringContaining(`pull request #${PR} and its reviews`),
      }),
    );
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report).toMatchObject({ failure: { code: "read_failed" }, diagnostics: [] });
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
    const result = await trainedRun(0.85, { payload, bundle: true });
    expect(existsSync(marker)).toBe(false);
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations.some((a) => a.message === "injected")).toBe(false);
  });
});

describe("evidence comes from the training run", () => {
  it("a run of another workflow is not evidence: its workspace's metrics do not count, the recorded snapshot decides", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    const other = startTrainingRun(fake, { path: ".github/workflows/evil.yml" });
    const result = await run({
      eventName: "pull_request",
      payload: prOpened(),
      files: outputs(0.99),
      run: { fake, id: other.id },
    });
    expect(result.outputs.decision).toBe("pending");
    expect(result.outputs.snapshot ?? "").toBe("");
    expect(recorded()).toEqual([]);
    expect(
      result.annotations.some((a) =>
        /is not evidence \(run \d+ of \.github\/workflows\/evil\.yml is not a workflow on the default branch/.test(
          a.message,
        ),
      ),
    ).toBe(true);
  });

  it("on a review, decides from the training run's snapshot, never from files committed in the PR", async () => {
    // The PR commits a metrics file claiming a great model; the training run measured 0.85.
    seedPullRequest(fake, {
      baseConfig: fixture("auto-approve.yml"),
      headFiles: { "train.py": "x", "metrics/eval.json": metricsJson(0.99) },
    });
    expect((await trainedRun(0.85)).outputs.decision).toBe("pending");
    const published = { ...checkRuns(fake, METRICS_CHECK)[0]! };

    // The review run checks out the PR head, metrics file and all.
    const reviewRun = startTrainingRun(fake, { event: "pull_request_review" });
    const noisy = await run({
      eventName: "pull_request_review",
      payload: reviewEvent("bob", "APPROVED"),
      files: { "metrics/eval.json": metricsJson(0.99), "models/model.pkl": "weights-0.99" },
      run: { fake, id: reviewRun.id },
    });
    expect(noisy.outputs.decision).toBe("pending");
    expect(noisy.outputs["auto-approved"]).toBe("false");

    const result = await run({ eventName: "pull_request_review", payload: reviewEvent("alice", "APPROVED") });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("false");
    expect(result.outputs["model-digest"]).toMatch(/^[0-9a-f]{64}$/);
    const report = JSON.parse(readFileSync(result.outputs.report!, "utf8"));
    expect(report.metrics[0]).toMatchObject({ value: 0.85 });
    expect(report.candidate.evidence).toMatchObject({ kind: "recorded", run: { workflow: TRAIN_WORKFLOW } });
    expect(labels(fake)).toEqual(["model-approval: approved"]);
    expect(checkRuns(fake, DECISION_CHECK)).toMatchObject([{ status: "completed", conclusion: "success" }]);
    // The review runs measured nothing themselves: what the training run recorded stays as it was.
    expect(checkRuns(fake, METRICS_CHECK)).toEqual([published]);
    expect(recorded()).toHaveLength(1);
  });

  it("a review waits for a training run that has not recorded yet, and says which", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    startTrainingRun(fake);
    const result = await run({ eventName: "pull_request_review", payload: reviewEvent("alice", "APPROVED") });
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toMatch(
      /waiting for the training run's evidence: training run \d+ \(attempt 1\) .* is in_progress/,
    );
  });
});

describe("mode evaluate outside a pull request", () => {
  const pushPayload = (ref: string) =>
    loadWebhookExample("push", undefined, { ref, repository: { default_branch: "master" } });

  function pushRun(sha: string, branch: string, accuracy: number, config = fixture("auto-approve.yml")) {
    const training = fake.state.addWorkflowRun(REPO, {
      headSha: sha,
      path: TRAIN_WORKFLOW,
      event: "push",
      headBranch: branch,
      pullRequests: [],
      status: "in_progress",
    });
    return run({
      eventName: "push",
      payload: pushPayload(`refs/heads/${branch}`),
      sha,
      files: { [CONFIG]: config, ...outputs(accuracy) },
      run: { fake, id: training.id },
    });
  }

  it("auto-approves a push to the default branch from its rules, with no PR writes", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const sha = fake.state.commit(REPO, {
      branch: "master",
      files: { [CONFIG]: fixture("auto-approve.yml"), [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT },
    });
    const result = await pushRun(sha, "master", 0.95);
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(result.outputs["auto-approved"]).toBe("true");
    // Only the metrics display: the decision check run belongs to pull requests.
    expect(writes()).toEqual(["POST /repos/{owner}/{repo}/check-runs"]);
    expect(checkRuns(fake, DECISION_CHECK, sha)).toEqual([]);
    expect(fake.calls((r) => r.route?.includes("/pulls/") === true)).toEqual([]);
    expect(recorded()).toHaveLength(1);
  });

  it("a push to another branch uses the default branch's rules, never its own, and approves nothing", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const master = fake.state.commit(REPO, {
      branch: "master",
      files: { [CONFIG]: fixture("auto-approve.yml"), [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT },
    });
    const loose = fixture("auto-approve.yml").replace("accuracy > 0.90", "accuracy > 0.10");
    const side = fake.state.commit(REPO, { branch: "side", parent: master, files: { [CONFIG]: loose } });
    // The PR on that same commit has its own decision check run, which a push run must not overwrite.
    fake.state.addCheckRun(REPO, {
      name: DECISION_CHECK,
      headSha: side,
      appSlug: "github-actions",
      status: "in_progress",
      conclusion: null,
    });
    const result = await pushRun(side, "side", 0.5, loose);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.summary).toMatch(/only commits on the default branch master are approved/);
    const reads = fake.requests.filter(
      (r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}" && r.path.endsWith("model-approval.yml"),
    );
    expect(reads.map((r) => r.query.ref)).toEqual(["refs/heads/master"]);
    expect(checkRuns(fake, DECISION_CHECK, side)).toMatchObject([{ status: "in_progress" }]);
  });

  it("on workflow_dispatch of the default branch, leaves a needed human approval pending and says why", async () => {
    fake.state.addRepo(REPO, { defaultBranch: "master" });
    const sha = fake.state.commit(REPO, {
      branch: "master",
      files: { [CONFIG]: fixture("auto-approve.yml"), [TRAIN_WORKFLOW]: TRAIN_WORKFLOW_TEXT },
    });
    const training = fake.state.addWorkflowRun(REPO, {
      headSha: sha,
      path: TRAIN_WORKFLOW,
      event: "workflow_dispatch",
      headBranch: "master",
      pullRequests: [],
      status: "in_progress",
    });
    const result = await run({
      eventName: "workflow_dispatch",
      payload: loadWebhookExample("workflow_dispatch", undefined, {
        repository: { default_branch: "master" },
      }),
      sha,
      files: outputs(0.85),
      run: { fake, id: training.id },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("pending");
    expect(result.summary).toMatch(/pull request/i);
  });
});

describe("mode gate", () => {
  const gate = (payload: unknown = prOpened()) =>
    run({ eventName: "pull_request", payload, inputs: { mode: "gate" } });

  it("passes only when the decision, made again from the recorded evidence, is approved", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.95);
    fake.clearRequests();
    const result = await gate();
    expect(result.code).toBe(0);
    expect(result.outputs.decision).toBe("approved");
    expect(writes()).toEqual([]);
  });

  it("trusts no check run: a green decision check run without evidence releases nothing", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    fake.state.addCheckRun(REPO, {
      name: DECISION_CHECK,
      headSha: HEAD,
      appSlug: "github-actions",
      conclusion: "success",
    });
    const result = await gate();
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("pending");
    expect(result.annotations[0]!.message).toMatch(/no run of a workflow on the default branch/);
  });

  it("fails on a commit the pull request has moved on from, though that commit was approved", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.95);
    const moved = fake.state.commit(REPO, { parent: HEAD, files: { "train.py": "print('retrained')\n" } });
    fake.state.pull(REPO, PR).headSha = moved;
    fake.state.touchPull(fake.state.pull(REPO, PR));
    const result = await gate();
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.annotations[0]!.message).toContain(`has moved on to ${moved.slice(0, 7)}`);
  });

  it("fails with the reason while pending, and once an approver takes their approval back", async () => {
    seedPullRequest(fake, { baseConfig: fixture("auto-approve.yml") });
    await trainedRun(0.85);
    const pending = await gate();
    expect(pending.code).toBe(1);
    expect(pending.outputs.decision).toBe("pending");
    expect(pending.annotations[0]!.message).toMatch(/alice/);
    // The log gets the plain-text report; the job summary, which GitHub renders, the Markdown one.
    expect(pending.stdout).toContain(
      "model-approval: PENDING — approve_model needs 1 more approval(s) from alice",
    );
    expect(pending.stdout).toMatch(/^ {2}not reached accuracy > 0\.9 {2}value 0\.85/m);
    expect(pending.stdout).not.toMatch(/^(#+ |\| --- |.*\*\*)|<details>|```/m);
    expect(pending.summary).toContain("### Still needed");
    fake.state.addReview(REPO, PR, { user: "alice", state: "APPROVED" });
    expect((await gate()).code).toBe(0);
    // A later changes-requested, even on an older commit, replaces the approval.
    fake.state.addReview(REPO, PR, { user: "alice", state: "CHANGES_REQUESTED", commitId: BASE });
    const withdrawn = await gate();
    expect(withdrawn.code).toBe(1);
  });
});
