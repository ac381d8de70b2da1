// Runs the bundled Action (dist/action.js) the way a GitHub-hosted runner does: a child process
// with INPUT_* variables, the event payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at the local GitHub. Before it, the
// composite action's bash steps (the Node.js check) run under bash as the runner runs them; after
// it, the later steps from action.yml (uploading artifacts). Any step or expression it cannot play
// faithfully is refused.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { DEFAULT_TOKEN } from "./state.js";

/** The workflow run the job belongs to (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_WORKFLOW_REF...). */
export interface ActionRunContext {
  id: number;
  attempt: number;
  /** The workflow file, e.g. ".github/workflows/model.yml". */
  workflowPath: string;
  /** GITHUB_REF; default refs/pull/<n>/merge for PR events, the payload's ref for pushes. */
  ref?: string;
  /** GITHUB_RUN_NUMBER; default 1. */
  number?: number;
}

export type UploadArtifact = (
  name: string,
  files: Record<string, Uint8Array>,
  options: { overwrite: boolean; retentionDays?: number },
) => void | Promise<void>;

export interface ActionRunOptions {
  /** Path of dist/action.js. */
  bundle: string;
  /** The node binary the runner runs it with; default the one running this process. */
  node?: string;
  apiUrl: string;
  repository: string;
  eventName: string;
  payload: unknown;
  sha: string;
  /** The checked-out workspace after the job's earlier steps (training), path → content (text, or bytes: a model, a Parquet file). */
  workspace: Record<string, string | Uint8Array>;
  inputs?: Record<string, string>;
  /** The step's own `env:` (secrets handed to it, e.g. MODEL_APPROVAL_NOTIFY_*). */
  env?: Record<string, string>;
  /** Leave the runner's folders in place (the report in RUNNER_TEMP, the workspace) for inspection. */
  keepFiles?: boolean;
  /** The run, for GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_RUN_NUMBER, GITHUB_WORKFLOW_REF, GITHUB_REF... */
  run?: ActionRunContext;
  /** The action.yml whose steps are played; default the one beside the bundle's dist/ folder. */
  actionYml?: string;
  /** Receives each artifact an actions/upload-artifact step uploads (it may throw, e.g. a 409). */
  uploadArtifact?: UploadArtifact;
  /**
   * Plays the node step instead of `node <bundle>` in a child process, given the step's variables
   * (in-process-action.ts); its GITHUB_OUTPUT is read from the file as for the bundle.
   */
  nodeStep?: (env: Record<string, string>) => Promise<NodeStepResult>;
}

export interface NodeStepResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface StepResult {
  /** The step's id, or its `uses`/`run` when it has none. */
  step: string;
  outcome: "success" | "failure" | "skipped";
  /** Why it failed. */
  error?: string;
}

export interface ActionResult {
  /** The node step's exit code; null when it was skipped (a bash step before it failed). */
  code: number | null;
  /** What the run steps printed, in order (bash steps, then the node step), as in the job's log. */
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT of the node step, raw. */
  outputs: string;
  summary: string;
  /** GITHUB_WORKSPACE of the run; gone afterwards unless keepFiles was set. */
  workspace: string;
  /** Every step of action.yml, in order, as the runner played it. */
  steps: StepResult[];
  /** "failure" when any step failed (the job fails then). */
  outcome: "success" | "failure";
  /** What the upload-artifact steps uploaded. */
  uploaded: { name: string; files: Record<string, Uint8Array> }[];
}

/** The composite action's node step; any other run step must be a self-contained bash step before it. */
const NODE_STEP = /^node "\$GITHUB_ACTION_PATH\/dist\/action\.js"\s*$/;
const UPLOAD_ARTIFACT = /^actions\/upload-artifact@[\w.-]+$/;
const OUTPUT_REF = String.raw`steps\.([\w-]+)\.outputs\.([\w-]+)`;
const UPLOAD_INPUTS = new Set(["name", "path", "if-no-files-found", "overwrite", "retention-days"]);

