// The CLI's side of the App's ledger API (docs/ledger.md): GET with the caller's GitHub token.
// The token is the caller's identity there, so it is never sent in the clear to another machine.
import { CliError, UsageError } from "./io.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function appUrl(given: string | undefined): URL {
  if (!given) throw new UsageError("name the App with --app URL (or MODEL_APPROVAL_APP_URL)");
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--app: '${given}' is not a URL (e.g. https://model-approval.example.com)`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname)))
    throw new UsageError(
      `--app: refusing to send a GitHub token to ${url.host} over ${url.protocol.replace(":", "")}: use https:// (plain http only to this machine)`,
    );
  return url;
}

export function tokenFrom(env: Record<string, string | undefined>): string | undefined {
  return env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || undefined;
}

export async function appGet(
  app: URL,
  path: string,
  query: Record<string, string | undefined>,
  token: string,
): Promise<unknown> {
  const url = new URL(path, app.href.endsWith("/") ? app.href : `${app.href}/`);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, value);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `could not reach the App at ${app.origin}: ${cause?.code ?? cause?.message ?? String(error)}`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CliError(
      `the App at ${app.origin} answered ${response.status} with something that is not JSON: is --app the App's address?`,
    );
  }
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new CliError(
      `the App answered ${response.status}: ${typeof message === "string" ? message : text.slice(0, 200)}`,
    );
  }
  return body;
}
