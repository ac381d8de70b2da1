export {
  decide,
  configErrorResult,
  failureResult,
  needsEvidence,
  summarizeCandidate,
  type Subject,
} from "./decide.js";
export { tallyReviews, ineligibility, shortSha, recordingAt, candidateModel } from "./reviews.js";
export { guardedChanges, protectedMatcher, evidencePaths } from "./guarded-paths.js";
export type * from "./types.js";
