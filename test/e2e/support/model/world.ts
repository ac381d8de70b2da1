// The model-based test's world: one repository and PR on the local GitHub, the App over HTTP, and
// the Action run in-process (no write spacing, so hundreds of sequences fit in a test run). Each
// step changes the world the way a person, GitHub Actions or an attacker would, and keeps the
// facts the oracle needs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runAction } from "../../../../src/action/run.js";
import type { Runner } from "../../../../src/action/runner.js";
import { createActionOctokit } from "../../../../src/github/octokit.js";
import { DEFAULT_TOKEN, type FakeWorkflowRun } from "../../../../src/local-github/index.js";
import { pullRequestWebhook } from "../../../../src/local-github/payloads.js";
import type { World } from "../world.js";
import type { OracleWorld, RulesModel } from "./oracle.js";

export const CONFIG_PATH = ".github/model-approval.yml";
const WORKFLOW_PATH = ".github/workflows/model.yml";
/** A file the rules guard: committing it in the PR stops auto-approval. */
export const GUARDED_FILE = "metrics/eval.json";

export function configYaml(rules: RulesModel): string {
  const approvers = [...rules.approvers, ...(rules.team ? [rules.team] : [])];
  return [
    "version: 1",
    "model:",
    "  artifacts: [models/model.pkl]",
    "metrics:",
    "  eval: metrics/eval.json",
    "steps:",
    "  - name: train_model",
    "    type: training",
    "  - name: accuracy_check",
    "    type: test",
    "    inputs:",
    "      checks: [accuracy >= 0.80]",
    "  - name: approve_model",
    "    type: approval",
    "    inputs:",
    `      approvers: [${approvers.join(", ")}]`,
    `      min_approvals: ${rules.minApprovals}`,
    ...(rules.auto ? ["      auto_approve_if: [accuracy > 0.90]"] : []),
    "  - name: deploy",
    "    type: deploy",
    "    inputs:",
    "      environment: production",
    "",
  ].join("\n");
}

/** The runner's protocol, recorded: the Action run in-process writes here instead of stdout. */
class RecordingRunner implements Runner {
  outputs: Record<string, string> = {};
  messages: string[] = [];
  failed = false;
  info(message: string): void {
    this.messages.push(message);
  }
  annotate(level: string, message: string): void {
    this.messages.push(`${level}: ${message}`);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  async appendSummary(): Promise<void> {}
  setFailed(message: string): void {
    this.failed = true;
    this.messages.push(`failed: ${message}`);
  }
}

let sequence = 0;

export class ModelWorld {
  readonly repo: string;
  readonly team: string;
  readonly pr: number;
  readonly facts: Omit<OracleWorld, "reviews" | "head" | "open">;
  /** The PR's heads so far, oldest first (pushes and force pushes go back and forth among them). */
  readonly heads: string[] = [];
  /** Training runs by commit, newest last. */
  readonly runs: Record<string, FakeWorkflowRun[]> = {};
  private readonly root = mkdtempSync(join(tmpdir(), "model-based-"));

  constructor(
    readonly world: World,
    rules: RulesModel,
  ) {
    this.repo = `acme/model-based-${++sequence}`;
    this.team = `acme/leads-${sequence}`;
    const gh = world.github;
    const [org, slug] = this.team.split("/") as [string, string];
    gh.state.setTeam(org, slug, ["carol"]);
    const withTeam = { ...rules, team: this.team };
    gh.createRepo(
      this.repo,
      {
        [CONFIG_PATH]: configYaml(withTeam),
        [WORKFLOW_PATH]:
          "on: pull_request\njobs:\n  train:\n    steps:\n      - uses: model-approval/model-approval@v1\n",
        "train.py": "fit()\n",
      },
      { collaborators: ["alice", "bob", "carol", "dave"] },
    );
    const pull = gh.openPullRequest(this.repo, {
      author: "bob",
      branch: "retrain",
      files: { "train.py": "fit(2)\n" },
    });
    this.pr = pull.number;
    this.heads.push(pull.headSha);
    this.facts = {
      rules: withTeam,
      teamMembers: ["carol"],
      author: "bob",
      pusher: { [pull.headSha]: "bob" },
      guarded: new Set(),
      training: {},
    };
  }

  get github() {
    return this.world.github;
  }

  get pull() {
    return this.github.state.pull(this.repo, this.pr);
  }

  /** The oracle's view now. */
  oracle(): OracleWorld {
    const pull = this.pull;
    return {
      ...this.facts,
      open: pull.state === "open",
      head: pull.headSha,
      reviews: pull.reviews.map((r) => ({
        user: r.user,
        state: r.state,
        commit: r.commitId,
        at: r.submittedAt,
      })),
    };
  }

  push(pusher: string, touchGuarded: boolean): void {
    const before = this.pull.headSha;
    const n = this.heads.length;
    const files: Record<string, string> = { "train.py": `fit(${n + 2})\n` };
    if (touchGuarded) files[GUARDED_FILE] = '{"accuracy": 0.99}';
    const sha = this.github.push(this.repo, this.pr, files, { pusher });
    this.heads.push(sha);
    this.facts.pusher[sha] = pusher;
    if (touchGuarded || this.facts.guarded.has(before)) this.facts.guarded.add(sha);
  }

  forcePushBack(index: number, pusher: string): void {
    const sha = this.heads[index % this.heads.length]!;
    if (sha === this.pull.headSha) return;
    this.github.forcePush(this.repo, this.pr, sha, pusher);
    this.facts.pusher[sha] = pusher;
  }

