// The candidate collector and what it gives: the candidate, its decision, the commit's decision.
export {
  collectCandidate,
  tipAtLeast,
  type Collected,
  type CandidatePorts,
  type Subject,
  type EventBound,
} from "./collect.js";
export { isTrainingEvent, type Measuring } from "./evidence.js";
export { decisionFor, withNotes } from "./decision.js";
export { commitDecision, commitDecisionReading } from "./commit.js";
