// Who is signed in to the details pages, kept in the browser as a sealed cookie: AES-256-GCM with a
// key derived from SESSION_SECRET, so a cookie cannot be read or forged without it, and every App
// instance sharing the secret can read it (nothing is stored server-side). It holds the person's
// GitHub token: the pages ask GitHub with it what the person may read.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export class SealedCookies {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "model-approval", "session cookie v1", 32));
  }

  /**
   * `value` sealed for the cookie named `purpose`, expiring after `ttlMs` (base64url). The name is
   * authenticated with it, so one cookie can never be replayed as another.
   */
  seal(purpose: string, value: unknown, ttlMs: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const plain = Buffer.from(JSON.stringify({ value, expires: this.now() + ttlMs }));
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  }

  /** The value, or undefined when the cookie was forged, altered, sealed with another secret or expired. */
  open<T>(purpose: string, cookie: string | undefined): T | undefined {
    if (!cookie) return undefined;
    try {
      const bytes = Buffer.from(cookie, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
      const { value, expires } = JSON.parse(plain.toString("utf8")) as { value: T; expires: number };
      return expires > this.now() ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The request's cookies by name (values are base64url, which need no decoding). */
export function cookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
