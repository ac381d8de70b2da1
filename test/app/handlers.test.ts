// Each event the App subscribes to, what it reads and what it writes.
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { handlers } from "../../src/local-github/routes.js";
import { describe, expect, it } from "@jest/globals";
import {
  APP_LOGIN,
  APP_SLUG,
  AUTO_CONFIG,
  CONFIG,
  CONFIG_PATH,
  DECISION_CHECK,
  REPO,
  decisionCheck,
  harnessPerTest,
  stateLabels,
} from "./support/harness.js";
import { checkRunEvent, deploymentRuleEvent, labelEvent, prEvent, review } from "./support/events.js";

const harness = harnessPerTest();

describe("pull_request", () => {
  it.each(["opened", "reopened", "synchronize", "ready_for_review"])(
    "%s reconciles the PR",
    async (action) => {
      const h = await harness();
      await h.deliver(...prEvent(h, action));
      expect(decisionCheck(h)).toMatchObject({ status: "in_progress", appSlug: APP_SLUG });
      expect(stateLabels(h)).toEqual(["model-approval: pending"]);
      expect(h.comments()).toHaveLength(1);
    },
  );

  it("edited reconciles only when the base branch changed", async () => {
    const h = await harness();
    await h.deliver(...prEvent(h, "edited", { changes: { title: { from: "old" } } }));
    expect(h.gh.requests).toEqual([]);
    await h.deliver(
      ...prEvent(h, "edited", {
        changes: { base: { ref: { from: "develop" }, sha: { from: "0".repeat(40) } } },
      }),
    );
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });

  it("labels other than the App's, and the App's own label changes, cost no API call", async () => {
    const h = await harness();
    await h.deliver(...labelEvent(h, "labeled", "bug", "mallory"));
    await h.deliver(...labelEvent(h, "labeled", "model-approval: pending", APP_LOGIN));
    await h.deliver(...labelEvent(h, "unlabeled", "model-approval: approved", APP_LOGIN));
    expect(h.gh.requests).toEqual([]);
  });

  it("a removed state label is put back", async () => {
    const h = await harness();
    await h.deliver(...prEvent(h, "opened"));
    h.pull.labels = h.pull.labels.filter((l) => !l.startsWith("model-approval:"));
    await h.deliver(...labelEvent(h, "unlabeled", "model-approval: pending", "mallory"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });

  it("does nothing in a repository without a config on the base branch", async () => {
    const h = await harness({ config: null });
    await h.deliver(...prEvent(h, "opened"));
    expect(h.gh.writes()).toEqual([]);
  });

  it("does nothing on a closed PR", async () => {
    const h = await harness();
    h.pull.state = "closed";
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(h.gh.writes()).toEqual([]);
  });

  it("reports an invalid base config on the check run, with an annotation on the config file, and never approves", async () => {
    const h = await harness({
      config: CONFIG.replace("approvers: [alice, acme/ml-leads]", "approvers: alice"),
      waitingOn: ["production"],
    });
    await h.deliver(...review(h, "alice", "APPROVED"));
    const check = decisionCheck(h);
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: CONFIG_PATH,
        start_line: 15,
        annotation_level: "failure",
        message: expect.stringContaining("list"),
      }),
    ]);
    expect(stateLabels(h)).toEqual([]);
    // Without a valid config no environment is known to be gated: the deploy job is not answered.
    expect(h.run?.answers).toEqual([]);
  });

  it("waits for the metrics check run before deciding", async () => {
    const h = await harness({ accuracy: null, config: AUTO_CONFIG });
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
    expect(decisionCheck(h)?.title).toMatch(/waiting for the training run.s evidence/);
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });
});