export interface NodeStep {
  kind: "node";
  id: string;
}
/**
 * A `shell: bash` step before the node step, with no `env:`, `if:` or expression: it depends on
 * nothing the emulation could get wrong, so it is run as written.
 */
export interface BashStep {
  kind: "bash";
  label: string;
  run: string;
}
/** An `if:` the runner can evaluate: a status function and/or outputs that must be non-empty. */
export interface Condition {
  /** success() (also when no status function is named), failure(), or always()/!cancelled(). */
  status: "success" | "failure" | "always" | "never";
  /** [step id, output name] pairs required to be non-empty. */
  nonEmpty: [string, string][];
}

export interface UploadStep {
  kind: "upload";
  id?: string;
  label: string;
  condition?: Condition;
  with: Record<string, string>;
}
export type PlayedStep = BashStep | NodeStep | UploadStep;

function fail(actionYml: string, message: string): never {
  throw new Error(`runBundledAction: ${actionYml}: ${message}; the local runner cannot play it`);
}

const STATUS_FUNCTIONS: Record<string, Condition["status"]> = {
  "success()": "success",
  "failure()": "failure",
  "always()": "always",
  // Nothing here cancels a run.
  "!cancelled()": "always",
  "cancelled()": "never",
};

/**
 * `if:` as a conjunction (&&) of at most one status function and `steps.<id>.outputs.<name> != ''`
 * terms, bare or inside an expression's braces; anything else is refused.
 */
function parseCondition(actionYml: string, where: string, text: string): Condition {
  const expression = text
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1")
    .trim();
  const condition: Condition = { status: "success", nonEmpty: [] };
  let statusNamed = false;
  for (const term of expression.split("&&").map((t) => t.trim())) {
    const status = STATUS_FUNCTIONS[term.replace(/\s+/g, "")];
    const output = new RegExp(`^${OUTPUT_REF}\\s*!=\\s*''$`).exec(term);
    if (status && !statusNamed) {
      condition.status = status;
      statusNamed = true;
    } else if (output) condition.nonEmpty.push([output[1] ?? "", output[2] ?? ""]);
    else fail(actionYml, `${where}: if: ${text}`);
  }
  return condition;
}

