// The files `model-approval evaluate` reads besides the config: a REST pull request, its reviews,
// a team map and a changed-files list. Each is checked for the fields the policy reads; a problem
// names the file (and for JSON syntax errors, the position) and is an input error, never a guess.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Review } from "../core/policy/types.js";

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly position: { line: number; column: number } = { line: 1, column: 1 },
  ) {
    super(`${file}:${position.line}:${position.column}: ${detail}`);
  }
}

/** Node's JSON.parse reports "at position N"; editors want a line and column. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const before = text.slice(0, Number(match[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

export interface PullRequestFile {
  number?: number;
  author: string;
  headSha: string;
  baseRef: string;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

export async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), "utf8");
  } catch (error) {
    throw new InputError(file, describeReadError(error));
  }
}

/** JSON.parse's message carries the position ("at position 12", or line and column on newer Node). */
async function readJson(file: string, cwd: string): Promise<unknown> {
  const text = await readText(file, cwd);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(file, `not valid JSON: ${message}`, jsonErrorPosition(text, message));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(object: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), object);
}

function requireString(object: Record<string, unknown>, path: string, file: string): string {
  const value = field(object, path);
  if (typeof value !== "string" || value === "")
    throw new InputError(file, `${path} must be a non-empty string (a GitHub REST pull request)`);
  return value;
}

export async function readPullRequest(file: string, cwd: string): Promise<PullRequestFile> {
  const json = await readJson(file, cwd);
  if (!isRecord(json)) throw new InputError(file, `expected a GitHub REST pull request object`);
  const number = json.number;
  return {
    ...(typeof number === "number" ? { number } : {}),
    author: requireString(json, "user.login", file),
    headSha: requireString(json, "head.sha", file),
    baseRef: requireString(json, "base.ref", file),
  };
}

export async function readReviews(file: string, cwd: string): Promise<Review[]> {
  const json = await readJson(file, cwd);
  if (!Array.isArray(json))
    throw new InputError(file, `expected a JSON array of reviews (GitHub REST list-reviews)`);
  return json.map((item, i): Review => {
    const where = `review [${i}]`;
    if (!isRecord(item)) throw new InputError(file, `${where} is not an object`);
    const { id, user, state, commit_id, submitted_at, body } = item;
    if (typeof id !== "number") throw new InputError(file, `${where}: id must be a number`);
    if (typeof state !== "string") throw new InputError(file, `${where}: state must be a string`);
    if (user !== null && !(isRecord(user) && typeof user.login === "string"))
      throw new InputError(file, `${where}: user must be {"login": ...} or null`);
    if (commit_id !== null && typeof commit_id !== "string")
      throw new InputError(file, `${where}: commit_id must be a string or null`);
    if (submitted_at !== undefined && submitted_at !== null && typeof submitted_at !== "string")
      throw new InputError(file, `${where}: submitted_at must be a string`);
    if (body !== undefined && body !== null && typeof body !== "string")
      throw new InputError(file, `${where}: body must be a string`);
    return {
      id,
      user: user === null ? null : { login: (user as { login: string }).login },
      state,
      commit_id: commit_id ?? null,
      submitted_at: submitted_at ?? null,
      ...(typeof body === "string" ? { body } : {}),
    };
  });
}

export async function readTeams(file: string, cwd: string): Promise<Record<string, string[]>> {
  const json = await readJson(file, cwd);
  const shape = `expected {"org/team": ["login", ...]}`;
  if (!isRecord(json)) throw new InputError(file, `${shape}`);
  for (const [team, members] of Object.entries(json)) {
    if (!Array.isArray(members) || members.some((m) => typeof m !== "string"))
      throw new InputError(file, `team "${team}" must map to a list of logins; ${shape}`);
  }
  return json as Record<string, string[]>;
}

/** One path per line; blank lines are skipped. */
export async function readChangedFiles(file: string, cwd: string): Promise<string[]> {
  const text = await readText(file, cwd);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
