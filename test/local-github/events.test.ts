// The webhooks of branch moves, team changes and workflow runs, delivered to an App subscribed
// to them and valid against @octokit/webhooks-schemas; PR payloads carrying the state's
// updated_at; and only the events an App subscribes to reach it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { DEFAULT_APP_EVENTS, DEFAULT_TOKEN, LocalGitHub } from "../../src/local-github/index.js";
import { validateWebhook } from "../../src/local-github/webhooks.js";

const REPO = "acme/models";
const publicKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "pem" })
  .toString();

let receiver: Server;
let receiverUrl: string;
let received: { event: string; body: string }[] = [];
let gh: LocalGitHub;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ event: String(req.headers["x-github-event"]), body: Buffer.concat(chunks).toString() });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((done) => receiver.close(done));
});

async function start(events?: string[]): Promise<void> {
  gh = await LocalGitHub.start();
  gh.registerApp({ id: 9, slug: "gate", publicKey, webhookSecret: "s", webhookUrl: receiverUrl, events });
  gh.createRepo(REPO, { "README.md": "models\n", ".github/model-approval.yml": "version: 1\n" });
}

beforeEach(() => {
  received = [];
});
afterEach(async () => {
  try {
    gh.api.assertNoContractViolations();
  } finally {
    await gh.close();
  }
});

