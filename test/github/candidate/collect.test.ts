// The collector's trust rules, one read at a time: which config decides, which training run's
// recording is evidence, which commit's files count, and when GitHub's answer is too old to use.
import { describe, expect, it } from "@jest/globals";
import { collectCandidate, decisionFor, type Collected } from "../../../src/github/candidate/index.js";
import { CONFIG_PATH } from "../../../src/core/names.js";
import { GitHubError } from "../../../src/github/errors.js";
import type { Candidate, Measurements } from "../../../src/core/candidate/types.js";
import {
  BASE,
  CONFIG,
  HEAD,
  REPOSITORY,
  WORKFLOW,
  ports,
  pullRequest,
  run,
  snapshot,
  world,
  artifact,
  type World,
} from "./ports.js";

const noSleep = async () => undefined;
const OPTIONS = { configPath: CONFIG_PATH, sleep: noSleep };

async function collect(
  w: World,
  subject: Parameters<typeof collectCandidate>[1] = { kind: "pull_request", number: 7 },
  calls: string[] = [],
) {
  return collectCandidate(ports(w, calls), subject, OPTIONS);
}

function candidateOf(collected: Collected): Candidate {
  if (collected.kind !== "candidate")
    throw new Error(`expected a candidate, got ${collected.kind}: ${JSON.stringify(collected)}`);
  return collected.candidate;
}

describe("which rules decide", () => {
  it("the default branch's config, with the blob it was read from", async () => {
    const calls: string[] = [];
    const candidate = candidateOf(await collect(world(), undefined, calls));
    expect(candidate.config.origin).toEqual({
      path: CONFIG_PATH,
      ref: "refs/heads/main",
      blobSha: "b".repeat(40),
      where: "the default branch main",
    });
    expect(candidate.config.untrusted).toBeUndefined();
    expect(calls).toContain(`file ${CONFIG_PATH}@refs/heads/main`);
  });

  it("the default branch's even for a PR into another branch, never that base's own", async () => {
    const w = world({ pr: pullRequest({ baseRef: "release" }) });
    w.files["refs/heads/release"] = { [CONFIG_PATH]: CONFIG.replace("accuracy > 0.9", "accuracy > 0.1") };
    const collected = await collect(w);
    expect(candidateOf(collected).config.origin.ref).toBe("refs/heads/main");
    expect(collected.warnings.join()).toMatch(/not the default branch main/);
  });

  it("without a config on the default branch, the PR's own copy only previews: never approved", async () => {
    const w = world();
    w.files["refs/heads/main"] = { [WORKFLOW]: "on: pull_request" };
    w.files[HEAD] = { [CONFIG_PATH]: CONFIG };
    const collected = await collect(w);
    expect(candidateOf(collected).config).toMatchObject({
      untrusted: expect.stringContaining("applies once merged"),
    });
    expect(decisionFor(collected as Exclude<Collected, { kind: "no-config" }>).decision).toBe("pending");
  });

  it("no config anywhere is no-config, not a decision", async () => {
    const w = world();
    w.files = {};
    expect((await collect(w)).kind).toBe("no-config");
  });
});

describe("teams and links", () => {
  const TEAM_CONFIG = CONFIG.replace("approvers: [alice]", "approvers: [alice, acme/leads, acme/ops]");

  it("a team GitHub will not show is unreadable, in the adapter's words; a readable one has its members", async () => {
    const w = world();
    w.files["refs/heads/main"]![CONFIG_PATH] = TEAM_CONFIG;
    w.teams = { "acme/ops": ["carol"] };
    const why = "team membership is not readable with the workflow's token";
    const own = await collectCandidate(
      ports(w),
      { kind: "pull_request", number: 7 },
      {
        ...OPTIONS,
        unreadableTeam: why,
      },
    );
    expect(candidateOf(own)).toMatchObject({
      teamMembers: { "acme/leads": [], "acme/ops": ["carol"] },
      unreadableTeams: { "acme/leads": why },
    });
    // It is said where the team would be asked, not also as a note.
    expect(own.warnings.join()).not.toMatch(/acme\/leads/);
    const fallback = candidateOf(await collect(w)).unreadableTeams?.["acme/leads"];
    expect(fallback).toMatch(
      /^its membership could not be read \(.*404.*\), so its members' reviews do not count$/,
    );
  });

  it("carries the server's web address when the ports know it", async () => {
    const w = world();
    const withServer = { ...ports(w), serverUrl: "https://github.example" };
    const collected = await collectCandidate(withServer, { kind: "pull_request", number: 7 }, OPTIONS);
    expect(candidateOf(collected).serverUrl).toBe("https://github.example");
    expect(candidateOf(await collect(w)).serverUrl).toBeUndefined();
  });
});