describe("check_run", () => {
  it("completed for model-approval/metrics decides with the new metrics", async () => {
    const h = await harness({ accuracy: null, config: AUTO_CONFIG });
    await h.deliver(...prEvent(h, "opened"));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    h.addMetrics(h.pull.headSha, 0.95);
    await h.deliver(...checkRunEvent(h, "completed", "model-approval/metrics"));
    expect(stateLabels(h)).toEqual(["model-approval: auto-approved"]);
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("finds the PR from the commit when the check run lists none (fork PRs)", async () => {
    const h = await harness();
    await h.deliver(...checkRunEvent(h, "completed", "model-approval/metrics", { listPullRequests: false }));
    // The PR is found from the open PRs' heads.
    const queries = h.gh.requests.map((r) => String((r.body as { query?: unknown } | null)?.query ?? ""));
    expect(queries.some((q) => q.startsWith("query OpenPullRequestHeads"))).toBe(true);
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
  });

  it("rerequested for model-approval re-decides; other check runs are ignored", async () => {
    const h = await harness();
    await h.deliver(...checkRunEvent(h, "completed", "lint"));
    await h.deliver(...checkRunEvent(h, "rerequested", "lint"));
    expect(h.gh.requests).toEqual([]);
    await h.deliver(...checkRunEvent(h, "rerequested", DECISION_CHECK, { app: APP_SLUG }));
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
  });
});

describe("deployment_protection_rule.requested", () => {
  it("answers the callback with the PR's decision", async () => {
    const h = await harness({ waitingOn: ["production"] });
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(h.run?.answers).toEqual([
      expect.objectContaining({ environment: "production", state: "approved" }),
    ]);
    // The PR itself was reconciled too.
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  });

  it("reports what is missing, without a state, while pending", async () => {
    const h = await harness({ waitingOn: ["production"] });
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(h.run?.answers).toHaveLength(1);
    expect(h.run?.answers[0]?.state).toBeUndefined();
    expect(h.run?.answers[0]?.comment).toMatch(/@alice/);
    expect(h.run?.answers[0]?.comment?.length).toBeLessThan(1024);
    expect(h.run?.status).toBe("waiting");
  });

  it("rejects a deploy job of an older commit even when the head is approved", async () => {
    const h = await harness({ waitingOn: ["production"] });
    const old = h.pull.headSha;
    const head = h.push();
    h.addMetrics(head, 0.85);
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id, sha: old }));
    expect(h.run?.answers).toEqual([
      expect.objectContaining({ state: "rejected", comment: expect.stringMatching(/PR #7 has moved on to/) }),
    ]);
  });

  it("does not approve an environment no deploy step names", async () => {
    const h = await harness({ waitingOn: ["staging"] });
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id, environment: "staging" }));
    expect(h.run?.answers).toEqual([
      expect.objectContaining({ environment: "staging", comment: expect.stringMatching(/no deploy step/) }),
    ]);
    expect(h.run?.answers[0]?.state).toBeUndefined();
  });

  it("decides a push deployment from the metrics alone", async () => {
    const h = await harness({ config: AUTO_CONFIG, accuracy: null });
    const main = h.gh.state.repo(REPO).branches.main!;
    const push = { event: "push", headBranch: "main", pullRequests: [], waitingOn: ["production"] };
    const pushRun = h.addMetrics(main, 0.95, push);
    await h.deliver(
      ...deploymentRuleEvent(h, { runId: pushRun.id, sha: main, ref: "main", pullRequests: false }),
    );
    expect(pushRun.answers).toEqual([expect.objectContaining({ state: "approved" })]);

    const lowRun = h.addMetrics(main, 0.85, push);
    await h.deliver(
      ...deploymentRuleEvent(h, { runId: lowRun.id, sha: main, ref: "main", pullRequests: false }),
    );
    // Needs a human, and a push has no PR to review: it waits.
    expect(lowRun.answers).toHaveLength(1);
    expect(lowRun.answers[0]?.state).toBeUndefined();
  });

  it("a push deployment of a commit the default branch does not contain is rejected, whatever config it carries", async () => {
    const h = await harness({ config: AUTO_CONFIG, accuracy: null });
    // Anyone who can push a branch can commit a config that only deploys.
    const loose =
      "version: 1\nsteps:\n  - name: deploy\n    type: deploy\n    inputs:\n      environment: production\n";
    const sha = h.gh.state.commit(REPO, { branch: "sneaky", files: { [CONFIG_PATH]: loose } });
    const run = h.addMetrics(sha, 0.95, {
      event: "push",
      headBranch: "sneaky",
      pullRequests: [],
      waitingOn: ["production"],
    });
    // Naming the deployment's ref "main" changes nothing: being on the branch is a fact about the commit.
    for (const ref of ["refs/heads/sneaky", "main"]) {
      await h.deliver(...deploymentRuleEvent(h, { runId: run.id, sha, ref, pullRequests: false }));
      expect(run.answers.at(-1)).toMatchObject({
        state: "rejected",
        comment: expect.stringMatching(/only commits on the default branch main are approved/),
      });
    }
  });

  it("a push deployment of an older commit on the default branch is decided by the branch tip's config", async () => {
    const h = await harness({ config: CONFIG, accuracy: null });
    const loose =
      "version: 1\nsteps:\n  - name: deploy\n    type: deploy\n    inputs:\n      environment: production\n";
    // A commit on main that loosened the config, then one that tightened it again.
    const deployed = h.gh.state.commit(REPO, { branch: "main", files: { [CONFIG_PATH]: loose } });
    h.gh.state.commit(REPO, { branch: "main", files: { [CONFIG_PATH]: CONFIG } });
    const run = h.addMetrics(deployed, 0.95, {
      event: "push",
      headBranch: "main",
      pullRequests: [],
      waitingOn: ["production"],
    });
    await h.deliver(
      ...deploymentRuleEvent(h, {
        runId: run.id,
        sha: deployed,
        ref: "refs/heads/main",
        pullRequests: false,
      }),
    );
    // The tip's rules need a human review, which a push cannot have: it waits.
    expect(run.answers).toHaveLength(1);
    expect(run.answers[0]?.state).toBeUndefined();
  });
});

