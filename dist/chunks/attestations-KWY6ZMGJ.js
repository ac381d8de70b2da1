#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hasStatus,
  toGitHubError
} from "./chunk-PWOFXFLU.js";
import "./chunk-EACAFJQG.js";

// src/github/rest/attestations.ts
var ATTESTATIONS_PAGE = 100;
var IN_TOTO = "application/vnd.in-toto+json";
async function attestedStatements(octokit, fullName, digest, predicateType) {
  const [owner = "", repo = ""] = fullName.split("/");
  let data;
  let headers = {};
  try {
    ({ data, headers = {} } = await octokit.request(
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}",
      {
        owner,
        repo,
        subject_digest: digest,
        predicate_type: predicateType,
        per_page: ATTESTATIONS_PAGE
      }
    ));
  } catch (error) {
    if (hasStatus(error, 404)) return { statements: [], unreadable: [], more: false };
    throw toGitHubError(`listing the attestations of ${digest} in ${fullName}`, error);
  }
  const listed = data?.attestations ?? [];
  const statements = [];
  const unreadable = [];
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
export {
  ATTESTATIONS_PAGE,
  attestedStatements
};
