// Runs dist/action.js as a runner does: a child process with INPUT_* variables, the event payload
// in a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the API on loopback.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_TOKEN } from "../../../src/local-github/index.js";

export const BUNDLE = resolve("dist/action.js");

export function requireBundle(): void {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run 'npm run build' before these tests`);
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  workspace: string;
}

export interface ActionRunOptions {
  apiUrl: string;
  eventName: string;
  payload: unknown;
  /** Files of the checked-out repository, path → content. */
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  sha?: string;
  repository?: string;
}

const unescape = (s: string) =>
  s
    .replace(/%0A/g, "\n")
    .replace(/%0D/g, "\r")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties = Object.fromEntries(
      (m[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf("=")), unescape(kv.slice(kv.indexOf("=") + 1))]),
    );
    found.push({ level: m[1]!, properties, message: unescape(m[3]!) });
  }
  return found;
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join("\n");
  }
  return outputs;
}

export async function runBundledAction(options: ActionRunOptions): Promise<ActionRun> {
  const root = mkdtempSync(join(tmpdir(), "action-run-"));
  const workspace = join(root, "workspace");
  const temp = join(root, "temp");
  mkdirSync(workspace);
  mkdirSync(temp);
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const eventPath = join(root, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const outputFile = join(root, "output");
  const summaryFile = join(root, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");

  const inputs = { "github-token": DEFAULT_TOKEN, ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? "Codertocat/Hello-World",
    GITHUB_SHA: options.sha ?? "0000000000000000000000000000000000000001",
    GITHUB_API_URL: options.apiUrl,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/-/g, "_").toUpperCase()}`] = value;

  const child = spawn(process.execPath, [BUNDLE], { cwd: workspace, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    annotations: parseAnnotations(stdout),
    workspace,
  };
}
