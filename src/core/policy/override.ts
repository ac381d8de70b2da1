// Break-glass overrides: `/model-approval override <reason>` by someone the trusted rules list under
// override_by approves the current candidate despite its checks and votes. Each claim is judged as
// strictly as a vote: by whom (never the PR's author or the commit's pusher), under which rules
// (never untrusted ones), with a reason, and bound to the candidate it was said about — a comment to
// the head commit (said after GitHub's time of its newest push) and the model recorded when it was
// written, a review to the commit it was submitted on and the model recorded then, a ledger record
// to the commit and model it recorded (and, for a comment's, its time to the push too). Every
// claim becomes a reason saying whether it counted.
import type { ApprovalStep, Config } from "../config/types.js";
import type { Candidate, OverrideClaim } from "../candidate/types.js";
import { shortKey } from "../candidate/model-key.js";
import { candidateModel, membersOf, recordingAt, sameLogin, shortSha } from "./reviews.js";
import { needsEvidence } from "./evidence-needed.js";
import type { Override, Reason } from "./types.js";

/** The most of a reason the report and the ledger keep. */
export const OVERRIDE_REASON_LIMIT = 500;

function listed(login: string, step: ApprovalStep, teamMembers: Record<string, string[]>): boolean {
  if (step.overrideBy.users.some((u) => sameLogin(u, login))) return true;
  return step.overrideBy.teams.some((team) => membersOf(team, teamMembers).some((m) => sameLogin(m, login)));
}

/**
 * When the candidate commit last became the PR's head: GitHub's time of its newest push. Nothing
 * else bounds it — a commit's first recording does not (it may have been pushed away and back) —
 * so without it no comment is bound to the commit.
 */
function headSince(candidate: Candidate): number | undefined {
  const pushed = candidate.pr?.pushedAt ? Date.parse(candidate.pr.pushedAt) : NaN;
  return Number.isNaN(pushed) ? undefined : pushed;
}

/** Why the claim does not count for the candidate, or undefined when it does. */
function refusal(claim: OverrideClaim, config: Config, candidate: Candidate): string | undefined {
  const pr = candidate.pr;
  if (!pr) return "an override is said on a pull request";
  if (candidate.config.untrusted) return `the rules are not trusted (${candidate.config.untrusted})`;
  const approvals = config.steps.filter((s): s is ApprovalStep => s.type === "approval");
  if (approvals.length === 0) return "the config has no approval step to override";
  if (sameLogin(pr.author, claim.by)) return "the pull request's author cannot override its approval";
  if (sameLogin(pr.pusher, claim.by))
    return "whoever pushed the commit under review cannot override its approval";
  const unlisted = approvals.filter((s) => !listed(claim.by, s, candidate.teamMembers));
  if (unlisted.length > 0) return `not listed under override_by of ${unlisted.map((s) => s.name).join(", ")}`;
  if (claim.reason.trim() === "") return "an override needs a reason: /model-approval override <reason>";
  // Nothing identifies the model while its evidence is missing: there is nothing to override for.
  if (needsEvidence(config) && candidate.evidence.kind !== "present")
    return "the training run's evidence is missing, so nothing identifies the model to override for";
  const key = candidateModel(candidate);
  if (claim.source.kind === "record") {
    if (claim.commit !== candidate.commit)
      return `recorded for ${shortSha(claim.commit)}, not the candidate ${shortSha(candidate.commit)}`;
    if (claim.model !== key) return "recorded for another model than the candidate's";
  }
  // A review names the commit it was submitted on; a comment only its time, which must be after
  // GitHub's time of the commit's newest push to say it was about this commit.
  const reviewed =
    claim.source.kind === "review" || (claim.source.kind === "record" && claim.said === "review");
  if (claim.source.kind === "review" && claim.commit !== candidate.commit)
    return `said in a review of ${shortSha(claim.commit)}, not of the candidate ${shortSha(candidate.commit)}`;
  if (!reviewed) {
    const at = Date.parse(claim.at);
    const since = headSince(candidate);
    if (since === undefined || Number.isNaN(at))
      return `GitHub's activity does not say when ${shortSha(candidate.commit)} was pushed (a fork's pushes are not in it), so a comment cannot be bound to it: override in a review of the commit`;
    if (at < since)
      return `said before ${shortSha(candidate.commit)} was last pushed: it was about another commit`;
  }
  if (claim.source.kind === "record") return undefined;
  if (key !== undefined) {
    const current = recordingAt(candidate.evidence.recordings, claim.at);
    if (!current || !current.known || current.key !== key)
      return `said while ${current?.key ? `model ${shortKey(current.key)}` : "no model"} was recorded, not the candidate's ${shortKey(key)}: a re-trained model needs a new override`;
  }
  return undefined;
}

export interface JudgedOverrides {
  /** The override that approves the candidate: the earliest one that counts. */
  override?: Override;
  reasons: Reason[];
}

export function judgeOverrides(candidate: Candidate): JudgedOverrides {
  const config = candidate.config.config;
  const claims = [...(candidate.overrides ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  let override: Override | undefined;
  const reasons = claims.map((claim): Reason => {
    const why = refusal(claim, config, candidate);
    const reason = claim.reason.trim().slice(0, OVERRIDE_REASON_LIMIT);
    const where = claim.source.kind === "record" ? "as recorded in the ledger" : `in a ${claim.source.kind}`;
    if (why === undefined && !override)
      override = {
        by: claim.by,
        reason,
        at: claim.at,
        source: { ...claim.source },
        said: claim.source.kind === "record" ? (claim.said ?? "comment") : claim.source.kind,
      };
    return {
      kind: "override",
      outcome: why === undefined ? "pass" : "info",
      message: `${claim.by} overrode ${where} at ${claim.at}: ${why === undefined ? "counted" : `not counted — ${why}`}`,
      data: {
        login: claim.by,
        reason,
        at: claim.at,
        source: claim.source.kind,
        id: claim.source.id,
        counted: why === undefined,
        ...(why === undefined ? {} : { why }),
      },
    };
  });
  return { ...(override ? { override } : {}), reasons };
}
