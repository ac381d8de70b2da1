// GitHub App authentication as GitHub does it: the App signs a short-lived JWT (RS256, iss = its
// id) with its private key; the local GitHub checks it with the public key registered for the App,
// and the App trades it for an installation token that acts as `<slug>[bot]`.
import { randomBytes, verify } from "node:crypto";
import type { FakeApp, FakeGitHubState, FakeIdentity } from "./state.js";

/** The operations a JWT may call; everything else needs an installation token. */
export const JWT_ROUTES = new Set([
  "GET /app",
  "GET /repos/{owner}/{repo}/installation",
  "POST /app/installations/{installation_id}/access_tokens",
]);

/** GitHub refuses JWTs that live longer than ten minutes; allow its documented clock drift. */
const MAX_LIFETIME_SECONDS = 10 * 60 + 60;

export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The identity a JWT proves, or why it proves none (GitHub answers 401 with that message). */
export function verifyAppJwt(
  state: FakeGitHubState,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): { identity: FakeIdentity } | { error: string } {
  const [headerPart = "", payloadPart = "", signaturePart = ""] = token.split(".");
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (!header || !claims) return { error: "A JSON web token could not be decoded" };
  if (header.alg !== "RS256") return { error: `'alg' must be RS256, got ${String(header.alg)}` };
  const app = state.apps.get(Number(claims.iss));
  if (!app) return { error: `Integration not found: no app with id ${String(claims.iss)}` };
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    app.publicKey,
    Buffer.from(signaturePart, "base64url"),
  );
  if (!signed) return { error: "A JSON web token could not be decoded: bad signature" };
  const { iat, exp } = claims as { iat?: number; exp?: number };
  if (typeof iat !== "number" || typeof exp !== "number")
    return { error: "'iat' and 'exp' claims are required" };
  if (exp <= nowSeconds)
    return {
      error:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  if (exp - iat > MAX_LIFETIME_SECONDS)
    return { error: "'Expiration time' claim ('exp') is too far in the future" };
  return { identity: { login: `${app.slug}[bot]`, type: "Bot", appSlug: app.slug, jwtAppId: app.id } };
}

/** A new installation token acting as the App's bot, valid until `expiresAt`. */
export function issueInstallationToken(
  state: FakeGitHubState,
  app: FakeApp,
): { token: string; expiresAt: string } {
  const token = `ghs_${randomBytes(18).toString("base64url")}`;
  state.addToken(token, { login: `${app.slug}[bot]`, type: "Bot", appSlug: app.slug });
  return { token, expiresAt: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z") };
}
