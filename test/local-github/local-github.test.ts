// The local GitHub as the App and a person see it: App authentication by JWT, installation tokens,
// reviews and labels through the API, workflow runs gated by a protection rule, and webhooks
// signed and delivered over HTTP with payloads valid against @octokit/webhooks-schemas.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { DEFAULT_TOKEN, LocalGitHub } from "../../src/local-github/index.js";
import { validateWebhook } from "../../src/local-github/webhooks.js";

const APP_ID = 77;
const SECRET = "local-github-test-secret";
const REPO = "acme/models";
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });

function jwt(key: KeyObject, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 540, iss: APP_ID, ...claims })}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let receiver: Server;
let received: Received[] = [];
let receiverUrl: string;
let gh: LocalGitHub;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((done) => receiver.close(done));
});

beforeEach(async () => {
  received = [];
  gh = await LocalGitHub.start();
  gh.registerApp({
    id: APP_ID,
    slug: "gatekeeper",
    publicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    webhookSecret: SECRET,
    webhookUrl: receiverUrl,
  });
  gh.createRepo(REPO, { "README.md": "models\n" }, { collaborators: ["alice", "bob"] });
  gh.addUser("alice");
  gh.addUser("bob");
});
afterEach(async () => {
  gh.api.assertNoContractViolations();
  await gh.close();
});

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Each delivery's event name and payload, after checking its signature and schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read field by field
function deliveries(): { event: string; payload: Record<string, any> }[] {
  return received.map(({ headers, body }) => {
    const expected = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    expect(headers["x-hub-signature-256"]).toBe(expected);
    expect(headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    const event = String(headers["x-github-event"]);
    const payload = JSON.parse(body);
    validateWebhook(event, payload.action, payload);
    expect(payload.installation.id).toBe(gh.installationId);
    return { event: `${event}.${payload.action}`, payload };
  });
}

describe("App authentication", () => {
  it("a JWT signed with the registered key identifies the App and gets an installation token", async () => {
    const token = jwt(keys.privateKey);
    expect((await api("GET", "/app", token)).body).toMatchObject({ id: APP_ID, slug: "gatekeeper" });
    const installation = await api("GET", `/repos/${REPO}/installation`, token);
    expect(installation.body).toMatchObject({ id: gh.installationId, app_id: APP_ID });
    const issued = await api("POST", `/app/installations/${gh.installationId}/access_tokens`, token);
    expect(issued.status).toBe(201);

    // The installation token acts as the App's bot: a check run it creates belongs to the App.
    const created = await api("POST", `/repos/${REPO}/check-runs`, issued.body.token, {
      name: "gate",
      head_sha: gh.state.repo(REPO).branches.main,
    });
    expect(created.body.app.slug).toBe("gatekeeper");
  });

  it.each([
    ["signed with another key", () => jwt(otherKeys.privateKey)],
    ["expired", () => jwt(keys.privateKey, { iat: 1000, exp: 1500 })],
    [
      "living longer than ten minutes",
      () => jwt(keys.privateKey, { exp: Math.floor(Date.now() / 1000) + 3600 }),
    ],
    ["of an unknown app", () => jwt(keys.privateKey, { iss: 9999 })],
  ])("refuses a JWT %s with 401", async (_label, token) => {
    expect((await api("GET", "/app", token())).status).toBe(401);
    expect((await api("POST", `/app/installations/${gh.installationId}/access_tokens`, token())).status).toBe(
      401,
    );
  });

  it("a JWT cannot call repository operations, and a token cannot call the App's", async () => {
    expect((await api("GET", `/repos/${REPO}/pulls/1`, jwt(keys.privateKey))).status).toBe(401);
    expect((await api("GET", "/app", DEFAULT_TOKEN)).status).toBe(401);
  });

  it("serves GitHub Enterprise's /api/v3 prefix, where Probot points with GHE_HOST", async () => {
    expect((await api("GET", "/api/v3/app", jwt(keys.privateKey))).body).toMatchObject({ id: APP_ID });
  });
});

describe("webhooks", () => {
  it("a PR opened, a push, a review and a label change each reach the App, signed", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "retrain", files: { "train.py": "v2" } });
    const first = pull.headSha;
    const second = gh.push(REPO, pull.number, { "train.py": "v3" });
    expect(second).not.toBe(first);
    expect(gh.state.repo(REPO).commits[second]).toMatchObject({ "train.py": "v3", "README.md": "models\n" });
    const review = await api("POST", `/repos/${REPO}/pulls/${pull.number}/reviews`, "token-alice", {
      event: "APPROVE",
    });
    expect(review.status).toBe(200);
    gh.label(REPO, pull.number, "labeled", "ready", "alice");
    await gh.idle();

    const got = deliveries();
    expect(got.map((d) => d.event)).toEqual([
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request_review.submitted",
      "pull_request.labeled",
    ]);
    expect(got[1]?.payload).toMatchObject({
      before: first,
      after: second,
      pull_request: { head: { sha: second } },
    });
    expect(got[2]?.payload.review).toMatchObject({
      state: "approved",
      commit_id: second,
      user: { login: "alice" },
    });
    expect(got[3]?.payload).toMatchObject({ label: { name: "ready" }, sender: { login: "alice" } });
  });

  it("an author cannot approve their own PR", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "b", files: { "x.py": "1" } });
    const own = await api("POST", `/repos/${REPO}/pulls/${pull.number}/reviews`, "token-bob", {
      event: "APPROVE",
    });
    expect(own.status).toBe(422);
    expect(gh.state.pull(REPO, pull.number).reviews).toEqual([]);
  });

  it("labels and completed check runs written through the API are sent with their sender", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "b", files: { "x.py": "1" } });
    await api("POST", `/repos/${REPO}/issues/${pull.number}/labels`, DEFAULT_TOKEN, { labels: ["a"] });
    await api("DELETE", `/repos/${REPO}/issues/${pull.number}/labels/a`, DEFAULT_TOKEN);
    await api("POST", `/repos/${REPO}/check-runs`, DEFAULT_TOKEN, {
      name: "model-approval/metrics",
      head_sha: pull.headSha,
      status: "completed",
      conclusion: "success",
    });
    await gh.idle();
    const got = deliveries().slice(1);
    expect(got.map((d) => [d.event, d.payload.sender.login])).toEqual([
      ["pull_request.labeled", "github-actions[bot]"],
      ["pull_request.unlabeled", "github-actions[bot]"],
      ["check_run.completed", "github-actions[bot]"],
    ]);
    expect(got[2]?.payload.check_run).toMatchObject({
      name: "model-approval/metrics",
      head_sha: pull.headSha,
      app: { slug: "github-actions" },
      pull_requests: [expect.objectContaining({ number: pull.number })],
    });
  });

  it("a delivery the App cannot receive is recorded and can be redelivered with its id", async () => {
    gh.setWebhookUrl("http://127.0.0.1:1/unreachable");
    gh.openPullRequest(REPO, { author: "bob", branch: "b", files: { "x.py": "1" } });
    await gh.idle();
    const failed = gh.deliveries[0];
    expect(failed?.status).toBe(0);
    gh.setWebhookUrl(receiverUrl);
    const again = await gh.webhooks.redeliver(failed?.id ?? "");
    expect(again).toMatchObject({ id: failed?.id, status: 200 });
    expect(received[0]?.headers["x-github-delivery"]).toBe(failed?.id);
  });
});

