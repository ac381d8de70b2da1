// What the ledger records: one entry per change of a decision, and one per answer to a deploy job.
// Built from the decision alone (its candidate summary and reasons tree), so the App and the Action
// record the same thing for the same decision. The time comes from the caller: the core has no clock.
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";
import type { Decision, DecisionResult, Override, TimingPhase } from "../policy/types.js";
import { eachReason } from "../policy/each-reason.js";

/** A counted approving review, and the model it was cast on. */
export interface LedgerApprover {
  login: string;
  /** The review's id on GitHub. */
  review?: number;
  /** The commit the review was submitted on. */
  commit: string | null;
  /** The model key recorded when the review was submitted (sha256:… or metrics:…). */
  model?: string;
  submittedAt?: string | null;
}

/** The candidate as the ledger names it: what was approved, on what evidence, under which rules. */
export interface LedgerCandidate {
  commit: string;
  pr?: number;
  /** key: what identifies the model (sha256:… over its artifacts, or metrics:…); artifacts: each file's sha256. */
  model?: { name?: string; key?: string; artifacts?: { path: string; sha256: string }[] };
  evidence?: {
    kind: string;
    run?: { id: number; attempt: number; workflow: string };
    artifact?: number;
  };
  config?: { path: string; ref?: string; blobSha?: string; trusted: boolean };
}

export interface LedgerDeploy {
  environment: string;
  /** The workflow run whose deploy job was answered, and its attempt (a re-run is a new one). */
  run: number;
  attempt: number;
  answer: "approved" | "rejected";
}

export interface LedgerEntry {
  kind: "decision" | "deploy";
  /** owner/name, as GitHub spelled it then. */
  repository: string;
  /**
   * GitHub's id of the repository, which survives renames and is never reused: the chain is the
   * id's, so a repository someone creates under a freed name never reads or extends it.
   */
  repositoryId?: number;
  /** ISO 8601, from the recorder's clock. */
  at: string;
  candidate: LedgerCandidate;
  decision: Decision;
  /** Approved by the metrics alone, with no review. */
  automatic: boolean;
  summary: string;
  approvers: LedgerApprover[];
  deploy?: LedgerDeploy;
  /** A break-glass override that approved it: who, why, when and where it was said, kept as said. */
  override?: Override;
  /** The approval's clock: where it stood (waiting, escalated, overdue, timed out) and its next deadline. */
  timing?: { phase: TimingPhase; step: string; deadline?: string };
}

/**
 * An entry and where it goes: `subject` names what it is the latest state of (a PR, a commit outside
 * a PR, a deploy job), and `fingerprint` what that state is; an entry whose subject's latest
 * fingerprint is the same is not appended again, so redelivered events record nothing new.
 */
export interface LedgerDraft {
  entry: LedgerEntry;
  subject: string;
  fingerprint: string;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function countedApprovals(result: DecisionResult): LedgerApprover[] {
  const seen = new Set<string>();
  const approvers: LedgerApprover[] = [];
  for (const reason of eachReason(result.steps.flatMap((s) => s.reasons))) {
    const data = reason.data;
    if (reason.kind !== "approver" || !data || data.counted !== true || data.state !== "APPROVED") continue;
    const login = String(data.login);
    const review = typeof data.review === "number" ? data.review : undefined;
    const key = `${login.toLowerCase()}#${review ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    approvers.push({
      login,
      ...(review === undefined ? {} : { review }),
      commit: typeof data.commit === "string" ? data.commit : null,
      ...(typeof data.model === "string" ? { model: data.model } : {}),
      ...(typeof data.submittedAt === "string" ? { submittedAt: data.submittedAt } : {}),
    });
  }
  return approvers.sort((a, b) => (a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
}

function candidateOf(result: DecisionResult, commit: string): LedgerCandidate {
  const summary = result.candidate;
  const name = result.model?.name;
  const key = summary?.modelKey;
  const artifacts = (result.model?.artifacts ?? []).map((a) => ({ path: a.path, sha256: a.sha256 }));
  const evidence = summary?.evidence;
  const config = summary?.config;
  const pr = summary?.pr ?? result.pr;
  return {
    commit: summary?.commit ?? commit,
    ...(pr === undefined ? {} : { pr }),
    ...(name !== undefined || key !== undefined
      ? {
          model: {
            ...(name === undefined ? {} : { name }),
            ...(key === undefined ? {} : { key }),
            ...(artifacts.length > 0 ? { artifacts } : {}),
          },
        }
      : {}),
    ...(evidence
      ? {
          evidence: {
            kind: evidence.kind,
            ...(evidence.run
              ? {
                  run: {
                    id: evidence.run.id,
                    attempt: evidence.run.attempt,
                    workflow: evidence.run.workflow,
                  },
                }
              : {}),
            ...("artifactId" in evidence && evidence.artifactId !== undefined
              ? { artifact: evidence.artifactId }
              : {}),
          },
        }
      : {}),
    ...(config
      ? {
          config: {
            path: config.path,
            ...(config.ref === undefined ? {} : { ref: config.ref }),
            ...(config.blobSha === undefined ? {} : { blobSha: config.blobSha }),
            trusted: config.trusted,
          },
        }
      : {}),
  };
}

export interface DecisionContext {
  repository: string;
  repositoryId?: number;
  /** The commit decided about, when the decision names none (a broken config). */
  commit: string;
  at: Date;
}

/** The record of a decision about a PR (or a commit outside any PR). */
export function decisionDraft(result: DecisionResult, context: DecisionContext): LedgerDraft {
  const candidate = candidateOf(result, context.commit);
  const entry: LedgerEntry = {
    kind: "decision",
    repository: context.repository,
    ...(context.repositoryId === undefined ? {} : { repositoryId: context.repositoryId }),
    at: context.at.toISOString(),
    candidate,
    decision: result.decision,
    automatic: result.decision === "approved" && result.autoApproved,
    summary: result.summary,
    approvers: countedApprovals(result),
    ...(result.override ? { override: { ...result.override } } : {}),
    ...(result.timing
      ? {
          timing: {
            phase: result.timing.phase,
            step: result.timing.step,
            ...(result.timing.deadline ? { deadline: result.timing.deadline } : {}),
          },
        }
      : {}),
  };
  // The summary's wording is not the state: a new comment-only review changes it and nothing else.
  // An override is: the first recorded one stays the state even if the same person says it again.
  const state = {
    candidate,
    decision: entry.decision,
    automatic: entry.automatic,
    approvers: entry.approvers,
    ...(entry.override ? { override: { by: entry.override.by, at: entry.override.at } } : {}),
    ...(entry.timing ? { phase: entry.timing.phase } : {}),
  };
  return {
    entry,
    subject: candidate.pr === undefined ? `commit:${candidate.commit}` : `pr:${candidate.pr}`,
    fingerprint: sha256(canonicalJson(state)),
  };
}

/** The record of a final answer to a deploy job, with the decision that gave it. */
export function deployDraft(
  result: DecisionResult,
  deploy: LedgerDeploy,
  context: DecisionContext & { summary: string },
): LedgerDraft {
  const decided = decisionDraft(result, context);
  const entry: LedgerEntry = { ...decided.entry, kind: "deploy", summary: context.summary, deploy };
  const state = { answer: deploy.answer, candidate: entry.candidate, approvers: entry.approvers };
  return {
    entry,
    subject: `deploy:${deploy.run}:${deploy.attempt}:${deploy.environment.toLowerCase()}`,
    fingerprint: sha256(canonicalJson(state)),
  };
}
