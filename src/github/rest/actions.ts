// Workflow runs and their artifacts: where the evidence comes from. GitHub describes a run (its
// workflow file, event, commit, pull requests, attempt) and binds each artifact to the run that
// uploaded it; nothing here believes what an artifact's content says about itself.
import { unzipSync } from "fflate";
import { GitHubError, isNotFound } from "../errors.js";
import type { GitHubClient, Json } from "./client.js";

export interface WorkflowRunFacts {
  id: number;
  /** The latest attempt. */
  attempt: number;
  /** The workflow file, e.g. .github/workflows/train.yml. */
  workflow: string;
  event: string;
  status: string;
  conclusion: string | null;
  headSha: string;
  headBranch: string;
  /** Full name of the repository the head commit lives in (a fork's, for a PR from a fork). */
  headRepository: string | null;
  /** The PRs GitHub associates with the run; none for a PR from a fork. */
  pullRequests: number[];
  createdAt: string;
}

export interface ArtifactFacts {
  id: number;
  name: string;
  createdAt: string;
  expired: boolean;
  /** The run GitHub says uploaded it. */
  runId: number | null;
  headSha: string | null;
  sizeInBytes: number;
}

/** How many runs on one commit are looked at: the newest, which is all a decision needs. */
export const RUNS_PER_COMMIT = 100;

export function toRun(raw: Json): WorkflowRunFacts {
  const pulls = (raw.pull_requests ?? []) as { number: number }[];
  const headRepository = raw.head_repository as { full_name?: string } | null | undefined;
  return {
    id: raw.id as number,
    attempt: (raw.run_attempt as number | undefined) ?? 1,
    workflow: (raw.path as string | undefined) ?? "",
    event: raw.event as string,
    status: (raw.status as string | null) ?? "",
    conclusion: (raw.conclusion as string | null) ?? null,
    headSha: raw.head_sha as string,
    headBranch: (raw.head_branch as string | null) ?? "",
    headRepository: headRepository?.full_name ?? null,
    pullRequests: pulls.map((p) => p.number),
    createdAt: (raw.created_at as string | undefined) ?? "",
  };
}

/** The workflow runs on `sha`, newest first. */
export async function workflowRunsForCommit(client: GitHubClient, sha: string): Promise<WorkflowRunFacts[]> {
  return client.call(`listing the workflow runs of ${sha}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/actions/runs", {
      head_sha: sha,
      per_page: RUNS_PER_COMMIT,
    });
    const runs = ((data as { workflow_runs?: Json[] }).workflow_runs ?? []).map(toRun);
    // GitHub filters on head_sha; a run for another commit is never this commit's evidence.
    return runs.filter((run) => run.headSha === sha).sort((a, b) => b.id - a.id);
  });
}

/** One run, as GitHub describes it. */
export async function getWorkflowRun(client: GitHubClient, runId: number): Promise<WorkflowRunFacts> {
  return client.call(`reading workflow run ${runId}`, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
      run_id: runId,
    });
    return toRun(data as Json);
  });
}

export async function runArtifacts(client: GitHubClient, runId: number): Promise<ArtifactFacts[]> {
  return client.call(`listing the artifacts of workflow run ${runId}`, async () => {
    const artifacts = await client.paginate<Json>(
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
      {
        run_id: runId,
      },
    );
    return artifacts.map((raw) => {
      const run = raw.workflow_run as { id?: number; head_sha?: string } | null | undefined;
      return {
        id: raw.id as number,
        name: raw.name as string,
        createdAt: (raw.created_at as string | null) ?? "",
        expired: raw.expired === true,
        runId: run?.id ?? null,
        headSha: run?.head_sha ?? null,
        sizeInBytes: (raw.size_in_bytes as number | undefined) ?? 0,
      };
    });
  });
}

function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  return undefined;
}

/**
 * One file from an artifact's zip, as text. The zip is refused above `maxBytes` (compressed or
 * not), so a hostile artifact cannot make the reader allocate without bound.
 */
export async function readArtifactFile(
  client: GitHubClient,
  artifactId: number,
  file: string,
  maxBytes: number,
): Promise<string | null> {
  const operation = `downloading artifact ${artifactId}`;
  const keptFiles = client.kept?.artifactFiles;
  const key = `${client.fullName}\n${artifactId}\n${file}\n${maxBytes}`;
  const kept = keptFiles?.get(key);
  if (kept !== undefined) return kept;
  const text = await client.call(operation, async () => {
    let data: unknown;
    try {
      ({ data } = await client.request(
        "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
        {
          artifact_id: artifactId,
          archive_format: "zip",
        },
      ));
    } catch (error) {
      // 404: deleted; 410: expired. Either way there is no evidence in it.
      if (isNotFound(error) || (error as { status?: number }).status === 410) return null;
      throw error;
    }
    const zip = bytesOf(data);
    if (!zip) throw new GitHubError(operation, 0, "the artifact did not download as a zip");
    if (zip.byteLength > maxBytes)
      throw new GitHubError(operation, 0, `the artifact is larger than ${maxBytes} bytes`);
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(zip, {
        filter: (entry) => entry.name === file && entry.originalSize <= maxBytes,
      });
    } catch (error) {
      throw new GitHubError(operation, 0, `the artifact is not a readable zip: ${(error as Error).message}`);
    }
    const content = entries[file];
    if (!content) return null;
    if (content.byteLength > maxBytes)
      throw new GitHubError(operation, 0, `${file} is larger than ${maxBytes} bytes`);
    return new TextDecoder("utf-8", { fatal: false }).decode(content);
  });
  // Only a file that was read is kept: a deleted or expired artifact may be listed again later.
  if (text !== null) keptFiles?.set(key, text);
  return text;
}
