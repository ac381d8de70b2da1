// Check runs: the model-approval/metrics display and the model-approval decision.
import { GitHubError, isForbidden } from "../errors.js";
import { clip, GITHUB_LIMITS } from "../../core/github-limits.js";
import type { CheckRun, DesiredCheckRun, WriteResult } from "../types.js";
import type { GitHubClient, Json } from "./client.js";

function toCheckRun(raw: Json): CheckRun {
  const output = (raw.output ?? {}) as Json;
  const app = raw.app as { slug?: string } | null | undefined;
  return {
    id: raw.id as number,
    name: raw.name as string,
    head_sha: raw.head_sha as string,
    status: raw.status as string,
    conclusion: (raw.conclusion as string | null) ?? null,
    external_id: (raw.external_id as string | null) ?? null,
    details_url: (raw.details_url as string | null) ?? null,
    app: app?.slug ? { slug: app.slug } : null,
    output: {
      title: (output.title as string | null) ?? null,
      summary: (output.summary as string | null) ?? null,
      text: (output.text as string | null) ?? null,
    },
  };
}

async function checkRunsNamed(client: GitHubClient, sha: string, name: string): Promise<CheckRun[]> {
  const runs = await client.paginate<Json>("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ref: sha,
    check_name: name,
    filter: "all",
  });
  return runs.map(toCheckRun).sort((a, b) => b.id - a.id);
}

/** The newest check run called `name` on `sha`, whoever created it (callers check `app.slug`). */
export async function findCheckRun(
  client: GitHubClient,
  sha: string,
  name: string,
): Promise<CheckRun | null> {
  return client.call(`reading the ${name} check run of ${sha}`, async () => {
    const runs = await checkRunsNamed(client, sha, name);
    return runs[0] ?? null;
  });
}

/**
 * The newest check run called `name` on `sha` that this client's own app created; null when there
 * is none, or when who this client is is not known (nothing can then be told to be its own).
 */
export async function findOwnCheckRun(
  client: GitHubClient,
  sha: string,
  name: string,
): Promise<CheckRun | null> {
  const slug = client.identity.appSlug;
  if (!slug) return null;
  return client.call(`reading the ${name} check run of ${sha}`, async () => {
    const runs = await checkRunsNamed(client, sha, name);
    return runs.find((run) => run.app?.slug === slug) ?? null;
  });
}

/**
 * The runs the PR's query listed at the start of the event, where they may decide this write. The
 * event's collection lies between that read and this write, and another instance may have written
 * the run meanwhile: a run remembered as already showing what is wanted, or as the one to edit,
 * may no longer be the newest or say that. Only an approval is written from them: a wrong
 * "unchanged" keeps the check from green, and an edit of a run no longer the newest is no greener
 * than REST's write, which edits the newest to the same approval. Anything else is decided from
 * GitHub now, unless the query saw no run of ours (a new one is then the newest).
 * Taken once: a retry, or a second write, reads GitHub again.
 */
function seenRuns(client: GitHubClient, desired: DesiredCheckRun): CheckRun[] | undefined {
  const seen = client.seen.takeCheckRuns(desired.headSha, desired.name);
  if (!seen) return undefined;
  return desired.conclusion === "success" || ownRuns(client, seen).length === 0 ? seen : undefined;
}

/** The runs this client's app created; all of them when who it is is not known. */
function ownRuns(client: GitHubClient, runs: CheckRun[]): CheckRun[] {
  const slug = client.identity.appSlug;
  return slug ? runs.filter((r) => r.app?.slug === slug) : runs;
}

/**
 * Makes the newest own check run `name` on the commit show `desired`. Creates one when none
 * exists, when a completed run would go back to in progress, or when annotations must change
 * (GitHub appends annotations on update, so an update would duplicate them).
 */
export async function upsertCheckRun(
  client: GitHubClient,
  desired: DesiredCheckRun,
  options: { forceCreate?: boolean } = {},
): Promise<WriteResult> {
  const { name, headSha } = desired;
  return client.call(`writing the ${name} check run of ${headSha}`, async () => {
    const own = ownRuns(client, seenRuns(client, desired) ?? (await checkRunsNamed(client, headSha, name)));
    const existing = own[0];
    const output = {
      title: clip(desired.output.title, GITHUB_LIMITS.checkTitle),
      summary: clip(desired.output.summary, GITHUB_LIMITS.checkSummary),
      text:
        desired.output.text === undefined ? undefined : clip(desired.output.text, GITHUB_LIMITS.checkText),
    };
    const conclusion = desired.status === "completed" ? desired.conclusion : undefined;
    if (desired.status === "completed" && !conclusion)
      throw new GitHubError(
        `writing the ${name} check run of ${headSha}`,
        0,
        "a completed check run needs a conclusion",
      );
    const annotations = desired.output.annotations ?? [];
    if (existing) {
      const same =
        existing.status === desired.status &&
        (existing.conclusion ?? undefined) === conclusion &&
        existing.output.title === output.title &&
        existing.output.summary === output.summary &&
        (existing.output.text ?? undefined) === output.text &&
        (desired.detailsUrl === undefined || existing.details_url === desired.detailsUrl);
      if (same) return { id: existing.id, changed: false };
    }
    const reopen = existing?.status === "completed" && desired.status !== "completed";
    const batches: (typeof annotations)[] = [];
    for (let i = 0; i < annotations.length; i += GITHUB_LIMITS.annotationsPerRequest)
      batches.push(annotations.slice(i, i + GITHUB_LIMITS.annotationsPerRequest));
    const body = (batch: typeof annotations | undefined): Json => ({
      status: desired.status,
      ...(conclusion ? { conclusion } : {}),
      ...(desired.externalId !== undefined ? { external_id: desired.externalId } : {}),
      ...(desired.detailsUrl !== undefined ? { details_url: desired.detailsUrl } : {}),
      output: { ...output, ...(batch && batch.length > 0 ? { annotations: batch } : {}) },
    });
    const create = async (): Promise<number> => {
      const { data } = await client.request("POST /repos/{owner}/{repo}/check-runs", {
        name,
        head_sha: headSha,
        ...body(batches[0]),
      });
      return (data as { id: number }).id;
    };
    let id: number;
    if (existing && !reopen && annotations.length === 0 && !options.forceCreate) {
      try {
        await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          check_run_id: existing.id,
          ...body(undefined),
        });
        id = existing.id;
      } catch (error) {
        // Only the creating app may update a run: the newest one was another app's (a
        // forgery, or a second installation), so ours becomes the newest instead.
        if (!isForbidden(error)) throw error;
        id = await create();
      }
    } else id = await create();
    for (const batch of batches.slice(1))
      await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        check_run_id: id,
        ...body(batch),
      });
    return { id, changed: true };
  });
}
