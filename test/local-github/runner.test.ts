// The local runner plays the composite action as GitHub does: the node step with the run's
// variables, then the later steps of action.yml — here an actions/upload-artifact step fed by the
// node step's outputs — and refuses any step or expression it cannot play faithfully. A stand-in
// bundle (a few lines of JavaScript) takes dist/action.js's place, so no build is needed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { unzipSync } from "fflate";
import {
  DEFAULT_TOKEN,
  LocalGitHub,
  parseGitHubOutput,
  readActionSteps,
  runBundledAction,
  runPushJob,
  runTrainJob,
  type ActionRunOptions,
} from "../../src/local-github/index.js";

/** Writes what it saw to $RUNNER_TEMP/snapshot.json and names it in GITHUB_OUTPUT (heredoc form). */
const STAND_IN = `
const fs = require("node:fs");
const path = require("node:path");
const seen = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(GITHUB|INPUT)_/.test(k)));
const out = process.env.GITHUB_OUTPUT;
fs.appendFileSync(out, "decision=pending\\n");
if (process.env.INPUT_SNAPSHOT !== "off") {
  const file = process.env.INPUT_SNAPSHOT === "relative" ? "out/snapshot.json" : path.join(process.env.RUNNER_TEMP, "snapshot.json");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(seen));
  fs.appendFileSync(out, "snapshot<<ghadelimiter_1\\n" + file + "\\nghadelimiter_1\\n");
  fs.appendFileSync(out, "snapshot-artifact=model-approval-" + process.env.GITHUB_RUN_ID + "-" + process.env.GITHUB_RUN_ATTEMPT + "\\n");
}
process.exitCode = Number(process.env.INPUT_EXIT || 0);
`;

const NODE_STEP = `
    - id: model-approval
      shell: bash
      run: node "$GITHUB_ACTION_PATH/dist/action.js"
      env:
        INPUT_CONFIG: \${{ inputs.config }}
        INPUT_GITHUB_TOKEN: \${{ inputs.github-token }}`;

const UPLOAD_STEP = `
    - if: steps.model-approval.outputs.snapshot != ''
      uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v7.0.0
      with:
        name: \${{ steps.model-approval.outputs.snapshot-artifact }}
        path: \${{ steps.model-approval.outputs.snapshot }}
        if-no-files-found: error`;

function actionYml(steps: string): string {
  return `name: model-approval\ndescription: test\nruns:\n  using: composite\n  steps:${steps}\n`;
}

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "runner-test-"));
  mkdirSync(join(dir, "dist"));
  bundle = join(dir, "dist", "action.js");
  writeFileSync(bundle, STAND_IN);
  // Beside dist/, where the runner looks by default ($GITHUB_ACTION_PATH/action.yml).
  writeFileSync(join(dir, "action.yml"), actionYml(NODE_STEP + UPLOAD_STEP));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function yml(name: string, steps: string): string {
  const path = join(dir, name);
  writeFileSync(path, actionYml(steps));
  return path;
}

const PR_PAYLOAD = {
  number: 7,
  pull_request: { number: 7, head: { ref: "retrain" }, base: { ref: "main" } },
};

function options(extra: Partial<ActionRunOptions> = {}): ActionRunOptions {
  return {
    bundle,
    apiUrl: "http://127.0.0.1:1",
    repository: "acme/models",
    eventName: "pull_request",
    payload: PR_PAYLOAD,
    sha: "a".repeat(40),
    workspace: {},
    ...extra,
  };
}