/** What reached the App, each payload validated against its schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read field by field
async function got(): Promise<{ name: string; payload: Record<string, any> }[]> {
  await gh.idle();
  return received.map(({ event, body }) => {
    const payload = JSON.parse(body);
    validateWebhook(event, payload.action, payload);
    expect(payload.installation.id).toBe(gh.installationId);
    return { name: payload.action ? `${event}.${payload.action}` : event, payload };
  });
}

const ALL = [...DEFAULT_APP_EVENTS, "push", "membership", "workflow_run"];

describe("push", () => {
  it("a merge to main that changes the config: ref, before, after, commits with their files, pusher", async () => {
    await start(ALL);
    const before = gh.state.repo(REPO).branches.main;
    const after = gh.pushToBranch(
      REPO,
      "main",
      { ".github/model-approval.yml": "version: 1\nsteps: []\n", "README.md": null, "NEW.md": "x" },
      { pusher: "carol", message: "Tighten the gate" },
    );
    const [push] = await got();
    expect(push?.name).toBe("push");
    expect(push?.payload).toMatchObject({
      ref: "refs/heads/main",
      before,
      after,
      created: false,
      forced: false,
      pusher: { name: "carol" },
      sender: { login: "carol" },
      repository: { full_name: REPO, default_branch: "main", id: gh.state.repo(REPO).id },
      head_commit: { id: after, message: "Tighten the gate" },
    });
    expect(push?.payload.commits).toEqual([
      expect.objectContaining({
        id: after,
        added: ["NEW.md"],
        removed: ["README.md"],
        modified: [".github/model-approval.yml"],
      }),
    ]);
  });

  it("a new branch, a push and a force push to a PR's branch: push and synchronize, with the activity", async () => {
    await start(ALL);
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const first = pull.headSha;
    gh.push(REPO, pull.number, { "train.py": "2" }, { pusher: "dave" });
    gh.forcePush(REPO, pull.number, first, "mallory");
    expect(pull.headSha).toBe(first);
    const events = await got();
    expect(events.map((e) => e.name)).toEqual([
      "push",
      "pull_request.opened",
      "push",
      "pull_request.synchronize",
      "push",
      "pull_request.synchronize",
    ]);
    expect(events[0]?.payload).toMatchObject({ created: true, before: "0".repeat(40), after: first });
    expect(events[0]?.payload.commits.map((c: { id: string }) => c.id)).toEqual([first]);
    expect(events[3]?.payload.sender.login).toBe("dave");
    expect(events[4]?.payload).toMatchObject({
      forced: true,
      after: first,
      commits: [],
      pusher: { name: "mallory" },
    });
    expect(events[5]?.payload).toMatchObject({ after: first, sender: { login: "mallory" } });
    expect(
      gh.state
        .repo(REPO)
        .activities.map((a) => [a.activityType, a.actor])
        .slice(-3),
    ).toEqual([
      ["branch_creation", "bob"],
      ["push", "dave"],
      ["force_push", "mallory"],
    ]);
    // After the force push, the PR's files are what its head changes again.
    expect(gh.state.pull(REPO, pull.number).files).toEqual([
      expect.objectContaining({ filename: "train.py", status: "added" }),
    ]);
  });
});

describe("membership", () => {
  it("added and removed, keeping state.teams in step; no event when nothing changes", async () => {
    await start(ALL);
    gh.state.setTeam("acme", "ml-leads", ["carol"]);
    gh.setTeamMembership("acme", "ml-leads", "dave", "added", "octo-admin");
    gh.setTeamMembership("acme", "ml-leads", "dave", "added");
    gh.setTeamMembership("acme", "ml-leads", "carol", "removed");
    expect(gh.state.teams.get("acme/ml-leads")).toEqual(["dave"]);
    const events = await got();
    expect(events.map((e) => e.name)).toEqual(["membership.added", "membership.removed"]);
    expect(events[0]?.payload).toMatchObject({
      scope: "team",
      member: { login: "dave" },
      sender: { login: "octo-admin" },
      team: { slug: "ml-leads", name: "ml-leads" },
      organization: { login: "acme" },
    });
    const members = await fetch(`${gh.url}/orgs/acme/teams/ml-leads/members`, {
      headers: { authorization: `token ${DEFAULT_TOKEN}` },
    }).then((r) => r.json() as Promise<{ login: string }[]>);
    expect(members.map((m) => m.login)).toEqual(["dave"]);
  });
});

describe("workflow_run", () => {
  it("requested and in_progress as a run starts, completed as it ends — not while its deploy job waits", async () => {
    await start(ALL);
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, run, true);
    await gh.idle();
    const before = received.length;
    // The App approves the deployment through the callback: the deploy job runs, the run succeeds.
    gh.state.addToken("ghs_gate", { login: "gate[bot]", type: "Bot", appSlug: "gate" });
    const answer = await fetch(`${gh.url}/repos/${REPO}/actions/runs/${run.id}/deployment_protection_rule`, {
      method: "POST",
      headers: { authorization: "token ghs_gate" },
      body: JSON.stringify({ environment_name: "production", state: "approved" }),
    });
    expect(answer.status).toBe(204);
    gh.rerunWorkflow(REPO, run, { actor: "alice" });
    gh.cancelRun(REPO, run);

    const events = (await got()).filter((e) => e.name.startsWith("workflow_run"));
    expect(
      events.map((e) => [e.name, e.payload.workflow_run.status, e.payload.workflow_run.run_attempt]),
    ).toEqual([
      ["workflow_run.requested", "queued", 1],
      ["workflow_run.in_progress", "in_progress", 1],
      ["workflow_run.completed", "completed", 1],
      ["workflow_run.requested", "queued", 2],
      ["workflow_run.in_progress", "in_progress", 2],
      ["workflow_run.completed", "completed", 2],
    ]);
    expect(received.length).toBeGreaterThan(before);
    expect(events[0]?.payload.workflow_run).toMatchObject({
      id: run.id,
      path: ".github/workflows/model.yml",
      head_sha: pull.headSha,
      event: "pull_request",
      conclusion: null,
      pull_requests: [{ number: pull.number, head: { sha: pull.headSha } }],
      head_repository: { full_name: REPO },
    });
    expect(events[2]?.payload.workflow_run.conclusion).toBe("success");
    expect(events[3]?.payload).toMatchObject({
      sender: { login: "alice" },
      workflow_run: { triggering_actor: { login: "alice" } },
    });
    expect(events[5]?.payload.workflow_run.conclusion).toBe("cancelled");
  });

  it("a failed train job completes the run with failure; a push run lists its event", async () => {
    await start(ALL);
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, run, false);
    gh.startPushRun(REPO, "main", { actor: "carol" });
    const events = (await got()).filter((e) => e.name.startsWith("workflow_run"));
    expect(
      events.map((e) => [e.name, e.payload.workflow_run.event, e.payload.workflow_run.conclusion]),
    ).toEqual([
      ["workflow_run.requested", "pull_request", null],
      ["workflow_run.in_progress", "pull_request", null],
      ["workflow_run.completed", "pull_request", "failure"],
      ["workflow_run.requested", "push", null],
      ["workflow_run.in_progress", "push", null],
    ]);
    expect(events[3]?.payload.workflow_run).toMatchObject({
      head_branch: "main",
      pull_requests: [],
      actor: { login: "carol" },
    });
  });
});

describe("pull_request", () => {
  it("carries updated_at as the state has it, through edits and closing by merge", async () => {
    await start(ALL);
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    gh.label(REPO, pull.number, "labeled", "ready", "alice");
    gh.editPullRequest(REPO, pull.number, { title: "Retrain on 2026 data" }, "bob");
    gh.closePullRequest(REPO, pull.number, { merged: true, by: "carol" });
    const events = (await got()).filter((e) => e.name.startsWith("pull_request"));
    expect(events.map((e) => e.name)).toEqual([
      "pull_request.opened",
      "pull_request.labeled",
      "pull_request.edited",
      "pull_request.closed",
    ]);
    const stamps = events.map((e) => e.payload.pull_request.updated_at);
    expect([...new Set(stamps)]).toHaveLength(4);
    expect(stamps[3]).toBe(pull.updatedAt);
    expect(events[2]?.payload.changes).toEqual({ title: { from: "Train a new model" } });
    expect(events[3]?.payload.pull_request).toMatchObject({
      state: "closed",
      merged: true,
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
    });
    // The merge is a commit on main with both heads as parents, recorded as a pr_merge.
    const repo = gh.state.repo(REPO);
    expect(repo.branches.main).toBe(pull.mergeCommitSha);
    expect(repo.commitInfo[pull.mergeCommitSha ?? ""]?.parents).toEqual([pull.baseSha, pull.headSha]);
    expect(repo.commits[repo.branches.main ?? ""]).toMatchObject({ "train.py": "1" });
    expect(repo.activities.at(-1)).toMatchObject({ activityType: "pr_merge", actor: "carol" });
    const served = await fetch(`${gh.url}/repos/${REPO}/pulls/${pull.number}`, {
      headers: { authorization: `token ${DEFAULT_TOKEN}` },
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(served).toMatchObject({
      state: "closed",
      merged: true,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
    });
  });
});

describe("pull_request edits and closing", () => {
  it("a new base: edited with the old ref and sha, the files against the new base; closed unmerged", async () => {
    await start(ALL);
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const oldBase = pull.baseSha;
    gh.pushToBranch(REPO, "release", { "train.py": "1", "other.md": "x" }, { pusher: "carol" });
    gh.editPullRequest(REPO, pull.number, { base: "release" });
    gh.closePullRequest(REPO, pull.number);
    const events = (await got()).filter((e) => e.name.startsWith("pull_request"));
    expect(events.map((e) => e.name)).toEqual([
      "pull_request.opened",
      "pull_request.edited",
      "pull_request.closed",
    ]);
    expect(events[1]?.payload.changes).toEqual({ base: { ref: { from: "main" }, sha: { from: oldBase } } });
    expect(events[1]?.payload.pull_request.base).toMatchObject({ ref: "release" });
    expect(events[2]?.payload.pull_request).toMatchObject({
      state: "closed",
      merged: false,
      merged_at: null,
    });
    expect(() => gh.closePullRequest(REPO, pull.number)).toThrow(/already closed/);
  });
});

describe("subscriptions", () => {
  it("an App registered without events gets only the default ones", async () => {
    await start();
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "1" } });
    const run = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, run, false);
    gh.setTeamMembership("acme", "ml-leads", "dave", "added");
    gh.pushToBranch(REPO, "main", { "x.md": "1" });
    expect((await got()).map((e) => e.name)).toEqual(["pull_request.opened"]);
  });
});
