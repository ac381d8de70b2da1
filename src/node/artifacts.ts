/**
 * The candidate model's identity: sha256 of each artifact, streamed so multi-GB files never sit in
 * memory, and one overall digest = sha256 over the lines "PATH\tSHA256\n" sorted by path (paths as
 * listed in the config, '/'-separated). Renaming, adding or changing any artifact changes it; the
 * order the config lists them in does not. A directory (a saved_model, a Hugging Face model folder)
 * stands for every file under it, each listed by its own path.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ModelIdentity } from "../core/policy/types.js";

type Artifact = ModelIdentity["artifacts"][number];

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function describeFailure(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `model artifact ${path} does not exist`;
  if (code === "EACCES") return `model artifact ${path} is not readable (permission denied)`;
  return `model artifact ${path} could not be read: ${(error as Error).message}`;
}

async function hashOne(path: string, cwd: string): Promise<Artifact[] | { error: string }> {
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      const entries = await readdir(full, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile())
        .map((e) =>
          join(e.parentPath, e.name)
            .slice(full.length + 1)
            .replace(/\\/g, "/"),
        )
        .sort();
      if (files.length === 0) return { error: `model artifact directory ${path} is empty` };
      const out: Artifact[] = [];
      for (const file of files) {
        const one = await hashOne(`${path.replace(/\/+$/, "")}/${file}`, cwd);
        if ("error" in one) return one;
        out.push(...one);
      }
      return out;
    }
    if (!info.isFile()) return { error: `model artifact ${path} is not a file` };
    return [{ path, sha256: await hashFile(full), bytes: info.size }];
  } catch (error) {
    return { error: describeFailure(path, error) };
  }
}

/** sha256 over the sorted "path\tsha256\n" lines. */
export function combinedDigest(artifacts: Artifact[]): string {
  const lines = artifacts
    .map((a) => `${a.path}\t${a.sha256}\n`)
    .sort()
    .join("");
  return createHash("sha256").update(lines).digest("hex");
}

/** Never throws for a missing or unreadable artifact: it lands in `errors` and there is no digest. */
export async function digestArtifacts(paths: string[], opts: { cwd: string }): Promise<ModelIdentity> {
  const unique = [...new Set(paths.map((p) => p.replace(/\\/g, "/")))];
  const results = [];
  // One at a time: hashing is disk-bound, and parallel reads of big files only thrash.
  for (const path of unique) results.push(await hashOne(path, opts.cwd));
  const artifacts = results.flatMap((r) => ("error" in r ? [] : r));
  const errors = results.flatMap((r) => ("error" in r ? [r.error] : []));
  if (errors.length > 0) return { artifacts, errors };
  return { artifacts, ...(artifacts.length > 0 ? { digest: combinedDigest(artifacts) } : {}) };
}
