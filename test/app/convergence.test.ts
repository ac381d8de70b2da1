// Deliveries repeat, arrive out of order and at the same time; the App's end state must not care.
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { describe, expect, it } from "@jest/globals";
import {
  APP_SLUG,
  CONFIG,
  DECISION_CHECK,
  REPO,
  decisionCheck,
  harnessPerTest,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import { deploymentRuleEvent, prEvent, review, reviewEvent } from "./support/events.js";
import { handlers } from "../../src/local-github/routes.js";
import { HttpError } from "../../src/local-github/http-error.js";

const harness = harnessPerTest();

function ownCheckRuns(harness: Harness) {
  return harness.checkRuns(DECISION_CHECK).filter((r) => r.appSlug === APP_SLUG);
}

describe("convergence", () => {
  it("the same delivery twice: the second one writes nothing", async () => {
    const h = await harness({ waitingOn: ["production"] });
    const event = review(h, "alice", "APPROVED");
    await h.deliver(...event);
    const after = { check: decisionCheck(h), labels: stateLabels(h), comments: h.comments() };
    h.gh.clearRequests();
    await h.deliver(...event);
    expect(h.gh.writes()).toEqual([]);
    expect({ check: decisionCheck(h), labels: stateLabels(h), comments: h.comments() }).toEqual(after);
    expect(h.run?.answers.filter((a) => a.state === "approved")).toHaveLength(1);
  });

  it("the same delivery twice on a pending PR with a deploy job waiting: the second one writes nothing", async () => {
    const h = await harness({ waitingOn: ["production"] });
    const event = review(h, "carol", "COMMENTED");
    await h.deliver(...event);
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    h.gh.clearRequests();
    await h.deliver(...event);
    expect(h.gh.writes()).toEqual([]);
    // Nothing final to say: the job keeps the status GitHub was given when it first asked.
    expect(h.run?.answers).toEqual([]);
  });

  it("events out of order: a stale event cannot undo a newer state", async () => {
    const h = await harness();
    const opened = prEvent(h, "opened");
    await h.deliver(...review(h, "alice", "APPROVED"));
    await h.deliver(...opened);
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);

    // After a push, the approval event of the old commit arrives late: still pending.
    const oldHead = h.pull.headSha;
    const newHead = h.push();
    h.addMetrics(newHead, 0.85);
    await h.deliver(...prEvent(h, "synchronize"));
    await h.deliver(...reviewEvent(h, "alice", "approved", "submitted", oldHead));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h, newHead)).toMatchObject({ status: "in_progress" });
  });

  it("two reviews at once: one comment, one label, one check run", async () => {
    const h = await harness({
      config: CONFIG.replace(
        "approvers: [alice, acme/ml-leads]",
        "approvers: [alice, dave]\n      min_approvals: 2",
      ),
      waitingOn: ["production"],
    });
    const first = review(h, "alice", "APPROVED");
    const second = review(h, "dave", "APPROVED");
    await Promise.all([h.deliver(...first), h.deliver(...second), h.deliver(...first)]);
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
    expect(h.comments()).toHaveLength(1);
    expect(ownCheckRuns(h)).toHaveLength(1);
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "success" });
    expect(h.run?.answers.filter((a) => a.state === "approved")).toHaveLength(1);
    expect(
      h.gh.state.repo(REPO).pulls[0]?.labels.filter((l) => l.startsWith("model-approval:")),
    ).toHaveLength(1);
  });

  describe("another instance records a changes-requested review while this one approves", () => {
    const REVIEWS = GRAPHQL_ROUTE;

    /** The waiting deploy job was not released: it still waits. */
    function expectStillWaiting(h: Harness): void {
      expect(h.run?.answers.filter((a) => a.state === "approved")).toEqual([]);
      expect(h.run?.status).toBe("waiting");
    }

    /** The second reviews read (the re-check before approving) sees alice's new review. */
    function changesRequestedOnSecondRead(h: Harness): void {
      let reads = 0;
      h.gh.handle(REVIEWS, (ctx) => {
        if (++reads === 2)
          h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "CHANGES_REQUESTED" });
        return handlers[REVIEWS]!(ctx);
      });
    }

    it("a reconcile does not approve the waiting deploy job", async () => {
      const h = await harness({ waitingOn: ["production"] });
      changesRequestedOnSecondRead(h);
      await h.deliver(...review(h, "alice", "APPROVED"));
      expectStillWaiting(h);
    });

    it("a review withdrawn while the waiting jobs are read does not release them", async () => {
      // What the answer reads comes before the re-read that confirms it, so nothing the App reads
      // lies between that re-read and the release.
      const PENDING = "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments";
      const h = await harness({ waitingOn: ["production"] });
      let withdrawn = false;
      h.gh.handle(PENDING, (ctx) => {
        if (!withdrawn) {
          withdrawn = true;
          h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "CHANGES_REQUESTED" });
        }
        return handlers[PENDING]!(ctx);
      });
      await h.deliver(...review(h, "alice", "APPROVED"));
      expect(withdrawn).toBe(true);
      expectStillWaiting(h);
    });

    /**
     * Alice requests changes while the App lists the open PRs' heads on a query of their own;
     * `edit` may change each PR query's answer.
     */
    function withdrawnWhileListingOpenHeads(
      h: Harness,
      edit: (body: { errors?: unknown[] }) => void = () => undefined,
    ): () => boolean {
      let withdrawn = false;
      h.gh.handle(REVIEWS, (ctx) => {
        const { query } = ctx.body as { query: string };
        if (!withdrawn && query.startsWith("query OpenPullRequestHeads")) {
          withdrawn = true;
          h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "CHANGES_REQUESTED" });
        }
        const answer = handlers[REVIEWS]!(ctx) as { status: number; body: { errors?: unknown[] } };
        if (query.startsWith("query PullRequestWithReviews")) edit(answer.body);
        return answer;
      });
      return () => withdrawn;
    }

    it("past the open PRs the re-read brings, the approval is confirmed after they are listed", async () => {
      const h = await harness({ waitingOn: ["production"] });
      for (let n = 100; n < 220; n++)
        h.gh.state.addPullRequest(REPO, { number: n, author: "bob", headSha: "b".repeat(40) });
      const withdrawn = withdrawnWhileListingOpenHeads(h);
      await h.deliver(...review(h, "alice", "APPROVED"));
      expect(withdrawn()).toBe(true);
      expectStillWaiting(h);
    });

    it("when the re-read keeps nothing of what it also saw, the approval is confirmed after the open PRs are listed", async () => {
      const h = await harness({ waitingOn: ["production"] });
      let reads = 0;
      // The re-read: an error in what it also asks for (a token that may not read checks).
      const withdrawn = withdrawnWhileListingOpenHeads(h, (body) => {
        if (++reads === 2)
          body.errors = [
            {
              type: "FORBIDDEN",
              path: ["repository", "pullRequest", "commits", "nodes", 0, "commit", "checkSuites"],
              message: "Resource not accessible by integration",
            },
          ];
      });
      await h.deliver(...review(h, "alice", "APPROVED"));
      expect(reads).toBeGreaterThanOrEqual(2);
      expect(withdrawn()).toBe(true);
      expectStillWaiting(h);
    });

    it("a re-check GitHub does not answer releases nothing", async () => {
      const h = await harness({ waitingOn: ["production"] });
      let reads = 0;
      h.gh.handle(REVIEWS, (ctx) => {
        if (++reads === 2) throw new HttpError(502, "Bad Gateway");
        return handlers[REVIEWS]!(ctx);
      });
      await h.deliver(...review(h, "alice", "APPROVED")).catch(() => undefined);
      expect(reads).toBeGreaterThanOrEqual(2);
      expectStillWaiting(h);
    });

    it("an answer to GitHub's request is not approved", async () => {
      const h = await harness({ waitingOn: ["production"] });
      h.gh.state.addReview(REPO, h.pull.number, { user: "alice", state: "APPROVED" });
      changesRequestedOnSecondRead(h);
      await h.deliver(...deploymentRuleEvent(h, { runId: h.run!.id }));
      expectStillWaiting(h);
    });
  });
});
