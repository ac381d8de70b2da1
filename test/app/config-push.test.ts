// A push that changes the rules on the default branch decides every open PR again, under the pushed
// rules: GitHub may answer from a replica that has not caught up with the push it just reported,
// and a tightening must not be missed because the read predates it.
import { describe, expect, it } from "@jest/globals";
import { loadWebhookExample, repositoryPatch } from "../../src/local-github/webhooks.js";
import { handlers } from "../../src/local-github/routes.js";
import {
  AUTO_CONFIG,
  CONFIG,
  CONFIG_PATH,
  REPO,
  decisionCheck,
  harnessPerTest,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import { prEvent } from "./support/events.js";

const harness = harnessPerTest();
const COMMIT_ROUTE = "GET /repos/{owner}/{repo}/commits/{ref}";
const CONTENTS_ROUTE = "GET /repos/{owner}/{repo}/contents/{path}";

/** An auto-approved PR, then a push to main that requires alice's approval. */
async function tightened(): Promise<{ h: Harness; before: string; after: string }> {
  const h = await harness({ config: AUTO_CONFIG, accuracy: 0.95 });
  await h.deliver(...prEvent(h, "opened"));
  expect(stateLabels(h)).toEqual(["model-approval: auto-approved"]);
  const before = h.gh.state.repo(REPO).branches.main!;
  const after = h.gh.state.commit(REPO, { branch: "main", parent: before, files: { [CONFIG_PATH]: CONFIG } });
  return { h, before, after };
}

/** The push from `before` to `after`, made at `pushedAt` (GitHub's seconds). */
function pushEvent(h: Harness, before: string, after: string, pushedAt = 1_700_000_000) {
  const patch = repositoryPatch(REPO, "main", h.gh.state.repo(REPO).id) as {
    repository: Record<string, unknown>;
  };
  const payload = loadWebhookExample("push", undefined, {
    ...patch,
    repository: { ...patch.repository, pushed_at: pushedAt },
    ref: "refs/heads/main",
    before,
    after,
    // GitHub names no commits of a forced push: the rules are taken to have changed.
    forced: true,
    commits: [],
  });
  return ["push", payload] as const;
}

/** GitHub answers for main from behind the push, `times` times (all of them when Infinity). */
function lagging(h: Harness, before: string, times: number): void {
  let answered = 0;
  h.gh.handle(COMMIT_ROUTE, (ctx) => {
    const behind = ctx.params.ref === "refs/heads/main" && answered++ < times;
    return handlers[COMMIT_ROUTE]!(behind ? { ...ctx, params: { ...ctx.params, ref: before } } : ctx);
  });
}

describe("a push that changes the rules", () => {
  it("decides the open PRs under the pushed rules, waiting for GitHub to catch up with the push", async () => {
    const { h, before, after } = await tightened();
    lagging(h, before, 2);
    h.gh.clearRequests();
    await h.deliver(...pushEvent(h, before, after));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    expect(decisionCheck(h)).toMatchObject({ status: "in_progress" });
    // The rules were read at the pushed commit, not at whatever main named.
    const read = h.gh.requests.filter(
      (r) => r.route === CONTENTS_ROUTE && r.path.endsWith("model-approval.yml"),
    );
    expect(read.map((r) => r.query.ref)).toEqual([after]);
  });

  it("takes an answer that stays behind the push for an error, not for the old rules' approval", async () => {
    const { h, before, after } = await tightened();
    lagging(h, before, Infinity);
    await h.deliver(...pushEvent(h, before, after));
    expect(stateLabels(h)).not.toContain("model-approval: auto-approved");
    expect(decisionCheck(h)).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(decisionCheck(h)?.summary).toMatch(/has not reached the pushed/);
  });

  it("writes nothing for a push main was rewound past before it was read: the newer push decides", async () => {
    const { h, before, after } = await tightened();
    // main is force-pushed back to its parent: that push is reported, and decided, first.
    h.gh.state.repo(REPO).branches.main = before;
    await h.deliver(...pushEvent(h, after, before, 1_700_000_060));
    expect(stateLabels(h)).toEqual(["model-approval: auto-approved"]);
    h.gh.clearRequests();
    await h.deliver(...pushEvent(h, before, after, 1_700_000_000));
    expect(h.gh.writes()).toEqual([]);
    expect(stateLabels(h)).toEqual(["model-approval: auto-approved"]);
    expect(decisionCheck(h)).toMatchObject({ conclusion: "success" });
  });

  it("does not take a tip on another history for one past the push", async () => {
    const { h, before, after } = await tightened();
    // main names a sibling of the pushed commit, which keeps the old rules.
    const sibling = h.gh.state.commit(REPO, { parent: before, files: { "README.md": "elsewhere\n" } });
    h.gh.state.repo(REPO).branches.main = sibling;
    await h.deliver(...pushEvent(h, before, after));
    expect(stateLabels(h)).not.toContain("model-approval: auto-approved");
    expect(decisionCheck(h)).toMatchObject({ conclusion: "failure" });
  });

  it("reads the rules at a tip past the push when main has moved on since", async () => {
    const { h, before, after } = await tightened();
    const later = h.gh.state.commit(REPO, {
      branch: "main",
      parent: after,
      files: { "README.md": "later\n" },
    });
    await h.deliver(...pushEvent(h, before, after));
    expect(stateLabels(h)).toEqual(["model-approval: pending"]);
    const read = h.gh.requests.filter(
      (r) => r.route === CONTENTS_ROUTE && r.path.endsWith("model-approval.yml"),
    );
    expect(read.at(-1)?.query.ref).toBe(later);
  });
});
