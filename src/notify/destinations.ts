// The config names destinations; where they are and how deliveries are signed lives only in the
// environment (the App's, or the Action's secrets), because a Slack webhook URL is itself a
// credential. So a problem names the destination and the variable, never the value.
import { destinationEnvNames, type DestinationType } from "../core/notify/event.js";

/** From the config. */
export interface DestinationSpec {
  name: string;
  type: DestinationType;
}

export interface Destination {
  name: string;
  type: DestinationType;
  url: string;
  /** Webhooks only: the HMAC key of X-Model-Approval-Signature-256. */
  secret?: string;
}

/** Shorter secrets are guessable enough to forge signatures with. */
export const MIN_SECRET_LENGTH = 16;

/**
 * The destinations that can be delivered to, and one sentence for each that cannot. A name listed
 * more than once (different `on:` lists) is one destination.
 */
/**
 * Which repository is sending, and whether a destination must say it may: the App serves every
 * repository it is installed on, and any of them may name any destination in its config, so in the
 * App a destination sends only for the repositories its MODEL_APPROVAL_NOTIFY_<NAME>_REPOS lists.
 */
export interface DestinationScope {
  repository: string;
  required: boolean;
}

export function resolveDestinations(
  specs: DestinationSpec[],
  env: Record<string, string | undefined>,
  scope?: DestinationScope,
): { destinations: Destination[]; problems: string[] } {
  const destinations: Destination[] = [];
  const problems: string[] = [];
  const typeOf = new Map<string, DestinationType>();
  for (const spec of specs) {
    const seen = typeOf.get(spec.name);
    if (seen === spec.type) continue;
    if (seen !== undefined) {
      problems.push(
        `notification destination "${spec.name}" is listed as both ${seen} and ${spec.type}: one name has one URL, so give each type its own name`,
      );
      const index = destinations.findIndex((destination) => destination.name === spec.name);
      if (index >= 0) destinations.splice(index, 1);
      continue;
    }
    typeOf.set(spec.name, spec.type);
    const refused = scope ? outOfScope(spec, env, scope) : undefined;
    if (refused) {
      problems.push(refused);
      continue;
    }
    const found = resolve(spec, env);
    if (Array.isArray(found)) problems.push(...found);
    else destinations.push(found);
  }
  return { destinations, problems };
}

/** `owner/name` or `owner/*`, separated by commas or spaces, compared case-insensitively. */
function outOfScope(
  spec: DestinationSpec,
  env: Record<string, string | undefined>,
  scope: DestinationScope,
): string | undefined {
  const names = destinationEnvNames(spec.name);
  const about = `notification destination "${spec.name}" (${spec.type})`;
  const listed = (env[names.repos] ?? "").split(/[\s,]+/).filter(Boolean);
  if (listed.length === 0)
    return scope.required
      ? `${about}: ${names.repos} is not set; list the repositories that may send to it (owner/name or owner/*), since every repository the App is installed on could name it`
      : undefined;
  const repository = scope.repository.toLowerCase();
  const owner = repository.split("/")[0] ?? "";
  const allowed = listed.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === repository || wanted === `${owner}/*`;
  });
  return allowed
    ? undefined
    : `${about}: ${names.repos} does not list ${scope.repository}, so it is not sent there`;
}

function resolve(spec: DestinationSpec, env: Record<string, string | undefined>): Destination | string[] {
  const names = destinationEnvNames(spec.name);
  const about = `notification destination "${spec.name}" (${spec.type})`;
  const problems: string[] = [];
  const url = env[names.url]?.trim();
  if (!url) {
    problems.push(
      `${about}: ${names.url} is not set; set it in the App's environment, or in the Action's env: from a secret`,
    );
  } else {
    const urlProblem = problemOfUrl(url);
    if (urlProblem) problems.push(`${about}: ${names.url} ${urlProblem}`);
  }
  const secret = env[names.secret];
  if (spec.type === "webhook") {
    if (!secret) {
      problems.push(`${about}: ${names.secret} is not set; webhook deliveries are always signed`);
    } else if (secret.length < MIN_SECRET_LENGTH) {
      problems.push(
        `${about}: ${names.secret} is shorter than ${MIN_SECRET_LENGTH} characters; use a random one, e.g. \`openssl rand -hex 32\``,
      );
    }
  }
  if (problems.length > 0 || !url) return problems;
  const { name, type } = spec;
  return type === "webhook" ? { name, type, url, secret } : { name, type, url };
}

// The sentences end "…<VARIABLE> <problem>"; none repeats any part of the URL.
function problemOfUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a valid URL";
  }
  if (url.username || url.password) {
    return "has credentials in it (user:password@); webhook URLs carry their secret in the path or the signature";
  }
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:") {
    return isLoopback(url.hostname)
      ? undefined
      : "is plain http: use https (http is allowed only to localhost, 127.0.0.0/8 and ::1)";
  }
  return "is not an https URL";
}

function isLoopback(hostname: string): boolean {
  // The URL parser has already written IPv4 in dotted decimal ("127.1" is "127.0.0.1") and IPv6 compressed.
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
