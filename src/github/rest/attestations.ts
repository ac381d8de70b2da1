// GitHub's attestations API: the signed statements about a file, by its sha256. The Action's
// decisions, signed by actions/attest, are read back from here when there is no App. This reads
// what the statements say; it does not check their signatures: `gh attestation verify` does that
// (the CLI says so with every answer).
import { hasStatus, toGitHubError } from "../errors.js";
import type { OctokitLike } from "../types.js";

export interface ListedStatements {
  /** Each attestation's statement, decoded from its DSSE envelope. */
  statements: unknown[];
  /** Attestations that could not be read, each saying why. */
  unreadable: string[];
  /** GitHub has more than the first page. */
  more: boolean;
}

export const ATTESTATIONS_PAGE = 100;

const IN_TOTO = "application/vnd.in-toto+json";

export async function attestedStatements(
  octokit: OctokitLike,
  fullName: string,
  digest: string,
  predicateType: string,
): Promise<ListedStatements> {
  const [owner = "", repo = ""] = fullName.split("/");
  let data: unknown;
  let headers: Record<string, unknown> = {};
  try {
    ({ data, headers = {} } = (await octokit.request(
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}",
      {
        owner,
        repo,
        subject_digest: digest,
        predicate_type: predicateType,
        per_page: ATTESTATIONS_PAGE,
      },
    )) as { data: unknown; headers?: Record<string, unknown> });
  } catch (error) {
    // No attestation of that digest in the repository (or no repository the token can see).
    if (hasStatus(error, 404)) return { statements: [], unreadable: [], more: false };
    throw toGitHubError(`listing the attestations of ${digest} in ${fullName}`, error);
  }
  const listed = ((data as { attestations?: unknown[] } | null)?.attestations ?? []) as {
    bundle?: { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } } | null;
  }[];
  const statements: unknown[] = [];
  const unreadable: string[] = [];
  listed.forEach((attestation, i) => {
    const envelope = attestation.bundle?.dsseEnvelope;
    if (!envelope || typeof envelope.payload !== "string") {
      unreadable.push(`attestation ${i + 1}: its bundle is not in the answer`);
      return;
    }
    if (envelope.payloadType !== IN_TOTO) {
      unreadable.push(`attestation ${i + 1}: its payload is ${String(envelope.payloadType)}, not ${IN_TOTO}`);
      return;
    }
    try {
      statements.push(JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")));
    } catch {
      unreadable.push(`attestation ${i + 1}: its payload is not base64 JSON`);
    }
  });
  const link = typeof headers.link === "string" ? headers.link : "";
  return { statements, unreadable, more: /rel="next"/.test(link) };
}
