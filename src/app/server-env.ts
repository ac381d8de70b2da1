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