describe("where the rules come from", () => {
  it("a PR into a branch other than the default is decided by the default branch's config", async () => {
    const h = await harness({ waitingOn: ["production"] });
    // Whoever opens the PR can first push a base branch whose config only deploys.
    const loose =
      "version: 1\nsteps:\n  - name: deploy\n    type: deploy\n    inputs:\n      environment: production\n";
    h.pull.baseSha = h.gh.state.commit(REPO, {
      branch: "evil-base",
      parent: h.gh.state.repo(REPO).branches.main!,
      files: { [CONFIG_PATH]: loose },
    });
    h.pull.baseRef = "evil-base";
    await h.deliver(...prEvent(h, "opened"));
    const check = decisionCheck(h);
    expect(check).toMatchObject({ status: "in_progress" });
    expect(`${check?.summary} ${check?.text}`).toMatch(
      /targets evil-base, not the default branch main: its runs build evil-base's workflows and code/,
    );
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
    expect(h.run?.answers.some((a) => a.state === "approved")).toBe(false);
  });
});

describe("errors never approve", () => {
  it("a failed read fails the check with an explanation, and the next event recovers", async () => {
    const h = await harness({ waitingOn: ["production"] });
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    h.gh.fail("GET /repos/{owner}/{repo}/compare/{basehead}", { status: 502 });
    await h.deliver(...prEvent(h, "synchronize"));
    const failed = decisionCheck(h);
    expect(failed).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(`${failed?.title} ${failed?.summary}`).toMatch(/files changed.*502|502.*files changed/s);
    expect(h.run?.answers.some((a) => a.state === "approved")).toBe(false);

    await h.deliver(...review(h, "carol", "COMMENTED"));
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "success" });
    expect(h.run?.answers.at(-1)?.state).toBe("approved");
  });

  it("a failed read of the PR and its reviews takes back a green check, writes nothing else, and does not throw", async () => {
    const h = await harness();
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(decisionCheck(h)).toMatchObject({ conclusion: "success" });
    h.gh.clearRequests();
    h.gh.fail(GRAPHQL_ROUTE, { status: 500, times: 100 });
    await expect(h.deliver(...review(h, "alice", "CHANGES_REQUESTED"))).resolves.toBeUndefined();
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "failure" });
    // The PR is unknown: no label, comment or review request is written from a guess.
    expect(h.gh.writes().map((w) => w.route)).toEqual([
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    ]);
  });

  it("an answer with errors in a 200 (GitHub's timeout) takes back a green check too", async () => {
    const h = await harness();
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(decisionCheck(h)).toMatchObject({ conclusion: "success" });
    h.gh.handle(GRAPHQL_ROUTE, () => ({
      status: 200,
      body: {
        data: null,
        errors: [
          { message: "Something went wrong while executing your query. This may be the result of a timeout" },
        ],
      },
    }));
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("reviews GitHub leaves out of its answer fail the decision on the PR as read, never read as none", async () => {
    const h = await harness();
    h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
    await h.deliver(...prEvent(h, "synchronize"));
    h.gh.handle(GRAPHQL_ROUTE, (ctx) => {
      const answer = handlers[GRAPHQL_ROUTE]!(ctx) as {
        status: number;
        body: { data: { repository: { pullRequest: { reviews: unknown } } } };
      };
      answer.body.data.repository.pullRequest.reviews = null;
      return answer;
    });
    await h.deliver(...review(h, "alice", "CHANGES_REQUESTED"));
    const failed = decisionCheck(h);
    expect(failed).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(`${failed?.title} ${failed?.summary}`).toMatch(/left the reviews out/);
    // The PR was read: the approved label is taken off too (an error claims no state).
    expect(stateLabels(h)).toEqual([]);
  });
});
