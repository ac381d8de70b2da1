// Decisions bound to their candidate, end to end: an approval belongs to the model it approved,
// rules and teams that change take effect on open PRs, and a failed training run says so.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { World } from "./support/world.js";
import {
  APPROVER,
  AUTO_CONFIG,
  CONFIG_PATH,
  SEED_CONFIG,
  openPullRequest,
  seen,
} from "./support/scenario.js";

let world: World;
beforeAll(async () => {
  world = await World.start();
}, 60_000);
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  world.github.api.assertNoContractViolations();
  expect(world.github.deliveries.filter((d) => d.status !== 200)).toEqual([]);
});

function decisionText(repo: string, pr: number): string {
  const state = world.github.state;
  const head = state.pull(repo, pr).headSha;
  const runs = state.repo(repo).checkRuns.filter((r) => r.headSha === head && r.name === "model-approval");
  const newest = runs.sort((a, b) => b.id - a.id)[0];
  return `${newest?.summary ?? ""}\n${newest?.text ?? ""}`;
}

describe("an approval is bound to the model it approved", () => {
  it("re-training the same commit to a different model needs a new approval", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const first = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    await world.github.idle();
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s, first.run).deploy).toBe("completed/success");
    const approved = seen(world, s).comments[0]!;
    expect(approved).toMatch(/alice approved commit `[0-9a-f]{7}` \(model `metrics:[0-9a-f]{12}`\)/);

    // Re-run the workflow: the same commit trains a different model.
    const again = await world.train(s.repo, s.pr, { accuracy: 0.87 }, { rerun: first.run });
    await world.github.idle();
    expect(seen(world, s, again.run)).toMatchObject({ decision: "in_progress", deploy: "waiting" });
    expect(decisionText(s.repo, s.pr)).toMatch(/a re-trained model needs a new vote/);

    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s, again.run).deploy).toBe("completed/success");
  }, 60_000);
});

describe("rules that change re-decide open PRs", () => {
  it("a tightened config on main turns an approved, unmerged PR back to pending", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    await world.train(s.repo, s.pr, { accuracy: 0.85 });
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
    await world.github.idle();
    expect(seen(world, s).labels).toEqual(["model-approval: approved"]);

    const tightened = SEED_CONFIG.replace(
      "approvers: ['alice']",
      "approvers: ['alice', 'carol']\n      min_approvals: 2",
    );
    world.github.pushToBranch(s.repo, "main", { [CONFIG_PATH]: tightened }, { pusher: "admin" });
    await world.github.idle();
    expect(seen(world, s)).toMatchObject({ decision: "in_progress", labels: ["model-approval: pending"] });
  }, 60_000);

  it("a push to main that leaves the config alone re-decides nothing", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    await world.github.idle();
    const before = world.github.api.requests.length;
    world.github.pushToBranch(s.repo, "main", { "README.md": "docs\n" }, { pusher: "admin" });
    await world.github.idle();
    const since = world.github.api.requests
      .slice(before)
      .filter((r) => r.path.startsWith(`/repos/${s.repo}/pulls`));
    expect(since).toEqual([]);
  }, 60_000);

  it("a listed team losing a member takes back that member's approval", async () => {
    world.github.state.setTeam("acme", "ml-leads", ["carol"]);
    const s = await openPullRequest(
      world,
      SEED_CONFIG.replace("approvers: ['alice']", "approvers: [acme/ml-leads]"),
    );
    await world.train(s.repo, s.pr, { accuracy: 0.85 });
    world.github.review(s.repo, s.pr, "carol", "APPROVED");
    await world.github.idle();
    expect(seen(world, s).labels).toEqual(["model-approval: approved"]);

    world.github.setTeamMembership("acme", "ml-leads", "carol", "removed");
    await world.github.idle();
    expect(seen(world, s)).toMatchObject({ decision: "in_progress", labels: ["model-approval: pending"] });
  }, 60_000);
});

describe("a training run that fails", () => {
  it("is named as the reason, instead of waiting for metrics forever", async () => {
    const s = await openPullRequest(world, AUTO_CONFIG);
    const run = world.github.startWorkflowRun(s.repo, s.pr, { environment: "production" });
    world.github.failRun(s.repo, run);
    await world.github.idle();
    expect(seen(world, s).labels).toEqual(["model-approval: pending"]);
    expect(decisionText(s.repo, s.pr)).toMatch(
      /training run \d+ \(attempt 1\) of \.github\/workflows\/model\.yml failed/,
    );
  }, 60_000);
});
