// Workflow runs and their artifacts as GitHub serves them: the run's representation (path,
// attempt, PRs, head repository), the list's filters and order, attempts after a re-run, push
// runs, and artifacts bound to the run that uploaded them, downloaded through a redirect to an
// unauthenticated, short-lived blob URL — as Octokit (@actions/github, Probot) follows it.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { getOctokit } from "@actions/github";
import { Octokit } from "@octokit/core";
import { ProbotOctokit } from "probot";
import { unzipSync } from "fflate";
import { createHash } from "node:crypto";
import { DEFAULT_TOKEN, LocalGitHub, artifactZip } from "../../src/local-github/index.js";

const REPO = "acme/models";
let gh: LocalGitHub;

beforeEach(async () => {
  gh = await LocalGitHub.start();
  gh.createRepo(REPO, { "README.md": "models\n" });
});
afterEach(async () => {
  try {
    gh.api.assertNoContractViolations();
  } finally {
    await gh.close();
  }
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are read field by field
type Body = any;

async function get(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Body; headers: Headers }> {
  const response = await fetch(`${gh.url}${path}`, {
    ...init,
    headers: { authorization: `token ${DEFAULT_TOKEN}`, ...init.headers },
  });
  const type = response.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await response.json() : await response.text();
  return { status: response.status, body, headers: response.headers };
}

describe("workflow runs", () => {
  it("carry the workflow path, attempt, event, PRs and head repository", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, {
      environment: "production",
      path: ".github/workflows/train.yml",
    });
    const { body } = await get(`/repos/${REPO}/actions/runs/${run.id}`);
    expect(body).toMatchObject({
      id: run.id,
      path: ".github/workflows/train.yml",
      run_attempt: 1,
      run_number: 1,
      event: "pull_request",
      status: "in_progress",
      conclusion: null,
      head_sha: pull.headSha,
      head_branch: "retrain",
      check_suite_id: run.checkSuiteId,
      actor: { login: "bob" },
      created_at: run.createdAt,
      run_started_at: run.runStartedAt,
      head_repository: { full_name: REPO },
      pull_requests: [
        {
          number: pull.number,
          head: { ref: "retrain", sha: pull.headSha, repo: { name: "models" } },
          base: { ref: "main", sha: pull.baseSha },
        },
      ],
    });
    expect(body.updated_at >= body.created_at).toBe(true);
  });

  it("list none for a fork's PR, and give the fork as the head repository", async () => {
    const head = gh.state.commit(REPO, { branch: "eve-main", parent: "main", files: { "x.py": "1" } });
    const pull = gh.state.addPullRequest(REPO, {
      author: "eve",
      headSha: head,
      headRef: "main",
      headRepo: "eve/models",
    });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    expect(run).toMatchObject({ pullRequests: [], headRepo: "eve/models" });
    const { body } = await get(`/repos/${REPO}/actions/runs/${run.id}`);
    expect(body.pull_requests).toEqual([]);
    expect(body.head_repository).toMatchObject({ full_name: "eve/models" });
    expect(body.repository).toMatchObject({ full_name: REPO });
  });

  it("are listed newest first and filtered by head_sha, status, event, branch and check suite", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const first = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, first, false);
    gh.push(REPO, pull.number, { "train.py": "2" });
    const second = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    const onMain = gh.startPushRun(REPO, "main");
    const ids = async (query = "") =>
      (await get(`/repos/${REPO}/actions/runs${query}`)).body.workflow_runs.map((r: { id: number }) => r.id);

    expect(await ids()).toEqual([onMain.id, second.id, first.id]);
    expect(await ids(`?head_sha=${first.headSha}`)).toEqual([first.id]);
    expect(await ids("?status=failure")).toEqual([first.id]);
    expect(await ids("?status=completed")).toEqual([first.id]);
    expect(await ids("?status=in_progress")).toEqual([onMain.id, second.id]);
    expect(await ids("?event=push")).toEqual([onMain.id]);
    expect(await ids("?branch=retrain")).toEqual([second.id, first.id]);
    expect(await ids(`?check_suite_id=${second.checkSuiteId}`)).toEqual([second.id]);
    expect(await ids(`?created=>=${second.createdAt}`)).toEqual([onMain.id, second.id]);
    expect(await ids(`?created=<${second.createdAt}`)).toEqual([first.id]);
    expect(await ids(`?created=*..${first.createdAt}`)).toEqual([first.id]);
    expect(second.runNumber).toBe(2);
    const push = (await get(`/repos/${REPO}/actions/runs/${onMain.id}`)).body;
    expect(push).toMatchObject({
      event: "push",
      head_branch: "main",
      head_sha: gh.state.repo(REPO).branches.main,
      pull_requests: [],
    });
  });

  it("keep each attempt readable after a re-run", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, run, false);
    const firstEnd = run.updatedAt;
    expect(() => gh.cancelRun(REPO, run)).toThrow(/already completed/);
    gh.rerunWorkflow(REPO, run, { actor: "alice" });
    expect(run).toMatchObject({ runAttempt: 2, status: "in_progress", conclusion: null });
    expect(run.jobs?.map((j) => j.status)).toEqual(["in_progress", "queued"]);
    expect(() => gh.rerunWorkflow(REPO, run)).toThrow(/only a completed run/);

    const latest = (await get(`/repos/${REPO}/actions/runs/${run.id}`)).body;
    expect(latest).toMatchObject({
      run_attempt: 2,
      status: "in_progress",
      triggering_actor: { login: "alice" },
      actor: { login: "bob" },
      previous_attempt_url: expect.stringMatching(new RegExp(`/actions/runs/${run.id}/attempts/1$`)),
    });
    const attempt1 = (await get(`/repos/${REPO}/actions/runs/${run.id}/attempts/1`)).body;
    expect(attempt1).toMatchObject({
      run_attempt: 1,
      status: "completed",
      conclusion: "failure",
      updated_at: firstEnd,
    });
    expect(attempt1.run_started_at < latest.run_started_at).toBe(true);
    expect((await get(`/repos/${REPO}/actions/runs/${run.id}/attempts/2`)).body).toMatchObject({
      run_attempt: 2,
    });
    expect((await get(`/repos/${REPO}/actions/runs/${run.id}/attempts/3`)).status).toBe(404);
  });

  it("end as success, failure or cancelled", () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const cancelled = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.cancelRun(REPO, cancelled);
    expect(cancelled).toMatchObject({ status: "completed", conclusion: "cancelled" });
    expect(cancelled.jobs?.map((j) => j.conclusion)).toEqual(["cancelled", "cancelled"]);
    const failed = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.failRun(REPO, failed);
    expect(failed.jobs?.map((j) => j.conclusion)).toEqual(["failure", "skipped"]);
    const done = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.completeRun(REPO, done, "success");
    expect(done).toMatchObject({ status: "completed", conclusion: "success" });
  });
});

