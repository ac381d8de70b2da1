// The App's ledger: every change of decision and every deploy answer is recorded, once, in a
// chain that verifies; and no deploy job is released without its record.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { verifyChain } from "../../src/core/ledger/chain.js";
import type { SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger, type Ledger } from "../../src/ledger/store.js";
import { freshPglite } from "../support/ledger-databases.js";
import { decisionCheck, harnessPerTest, REPO, stateLabels } from "./support/harness.js";
import { deploymentRuleEvent, prEvent, review } from "./support/events.js";

const harness = harnessPerTest();
let sql: SqlClient;
let ledger: SqlLedger;
const AT = new Date("2026-12-01T12:00:00Z");
const now = () => AT;

beforeAll(async () => {
  sql = await freshPglite();
  ledger = await SqlLedger.open(sql);
});
afterAll(() => ledger.close());
beforeEach(async () => {
  await sql.query("DELETE FROM ledger_records");
  // A report is never replaced by an older record's: one kept from another test would stay.
  await sql.query("DELETE FROM decision_reports");
});

/** A ledger that refuses every append, as a database that went away would. */
const broken: Ledger = {
  description: "a broken database",
  append: () => Promise.reject(new Error("connection refused")),
  saveReport: () => Promise.reject(new Error("connection refused")),
  latestReport: () => Promise.resolve(undefined),
  history: () => Promise.resolve([]),
  chain: () => Promise.resolve([]),
  repositories: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};

/** A ledger whose writes never finish, as one behind a held lock or a silent network would. */
const hanging: Ledger = {
  ...broken,
  append: () => new Promise(() => undefined),
  saveReport: () => new Promise(() => undefined),
};

describe("the App's ledger", () => {
  it("records the pending PR, its approval and the deploy it released, once each, in one chain", async () => {
    const digest = "d".repeat(64);
    const h = await harness({ ledger, now, accuracy: null, waitingOn: undefined });
    const run = h.addMetrics(h.pull.headSha, 0.85, { digest, waitingOn: ["production"] });
    await h.deliver(...prEvent(h, "opened"));
    await h.deliver(...prEvent(h, "opened"));
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.deliver(...review(h, "alice", "COMMENTED"));

    const chain = await ledger.chain(h.gh.state.repo(REPO).id);
    expect(verifyChain(REPO, chain)).toEqual([]);
    expect(chain.map((r) => [r.entry.kind, r.entry.decision, r.entry.deploy?.answer])).toEqual([
      ["decision", "pending", undefined],
      ["decision", "approved", undefined],
      ["deploy", "approved", "approved"],
    ]);
    const alice = h.pull.reviews.find((r) => r.user === "alice" && r.state === "APPROVED");
    expect(chain[1]!.entry).toMatchObject({
      repository: REPO,
      at: AT.toISOString(),
      automatic: false,
      candidate: {
        commit: h.pull.headSha,
        pr: 7,
        model: { key: `sha256:${digest}` },
        evidence: { kind: "recorded", run: { id: run.id, attempt: 1 } },
        config: { path: ".github/model-approval.yml", trusted: true },
      },
      approvers: [{ login: "alice", review: alice!.id, commit: h.pull.headSha, model: `sha256:${digest}` }],
    });
    expect(chain[2]!.entry.deploy).toEqual({
      environment: "production",
      run: run.id,
      attempt: 1,
      answer: "approved",
    });
    expect(run.answers.map((a) => a.state)).toEqual(["approved"]);
  });

  it("keeps the details page's report up to date when a review changes the report but not the decision", async () => {
    const h = await harness({ ledger, now });
    await h.deliver(...prEvent(h, "opened"));
    const id = h.gh.state.repo(REPO).id;
    const before = await ledger.latestReport(id, h.pull.number);
    expect(before?.report).not.toContain("mallory");
    await h.deliver(...review(h, "mallory", "APPROVED"));
    const chain = await ledger.chain(id);
    expect(chain.map((r) => r.entry.decision)).toEqual(["pending"]);
    // The same record, a new report: it names the review and why it does not count.
    const after = await ledger.latestReport(id, h.pull.number);
    expect(after?.sequence).toBe(before?.sequence);
    expect(after?.report).toContain("mallory");
  });

  it("records the answer GitHub asked for, and a question asked again records nothing new", async () => {
    const h = await harness({ ledger, now, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "APPROVED"));
    const before = (await ledger.chain(h.gh.state.repo(REPO).id)).length;
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    const chain = await ledger.chain(h.gh.state.repo(REPO).id);
    expect(chain).toHaveLength(before);
    expect(chain.filter((r) => r.entry.kind === "deploy")).toHaveLength(1);
  });

  it("releases no deploy job when the approval cannot be recorded, and says why", async () => {
    const h = await harness({ ledger: broken, now, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(h.run!.answers.filter((a) => a.state === "approved")).toEqual([]);
    expect(h.run!.answers.at(-1)?.comment).toMatch(
      /cannot decide — the decision could not be recorded in the ledger \(the App's log says why\)/,
    );
  });

  it("releases no deploy job whose release cannot be recorded, though the approval was", async () => {
    const noDeploys: Ledger = {
      description: ledger.description,
      append: (draft) =>
        draft.entry.kind === "deploy" ? Promise.reject(new Error("disk full")) : ledger.append(draft),
      saveReport: (report) => ledger.saveReport(report),
      latestReport: (id, pr) => ledger.latestReport(id, pr),
      history: (query) => ledger.history(query),
      chain: (id, page) => ledger.chain(id, page),
      repositories: () => ledger.repositories(),
      close: () => Promise.resolve(),
    };
    const h = await harness({ ledger: noDeploys, now, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(decisionCheck(h)?.conclusion).toBe("success");
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(h.run!.answers.filter((a) => a.state === "approved")).toEqual([]);
    expect(h.run!.answers.at(-1)?.comment).toMatch(
      /not answered — the release could not be recorded in the ledger \(the App's log says why\)/,
    );
  });

  it("shows no approval it could not record, and a ledger that hangs holds nothing up", async () => {
    const h = await harness({ ledger: hanging, now, ledgerDeadlineMs: 50, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "APPROVED"));
    const check = decisionCheck(h);
    expect(check?.conclusion).not.toBe("success");
    expect(check?.summary).toMatch(
      /the decision could not be recorded in the ledger \(the App's log says why\)/,
    );
    expect(stateLabels(h)).not.toContain("model-approval: approved");
    expect(h.run!.answers.filter((a) => a.state === "approved")).toEqual([]);
    // The next event is not stuck behind the one that waited: the objection is shown.
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(decisionCheck(h)?.conclusion).toBe("failure");
    expect(h.run!.answers.map((a) => a.state)).toEqual(["rejected"]);
  });

  it("names its ledger record in the decision check run, so GitHub holds the hash too", async () => {
    const h = await harness({ ledger, now, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "APPROVED"));
    const [approved] = (await ledger.chain(h.gh.state.repo(REPO).id)).filter(
      (r) => r.entry.decision === "approved",
    );
    expect(decisionCheck(h)?.text).toContain(`(sha256 ${approved!.hash})`);
  });

  it("still rejects when a rejection cannot be recorded (failing closed)", async () => {
    const h = await harness({ ledger: broken, now, waitingOn: ["production"] });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    // The review's own event rejects the waiting job, as it does with a working ledger.
    expect(h.run!.answers.map((a) => a.state)).toEqual(["rejected"]);
    expect(h.run!.answers.filter((a) => a.state === "approved")).toEqual([]);
  });
});
