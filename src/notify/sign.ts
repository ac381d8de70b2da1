// Signatures of webhook deliveries: the scheme of GitHub's X-Hub-Signature-256, so receivers that
// already verify GitHub's webhooks can verify these with the same code.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Model-Approval-Signature-256";

/** `sha256=<hex HMAC-SHA256 of body>`; a string body is signed as its UTF-8 bytes, as it is sent. */
export function signature(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | null | undefined,
): boolean {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(signature(secret, body));
  const given = Buffer.from(header);
  // timingSafeEqual throws on unequal lengths; a length says nothing about the secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