describe("which recording is the evidence", () => {
  it("the newest snapshot artifact of the training workflow's run for this PR and commit", async () => {
    const candidate = candidateOf(await collect(world()));
    expect(candidate.evidence).toMatchObject({
      kind: "present",
      origin: { kind: "recorded", run: { id: 100, attempt: 1, workflow: WORKFLOW }, artifact: { id: 5001 } },
      measurements: { metrics: [{ values: { accuracy: 0.95 } }] },
    });
  });

  it.each([
    ["another workflow (one the PR adds)", { workflow: ".github/workflows/evil.yml" }],
    ["a push to a side branch", { event: "push", pullRequests: [], headBranch: "side" }],
    ["a manual dispatch", { event: "workflow_dispatch", pullRequests: [] }],
    ["a run for another pull request", { pullRequests: [8] }],
    ["a run on another commit", { headSha: BASE }],
  ])("ignores a snapshot recorded by %s", async (_label, over) => {
    const w = world({ runs: [run(over)] });
    const collected = await collect(w);
    const candidate = candidateOf(collected);
    expect(candidate.evidence.kind).toBe("missing");
    expect(decisionFor(collected as Exclude<Collected, { kind: "no-config" }>).decision).toBe("pending");
  });

  it("trusts only the workflow the config names, when it names one", async () => {
    const w = world({ runs: [run({ workflow: ".github/workflows/other.yml" })] });
    w.files["refs/heads/main"]![".github/workflows/other.yml"] = "on: pull_request";
    w.files["refs/heads/main"]![CONFIG_PATH] = `evidence:\n  workflow: ${WORKFLOW}\n${CONFIG}`;
    const evidence = candidateOf(await collect(w)).evidence;
    expect(evidence).toMatchObject({
      kind: "missing",
      why: expect.stringContaining(`no run of ${WORKFLOW}`),
    });
  });

  it("an artifact must be one GitHub says this run uploaded, unexpired, with claims that agree", async () => {
    for (const [label, over] of [
      ["another run's", { runId: 999 }],
      ["expired", { expired: true }],
      ["claiming another commit", { text: snapshot(0.95, { commit: BASE }) }],
      ["claiming another PR", { text: snapshot(0.95, { pullRequest: 8 }) }],
      [
        "claiming another run",
        { text: snapshot(0.95, { run: { id: 7, attempt: 1, workflow: WORKFLOW, event: "pull_request" } }) },
      ],
      ["unreadable", { text: "{not json" }],
      ["empty", { text: null }],
    ] as const) {
      const w = world({ artifacts: { 100: [artifact(over)] } });
      const evidence = candidateOf(await collect(w)).evidence;
      expect([label, evidence.kind]).toEqual([label, "missing"]);
    }
  });

  it.each([
    ["failure", /failed before recording/],
    ["cancelled", /was cancelled/],
    ["timed_out", /timed out/],
  ])("a training run that ended %s says so instead of waiting forever", async (conclusion, why) => {
    const w = world({ runs: [run({ conclusion })], artifacts: {} });
    const evidence = candidateOf(await collect(w)).evidence;
    expect(evidence).toMatchObject({ kind: "missing", training: { conclusion } });
    if (evidence.kind === "missing") expect(evidence.why).toMatch(why);
  });

  it("a training run still going is waited for", async () => {
    const w = world({ runs: [run({ status: "in_progress", conclusion: null })], artifacts: {} });
    const evidence = candidateOf(await collect(w)).evidence;
    expect(evidence).toMatchObject({ kind: "missing", why: expect.stringContaining("is in_progress") });
  });

  it("a re-run still in progress may re-train: its earlier attempt's snapshot is not used meanwhile", async () => {
    const w = world({ runs: [run({ attempt: 2, status: "in_progress", conclusion: null })] });
    expect(candidateOf(await collect(w)).evidence.kind).toBe("missing");
    // Once the run waits on its deploy environment, training is done: the newest snapshot stands.
    const waiting = world({ runs: [run({ attempt: 2, status: "waiting", conclusion: null })] });
    expect(candidateOf(await collect(waiting)).evidence.kind).toBe("present");
  });

  it("a re-run that failed is the training failing: the earlier attempt's recording does not stand in", async () => {
    const failed = world({ runs: [run({ attempt: 2, status: "completed", conclusion: "failure" })] });
    expect(candidateOf(await collect(failed)).evidence).toMatchObject({
      kind: "missing",
      why: expect.stringMatching(/attempt 2.*failed/),
    });
    // A re-run of later jobs only (it succeeded without training again) keeps the recording.
    const later = world({ runs: [run({ attempt: 2, status: "completed", conclusion: "success" })] });
    expect(candidateOf(await collect(later)).evidence.kind).toBe("present");
  });

  it("a PR from a fork: its run lists no PRs, so the head branch and repository must match", async () => {
    const fork = "mallory/models";
    const pr = pullRequest({ headRepoFullName: fork });
    const own = world({ pr, runs: [run({ pullRequests: [], headRepository: fork })] });
    expect(candidateOf(await collect(own)).evidence.kind).toBe("present");
    const other = world({ pr, runs: [run({ pullRequests: [], headRepository: "eve/models" })] });
    expect(candidateOf(await collect(other)).evidence.kind).toBe("missing");
  });
});

