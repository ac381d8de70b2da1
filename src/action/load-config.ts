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
    const text = await reading(`${path} at the PR's base commit ${pr.baseSha}`, () =>
      gateway.getFileText(path, pr.baseSha),
    );
    if (text !== null) return { text, origin: `base commit ${pr.baseSha.slice(0, 7)}`, warnings: [] };
    const introduced = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
    return {
      text: introduced,
      origin: "the pull request (the base branch has none)",
      ...(introduced === null ? {} : { untrusted: PR_SUPPLIED_CONFIG }),
      warnings:
        introduced === null
          ? []
          : [
              `${path} does not exist on the base branch ${pr.baseRef}: using the PR's copy, under which this pull request can never be approved`,
            ],
    };
  }
  const text = await reading(`${path} in the workspace`, () => readWorkspaceFile(workspace, path));
  return { text, origin: "the workspace", warnings: [] };
}
