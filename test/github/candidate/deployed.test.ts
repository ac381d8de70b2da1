// A baseline that is what is live: the newest deployment GitHub Actions made to the environment
// whose latest status (by GitHub Actions) is success, and the metrics a trusted training run
// recorded for its commit — read as a candidate's evidence is, never from the deployment itself.
import { describe, expect, it } from "@jest/globals";
import { collectCandidate, decisionFor, type Collected } from "../../../src/github/candidate/index.js";
import { CONFIG_PATH } from "../../../src/core/names.js";
import type { Candidate } from "../../../src/core/candidate/types.js";
import { HEAD, WORKFLOW, artifact, deployment, ports, run, snapshot, world, type World } from "./ports.js";

const OPTIONS = { configPath: CONFIG_PATH, sleep: async () => undefined };
const LIVE = "3".repeat(40);
const OLDER = "4".repeat(40);

const config = (baseline: string) => `metrics:
  eval: metrics/eval.json
baseline: ${baseline}
steps:
  - name: change_check
    type: test
    inputs:
      checks: [accuracy >= baseline - 0.01]
`;

/** A push run on main that recorded `accuracy` for `sha`. */
function recorded(
  w: World,
  id: number,
  sha: string,
  accuracy: number,
  over: Partial<ReturnType<typeof run>> = {},
) {
  w.runs.push(run({ id, headSha: sha, event: "push", headBranch: "main", pullRequests: [], ...over }));
  w.artifacts[id] = [
    artifact({
      id: id * 10,
      runId: id,
      headSha: sha,
      text: snapshot(accuracy, { commit: sha, run: { id, attempt: 1, workflow: WORKFLOW, event: "push" } }),
    }),
  ];
}

function setup(baseline = "{ environment: production }", deployments: World["deployments"] = {}): World {
  const w = world({ deployments });
  w.files["refs/heads/main"]![CONFIG_PATH] = config(baseline);
  recorded(w, 200, LIVE, 0.97);
  recorded(w, 300, OLDER, 0.9);
  return w;
}

function candidateOf(collected: Collected): Candidate {
  if (collected.kind !== "candidate") throw new Error(`expected a candidate: ${JSON.stringify(collected)}`);
  return collected.candidate;
}

async function decide(w: World, calls: string[] = [], options: object = {}) {
  const collected = await collectCandidate(
    ports(w, calls),
    { kind: "pull_request", number: 7 },
    {
      ...OPTIONS,
      ...options,
    },
  );
  if (collected.kind === "no-config") throw new Error("no config");
  const result = decisionFor(collected);
  const check = result.steps.find((s) => s.name === "change_check");
  return { collected, result, check: JSON.stringify(check?.reasons ?? []) };
}