describe("what the votes bind to", () => {
  it("downloads the earlier recording a vote was cast on, and counts it only for the same model", async () => {
    const earlier = artifact({
      id: 4001,
      createdAt: "2026-01-01T00:00:30Z",
      text: snapshot(0.85, { run: { id: 90, attempt: 1, workflow: WORKFLOW, event: "pull_request" } }),
      runId: 90,
    });
    const w = world({
      runs: [run(), run({ id: 90, createdAt: "2026-01-01T00:00:10Z" })],
      artifacts: { 100: [artifact()], 90: [earlier] },
      reviews: [
        {
          id: 1,
          user: { login: "alice" },
          state: "APPROVED",
          commit_id: HEAD,
          submitted_at: "2026-01-01T00:01:00Z",
        },
      ],
    });
    const calls: string[] = [];
    const collected = await collect(w, undefined, calls);
    expect(calls).toContain("download 4001");
    const result = decisionFor(collected as Exclude<Collected, { kind: "no-config" }>);
    // alice approved the 0.85 model; the candidate is the 0.95 one, which auto-approves anyway…
    expect(result.decision).toBe("approved");
    // …but her vote is not counted for it.
    expect(JSON.stringify(result.steps)).not.toContain('"counted":true');
  });
});

describe("which commit and which files", () => {
  it("decides the commit it is asked about, with that commit's files, not the PR's head", async () => {
    const calls: string[] = [];
    const old = "3".repeat(40);
    const w = world({ runs: [run({ headSha: old })], artifacts: {} });
    const candidate = candidateOf(await collect(w, { kind: "pull_request", number: 7, commit: old }, calls));
    expect(candidate.commit).toBe(old);
    expect(calls).toContain(`changed ${BASE.slice(0, 3)}...${old.slice(0, 3)}`);
    expect(candidate.pr?.headSha).toBe(HEAD);
  });

  it("knows who pushed the commit (not for a fork, whose pushes GitHub does not show here)", async () => {
    expect(candidateOf(await collect(world({ pusher: "carol" }))).pr?.pusher).toBe("carol");
    const fork = world({ pusher: "carol", pr: pullRequest({ headRepoFullName: "m/models" }) });
    expect(candidateOf(await collect(fork)).pr?.pusher).toBeUndefined();
  });

  it("outside a PR, whether the default branch contains the commit is asked of GitHub", async () => {
    const w = world({ contains: false, runs: [] });
    const candidate = candidateOf(await collect(w, { kind: "commit", sha: HEAD, defaultBranch: "main" }));
    expect(candidate.defaultBranch).toEqual({ name: "main", contains: false });
  });
});

