import { describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./support.js";

const FIXTURES = "test/fixtures/evaluate";
const dir = (scenario: string) => join(FIXTURES, scenario);
const HEAD = "3f1c2e9a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e";

function evaluate(scenario: string, args: string[]) {
  return cli(["evaluate", ...args], dir(scenario));
}

describe("seed scenario 1: manual approval by alice", () => {
  it("is pending without a review (exit 3), naming alice", async () => {
    const { code, stdout } = await evaluate("manual", [
      "--pr",
      "../pr.json",
      "--changed-files",
      "../changed-files.txt",
    ]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^model-approval: PENDING — approve_model needs 1 more approval\(s\) from alice/);
  });

  it("is pending without a PR, saying why (exit 3)", async () => {
    const { code, stdout } = await evaluate("manual", ["--format", "json"]);
    expect(code).toBe(3);
    const json = JSON.parse(stdout);
    expect(json.decision).toBe("pending");
    expect(json.summary).toMatch(/no pull request/);
    expect(json.pendingApprovers).toEqual(["alice"]);
  });

  it("is approved once alice approves the head commit (exit 0)", async () => {
    const { code, stdout } = await evaluate("manual", [
      "--pr",
      "../pr.json",
      "--reviews",
      "../reviews-alice-approves.json",
      "--changed-files",
      "../changed-files.txt",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ decision: "approved", autoApproved: false, headSha: HEAD, pr: 42 });
    const approval = json.steps.find((s: { name: string }) => s.name === "approve_model");
    expect(approval.status).toBe("approved");
    expect(JSON.stringify(approval.reasons)).toContain(
      `"login":"alice","state":"APPROVED","commit":"${HEAD}"`,
    );
  });

  it("does not count the author, a non-approver or an old-commit approval", async () => {
    const { code, stdout } = await evaluate("manual", [
      "--pr=../pr.json",
      "--reviews=../reviews-attacks.json",
      "--changed-files=../changed-files.txt",
    ]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/dave APPROVED on 3f1c2e9: not counted — the pull request's author/);
    expect(stdout).toMatch(/eve APPROVED on 3f1c2e9: not counted — not a listed approver/);
    expect(stdout).toMatch(/alice APPROVED on 9e8d7c6: not counted — .*no vote for this one/);
  });
});

describe("seed scenario 2: rejection with on_reject: fail_pipeline", () => {
  it("is rejected (exit 1) and fails the pipeline", async () => {
    const { code, stdout } = await evaluate("manual", [
      "--pr",
      "../pr.json",
      "--reviews",
      "../reviews-alice-rejects.json",
      "--format",
      "json",
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ decision: "rejected", failPipeline: true });
  });

  it("quotes what the reviewer wrote, in Markdown and in text", async () => {
    const args = ["--pr", "../pr.json", "--reviews", "../reviews-alice-rejects.json", "--format", "markdown"];
    const { stdout } = await evaluate("manual", args);
    expect(stdout).toContain("  > Recall on the new segment dropped, please check\\.");
    const text = await evaluate("manual", args.slice(0, -2));
    expect(text.stdout).toContain('"Recall on the new segment dropped, please check."');
  });
});

describe("seed scenario 3: approvers written as a string", () => {
  it("is a config error with line and column (exit 2)", async () => {
    const { code, stdout, stderr } = await evaluate("approvers-string", []);
    expect(code).toBe(2);
    expect(stderr).toContain(
      ".github/model-approval.yml:5:18: error: approvers must be a list, e.g. ['bob']",
    );
    expect(stdout).toBe("");
  });

  it("prints the error decision in JSON too", async () => {
    const { code, stdout } = await evaluate("approvers-string", ["--format", "json"]);
    expect(code).toBe(2);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ decision: "error", steps: [] });
    expect(json.diagnostics[0]).toMatchObject({ line: 5, column: 18 });
  });
});