describe("runBundledAction", () => {
  it("can play the repository's action.yml: the Node.js check, the node step, then upload-artifact steps", () => {
    const [check, node, ...rest] = readActionSteps(resolve("action.yml"));
    expect(check).toMatchObject({ kind: "bash", label: "node-version" });
    expect(node).toEqual({ kind: "node", id: "model-approval" });
    for (const step of rest) expect(step.kind).toBe("upload");
  });

  it("runs a bash step before the node step as written, with the bundle's node first on PATH and no inputs", async () => {
    const path = yml(
      "bash-first.yml",
      `
    - id: look
      shell: bash
      run: |
        echo "::notice::node is $(command -v node), config is '\${INPUT_CONFIG-unset}', in $PWD"` + NODE_STEP,
    );
    const result = await runBundledAction(options({ actionYml: path, inputs: { config: "c.yml" } }));
    expect(result.steps).toEqual([
      { step: "look", outcome: "success" },
      { step: "model-approval", outcome: "success" },
    ]);
    expect(result.stdout).toContain(
      `::notice::node is ${join(dirname(process.execPath), "node")}, config is 'unset', in ${result.workspace}`,
    );
    expect(result.code).toBe(0);
  });

  it("skips the node step and every later one when a bash step before it fails", async () => {
    const path = yml(
      "bash-fails.yml",
      `
    - id: check
      shell: bash
      run: |
        echo "::error::too old"
        exit 1` +
        NODE_STEP +
        UPLOAD_STEP,
    );
    const result = await runBundledAction(options({ actionYml: path }));
    expect(result).toMatchObject({ code: null, outcome: "failure", outputs: "", uploaded: [] });
    expect(result.steps).toEqual([
      { step: "check", outcome: "failure", error: "exit code 1" },
      { step: "model-approval", outcome: "skipped" },
      { step: "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02", outcome: "skipped" },
    ]);
    expect(result.stdout).toBe("::error::too old\n");
  });

  it("sets the run's variables: id, attempt, number, workflow ref, PR refs", async () => {
    const result = await runBundledAction(
      options({
        run: { id: 42, attempt: 3, workflowPath: ".github/workflows/model.yml", number: 9 },
        keepFiles: true,
      }),
    );
    try {
      const seen = JSON.parse(Buffer.from(result.uploaded[0]?.files["snapshot.json"] ?? []).toString());
      expect(seen).toMatchObject({
        GITHUB_RUN_ID: "42",
        GITHUB_RUN_ATTEMPT: "3",
        GITHUB_RUN_NUMBER: "9",
        GITHUB_WORKFLOW_REF: "acme/models/.github/workflows/model.yml@refs/pull/7/merge",
        GITHUB_REF: "refs/pull/7/merge",
        GITHUB_HEAD_REF: "retrain",
        GITHUB_BASE_REF: "main",
        INPUT_GITHUB_TOKEN: DEFAULT_TOKEN,
      });
    } finally {
      rmSync(resolve(result.workspace, ".."), { recursive: true, force: true });
    }
    const push = await runBundledAction(
      options({
        eventName: "push",
        payload: { ref: "refs/heads/main" },
        run: { id: 1, attempt: 1, workflowPath: ".github/workflows/deploy.yml" },
      }),
    );
    const seen = JSON.parse(Buffer.from(push.uploaded[0]?.files["snapshot.json"] ?? []).toString());
    expect(seen).toMatchObject({
      GITHUB_REF: "refs/heads/main",
      GITHUB_WORKFLOW_REF: "acme/models/.github/workflows/deploy.yml@refs/heads/main",
    });
    expect(seen.GITHUB_HEAD_REF).toBeUndefined();
  });

  it("without a run, sets none of them (as before)", async () => {
    const result = await runBundledAction(options({ actionYml: yml("node-only.yml", NODE_STEP) }));
    expect(result).toMatchObject({ code: 0, outcome: "success", uploaded: [] });
    expect(parseGitHubOutput(result.outputs)).toMatchObject({ decision: "pending" });
    expect(parseGitHubOutput(result.outputs).snapshot).toMatch(/snapshot\.json$/);
  });

  it("uploads the file the node step named, under its base name, through uploadArtifact", async () => {
    const calls: [string, Record<string, Uint8Array>][] = [];
    const result = await runBundledAction(
      options({
        run: { id: 5, attempt: 1, workflowPath: ".github/workflows/model.yml" },
        uploadArtifact: (name, files) => {
          calls.push([name, files]);
        },
      }),
    );
    expect(result.steps).toEqual([
      { step: "model-approval", outcome: "success" },
      { step: "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02", outcome: "success" },
    ]);
    expect(calls.map(([name, files]) => [name, Object.keys(files)])).toEqual([
      ["model-approval-5-1", ["snapshot.json"]],
    ]);
    expect(result.uploaded).toEqual([{ name: "model-approval-5-1", files: calls[0]?.[1] }]);
  });

  it("resolves a relative path against the workspace", async () => {
    const result = await runBundledAction(options({ inputs: { snapshot: "relative" } }));
    expect(result.uploaded.map((u) => Object.keys(u.files))).toEqual([["snapshot.json"]]);
  });

  it("skips the upload when the output is empty, and every later step when the node step failed", async () => {
    const none = await runBundledAction(options({ inputs: { snapshot: "off" } }));
    expect(none.steps.map((s) => s.outcome)).toEqual(["success", "skipped"]);
    expect(none.uploaded).toEqual([]);
    const failed = await runBundledAction(options({ inputs: { exit: "1" } }));
    expect(failed).toMatchObject({ code: 1, outcome: "failure", uploaded: [] });
    expect(failed.steps.map((s) => s.outcome)).toEqual(["failure", "skipped"]);
  });

  it("runs a step after a failure when its if says !cancelled() or always()", async () => {
    for (const status of ["!cancelled()", "always()"]) {
      const path = yml(
        "after-failure.yml",
        NODE_STEP +
          UPLOAD_STEP.replace("if: steps", `if: \${{ ${status} && steps`).replace("!= ''", "!= '' }}"),
      );
      const failed = await runBundledAction(options({ actionYml: path, inputs: { exit: "1" } }));
      expect(failed.steps.map((s) => s.outcome)).toEqual(["failure", "success"]);
      expect(failed.uploaded.map((u) => u.name)).toEqual(["model-approval-undefined-undefined"]);
    }
    const onlyOnFailure = yml(
      "on-failure.yml",
      NODE_STEP + UPLOAD_STEP.replace("if: steps", "if: failure() && steps"),
    );
    const passed = await runBundledAction(options({ actionYml: onlyOnFailure }));
    expect(passed.steps.map((s) => s.outcome)).toEqual(["success", "skipped"]);
  });

  it("fails the job when the upload fails (no file with if-no-files-found: error, or a refused upload)", async () => {
    const missing = yml(
      "missing.yml",
      NODE_STEP +
        `
    - uses: actions/upload-artifact@v4
      with:
        name: fixed
        path: nowhere/file.json
        if-no-files-found: error`,
    );
    const result = await runBundledAction(options({ actionYml: missing }));
    expect(result).toMatchObject({ code: 0, outcome: "failure" });
    expect(result.steps[1]).toMatchObject({
      outcome: "failure",
      error: expect.stringMatching(/No files were found/),
    });
    const refused = await runBundledAction(
      options({
        uploadArtifact: () => {
          throw new Error("(409) Conflict");
        },
      }),
    );
    expect(refused.steps[1]).toMatchObject({ outcome: "failure", error: "(409) Conflict" });
  });

  it.each([
    ["another action", `\n    - uses: actions/cache@v4\n      with:\n        path: x`],
    ["another run step", `\n    - run: echo hi\n      shell: bash`],
    [
      "another expression in if",
      UPLOAD_STEP.replace("if: steps", "if: github.event_name == 'push' && steps"),
    ],
    ["an or in if", UPLOAD_STEP.replace("!= ''", "!= '' || always()")],
    [
      "another expression in with",
      UPLOAD_STEP.replace("steps.model-approval.outputs.snapshot }}", "runner.temp }}"),
    ],
    ["an unknown upload input", UPLOAD_STEP + "\n        include-hidden-files: true"],
  ])("refuses %s: it cannot be played faithfully", async (_label, extra) => {
    const path = yml("refused.yml", NODE_STEP + extra);
    await expect(runBundledAction(options({ actionYml: path }))).rejects.toThrow(
      /the local runner cannot play it/,
    );
  });

  // A bash step before the node step is run as written only when nothing in it needs evaluating.
  it.each([
    ["given env", "\n    - shell: bash\n      run: echo $X\n      env:\n        X: x"],
    ["with an expression", "\n    - shell: bash\n      run: echo ${{ github.sha }}"],
    ["with if", "\n    - shell: bash\n      run: echo hi\n      if: always()"],
    ["in another shell", "\n    - shell: sh\n      run: echo hi"],
  ])("refuses a step before the node step %s", async (_label, before) => {
    const path = yml("refused-before.yml", before + NODE_STEP);
    await expect(runBundledAction(options({ actionYml: path }))).rejects.toThrow(
      /the local runner cannot play it/,
    );
  });

  it("refuses a node step given variables the runner does not pass", () => {
    const path = yml("env.yml", NODE_STEP + "\n        EXTRA: ${{ runner.temp }}");
    expect(() => readActionSteps(path)).toThrow(/env EXTRA/);
  });
});

