// Two App instances sharing one PostgreSQL server, both handed every webhook at the same moment (a
// load balancer retrying, GitHub redelivering): the ledger keeps one unforked chain, and each
// state — each decision, each release — is recorded once.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { startLocalAppServer, type LocalAppServer } from "../../src/app/local-server.js";
import { APP_EVENTS } from "../../src/app/events.js";
import { verifyChain } from "../../src/core/ledger/chain.js";
import { CONFIG_PATH } from "../../src/core/names.js";
import { LocalGitHub, runTrainJob } from "../../src/local-github/index.js";
import { pgClient } from "../../src/ledger/sql.js";
import { SqlLedger } from "../../src/ledger/store.js";
import { postgresDatabase } from "../support/ledger-databases.js";
import { APP_TRAINING_WORKFLOW } from "../app/support/pages-world.js";
import { NotifyReceiver } from "../support/notify-receiver.js";

const REPO = "acme/shared-ledger";
const CONFIG = `version: 1
metrics:
  eval: metrics/eval.json
steps:
  - name: train_model
    type: training
  - name: approve_model
    type: approval
    inputs:
      approvers: [alice]
  - name: deploy
    type: deploy
    inputs:
      environment: production
`;

/** Both instances' clock; the local GitHub's starts at 2026-01-01 and moves a second an event. */
let clock = Date.parse("2026-01-01T01:00:00Z");
const NOTIFY_SECRET = randomBytes(16).toString("hex");
const receiver = new NotifyReceiver(NOTIFY_SECRET);

let github: LocalGitHub;
let instances: LocalAppServer[] = [];
let ledgers: SqlLedger[] = [];
let fanOut: Server;

/** Hands each delivery to every instance at once, answering GitHub with the first one's status. */
async function startFanOut(targets: string[]): Promise<string> {
  fanOut = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => name.startsWith("x-") || name === "content-type"),
      ) as Record<string, string>;
      void Promise.all(targets.map((url) => fetch(url, { method: "POST", headers, body }))).then(
        async ([first, ...rest]) => {
          await Promise.all(rest.map((r) => r.text()));
          res.writeHead(first!.status).end(await first!.text());
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((done) => fanOut.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(fanOut.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  github = await LocalGitHub.start();
  const url = await postgresDatabase();
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const secret = randomBytes(16).toString("hex");
  github.registerApp({
    id: 91,
    slug: "model-approval",
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    webhookSecret: secret,
    events: [...APP_EVENTS],
  });
  ledgers = [await SqlLedger.open(await pgClient(url)), await SqlLedger.open(await pgClient(url))];
  const receiverUrl = await receiver.start();
  instances = await Promise.all(
    ledgers.map((ledger) =>
      startLocalAppServer({
        appId: 91,
        privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        webhookSecret: secret,
        baseUrl: github.url,
        logLevel: "fatal",
        ledger,
        now: () => new Date(clock),
        env: {
          MODEL_APPROVAL_NOTIFY_OPS_URL: receiverUrl,
          MODEL_APPROVAL_NOTIFY_OPS_SECRET: NOTIFY_SECRET,
          MODEL_APPROVAL_NOTIFY_OPS_REPOS: "acme/*",
        },
        delivery: { sleep: async () => undefined },
      }),
    ),
  );
  github.setWebhookUrl(await startFanOut(instances.map((i) => i.webhookUrl)));
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await new Promise((done) => fanOut?.close(done));
  await github?.close();
  await Promise.all(ledgers.map((l) => l.close()));
  await receiver.close();
});

/** A repository with `config`, a PR on it, and its training run done (recorded at accuracy 0.9). */
async function trainedPullRequest(repo: string, config: string) {
  github.createRepo(
    repo,
    { [CONFIG_PATH]: config, ".github/workflows/model.yml": APP_TRAINING_WORKFLOW },
    { collaborators: ["alice", "bob"] },
  );
  const pull = github.openPullRequest(repo, {
    author: "bob",
    branch: "retrain",
    title: "Retrain",
    files: { "train.py": "fit()\n" },
  });
  await github.idle();
  const { run } = await runTrainJob(github, repo, pull.number, {
    bundle: resolve("dist/action.js"),
    outputs: { "metrics/eval.json": JSON.stringify({ accuracy: 0.9 }), "models/model.pkl": "w" },
  });
  await github.idle();
  return { pull, run };
}

describe("two App instances on one ledger", () => {
  it("record each decision and the release once, in one chain that verifies", async () => {
    const { pull, run } = await trainedPullRequest(REPO, CONFIG);
    github.review(REPO, pull.number, "alice", "APPROVED", "ok");
    await github.idle();

    expect(github.deployJob(run).conclusion).toBe("success");
    const id = github.state.repo(REPO).id;
    const chain = await ledgers[0]!.chain(id);
    expect(verifyChain(REPO, chain, id)).toEqual([]);
    expect(chain.map((r) => r.sequence)).toEqual(chain.map((_, i) => i + 1));
    // Each state once, though both instances handled every event.
    const states = chain.map(
      (r) =>
        `${r.entry.kind}:${r.entry.decision}:${r.entry.candidate.model?.key ?? "-"}:${r.entry.deploy?.answer ?? ""}`,
    );
    expect(new Set(states).size).toBe(states.length);
    expect(chain.filter((r) => r.entry.kind === "deploy")).toHaveLength(1);
    expect(chain.filter((r) => r.entry.decision === "approved" && r.entry.kind === "decision")).toHaveLength(
      1,
    );
  }, 60_000);

  it("sweep once between them: a timed-out approval is rejected and announced once, through the App's JWT", async () => {
    const repo = "acme/timeouts";
    const config = `notify:\n  - to: ops\n    type: webhook\n${CONFIG.replace(
      "      approvers: [alice]",
      "      approvers: [alice]\n    timeout: 2h",
    )}`;
    const { run } = await trainedPullRequest(repo, config);
    await Promise.all(instances.map((i) => i.notificationsSent()));
    clock += 3 * 3_600_000;
    const reports = await Promise.all(instances.map((i) => i.sweep()));
    await Promise.all(instances.map((i) => i.notificationsSent()));
    await github.idle();

    expect(reports.map((r) => r.leased).sort()).toEqual([false, true]);
    expect(reports.find((r) => r.leased)).toMatchObject({ decided: 1, failed: 0 });
    expect(github.deployJob(run).conclusion).toBe("failure");
    const id = github.state.repo(repo).id;
    const chain = await ledgers[0]!.chain(id);
    expect(verifyChain(repo, chain, id)).toEqual([]);
    expect(
      chain.filter((r) => r.entry.timing?.phase === "timed_out" && r.entry.kind === "decision"),
    ).toHaveLength(1);
    const mine = receiver.requests.filter((r) => (r.json as { repository?: string }).repository === repo);
    const events = mine.map((r) => (r.json as { event: string }).event);
    const ids = mine.map((r) => r.headers["x-model-approval-delivery"]);
    // Pending while training ran, pending for a review once it recorded, then timed out: each once.
    // Should it fail, the diff shows the deliveries' ids (a send repeated, or a record more?) and
    // the chain's records, which say.
    expect({
      events,
      ids,
      records: chain.map((r) => `${r.sequence} ${r.entry.kind} ${r.entry.decision}`),
    }).toEqual({
      events: ["pending", "pending", "timed_out"],
      ids: expect.any(Array),
      records: expect.any(Array),
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
  }, 60_000);
});
