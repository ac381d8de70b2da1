// .github/workflows/self-test.yml played offline: each job's `uses: ./` step through the local
// runner against the local GitHub (a repository holding this one's examples, with the self-test
// as a workflow on its default branch), then the job's own assertion step under bash with the
// outputs it would get. What the self-test expects on GitHub is thereby checked before it runs there.
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import type { FakeGitHub } from "../../src/local-github/index.js";
import { loadWebhookExample } from "../../src/local-github/webhooks.js";
import { runBundledAction } from "../action/support/run-bundled.js";
import { AUTHOR, BASE, HEAD, PR, REPO } from "../action/support/scenario.js";
import { useFakeGitHub } from "../action/support/fake-github.js";

const WORKFLOW = ".github/workflows/self-test.yml";
const WORKFLOW_TEXT = readFileSync(resolve(WORKFLOW), "utf8");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  strategy?: { matrix: { include: Record<string, string>[] } };
  steps: Step[];
}
const jobs = (parse(WORKFLOW_TEXT) as { jobs: Record<string, Job> }).jobs;

/** The files of the checkout the Action reads: the examples and the self-test's configs. */
function checkout(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ["examples", "examples/metrics", ".github/self-test"])
    for (const name of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n)))
      files[`${dir}/${name}`] = readFileSync(join(dir, name), "utf8");
  return files;
}

/** The runner's expression evaluation, for the only expressions these steps use. */
function evaluate(
  text: string,
  context: { matrix: Record<string, string>; outputs: Record<string, string> },
) {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const matrix = /^matrix\.([\w-]+)$/.exec(expression);
    if (matrix && context.matrix[matrix[1]!] !== undefined) return context.matrix[matrix[1]!]!;
    const output = /^steps\.approval\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.outputs[output[1]!] ?? "";
    throw new Error(`the test cannot evaluate '${expression}'`);
  });
}

/** The job's `uses: ./` step and the step asserting on its report. */
function stepsOf(job: Job) {
  const action = job.steps.find((s) => s.uses === "./");
  const assertion = job.steps.find((s) => s.run !== undefined && s.env?.REPORT !== undefined);
  if (!action || !assertion) throw new Error("a self-test job without its uses: ./ or assertion step");
  return { action, assertion };
}

function runAssertion(step: Step, matrix: Record<string, string>, outputs: Record<string, string>) {
  const script = join(mkdtempSync(join(tmpdir(), "self-test-step-")), "step.sh");
  writeFileSync(script, step.run!);
  const env: Record<string, string> = { PATH: [dirname(process.execPath), process.env.PATH].join(":") };
  for (const [name, value] of Object.entries(step.env ?? {}))
    env[name] = evaluate(value, { matrix, outputs });
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    env,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout };
}

let fake: FakeGitHub;
useFakeGitHub((started) => (fake = started));

/** The repository: its default branch holds the checkout's files and the self-test workflow. */
function seedRepository(): string {
  fake.state.addRepo(REPO, { defaultBranch: "master" });
  return fake.state.commit(REPO, {
    branch: "master",
    sha: BASE,
    files: { ...checkout(), [WORKFLOW]: WORKFLOW_TEXT },
  });
}

/** The job's `uses: ./` step in a run of the self-test for `event`. */
async function playAction(job: Job, matrix: Record<string, string>, event: "push" | "pull_request") {
  const { action } = stepsOf(job);
  const inputs = Object.fromEntries(
    Object.entries(action.with ?? {}).map(([k, v]) => [k, evaluate(String(v), { matrix, outputs: {} })]),
  );
  if (event === "push") {
    const sha = seedRepository();
    const run = fake.state.addWorkflowRun(REPO, {
      headSha: sha,
      path: WORKFLOW,
      event: "push",
      headBranch: "master",
      pullRequests: [],
      status: "in_progress",
    });
    return runBundledAction({
      apiUrl: fake.url,
      eventName: "push",
      payload: loadWebhookExample("push", undefined, {
        ref: "refs/heads/master",
        repository: { default_branch: "master" },
      }),
      sha,
      files: checkout(),
      inputs,
      run: { fake, id: run.id },
    });
  }
  seedRepository();
  fake.state.commit(REPO, { parent: BASE, sha: HEAD, files: { "README.md": "more\n" }, pusher: AUTHOR });
  fake.state.addPullRequest(REPO, {
    number: PR,
    author: AUTHOR,
    headSha: HEAD,
    baseRef: "master",
    files: ["README.md"],
  });
  const run = fake.state.addWorkflowRun(REPO, {
    headSha: HEAD,
    path: WORKFLOW,
    event: "pull_request",
    status: "in_progress",
  });
  return runBundledAction({
    apiUrl: fake.url,
    eventName: "pull_request",
    payload: loadWebhookExample("pull_request", "opened"),
    files: checkout(),
    inputs,
    run: { fake, id: run.id },
  });
}

describe("self-test.yml", () => {
  const examples = jobs.examples!;
  const matrix = examples.strategy!.matrix.include;

  it("covers every example config", () => {
    const listed = matrix.map((m) => `${m.example}.yml`).sort();
    expect(listed).toEqual(
      readdirSync("examples")
        .filter((n) => n.endsWith(".yml"))
        .sort(),
    );
  });

  describe.each(["push", "pull_request"] as const)("examples job, on %s", (event) => {
    const entries = matrix.map((m): [string, Record<string, string>] => [m.example!, m]);
    it.each(entries)("%s: the assertion step passes", async (_name, entry) => {
      const result = await playAction(examples, entry, event);
      expect(result.code).toBe(0);
      const outputs = result.outputs;
      const passed = runAssertion(stepsOf(examples).assertion, entry, outputs);
      expect(passed).toMatchObject({ code: 0 });
      expect(fake.writes()).toEqual([]);
      // The same step fails when the expectation is wrong: it can tell.
      const wrong = runAssertion(
        stepsOf(examples).assertion,
        { ...entry, summary: "nothing like it" },
        outputs,
      );
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain("::error::summary ");
    });
  });

  it("training-run job, on push: the Action measures, auto-approves and records the snapshot", async () => {
    const job = jobs["training-run"]!;
    expect(job.if).toBe("github.event_name == 'push'");
    const result = await playAction(job, {}, "push");
    expect(result.code).toBe(0);
    expect(runAssertion(stepsOf(job).assertion, {}, result.outputs)).toMatchObject({ code: 0 });
    expect(result.steps.map((s) => s.outcome)).toEqual(["success", "success", "success"]);
    expect(fake.state.repo(REPO).artifacts.map((a) => a.name)).toEqual(["model-approval-snapshot-1"]);
    expect(fake.writes()).toEqual([]);
    // With another decision the same step fails: it can tell.
    const pending = { ...result.outputs, decision: "pending" };
    expect(runAssertion(stepsOf(job).assertion, {}, pending).code).toBe(1);
  });
});