describe("runTrainJob", () => {
  let gh: LocalGitHub;
  beforeEach(async () => {
    gh = await LocalGitHub.start();
    gh.createRepo("acme/models", { "README.md": "models\n" });
  });
  afterEach(async () => {
    try {
      gh.api.assertNoContractViolations();
    } finally {
      await gh.close();
    }
  });

  it("binds what the job uploads to the run and its attempt", async () => {
    const pull = gh.openPullRequest("acme/models", {
      author: "bob",
      branch: "retrain",
      files: { "train.py": "1" },
    });
    const { run, action } = await runTrainJob(gh, "acme/models", pull.number, { bundle, outputs: {} });
    expect(action.outcome).toBe("success");
    expect(gh.deployJob(run).status).toBe("waiting");
    const [artifact] = gh.state.repo("acme/models").artifacts;
    expect(artifact).toMatchObject({
      name: `model-approval-${run.id}-1`,
      workflowRunId: run.id,
      runAttempt: 1,
      headSha: pull.headSha,
      headBranch: "retrain",
    });
    const seen = JSON.parse(
      String(artifact?.files["snapshot.json"] ? Buffer.from(artifact.files["snapshot.json"]) : "{}"),
    );
    expect(seen).toMatchObject({
      GITHUB_RUN_ID: String(run.id),
      GITHUB_WORKFLOW_REF: `acme/models/${run.path}@refs/pull/${pull.number}/merge`,
    });

    // Downloaded through the API, the zip holds the file.
    const listed = await fetch(`${gh.url}/repos/acme/models/actions/runs/${run.id}/artifacts`, {
      headers: { authorization: `token ${DEFAULT_TOKEN}` },
    }).then((r) => r.json() as Promise<{ artifacts: { archive_download_url: string }[] }>);
    const zip = await fetch(listed.artifacts[0]?.archive_download_url ?? "", {
      headers: { authorization: `token ${DEFAULT_TOKEN}` },
    });
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toEqual(["snapshot.json"]);

    // A re-run is a new attempt on the same commit, with its own artifact.
    gh.completeRun("acme/models", run, "failure");
    gh.push("acme/models", pull.number, { "train.py": "2" });
    await runTrainJob(gh, "acme/models", pull.number, { bundle, outputs: {}, rerun: run });
    expect(run.runAttempt).toBe(2);
    expect(gh.state.repo("acme/models").artifacts.map((a) => [a.name, a.runAttempt, a.headSha])).toEqual([
      [`model-approval-${run.id}-1`, 1, run.headSha],
      [`model-approval-${run.id}-2`, 2, run.headSha],
    ]);
    expect(run.headSha).not.toBe(gh.state.pull("acme/models", pull.number).headSha);
  });

  it("runs a push's job on the branch head, with the push as its event", async () => {
    const after = gh.pushToBranch("acme/models", "main", { "config.yml": "a: 1\n" }, { pusher: "carol" });
    const { run, action } = await runPushJob(gh, "acme/models", "main", { bundle, outputs: {} });
    expect(run).toMatchObject({ event: "push", headSha: after, headBranch: "main", actor: "carol" });
    expect(action.outcome).toBe("success");
    const [artifact] = gh.state.repo("acme/models").artifacts;
    const seen = JSON.parse(Buffer.from(artifact?.files["snapshot.json"] ?? "{}").toString());
    expect(seen).toMatchObject({
      GITHUB_EVENT_NAME: "push",
      GITHUB_SHA: after,
      GITHUB_REF: "refs/heads/main",
      GITHUB_WORKFLOW_REF: `acme/models/${run.path}@refs/heads/main`,
    });
  });

  it("fails the train job when an upload fails, so the deploy job is skipped", async () => {
    const pull = gh.openPullRequest("acme/models", {
      author: "bob",
      branch: "retrain",
      files: { "train.py": "1" },
    });
    const missing = yml(
      "missing-train.yml",
      NODE_STEP +
        "\n    - uses: actions/upload-artifact@v4\n      with:\n        path: nowhere\n        if-no-files-found: error",
    );
    const { run } = await runTrainJob(gh, "acme/models", pull.number, {
      bundle,
      outputs: {},
      actionYml: missing,
    });
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(gh.deployJob(run).conclusion).toBe("skipped");
  });
});