describe("artifacts", () => {
  function runWithArtifact() {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    const artifact = gh.state.addArtifact(REPO, {
      runId: run.id,
      name: "model-approval-snapshot",
      files: { "snapshot.json": '{"accuracy":0.9}\n', "bin/weights": new Uint8Array([0, 1, 2, 255]) },
    });
    return { pull, run, artifact };
  }

  it("are listed per run, bound to it, with the zip's size and digest", async () => {
    const { run, artifact } = runWithArtifact();
    const other = gh.state.addArtifact(REPO, { runId: run.id, name: "logs", files: { "log.txt": "ok" } });
    const { body } = await get(`/repos/${REPO}/actions/runs/${run.id}/artifacts`);
    const zip = artifactZip(artifact);
    expect(body.total_count).toBe(2);
    expect(body.artifacts.map((a: { id: number }) => a.id)).toEqual([other.id, artifact.id]);
    expect(body.artifacts[1]).toMatchObject({
      id: artifact.id,
      name: "model-approval-snapshot",
      size_in_bytes: zip.byteLength,
      expired: false,
      created_at: artifact.createdAt,
      expires_at: artifact.expiresAt,
      digest: `sha256:${createHash("sha256").update(zip).digest("hex")}`,
      archive_download_url: `${gh.url}/repos/${REPO}/actions/artifacts/${artifact.id}/zip`,
      workflow_run: {
        id: run.id,
        repository_id: gh.state.repo(REPO).id,
        head_repository_id: gh.state.repo(REPO).id,
        head_branch: "retrain",
        head_sha: run.headSha,
      },
    });
    const named = await get(`/repos/${REPO}/actions/runs/${run.id}/artifacts?name=logs`);
    expect(named.body.artifacts.map((a: { id: number }) => a.id)).toEqual([other.id]);
    // The same bytes every time: the digest is stable.
    expect(artifactZip(artifact)).toEqual(zip);
  });

  it("refuse a second artifact of the same name on a run, unless overwritten", () => {
    const { run } = runWithArtifact();
    expect(() =>
      gh.state.addArtifact(REPO, { runId: run.id, name: "model-approval-snapshot", files: {} }),
    ).toThrow(/409/);
    const replaced = gh.state.addArtifact(REPO, {
      runId: run.id,
      name: "model-approval-snapshot",
      files: { a: "b" },
      overwrite: true,
    });
    expect(gh.state.repo(REPO).artifacts.map((a) => a.id)).toEqual([replaced.id]);
  });

  it("download through a 302 to a blob URL that takes no token and soon expires", async () => {
    const { artifact } = runWithArtifact();
    const redirect = await get(`/repos/${REPO}/actions/artifacts/${artifact.id}/zip`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^${gh.url}/_blobs/artifacts/[\\w-]{20,}$`));
    const blob = await fetch(location);
    expect(blob.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Buffer.from(files["snapshot.json"] ?? []).toString()).toBe('{"accuracy":0.9}\n');
    expect([...(files["bin/weights"] ?? [])]).toEqual([0, 1, 2, 255]);

    // A URL nobody was given, or one past its minute, is refused.
    expect((await fetch(`${gh.url}/_blobs/artifacts/guessed`)).status).toBe(404);
    const token = location.split("/").pop() ?? "";
    const stored = gh.state.blobs.get(token);
    if (stored) stored.expiresAt = Date.now() - 1;
    expect((await fetch(location)).status).toBe(403);
  });

  it("answer 410 when expired, 404 when deleted or unknown, 422 for another format", async () => {
    const { artifact, run } = runWithArtifact();
    gh.state.expireArtifact(REPO, artifact.id);
    expect(
      (await get(`/repos/${REPO}/actions/artifacts/${artifact.id}/zip`, { redirect: "manual" })).status,
    ).toBe(410);
    expect((await get(`/repos/${REPO}/actions/runs/${run.id}/artifacts`)).body.artifacts[0].expired).toBe(
      true,
    );
    expect(
      (await get(`/repos/${REPO}/actions/artifacts/${artifact.id}/tar`, { redirect: "manual" })).status,
    ).toBe(422);
    gh.state.deleteArtifact(REPO, artifact.id);
    expect(
      (await get(`/repos/${REPO}/actions/artifacts/${artifact.id}/zip`, { redirect: "manual" })).status,
    ).toBe(404);
    expect((await get(`/repos/${REPO}/actions/artifacts/999999/zip`, { redirect: "manual" })).status).toBe(
      404,
    );
    expect((await get(`/repos/${REPO}/actions/runs/${run.id}/artifacts`)).body.total_count).toBe(0);
  });

  it("reach Octokit clients as the zip's bytes in an ArrayBuffer, after the redirect", async () => {
    const { artifact } = runWithArtifact();
    const params = { owner: "acme", repo: "models", artifact_id: artifact.id, archive_format: "zip" };
    const expected = artifactZip(artifact);

    const actions = getOctokit(DEFAULT_TOKEN, { baseUrl: gh.url });
    const fromActions = await actions.rest.actions.downloadArtifact(params);
    const core = new Octokit({ auth: DEFAULT_TOKEN, baseUrl: gh.url });
    const fromCore = await core.request(
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
      params,
    );
    const probot = new ProbotOctokit({
      auth: { token: DEFAULT_TOKEN },
      baseUrl: gh.url,
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const fromProbot = await probot.rest.actions.downloadArtifact(params);

    for (const response of [fromActions, fromCore, fromProbot]) {
      expect(response.status).toBe(200);
      expect(response.url).toMatch(/\/_blobs\/artifacts\//);
      expect(response.data).toBeInstanceOf(ArrayBuffer);
      expect(new Uint8Array(response.data as ArrayBuffer)).toEqual(expected);
    }
  });
});