describe("workflow runs with a protected environment", () => {
  it.each([
    ["approved", "success", "success"],
    ["rejected", "failure", "failure"],
  ] as const)("the protection rule's answer %s ends the deploy job with %s", async (state, job, run) => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "b", files: { "x.py": "1" } });
    const workflow = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, workflow, true);
    await gh.idle();
    const requested = deliveries().at(-1);
    expect(requested?.event).toBe("deployment_protection_rule.requested");
    expect(requested?.payload).toMatchObject({
      environment: "production",
      deployment: { sha: pull.headSha },
      pull_requests: [expect.objectContaining({ number: pull.number })],
    });
    expect(gh.deployJob(workflow).status).toBe("waiting");

    // The App answers through the callback URL with its installation token.
    const token = (
      await api("POST", `/app/installations/${gh.installationId}/access_tokens`, jwt(keys.privateKey))
    ).body.token as string;
    const callback = new URL(requested?.payload.deployment_callback_url as string);
    expect(callback.origin).toBe(gh.url);
    const answer = await api("POST", callback.pathname, token, { environment_name: "production", state });
    expect(answer.status).toBe(204);
    expect(gh.deployJob(workflow)).toMatchObject({ status: "completed", conclusion: job });
    expect(workflow).toMatchObject({ status: "completed", conclusion: run });
  });

  it("a failed train job skips the deploy job: nothing is asked of the App", async () => {
    const pull = gh.openPullRequest(REPO, { author: "bob", branch: "b", files: { "x.py": "1" } });
    const workflow = gh.startWorkflowRun(REPO, pull.number, { environment: "production" });
    gh.finishTraining(REPO, workflow, false);
    await gh.idle();
    expect(deliveries().map((d) => d.event)).toEqual(["pull_request.opened"]);
    expect(gh.deployJob(workflow)).toMatchObject({ status: "completed", conclusion: "skipped" });
  });
});
