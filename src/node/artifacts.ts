/**
 * The candidate model's identity: sha256 of each artifact, streamed so multi-GB files never sit in
 * memory, and one overall digest = sha256 over the lines "PATH\tSHA256\n" sorted by path (paths as
 * listed in the config, '/'-separated). Renaming, adding or changing any artifact changes it; the
 * order the config lists them in does not. A directory (a saved_model, a Hugging Face model folder)
 * stands for every file under it, each listed by its own path.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ModelIdentity } from "../core/policy/types.js";

type Artifact = ModelIdentity["artifacts"][number];

/**
 * One buffer for every read: memory stays at its size whatever the files are. The reads are
 * synchronous: a model folder of ten thousand small files costs a few syscalls each instead of
 * a stream and its thread-pool round trips (11× sha256sum's time before), and the Action has
 * nothing else to do meanwhile.
 */
const READ_BYTES = 4 * 1024 * 1024;
let readBuffer: Buffer | undefined;

/** The file's sha256 and size, both from the bytes read (so they describe the same content). */
function hashFile(path: string): { sha256: string; bytes: number } {
  readBuffer ??= Buffer.allocUnsafe(READ_BYTES);
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    let bytes = 0;
    for (let read = readSync(fd, readBuffer, 0, READ_BYTES, null); read > 0;) {
      hash.update(readBuffer.subarray(0, read));
      bytes += read;
      read = readSync(fd, readBuffer, 0, READ_BYTES, null);
    }
    return { sha256: hash.digest("hex"), bytes };
  } finally {
    closeSync(fd);
  }
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
      const base = path.replace(/\/+$/, "");
      for (const file of files) {
        const shown = `${base}/${file}`;
        try {
          out.push({ path: shown, ...hashFile(join(full, file)) });
        } catch (error) {
          return { error: describeFailure(shown, error) };
        }
      }
      return out;
    }
    if (!info.isFile()) return { error: `model artifact ${path} is not a file` };
    return [{ path, ...hashFile(full) }];
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
