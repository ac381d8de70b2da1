// The OAuth web flow's one server-side step: trading the code GitHub sent back for a user access
// token (docs.github.com: "Generating a user access token for a GitHub App"). It is a web endpoint
// of GitHub's (github.com, or an Enterprise host), not an API operation. GitHub answers 200 with an
// `error` field for a bad code.
export class OAuthRefused extends Error {}

export interface OAuthClient {
  /** GitHub's web address, e.g. https://github.com */
  webUrl: string;
  clientId: string;
  clientSecret: string;
}

export function authorizeUrl(client: OAuthClient, redirectUri: string, state: string): string {
  const url = new URL("/login/oauth/authorize", client.webUrl);
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  return url.href;
}

export async function exchangeCode(client: OAuthClient, code: string, redirectUri: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL("/login/oauth/access_token", client.webUrl), {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code,
        redirect_uri: redirectUri,
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(
      `could not reach GitHub to sign in: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    error?: unknown;
    error_description?: unknown;
  };
  if (typeof body.access_token === "string" && body.access_token) return body.access_token;
  const why =
    typeof body.error_description === "string"
      ? body.error_description
      : String(body.error ?? response.status);
  throw new OAuthRefused(`GitHub did not sign you in: ${why}`);
}
