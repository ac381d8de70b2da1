// Where the config comes from: on a PR, the base commit (the PR cannot loosen its own gate);
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
}

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
    const text = await reading(`${path} at the PR's base commit ${pr.baseSha}`, () =>
      gateway.getFileText(path, pr.baseSha),
    );
    if (text !== null) return { text, origin: `base commit ${pr.baseSha.slice(0, 7)}`, warnings: [] };
    const introduced = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
    return {
      text: introduced,
      origin: "the pull request (the base branch has none)",
      warnings:
        introduced === null
          ? []
          : [
              `${path} does not exist on the base branch ${pr.baseRef}: using the PR's copy; a PR that edits the config is never auto-approved`,
            ],
    };
  }
  const text = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
  return { text, origin: "the workspace", warnings: [] };
}