/** The steps of action.yml, checked before anything runs: anything else is an error. */
export function readActionSteps(actionYml: string): PlayedStep[] {
  const doc = parse(readFileSync(actionYml, "utf8")) as { runs?: { using?: string; steps?: unknown } };
  if (doc?.runs?.using !== "composite") fail(actionYml, `runs.using is ${String(doc?.runs?.using)}`);
  const steps = doc.runs.steps;
  if (!Array.isArray(steps)) fail(actionYml, "runs.steps is not a list");
  const played: PlayedStep[] = [];
  steps.forEach((raw: Record<string, unknown>, i) => {
    const where = `step ${i + 1}${typeof raw.id === "string" ? ` (${raw.id})` : ""}`;
    if (typeof raw.run === "string" && !NODE_STEP.test(raw.run)) {
      if (played.some((s) => s.kind !== "bash")) fail(actionYml, `${where}: a run step after the node step`);
      if (raw.shell !== "bash") fail(actionYml, `${where}: shell ${String(raw.shell)}`);
      if (raw.run.includes("${{")) fail(actionYml, `${where}: an expression in run`);
      for (const key of Object.keys(raw))
        if (!["id", "name", "shell", "run"].includes(key)) fail(actionYml, `${where}: ${key}`);
      const label = typeof raw.id === "string" ? raw.id : typeof raw.name === "string" ? raw.name : where;
      played.push({ kind: "bash", label, run: raw.run });
      return;
    }
    if (typeof raw.run === "string") {
      if (played.some((s) => s.kind === "node")) fail(actionYml, `${where}: a second run step`);
      if (raw.if !== undefined) fail(actionYml, `${where}: if on the node step`);
      if (typeof raw.id !== "string") fail(actionYml, `${where}: the node step has no id`);
      for (const [name, value] of Object.entries((raw.env ?? {}) as Record<string, unknown>)) {
        // The runner passes each input as INPUT_<NAME>; any other variable would go missing.
        const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(String(value))?.[1];
        if (!input || `INPUT_${input.replace(/-/g, "_").toUpperCase()}` !== name)
          fail(actionYml, `${where}: env ${name}: ${String(value)}`);
      }
      for (const key of Object.keys(raw))
        if (!["id", "name", "shell", "run", "env"].includes(key)) fail(actionYml, `${where}: ${key}`);
      played.push({ kind: "node", id: raw.id });
      return;
    }
    if (typeof raw.uses === "string" && UPLOAD_ARTIFACT.test(raw.uses)) {
      for (const key of Object.keys(raw))
        if (!["id", "name", "uses", "with", "if"].includes(key)) fail(actionYml, `${where}: ${key}`);
      const condition = raw.if === undefined ? undefined : parseCondition(actionYml, where, String(raw.if));
      const inputs: Record<string, string> = {};
      for (const [key, value] of Object.entries((raw.with ?? {}) as Record<string, unknown>)) {
        if (!UPLOAD_INPUTS.has(key)) fail(actionYml, `${where}: with.${key}`);
        const text = String(value);
        for (const expression of text.match(/\$\{\{[\s\S]*?\}\}/g) ?? [])
          if (!new RegExp(`^\\$\\{\\{\\s*${OUTPUT_REF}\\s*\\}\\}$`).test(expression))
            fail(actionYml, `${where}: with.${key}: ${expression}`);
        inputs[key] = text;
      }
      played.push({
        kind: "upload",
        ...(typeof raw.id === "string" ? { id: raw.id } : {}),
        label: typeof raw.id === "string" ? raw.id : raw.uses,
        ...(condition ? { condition } : {}),
        with: inputs,
      });
      return;
    }
    fail(actionYml, `${where}: ${JSON.stringify(raw.uses ?? raw.run ?? raw)}`);
  });
  if (!played.some((s) => s.kind === "node")) fail(actionYml, "no node step");
  return played;
}

/** GITHUB_OUTPUT's `name=value` and `name<<DELIMITER` … `DELIMITER` entries. */
export function parseGitHubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? "");
      outputs[heredoc[1] ?? ""] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

function substitute(text: string, outputs: Record<string, Record<string, string>>): string {
  return text.replace(
    new RegExp(`\\$\\{\\{\\s*${OUTPUT_REF}\\s*\\}\\}`, "g"),
    (_m, step: string, name: string) => outputs[step]?.[name] ?? "",
  );
}

/** The files upload-artifact would put in the zip for `path`: a file by its base name, a folder's tree. */
function collect(path: string): Record<string, Uint8Array> {
  if (!statSync(path).isDirectory()) return { [basename(path)]: new Uint8Array(readFileSync(path)) };
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      // Like upload-artifact v4.4+, hidden files are left out.
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) walk(full);
      else files[relative(path, full).split("\\").join("/")] = new Uint8Array(readFileSync(full));
    }
  };
  walk(path);
  return files;
}

