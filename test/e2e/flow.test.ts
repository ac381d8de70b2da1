// The product end to end: the App's built server in its own process and the bundled Action as a
// runner runs it, against the local GitHub, with webhooks signed and delivered over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { World } from "./support/world.js";
import { APPROVER, SEED_CONFIG, openPullRequest, seen } from "./support/scenario.js";

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world?.close();
});

function assertClean(): void {
  world.github.api.assertNoContractViolations();
  const failed = world.github.deliveries.filter((d) => d.status !== 200);
  expect(failed).toEqual([]);
}

describe("the seed's flow", () => {
  it("a review by the listed approver unblocks the waiting deploy job", async () => {
    const s = await openPullRequest(world, SEED_CONFIG);
    const { run, action } = await world.train(s.repo, s.pr, { accuracy: 0.85 });
    expect(action.code).toBe(0);
    await world.github.idle();
    expect(seen(world, s, run)).toMatchObject({
      decision: "in_progress",
      metrics: "completed/success",
      labels: ["model-approval: pending"],
      deploy: "waiting",
    });
    world.github.review(s.repo, s.pr, APPROVER, "APPROVED", "ship it");
    await world.github.idle();
    const after = seen(world, s, run);
    expect(after).toMatchObject({
      decision: "completed/success",
      labels: ["model-approval: approved"],
      deploy: "completed/success",
    });
    expect(after.comments).toHaveLength(1);
    expect(after.comments[0]).toContain("alice");
    assertClean();
  });
});
