// A small, independent statement of PRODUCT.md's rules for the one config family the model-based
// test plays: is the PR's current head, with the model its newest training run recorded, approved?
// It shares no code with src/core: it reads the facts (reviews, runs, artifacts) and applies the
// rules as the spec words them.

export interface RulesModel {
  approvers: string[];
  /** A listed org/team slug, or none. */
  team?: string;
  minApprovals: number;
  /** auto_approve_if: accuracy > 0.9 */
  auto: boolean;
}

export interface TrainingModel {
  runId: number;
  attempt: number;
  /** completed-success with a recording, failed, or still going. */
  outcome: "recorded" | "failed" | "running";
  accuracy?: number;
  weights?: string;
  /** GitHub's time of the recording (the artifact's created_at). */
  recordedAt?: string;
}

export interface ReviewFact {
  user: string;
  state: string;
  commit: string;
  at: string;
}

export interface OracleWorld {
  rules: RulesModel;
  teamMembers: string[];
  author: string;
  open: boolean;
  head: string;
  /** Who pushed each commit to the PR's branch. */
  pusher: Record<string, string>;
  /** Commits whose change from the merge base touches a file the rules guard. */
  guarded: Set<string>;
  /** Every attempt of every training run, per commit, oldest first. */
  training: Record<string, TrainingModel[]>;
  reviews: ReviewFact[];
}

const time = (iso: string) => Date.parse(iso);

/** Whether the head's candidate is approved. */
export function approved(w: OracleWorld): boolean {
  if (!w.open) return false;
  const attempts = w.training[w.head] ?? [];
  // The newest run's newest attempt is the evidence; a failed or running one is no evidence.
  const newest = attempts.at(-1);
  if (!newest || newest.outcome !== "recorded") return false;
  const accuracy = newest.accuracy!;
  // test: accuracy >= 0.80, on_fail: fail_pipeline
  if (!(accuracy >= 0.8)) return false;

  const recordings = attempts.filter((a) => a.outcome === "recorded");
  const modelAt = (at: string) => recordings.filter((r) => time(r.recordedAt!) <= time(at)).at(-1)?.weights;

  const eligible = (user: string) =>
    user !== w.author &&
    (w.rules.approvers.includes(user) || (w.rules.team !== undefined && w.teamMembers.includes(user)));

  // Each user's latest APPROVED or CHANGES_REQUESTED review is their vote; DISMISSED removes it.
  const votes = new Map<string, ReviewFact>();
  const ordered = [...w.reviews].sort((a, b) => time(a.at) - time(b.at));
  for (const review of ordered) {
    if (!eligible(review.user)) continue;
    if (review.state === "DISMISSED") votes.delete(review.user);
    else if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED")
      votes.set(review.user, review);
  }
  const onHead = [...votes.values()].filter((v) => v.commit === w.head);
  if (onHead.some((v) => v.state === "CHANGES_REQUESTED")) return false;

  if (w.rules.auto && accuracy > 0.9 && !w.guarded.has(w.head)) return true;
  const approvals = onHead.filter(
    (v) => v.state === "APPROVED" && v.user !== w.pusher[w.head] && modelAt(v.at) === newest.weights,
  );
  return approvals.length >= w.rules.minApprovals;
}