  review(user: string, state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", onOlder: boolean): void {
    const older = this.heads.filter((h) => h !== this.pull.headSha);
    const commit = onOlder && older.length > 0 ? older[older.length - 1] : undefined;
    this.github.review(this.repo, this.pr, user, state, state === "CHANGES_REQUESTED" ? "no" : "", commit);
  }

  dismissLatest(user: string): void {
    const review = this.pull.reviews.filter((r) => r.user === user && r.state !== "DISMISSED").at(-1);
    if (review) this.github.dismissReview(this.repo, this.pr, review.id, "admin");
  }

  label(name: string, sender: string): void {
    this.github.label(this.repo, this.pr, "labeled", name, sender);
  }

  changeRules(rules: Omit<RulesModel, "team">): void {
    const next = { ...rules, team: this.team };
    // The same rules are no commit a person makes (and a push that leaves the config as it was
    // rightly re-decides nothing, so a decision an earlier fault left would not be revisited).
    if (configYaml(next) === configYaml(this.facts.rules)) return;
    this.facts.rules = next;
    this.github.pushToBranch(
      this.repo,
      "main",
      { [CONFIG_PATH]: configYaml(this.facts.rules) },
      { pusher: "admin" },
    );
  }

  changeTeam(member: boolean): void {
    const [org, slug] = this.team.split("/") as [string, string];
    const already = this.facts.teamMembers.includes("carol");
    if (already === member) return;
    this.facts.teamMembers = member ? ["carol"] : [];
    this.github.setTeamMembership(org, slug, "carol", member ? "added" : "removed");
  }

  /** A run of the training workflow on the head: trains, records through the Action, or fails before it. */
  async train(
    accuracy: number,
    weights: string,
    outcome: "recorded" | "failed",
    rerun: boolean,
  ): Promise<void> {
    const head = this.pull.headSha;
    const previous = this.runs[head]?.at(-1);
    const gh = this.github;
    let run: FakeWorkflowRun;
    if (rerun && previous) {
      if (previous.status !== "completed") gh.cancelRun(this.repo, previous);
      run = gh.rerunWorkflow(this.repo, previous);
    } else {
      run = gh.startWorkflowRun(this.repo, this.pr, { environment: "production" });
      (this.runs[head] ??= []).push(run);
    }
    const attempts = (this.facts.training[head] ??= []);
    if (outcome === "failed") {
      gh.failRun(this.repo, run);
      attempts.push({ runId: run.id, attempt: run.runAttempt, outcome: "failed" });
      return;
    }
    const runner = await this.runAction(run, "evaluate", {
      "metrics/eval.json": JSON.stringify({ accuracy }),
      "models/model.pkl": weights,
    });
    const snapshot = runner.outputs.snapshot;
    if (!snapshot) throw new Error(`the training run recorded nothing:\n${runner.messages.join("\n")}`);
    const artifact = gh.state.addArtifact(this.repo, {
      runId: run.id,
      name: runner.outputs["snapshot-artifact"]!,
      // What the upload step would read from RUNNER_TEMP.
      files: { "model-approval-snapshot.json": new Uint8Array(readFileSync(snapshot)) },
    });
    attempts.push({
      runId: run.id,
      attempt: run.runAttempt,
      outcome: "recorded",
      accuracy,
      weights,
      recordedAt: artifact.createdAt,
    });
    // The train job succeeded: the deploy job reaches its environment and asks the App.
    gh.finishTraining(this.repo, run, true);
  }

  /** mode: gate for the PR's head, as the deploy job of an action-only workflow would run it. */
  async gate(): Promise<{ passed: boolean; messages: string[] }> {
    const head = this.pull.headSha;
    const run = this.runs[head]?.at(-1);
    if (!run) return { passed: false, messages: ["no run"] };
    const runner = await this.runAction(run, "gate", {});
    return { passed: !runner.failed && runner.outputs.decision === "approved", messages: runner.messages };
  }

  private async runAction(
    run: FakeWorkflowRun,
    mode: "evaluate" | "gate",
    files: Record<string, string>,
  ): Promise<RecordingRunner> {
    const repo = this.github.state.repo(this.repo);
    const pull = this.pull;
    const { payload } = pullRequestWebhook(repo, pull, "synchronize", {
      installationId: 0,
      sender: pull.author,
      before: pull.baseSha,
    });
    payload.pull_request.head.sha = run.headSha;
    const dir = mkdtempSync(join(this.root, "job-"));
    const workspace = join(dir, "workspace");
    for (const [path, content] of Object.entries({ ...repo.commits[run.headSha], ...files })) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    mkdirSync(workspace, { recursive: true });
    const eventPath = join(dir, "event.json");
    writeFileSync(eventPath, JSON.stringify({ ...payload, installation: undefined }));
    const runner = new RecordingRunner();
    await runAction(
      {
        inputs: {
          config: "",
          metrics: "",
          baseline: "",
          githubToken: DEFAULT_TOKEN,
          mode,
          app: "true",
          dryRun: "",
        },
        eventName: "pull_request",
        eventPath,
        repository: this.repo,
        sha: run.headSha,
        apiUrl: this.github.url,
        workspace,
        runnerTemp: join(dir, "temp"),
        runId: run.id,
        runAttempt: run.runAttempt,
      },
      runner,
      // A local GitHub sets no rate limits and fails only when told to: no spacing, no retries.
      (token, baseUrl) => createActionOctokit(token, { baseUrl, retries: 0 }),
    );
    return runner;
  }

  /**
   * Removes the sequence's repository: the App looks for a team's repositories among the first
   * MEMBERSHIP_REPOSITORY_LIMIT of its installation, and a long run must not push later ones out.
   */
  close(): void {
    rmSync(this.root, { recursive: true, force: true });
    this.github.state.repos.delete(this.repo.toLowerCase());
  }
}