describe("an event is a lower bound", () => {
  it("re-reads a review list that lacks the review the event is about, then fails closed", async () => {
    const review = {
      id: 42,
      user: { login: "alice" },
      state: "APPROVED",
      commit_id: HEAD,
      submitted_at: "2026-01-01T00:05:00Z",
    };
    const late = world({ reviewReads: [[], [], [review]] });
    const calls: string[] = [];
    const ok = await collect(
      late,
      { kind: "pull_request", number: 7, event: { review: { id: 42, dismissed: false } } },
      calls,
    );
    expect(calls.filter((c) => c === "pr+reviews")).toHaveLength(3);
    expect(candidateOf(ok).pr?.reviews).toEqual([review]);

    const never = world({ reviewReads: [[]] });
    const failed = await collect(never, {
      kind: "pull_request",
      number: 7,
      event: { review: { id: 42, dismissed: false } },
    });
    expect(failed).toMatchObject({ kind: "failed", failure: { code: "stale_read" } });
    expect(decisionFor(failed as Exclude<Collected, { kind: "no-config" }>).decision).toBe("error");
  });

  it("a dismissal the list does not show yet is stale too", async () => {
    const approved = {
      id: 42,
      user: { login: "alice" },
      state: "APPROVED",
      commit_id: HEAD,
      submitted_at: "2026-01-01T00:05:00Z",
    };
    const w = world({ reviewReads: [[approved]] });
    const collected = await collect(w, {
      kind: "pull_request",
      number: 7,
      event: { review: { id: 42, dismissed: true } },
    });
    expect(collected).toMatchObject({ kind: "failed", failure: { code: "stale_read" } });
  });

  it("a head the event names but the PR read lacks is stale, unless the PR changed since the event", async () => {
    const moved = "4".repeat(40);
    const stale = world({ prReads: [pullRequest({ updatedAt: "2026-01-01T00:00:00Z" })] });
    await expect(
      collect(stale, {
        kind: "pull_request",
        number: 7,
        event: { headSha: moved, updatedAt: "2026-01-01T00:09:00Z" },
      }),
    ).rejects.toMatchObject({ code: "stale_read" });
    // A newer PR (pushed again after the event) is simply the truth.
    const newer = world({ prReads: [pullRequest({ updatedAt: "2026-01-01T00:10:00Z" })] });
    const collected = await collect(newer, {
      kind: "pull_request",
      number: 7,
      event: { headSha: moved, updatedAt: "2026-01-01T00:09:00Z" },
    });
    expect(candidateOf(collected).pr?.headSha).toBe(HEAD);
  });
});

/**
 * This process's own measurements, as the Action's run makes them: run 100, attempt 1, of the
 * training workflow on a pull_request event, unless `expected` says otherwise (null: an event no
 * training run has, a review's).
 */
function measuringAs(
  measure: () => Promise<Measurements>,
  runId = 100,
  expected: { workflow?: string } | null = { workflow: WORKFLOW },
) {
  return {
    ...OPTIONS,
    measuring: () => ({
      runId,
      attempt: 1,
      at: "2026-01-01T00:03:00Z",
      where: "the workspace",
      measure,
      ...(expected ? { expected } : {}),
    }),
  };
}

const MEASURED: Measurements = {
  metrics: [{ name: "eval", file: "metrics/eval.json", format: "json", values: { accuracy: 0.97 } }],
  baseline: [],
  metricErrors: {},
  baselineErrors: {},
};

