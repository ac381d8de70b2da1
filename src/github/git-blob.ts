// A file's git blob sha (what `git hash-object` prints, and what GitHub names a file's content by).
import { createHash } from "node:crypto";

export function gitBlobSha(content: string | Uint8Array): string {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}
