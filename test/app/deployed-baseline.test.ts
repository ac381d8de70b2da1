// `baseline: { environment: production }`: the App compares with what is live, the metrics a
// trusted training run recorded for the commit GitHub Actions last deployed there successfully.
import { describe, expect, it } from "@jest/globals";
import { DECISION_CHECK } from "../../src/core/names.js";
import { APP_SLUG, CONFIG, REPO, decisionCheck, harnessPerTest, type Harness } from "./support/harness.js";
import { prEvent } from "./support/events.js";

const harness = harnessPerTest();

const config = (baseline: string) =>
  CONFIG.replace("steps:", `baseline: ${baseline}\nsteps:`)
    .replace("- accuracy >= 0.80", "- accuracy >= baseline - 0.01")
    .replace(
      "approvers: [alice, acme/ml-leads]",
      "approvers: [alice, acme/ml-leads]\n      auto_approve_if: [accuracy > 0.90]",
    );

/**
 * A commit on main, trained by a push run that recorded `accuracy`, approved by the App (its
 * decision check run, as when it released the deploy job) and deployed to production.
 */
function live(
  h: Harness,
  accuracy: number,
  over: { creator?: string; state?: "success" | "failure"; approvedByApp?: boolean } = {},
) {
  const { state } = h.gh;
  const sha = state.commit(REPO, { branch: "main", files: { "models/model.pkl": `live-${accuracy}` } });
  h.addMetrics(sha, accuracy, { event: "push", headBranch: "main", pullRequests: [] });
  if (over.approvedByApp !== false)
    state.addCheckRun(REPO, { name: DECISION_CHECK, headSha: sha, appSlug: APP_SLUG, conclusion: "success" });
  const deployment = state.addDeployment(REPO, {
    sha,
    environment: "production",
    ...(over.creator ? { creator: over.creator } : {}),
  });
  state.addDeploymentStatus(REPO, deployment.id, "in_progress");
  state.addDeploymentStatus(REPO, deployment.id, over.state ?? "success");
  return sha;
}

describe("a baseline that is what is live in production", () => {
  it("rejects a candidate worse than the live model, naming the deployment", async () => {
    const h = await harness({ config: config("{ environment: production }"), accuracy: 0.95 });
    const sha = live(h, 0.97);
    await h.deliver(...prEvent(h, "synchronize"));
    const check = decisionCheck(h);
    expect(check?.conclusion).toBe("failure");
    expect(JSON.stringify(check)).toContain("from baseline 0.97");
    expect(JSON.stringify(check)).toContain(sha.slice(0, 7));
  });

  it("auto-approves a candidate as good as the live model", async () => {
    const h = await harness({ config: config("{ environment: production }"), accuracy: 0.95 });
    live(h, 0.94);
    // A newer deployment of a better model failed: the one before is still what is live.
    live(h, 0.99, { state: "failure" });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(decisionCheck(h)?.conclusion).toBe("success");
  });

  it("ignores a deployment of a worse model someone created through the API", async () => {
    const h = await harness({ config: config("{ environment: production }"), accuracy: 0.9 });
    live(h, 0.97);
    live(h, 0.5, { creator: "mallory" });
    await h.deliver(...prEvent(h, "synchronize"));
    expect(decisionCheck(h)?.conclusion).toBe("failure");
  });

  it("ignores a GitHub Actions deployment of a worse commit the App never approved (a PR workflow's own)", async () => {
    const h = await harness({ config: config("{ environment: production }"), accuracy: 0.9 });
    const real = live(h, 0.97);
    // Made with deployments: write by a workflow a PR edited: GitHub Actions' as any job's is.
    const fake = live(h, 0.5, { approvedByApp: false });
    await h.deliver(...prEvent(h, "synchronize"));
    const check = JSON.stringify(decisionCheck(h));
    expect(decisionCheck(h)?.conclusion).toBe("failure");
    expect(check).toContain("from baseline 0.97");
    expect(check).toContain(`of ${real.slice(0, 7)}, recorded by`);
    expect(check).not.toContain(fake.slice(0, 7));
  });

  it("before the first deployment fails the change check, saying why; when_missing: pass lets it pass", async () => {
    const h = await harness({ config: config("{ environment: production }"), accuracy: 0.95 });
    await h.deliver(...prEvent(h, "synchronize"));
    const check = decisionCheck(h);
    expect(check?.conclusion).toBe("failure");
    expect(JSON.stringify(check)).toContain("no successful deployment to production yet");

    const passing = await harness({
      config: config("{ environment: production, when_missing: pass }"),
      accuracy: 0.95,
    });
    await passing.deliver(...prEvent(passing, "synchronize"));
    const passed = decisionCheck(passing);
    expect(JSON.stringify(passed)).toContain(
      "the baseline: no successful deployment to production yet; when_missing: pass lets its change checks pass",
    );
    expect(passed?.conclusion).toBe("success");
  });
});