describe("what goes out at once", () => {
  it("the reads every decision needs go out before the config is parsed; an invalid one leaves them unused, failed or not", async () => {
    const w = world();
    w.files["refs/heads/main"]![CONFIG_PATH] = "steps: [";
    const calls: string[] = [];
    const failing = {
      ...ports(w, calls),
      changedFiles: async () => {
        calls.push("changed");
        throw new Error("502 Bad Gateway");
      },
    };
    const collected = await collectCandidate(failing, { kind: "pull_request", number: 7 }, OPTIONS);
    expect(collected.kind).toBe("invalid-config");
    expect(calls).toEqual(expect.arrayContaining(["changed", `runs ${HEAD.slice(0, 3)}`]));
  });

  it("outside a PR too: whether the default branch holds the commit, and its runs", async () => {
    const w = world();
    w.files["refs/heads/main"]![CONFIG_PATH] = "steps: [";
    const calls: string[] = [];
    const p = {
      ...ports(w, calls),
      branchContains: async () => {
        calls.push("contains");
        return true;
      },
    };
    const collected = await collectCandidate(
      p,
      { kind: "commit", sha: HEAD, defaultBranch: "main" },
      OPTIONS,
    );
    expect(collected.kind).toBe("invalid-config");
    expect(calls).toEqual(expect.arrayContaining(["contains", `runs ${HEAD.slice(0, 3)}`]));
  });

  it("the training run's measurements are its evidence, its artifacts listed once for them and the history", async () => {
    const calls: string[] = [];
    const collected = await collectCandidate(
      ports(world(), calls),
      { kind: "pull_request", number: 7 },
      measuringAs(async () => {
        calls.push("measure");
        return MEASURED;
      }),
    );
    // Listed once, for the measurement and the history alike.
    expect(calls.filter((c) => c === "artifacts 100")).toHaveLength(1);
    expect(candidateOf(collected).evidence).toMatchObject({ kind: "present", origin: { kind: "measured" } });
    expect(collected).toMatchObject({ measured: MEASURED });
  });

  it("a run that is not the training run: what it measured and listed is not used, their failures fail nothing, and they have ended before the collection does", async () => {
    const w = world({ runs: [run(), run({ id: 200, workflow: ".github/workflows/lint.yml" })] });
    w.files["refs/heads/main"]![".github/workflows/lint.yml"] = "on: pull_request";
    let ended = false;
    const failingArtifacts = {
      ...ports(w),
      runArtifacts: async (id: number) => {
        if (id === 200) throw new Error("502 Bad Gateway");
        return ports(w).runArtifacts(id);
      },
      // GitHub takes its time to say whether the run is a training run: the listing has failed by then.
      getFile: async (path: string, ref: string) => {
        await new Promise((done) => setTimeout(done, 5));
        return ports(w).getFile(path, ref);
      },
    };
    const collected = await collectCandidate(
      failingArtifacts,
      { kind: "pull_request", number: 7 },
      measuringAs(
        () =>
          new Promise((_, fail) =>
            setTimeout(() => {
              ended = true;
              fail(new Error("metrics/eval.json: not JSON"));
            }, 20),
          ),
        200,
      ),
    );
    expect(ended).toBe(true);
    expect(collected).not.toHaveProperty("measured");
    // Run 100's recorded snapshot decides.
    expect(candidateOf(collected).evidence).toMatchObject({ kind: "present", origin: { kind: "recorded" } });
    expect(collected).toMatchObject({
      warnings: [expect.stringContaining("its workspace's metrics do not count")],
    });
  });

  it("the training run measures its workspace, lists its artifacts, reads its workflow file and the PRs from its head before GitHub lists the runs", async () => {
    const calls: string[] = [];
    const w = world();
    const p = {
      ...ports(w, calls),
      workflowRunsForCommit: async (sha: string) => {
        await new Promise((done) => setTimeout(done, 5));
        calls.push("runs answered");
        return ports(w).workflowRunsForCommit(sha);
      },
      pullRequestsFromHead: async (owner: string, branch: string) => {
        calls.push(`pulls from ${owner}:${branch}`);
        return ports(w).pullRequestsFromHead(owner, branch);
      },
    };
    const collected = await collectCandidate(
      p,
      { kind: "pull_request", number: 7 },
      measuringAs(async () => {
        calls.push("measure");
        return MEASURED;
      }),
    );
    const listed = calls.indexOf("runs answered");
    expect(calls.indexOf("measure")).toBeLessThan(listed);
    expect(calls.indexOf(`file ${WORKFLOW}@refs/heads/main`)).toBeLessThan(listed);
    expect(calls.indexOf("pulls from acme:feature")).toBeLessThan(listed);
    expect(calls.indexOf("artifacts 100")).toBeLessThan(listed);
    // Each read once: the judge of the listed run uses what was read ahead.
    expect(calls.filter((c) => c.startsWith(`file ${WORKFLOW}`))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith("pulls from"))).toHaveLength(1);
    expect(collected).toMatchObject({ measured: MEASURED });
  });

  describe("a read that fails leaves nothing running after the collector returns", () => {
    const ended: string[] = [];
    const after = <T>(ms: number, what: string, answer: () => Promise<T>) =>
      new Promise<T>((done) => setTimeout(() => done(answer()), ms)).finally(() => ended.push(what));
    const subjects = [
      { kind: "pull_request", number: 7 } as const,
      { kind: "commit", sha: HEAD, defaultBranch: "main" } as const,
    ];
    const badGateway = async (): Promise<never> => {
      throw new GitHubError("reading", 502, "Bad Gateway");
    };

    it.each(subjects)(
      "the list of runs fails: the workflow file read ahead has come back ($kind)",
      async (subject) => {
        ended.length = 0;
        const w = world();
        const p = {
          ...ports(w),
          getFile: (path: string, ref: string) =>
            path === WORKFLOW
              ? after(40, "workflow file", () => ports(w).getFile(path, ref))
              : ports(w).getFile(path, ref),
          workflowRunsForCommit: badGateway,
        };
        const collected = await collectCandidate(
          p,
          subject,
          measuringAs(async () => MEASURED),
        );
        expect(collected.kind).toBe("failed");
        expect(ended).toEqual(["workflow file"]);
      },
    );

    it.each(subjects)(
      "a read beside the evidence fails: the measurement has ended ($kind)",
      async (subject) => {
        ended.length = 0;
        const w = world();
        const p = { ...ports(w), changedFiles: badGateway, branchContains: badGateway };
        const collected = await collectCandidate(
          p,
          subject,
          measuringAs(() => after(40, "measure", async () => MEASURED)),
        );
        expect(collected.kind).toBe("failed");
        expect(ended).toEqual(["measure"]);
      },
    );
  });

  it("branch names differing only in case are two heads: what was read ahead for one does not judge a run on the other", async () => {
    const calls: string[] = [];
    const w = world({
      runs: [run({ headBranch: "Feature" })],
      headPulls: {
        ...world().headPulls,
        "acme:Feature": [
          { number: 9, baseRef: "release", createdAt: "2026-01-01T00:00:00Z", closedAt: null },
        ],
      },
    });
    const p = {
      ...ports(w, calls),
      pullRequestsFromHead: async (owner: string, branch: string) => {
        calls.push(`pulls from ${owner}:${branch}`);
        return ports(w).pullRequestsFromHead(owner, branch);
      },
    };
    const collected = await collectCandidate(
      p,
      { kind: "pull_request", number: 7 },
      measuringAs(async () => MEASURED),
    );
    expect(calls).toContain("pulls from acme:feature");
    expect(calls).toContain("pulls from acme:Feature");
    expect(candidateOf(collected).evidence).not.toMatchObject({ kind: "present" });
    expect(JSON.stringify(collected)).toMatch(/may have been PR #9's, into release/);
  });

  it("a run whose event no training run has (a review's) never measures its checkout", async () => {
    const calls: string[] = [];
    const collected = await collectCandidate(
      ports(world(), calls),
      { kind: "pull_request", number: 7 },
      measuringAs(
        async () => {
          calls.push("measure");
          return MEASURED;
        },
        300,
        null,
      ),
    );
    expect(calls).not.toContain("measure");
    expect(calls).not.toContain("artifacts 300");
    expect(candidateOf(collected).evidence).toMatchObject({ kind: "present", origin: { kind: "recorded" } });
  });

  it("the training run's failed measurement fails the decision, as a read that failed does", async () => {
    const collected = await collectCandidate(
      ports(world()),
      { kind: "pull_request", number: 7 },
      measuringAs(async () => {
        throw new Error("metrics/eval.json: not JSON");
      }),
    );
    expect(collected).toMatchObject({ kind: "failed" });
  });
});

describe("read failures", () => {
  it("are the read that failed, with a code, never a config problem", async () => {
    const w = world();
    const p = {
      ...ports(w),
      workflowRunsForCommit: async () => {
        throw new Error("502 Bad Gateway");
      },
    };
    const collected = await collectCandidate(p, { kind: "pull_request", number: 7 }, OPTIONS);
    expect(collected).toMatchObject({
      kind: "failed",
      failure: { code: "read_failed", message: expect.stringContaining("the workflow runs of") },
    });
    const result = decisionFor(collected as Exclude<Collected, { kind: "no-config" }>);
    expect(result).toMatchObject({ decision: "error", diagnostics: [] });
  });
});

export { REPOSITORY };