describe("seed scenario 4: accuracy test plus auto-approval above 90%", () => {
  it("with a PR but no --changed-files, does not auto-approve: protected paths cannot be ruled out", async () => {
    const { code, stderr } = await evaluate("auto", ["--pr", "../pr.json"]);
    expect(code).toBe(3);
    expect(stderr).toContain("no --changed-files");
    const listed = await evaluate("auto", ["--pr", "../pr.json", "--changed-files", "../changed-files.txt"]);
    expect(listed.code).toBe(0);
  });

  it("auto-approves at 93.4% (exit 0) and reports the model digest", async () => {
    const { code, stdout } = await evaluate("auto", ["--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ decision: "approved", autoApproved: true });
    const digest = createHash("sha256")
      .update(readFileSync(join(dir("auto"), "models/model.pkl")))
      .digest("hex");
    expect(json.model.artifacts).toEqual([
      { path: "models/model.pkl", sha256: digest, bytes: expect.any(Number) },
    ]);
    expect(json.model.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(json.metrics.map((r: { condition: string; passed: boolean }) => [r.condition, r.passed])).toEqual([
      ["accuracy >= 0.8", true],
      ["accuracy > 90%", true],
    ]);
  });

  it("waits for a manual approval at 86% (exit 3), then alice approves it (exit 0)", async () => {
    const low = [
      "--metrics",
      "metrics/eval-low.json",
      "--pr",
      "../pr.json",
      "--changed-files",
      "../changed-files.txt",
    ];
    const pending = await evaluate("auto", low);
    expect(pending.code).toBe(3);
    expect(pending.stdout).toMatch(/not reached accuracy > 90% {2}value 0\.86/);
    expect(pending.stdout).toContain("accuracy = 0.86: auto-approval not reached, needs > 0.9");
    const approved = await evaluate("auto", [...low, "--reviews", "../reviews-alice-approves.json"]);
    expect(approved.code).toBe(0);
  });

  it("rejects below the 80% test (exit 1), naming the value", async () => {
    const { code, stdout } = await evaluate("auto", ["--metrics", "eval=metrics/eval-bad.json"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/accuracy >= 0\.8: accuracy = 0\.71 fails: needs >= 0\.8/);
  });

  it("does not auto-approve a PR that edits the config", async () => {
    const { code, stdout } = await evaluate("auto", [
      "--pr",
      "../pr.json",
      "--changed-files",
      "../changed-files-config.txt",
      "--format",
      "markdown",
    ]);
    expect(code).toBe(3);
    expect(stdout).toContain("<!-- model-approval:comment -->");
    expect(stdout).toContain("@alice");
    expect(stdout).toContain(".github/model-approval.yml, the model-approval config");
  });

  it("a missing metrics file is an input error (exit 2), never a verdict", async () => {
    const { code, stderr, stdout } = await evaluate("auto", ["--metrics", "metrics/nope.json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("metrics/nope.json: no such file or directory");
    expect(stdout).toContain("metrics/nope.json");
  });

  it("a missing model artifact is an error (exit 2)", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "ma-eval-"));
    writeFileSync(
      join(tmp, "c.yml"),
      "model:\n  artifacts: [gone.pkl]\nsteps:\n  - name: t\n    type: training\n",
    );
    const { code, stderr } = await cli(["evaluate", "--config", "c.yml"], tmp);
    expect(code).toBe(2);
    expect(stderr).toMatch(/gone\.pkl does not exist/);
  });
});

describe("metric references are exact", () => {
  function workspace(config: string, files: Record<string, string>): string {
    const tmp = mkdtempSync(join(tmpdir(), "ma-eval-"));
    writeFileSync(join(tmp, "c.yml"), config);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
    return tmp;
  }
  const checks =
    "steps:\n  - name: t\n    type: test\n    inputs:\n      checks: [accuracy >= 0.5]\n    on_fail: warn\n";

  it("an unqualified name found in two sources is an input error (exit 2), even under on_fail: warn", async () => {
    const tmp = workspace(`metrics:\n  a: a.json\n  b: b.json\n${checks}`, {
      "a.json": '{"accuracy": 0.1}',
      "b.json": '{"accuracy": 0.9}',
    });
    const { code, stderr } = await cli(["evaluate", "--config", "c.yml", "--format", "json"], tmp);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ambiguous: `accuracy` is in a \(a\.json\) and b \(b\.json\)/);
  });

  it("two files given for one source name are an input error, not one silently dropped", async () => {
    const tmp = workspace(checks, { "x.json": '{"accuracy": 0.1}' });
    writeFileSync(join(tmp, "y.json"), '{"accuracy": 0.9}');
    const { code, stderr } = await cli(
      ["evaluate", "--config", "c.yml", "--metrics", "eval=x.json", "--metrics", "eval=y.json"],
      tmp,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/two files for the metric source 'eval': x\.json and y\.json/);
  });
});

describe("input errors", () => {
  it.each([
    [["--pr", "../nope.json"], /\.\.\/nope\.json:1:1: error: no such file/],
    [
      ["--pr", "../pr.json", "--reviews", "../reviews-broken.json"],
      /\.\.\/reviews-broken\.json:1:\d+: error: not valid JSON/,
    ],
    [["--pr", "../changed-files.txt"], /\.\.\/changed-files\.txt:1:1: error: not valid JSON/],
    [["--pr", "../reviews-alice-approves.json"], /expected a GitHub REST pull request object/],
    [["--pr", "../pr.json", "--reviews", "../pr.json"], /expected a JSON array of reviews/],
    [["--teams", "../reviews-alice-approves.json"], /expected \{"org\/team"/],
    [["--config", "nope.yml"], /nope\.yml:1:1: error: config file: no such file/],
  ])("%j → exit 2 naming the file", async (args, message) => {
    const { code, stderr } = await evaluate("manual", args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it.each([
    [["--format", "yaml"], /--format must be text, json or markdown/],
    [["--reviews", "../reviews-alice-approves.json"], /pass --pr/],
    [["--bogus"], /unknown option '--bogus'/],
    [["--metrics"], /--metrics needs a value/],
  ])("usage error %j → exit 2", async (args, message) => {
    const { code, stderr } = await evaluate("manual", args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Usage: model-approval evaluate");
  });

  it("--help prints usage and exits 0", async () => {
    const { code, stdout } = await evaluate("manual", ["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "exit status: 0 approved, 1 rejected, 3 pending, 2 config or input error".replace("exit", "Exit"),
    );
  });
});

describe("teams", () => {
  const config = [
    "steps:",
    "  - name: approve_model",
    "    type: approval",
    "    inputs:",
    "      approvers: [acme/ml-leads]",
    "",
  ].join("\n");
  const tmp = mkdtempSync(join(tmpdir(), "ma-teams-"));
  writeFileSync(join(tmp, "c.yml"), config);
  writeFileSync(join(tmp, "pr.json"), readFileSync(join(FIXTURES, "pr.json")));
  writeFileSync(
    join(tmp, "reviews.json"),
    JSON.stringify([
      {
        id: 1,
        user: { login: "Carol" },
        state: "APPROVED",
        commit_id: HEAD,
        submitted_at: "2026-11-28T10:00:00Z",
      },
    ]),
  );
  writeFileSync(join(tmp, "teams.json"), readFileSync(join(FIXTURES, "teams.json")));
  const base = ["evaluate", "--config", "c.yml", "--pr", "pr.json", "--reviews", "reviews.json"];

  it("a team member's approval counts with --teams", async () => {
    const { code } = await cli([...base, "--teams", "teams.json"], tmp);
    expect(code).toBe(0);
  });
  it("without the team map the member's approval does not count, with a warning", async () => {
    const { code, stderr } = await cli(base, tmp);
    expect(code).toBe(3);
    expect(stderr).toContain(
      "warning: team acme/ml-leads: it is not in --teams, so its members' reviews do not count: give its members with --teams",
    );
  });
});