describe("a baseline that is what is live in an environment", () => {
  it("is the live deployment's recorded metrics: a worse candidate (0.95 < 0.97 - 0.01) is rejected", async () => {
    const calls: string[] = [];
    const { collected, result } = await decide(
      setup(undefined, { production: [deployment(1, LIVE)] }),
      calls,
    );
    expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({
      kind: "found",
      deployment: { id: 1, sha: LIVE },
      run: { id: 200, event: "push" },
    });
    expect(result.decision).toBe("rejected");
    expect(result.metrics[0]).toMatchObject({ value: 0.95, baseline: 0.97 });
    expect(result.candidate?.sources).toContainEqual(
      expect.objectContaining({ kind: "baseline", ref: "production (deployment 1)", commit: LIVE }),
    );
    expect(calls).toEqual(expect.arrayContaining(["deployments production", "statuses 1", "download 2000"]));
  });

  it("lets a candidate as good as the live model pass", async () => {
    const { result } = await decide(setup(undefined, { production: [deployment(1, OLDER)] }));
    expect(result.decision).toBe("approved");
    expect(result.metrics[0]).toMatchObject({ baseline: 0.9 });
  });

  it("skips deployments whose latest status is not success (failed, inactive, in progress)", async () => {
    const w = setup(undefined, {
      production: [
        deployment(3, OLDER, ["failure", "in_progress"]),
        deployment(2, OLDER, ["in_progress"]),
        deployment(1, LIVE, ["success", "in_progress"]),
        deployment(0, OLDER, ["inactive", "success"]),
      ],
    });
    const { collected } = await decide(w);
    expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({ deployment: { id: 1 } });
  });

  it("ignores a deployment someone created through the API, not GitHub Actions", async () => {
    const fake = deployment(9, OLDER, ["success"], { creator: "mallory" });
    const { collected, result } = await decide(setup(undefined, { production: [fake, deployment(1, LIVE)] }));
    expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({ deployment: { id: 1 } });
    expect(result.decision).toBe("rejected");
  });

  it("ignores statuses not set by GitHub Actions: marking the live deployment failed does not make an older one live", async () => {
    const live = deployment(2, LIVE);
    live.statuses.unshift({
      id: 99,
      state: "failure",
      creator: "mallory",
      createdAt: "2026-01-02T00:00:00Z",
    });
    const forged = deployment(1, OLDER, ["failure"]);
    forged.statuses.unshift({
      id: 98,
      state: "success",
      creator: "mallory",
      createdAt: "2026-01-02T00:00:00Z",
    });
    const { collected } = await decide(setup(undefined, { production: [live, forged] }));
    expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({ deployment: { id: 2 } });
  });

  it("before the first deployment fails the change check by default, saying why", async () => {
    const { result, check } = await decide(setup(undefined, {}));
    expect(result.decision).toBe("rejected");
    expect(check).toContain("no successful deployment to production yet");
    expect(check).toContain("when_missing: fail");
  });

  it("with when_missing: pass lets the change check pass before the first deployment, saying why", async () => {
    const w = setup("{ environment: production, when_missing: pass }", {
      production: [
        deployment(1, LIVE, ["failure"]),
        deployment(5, LIVE, ["success"], { creator: "mallory" }),
      ],
    });
    const { result, check } = await decide(w);
    expect(result.decision).toBe("approved");
    expect(check).toContain("no successful deployment to production yet");
    expect(check).toContain("created by mallory, not GitHub Actions");
    expect(check).toContain("when_missing: pass lets this change check pass");
  });

  it("fails closed, whatever when_missing says, when fake deployments fill the page the live one was on", async () => {
    const fakes = Array.from({ length: 100 }, (_, i) =>
      deployment(1000 + i, OLDER, ["success"], { creator: "mallory" }),
    );
    const w = setup("{ environment: production, when_missing: pass }", {
      production: [...fakes, deployment(1, LIVE)],
    });
    const { collected, result } = await decide(w);
    expect(candidateOf(collected).deployedBaselines?.production?.kind).toBe("unreadable");
    expect(result.decision).toBe("rejected");
  });

  it("fails closed, whatever when_missing says, when the live commit has no trusted evidence", async () => {
    const untrusted = "5".repeat(40);
    const w = setup("{ environment: production, when_missing: pass }", {
      production: [deployment(1, untrusted)],
    });
    // Its only run is of a workflow the default branch does not have.
    recorded(w, 400, untrusted, 0.1, { workflow: ".github/workflows/other.yml" });
    const { collected, result, check } = await decide(w);
    expect(candidateOf(collected).deployedBaselines?.production?.kind).toBe("unreadable");
    expect(result.decision).toBe("rejected");
    expect(check).toMatch(
      /deployment 1 of 5555555 to production is live, but its metrics are not trusted evidence/,
    );
  });

  it("finds the evidence of a commit deployed from a pull request's run", async () => {
    const w = setup(undefined, { production: [deployment(1, HEAD, ["success"], { ref: "feature" })] });
    const { collected, result } = await decide(w);
    expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({
      kind: "found",
      run: { id: 100, event: "pull_request" },
    });
    expect(result.metrics[0]).toMatchObject({ value: 0.95, baseline: 0.95 });
  });

  it("reads one source's baseline from what is live, beside a file baseline", async () => {
    const w = setup("{ eval: { environment: production } }", { production: [deployment(1, LIVE)] });
    const { result } = await decide(w);
    expect(result.decision).toBe("rejected");
    expect(result.metrics[0]).toMatchObject({ baseline: 0.97 });
  });

  it("fails the change check when the live snapshot has no source of that name", async () => {
    const w = setup("{ other: { environment: production } }", { production: [deployment(1, LIVE)] });
    w.files["refs/heads/main"]![CONFIG_PATH] = config("{ eval: { environment: production } }").replace(
      "accuracy >= baseline",
      "accuracy >= baseline",
    );
    w.artifacts[200]![0]!.text = snapshot(0.97, {
      commit: LIVE,
      run: { id: 200, attempt: 1, workflow: WORKFLOW, event: "push" },
    }).replace(/"name":\s*"eval"/, '"name":"other"');
    const { result, check } = await decide(w);
    expect(result.decision).toBe("rejected");
    expect(check).toContain("have no source 'eval'");
  });

  it("does not read deployments when no baseline names an environment", async () => {
    const calls: string[] = [];
    const w = world();
    await decide(w, calls);
    expect(calls.some((c) => c.startsWith("deployments"))).toBe(false);
  });

  describe("as the App reads it: only a deployment of a commit the gate approved", () => {
    const APP = { deployedReleasedByGate: true };

    it("ignores a GitHub Actions deployment of a commit the App never approved (a PR workflow's own)", async () => {
      // A same-repository PR's workflow with deployments: write made this one of an older, worse commit.
      const w = setup(undefined, { production: [deployment(9, OLDER), deployment(1, LIVE)] });
      w.ownDecisions = { [LIVE]: "success", [OLDER]: "failure" };
      const calls: string[] = [];
      const { collected, result } = await decide(w, calls, APP);
      expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({
        kind: "found",
        deployment: { id: 1, sha: LIVE },
      });
      expect(result.decision).toBe("rejected");
      expect(calls).toEqual(
        expect.arrayContaining([
          `own check model-approval ${OLDER.slice(0, 3)}`,
          `own check model-approval ${LIVE.slice(0, 3)}`,
        ]),
      );
    });

    it("says why each skipped deployment does not count, and fails closed when none does, even with when_missing: pass", async () => {
      const w = setup("{ environment: production, when_missing: pass }", {
        production: [deployment(9, OLDER), deployment(1, LIVE)],
      });
      w.ownDecisions = {};
      const { collected, result } = await decide(w, [], APP);
      const live = candidateOf(collected).deployedBaselines?.production;
      expect(live).toMatchObject({ kind: "unreadable" });
      expect(JSON.stringify(live)).toContain(
        "deployment 9 of 4444444 to production was never approved by this gate (no successful model-approval check run of its own)",
      );
      expect(result.decision).toBe("rejected");
    });

    it("is not asked of the Action, whose deployments and check runs are both GitHub Actions'", async () => {
      const w = setup(undefined, { production: [deployment(9, OLDER), deployment(1, LIVE)] });
      const calls: string[] = [];
      const { collected } = await decide(w, calls);
      expect(candidateOf(collected).deployedBaselines?.production).toMatchObject({ deployment: { id: 9 } });
      expect(calls.some((c) => c.startsWith("own check"))).toBe(false);
    });
  });
});
