// What the App needs from its environment before it may listen for webhooks.

/** Probot's default secret: anyone who knows it could forge deliveries. */
const DEFAULT_SECRETS = new Set(["", "development"]);

/**
 * Problems that must stop the App from starting; empty when it may start. Nothing in the
 * environment turns the secret check off: a switch like that could end up set in production.
 */
export function serverEnvProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const secret = env.WEBHOOK_SECRET?.trim() ?? "";
  if (DEFAULT_SECRETS.has(secret)) {
    problems.push(
      secret === ""
        ? "WEBHOOK_SECRET is not set: without it anyone could send forged webhooks. Set it to the secret configured in the GitHub App's settings."
        : "WEBHOOK_SECRET is Probot's default 'development': anyone could send forged webhooks. Set it to a random secret and configure the same one in the GitHub App's settings.",
    );
  }
  if (!env.APP_ID?.trim()) problems.push("APP_ID is not set: use the App ID from the GitHub App's settings.");
  if (!env.PRIVATE_KEY?.trim() && !env.PRIVATE_KEY_PATH?.trim())
    problems.push(
      "PRIVATE_KEY or PRIVATE_KEY_PATH is not set: generate a private key in the GitHub App's settings.",
    );
  return problems;
}

const PAGE_SETTINGS = ["APP_URL", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "SESSION_SECRET"] as const;

export interface PageSettings {
  appUrl: string;
  clientId: string;
  clientSecret: string;
  sessionSecret: string;
}

/**
 * The details pages' settings: all four, or none (no pages, and no details link on check runs).
 * A string lists what is wrong; the App does not start half set up.
 */
export function pageSettings(env: NodeJS.ProcessEnv): PageSettings | undefined | string {
  const given = PAGE_SETTINGS.filter((name) => env[name]?.trim());
  if (given.length === 0) return undefined;
  const missing = PAGE_SETTINGS.filter((name) => !env[name]?.trim());
  if (missing.length > 0)
    return `the details pages need ${PAGE_SETTINGS.join(", ")} (the App's public address, its OAuth client id and secret from the GitHub App's settings, and a random secret for sign-in cookies); missing: ${missing.join(", ")}`;
  const appUrl = (env.APP_URL ?? "").trim().replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return `APP_URL is not a URL: '${appUrl}'`;
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return `APP_URL must be https:// (sign-in cookies hold GitHub tokens), not ${url.protocol}// on ${url.host}`;
  const sessionSecret = (env.SESSION_SECRET ?? "").trim();
  if (sessionSecret.length < 32)
    return "SESSION_SECRET must be at least 32 characters of random text (e.g. openssl rand -hex 32)";
  return {
    appUrl,
    clientId: (env.GITHUB_CLIENT_ID ?? "").trim(),
    clientSecret: (env.GITHUB_CLIENT_SECRET ?? "").trim(),
    sessionSecret,
  };
}