async function upload(
  step: UploadStep,
  outputs: Record<string, Record<string, string>>,
  workspace: string,
  options: ActionRunOptions,
  uploaded: ActionResult["uploaded"],
): Promise<StepResult> {
  const value = (key: string) =>
    step.with[key] === undefined ? undefined : substitute(step.with[key] ?? "", outputs);
  const name = value("name") || "artifact";
  // upload-artifact's name check (@actions/artifact validateArtifactName).
  if (/[":<>|*?\r\n\\/]/.test(name))
    return { step: step.label, outcome: "failure", error: `The artifact name is not valid: ${name}` };
  const path = (value("path") ?? "").trim();
  const ifNoFiles = value("if-no-files-found") ?? "warn";
  if (!["error", "warn", "ignore"].includes(ifNoFiles))
    return { step: step.label, outcome: "failure", error: `if-no-files-found: ${ifNoFiles}` };
  if (path === "" || /[\n*?[\]!]/.test(path))
    return { step: step.label, outcome: "failure", error: `path ${JSON.stringify(path)} is not one path` };
  const full = isAbsolute(path) ? path : resolve(workspace, path);
  const files = existsSync(full) ? collect(full) : {};
  if (Object.keys(files).length === 0) {
    const message = `No files were found with the provided path: ${path}. No artifacts will be uploaded.`;
    return ifNoFiles === "error"
      ? { step: step.label, outcome: "failure", error: message }
      : { step: step.label, outcome: "success" };
  }
  const retention = value("retention-days");
  try {
    await options.uploadArtifact?.(name, files, {
      overwrite: value("overwrite") === "true",
      ...(retention ? { retentionDays: Number(retention) } : {}),
    });
  } catch (error) {
    return {
      step: step.label,
      outcome: "failure",
      error: error instanceof Error ? error.message : String(error),
    };
  }
  uploaded.push({ name, files });
  return { step: step.label, outcome: "success" };
}

/** GITHUB_REPOSITORY_ID, as the runner sets it: the event's repository's id. */
function repositoryIdOf(payload: unknown): Record<string, string> {
  const id = (payload as { repository?: { id?: unknown } } | null)?.repository?.id;
  return typeof id === "number" ? { GITHUB_REPOSITORY_ID: String(id) } : {};
}

/** The runner's variables that say which run, ref and PR branches the job is for. */
function runEnvironment(options: ActionRunOptions, run: ActionRunContext): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event payload is read field by field
  const payload = (options.payload ?? {}) as Record<string, any>;
  const pullRequest = options.eventName.startsWith("pull_request") ? payload.pull_request : undefined;
  const number = payload.number ?? pullRequest?.number;
  const ref =
    run.ref ??
    (options.eventName === "pull_request" && number !== undefined
      ? `refs/pull/${number}/merge`
      : options.eventName === "pull_request_target"
        ? `refs/heads/${String(pullRequest?.base?.ref ?? "")}`
        : typeof payload.ref === "string"
          ? payload.ref
          : "");
  const env: Record<string, string> = {
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_ATTEMPT: String(run.attempt),
    GITHUB_RUN_NUMBER: String(run.number ?? 1),
    GITHUB_WORKFLOW_REF: `${options.repository}/${run.workflowPath}@${ref}`,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ""),
    GITHUB_REF_TYPE: ref.startsWith("refs/tags/") ? "tag" : "branch",
  };
  if (pullRequest) {
    env.GITHUB_HEAD_REF = String(pullRequest.head?.ref ?? "");
    env.GITHUB_BASE_REF = String(pullRequest.base?.ref ?? "");
  }
  return env;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionResult> {
  if (!options.nodeStep && !existsSync(options.bundle))
    throw new Error(`${options.bundle} is missing: run 'npm run build' first`);
  // The action's folder ($GITHUB_ACTION_PATH) holds action.yml and dist/action.js.
  const actionYml = options.actionYml ?? join(dirname(dirname(resolve(options.bundle))), "action.yml");
  const steps = readActionSteps(actionYml);
  const root = mkdtempSync(join(tmpdir(), "model-approval-runner-"));
  const workspace = join(root, "workspace");
  try {
    const temp = join(root, "temp");
    mkdirSync(temp, { recursive: true });
    for (const [path, content] of Object.entries(options.workspace)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    mkdirSync(workspace, { recursive: true });
    const files = {
      event: join(root, "event.json"),
      output: join(root, "output"),
      summary: join(root, "summary"),
    };
    writeFileSync(files.event, JSON.stringify(options.payload));
    writeFileSync(files.output, "");
    writeFileSync(files.summary, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: options.repository,
      ...repositoryIdOf(options.payload),
      GITHUB_SHA: options.sha,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      ...(options.run ? runEnvironment(options, options.run) : {}),
      ...options.env,
    };
    for (const [name, value] of Object.entries({ "github-token": DEFAULT_TOKEN, ...options.inputs }))
      env[`INPUT_${name.replace(/-/g, "_").toUpperCase()}`] = value;

    const results: StepResult[] = [];
    const uploaded: ActionResult["uploaded"] = [];
    const outputs: Record<string, Record<string, string>> = {};
    let node = { code: null as number | null, stdout: "", stderr: "", outputs: "" };
    const log = { stdout: "", stderr: "" };
    for (const step of steps) {
      // Without a status function in `if:`, a step runs only while every earlier one succeeded.
      const failed = results.some((r) => r.outcome === "failure");
      if (step.kind === "bash") {
        if (failed) {
          results.push({ step: step.label, outcome: "skipped" });
          continue;
        }
        const script = join(root, `${results.length}.sh`);
        writeFileSync(script, step.run);
        const ran = await runBash(script, workspace, bashEnvironment(env));
        log.stdout += ran.stdout;
        log.stderr += ran.stderr;
        results.push({
          step: step.label,
          outcome: ran.code === 0 ? "success" : "failure",
          ...(ran.code === 0 ? {} : { error: `exit code ${String(ran.code)}` }),
        });
        continue;
      }
      if (step.kind === "node") {
        if (failed) {
          results.push({ step: step.id, outcome: "skipped" });
          continue;
        }
        node = options.nodeStep
          ? { ...(await options.nodeStep(env)), outputs: readFileSync(files.output, "utf8") }
          : await runNode(options.node ?? process.execPath, options.bundle, workspace, env, files.output);
        outputs[step.id] = parseGitHubOutput(node.outputs);
        results.push({ step: step.id, outcome: node.code === 0 ? "success" : "failure" });
        continue;
      }
      const condition = step.condition ?? { status: "success", nonEmpty: [] };
      const statusOk =
        condition.status === "always" ||
        (condition.status === "success" && !failed) ||
        (condition.status === "failure" && failed);
      const outputsOk = condition.nonEmpty.every(([id, name]) => (outputs[id]?.[name] ?? "") !== "");
      if (!statusOk || !outputsOk) {
        results.push({ step: step.label, outcome: "skipped" });
        continue;
      }
      results.push(await upload(step, outputs, workspace, options, uploaded));
    }
    return {
      ...node,
      stdout: log.stdout + node.stdout,
      stderr: log.stderr + node.stderr,
      summary: readFileSync(files.summary, "utf8"),
      workspace,
      steps: results,
      outcome: results.some((r) => r.outcome === "failure") ? "failure" : "success",
      uploaded,
    };
  } finally {
    if (!options.keepFiles) rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A bash step's variables: the runner's, without the node step's inputs (a composite step gets
 * only its own `env:`), and with the Node.js that runs the bundle first on PATH, so a check of
 * `node` sees the one the node step will use.
 */
function bashEnvironment(env: Record<string, string>): Record<string, string> {
  const own = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
  return { ...own, PATH: [dirname(process.execPath), env.PATH].filter(Boolean).join(delimiter) };
}

/** A child process run to its end, its output collected; code null when it could not start. */
async function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => {
    child.on("error", () => done(null));
    child.on("close", done);
  });
  return { code, stdout, stderr };
}

/** The runner's own invocation of a `shell: bash` step. */
function runBash(script: string, cwd: string, env: Record<string, string>) {
  return runProcess("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], cwd, env);
}

async function runNode(
  nodeBinary: string,
  bundle: string,
  workspace: string,
  env: Record<string, string>,
  outputFile: string,
): Promise<{ code: number | null; stdout: string; stderr: string; outputs: string }> {
  const ran = await runProcess(nodeBinary, [bundle], workspace, env);
  return { ...ran, outputs: readFileSync(outputFile, "utf8") };
}
