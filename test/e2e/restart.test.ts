// The App keeps no state of its own: a new instance — here the built production server in its own
// process, configured by its environment — carries on a flow another instance started.
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { World } from "./support/world.js";
import { APPROVER, AUTO_CONFIG, openPullRequest, seen } from "./support/scenario.js";

let world: World;
// Generous bounds: on a loaded CI machine process start-up and schema compilation are slow.
beforeAll(async () => {
  world = await World.start();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

it("an App restarted mid-flow picks up where it left off", async () => {
  const s = await openPullRequest(world, AUTO_CONFIG);
  const { run } = await world.train(s.repo, s.pr, { accuracy: 0.88 });
  await world.github.idle();
  expect(seen(world, s, run)).toMatchObject({ labels: ["model-approval: pending"], deploy: "waiting" });

  // The approval arrives while the App is down: GitHub records a failed delivery.
  await world.stopApp();
  world.github.review(s.repo, s.pr, APPROVER, "APPROVED");
  await world.github.idle();
  const lost = world.github.deliveries.at(-1);
  expect(lost).toMatchObject({ name: "pull_request_review.submitted", status: 0 });
  expect(seen(world, s, run)).toMatchObject({ labels: ["model-approval: pending"], deploy: "waiting" });

  // A new instance starts; someone presses "Redeliver".
  await world.startBuiltApp();
  expect((await world.github.webhooks.redeliver(lost?.id ?? "")).status).toBe(200);
  await world.github.idle();
  const after = seen(world, s, run);
  expect(after).toMatchObject({
    decision: "completed/success",
    labels: ["model-approval: approved"],
    deploy: "completed/success",
  });
  // It found the first instance's comment and check run and updated them, rather than adding its own.
  expect(after.comments).toHaveLength(1);
  const state = world.github.state;
  const head = state.pull(s.repo, s.pr).headSha;
  expect(
    state.repo(s.repo).checkRuns.filter((r) => r.name === "model-approval" && r.headSha === head),
  ).toHaveLength(1);
  world.github.api.assertNoContractViolations();
}, 60_000);
