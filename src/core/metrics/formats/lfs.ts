// What a checkout without LFS leaves in place of a tracked file
// (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): every reader, text or binary, says
// so instead of "invalid JSON" or "CRC does not match".
import { MetricsFormatError } from "./error.js";

const LFS_POINTER = "version https://git-lfs.github.com/spec/v1";

/** Throws the useful error when the file's start is a Git LFS pointer. */
export function refuseLfsPointer(start: string | Uint8Array): void {
  const text = typeof start === "string" ? start : new TextDecoder().decode(start.subarray(0, 64));
  if (text.replace(/^\uFEFF/, "").startsWith(LFS_POINTER))
    throw new MetricsFormatError(
      "this is a Git LFS pointer, not the metrics: fetch LFS files in checkout (actions/checkout with lfs: true)",
    );
}
