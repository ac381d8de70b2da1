// Where the config comes from: on a PR, the base commit (the PR cannot loosen its own gate), or the
// default branch when the PR targets another branch;
// otherwise the checked-out workspace.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { GitHubGateway } from "../github/gateway.js";
import type { EventPullRequest } from "./event.js";
import { reading } from "./errors.js";

export interface ConfigText {
  /** null when there is no config file at all. */
  text: string | null;
  origin: string;
  warnings: string[];
  /** Why this config may not approve anything (it comes from the change it gates); unset when trusted. */
  untrusted?: string;
}

export const PR_SUPPLIED_CONFIG =
  "the config comes from this pull request (the base branch has none); it applies once merged";

export async function readWorkspaceFile(workspace: string, path: string): Promise<string | null> {
  try {
    return await readFile(resolve(workspace, path), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function loadConfigText(
  path: string,
  {
    workspace,
    pr,
    gateway,
  }: { workspace: string; pr?: EventPullRequest; gateway: Pick<GitHubGateway, "getFileText"> },
): Promise<ConfigText> {
  if (pr) {
    // Anyone who can push can create a branch with a loose config and target a PR at it: only the
    // default branch's config is trusted to gate a PR aimed elsewhere.
    const offDefault = pr.defaultBranch !== undefined && pr.baseRef !== pr.defaultBranch;
    const ref = offDefault ? pr.defaultBranch! : pr.baseSha;
    const where = offDefault ? `the default branch ${ref}` : `the PR's base commit ${pr.baseSha}`;
    const redirected = offDefault
      ? [
          `the base branch ${pr.baseRef} is not the default branch ${ref}: ${path} is read from ${ref}, not from ${pr.baseRef}`,
        ]
      : [];
    const text = await reading(`${path} at ${where}`, () => gateway.getFileText(path, ref));
    if (text !== null)
      return {
        text,
        origin: offDefault ? where : `base commit ${pr.baseSha.slice(0, 7)}`,
        warnings: redirected,
      };
    const introduced = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
    return {
      text: introduced,
      origin: "the pull request (the base branch has none)",
      ...(introduced === null ? {} : { untrusted: PR_SUPPLIED_CONFIG }),
      warnings:
        introduced === null
          ? redirected
          : [
              ...redirected,
              `${path} does not exist on ${offDefault ? `the default branch ${ref}` : `the base branch ${pr.baseRef}`}: using the PR's copy, under which this pull request can never be approved`,
            ],
    };
  }
  const text = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
  return { text, origin: "the workspace", warnings: [] };
}
