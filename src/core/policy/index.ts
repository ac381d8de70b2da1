export { decide, configErrorResult } from "./decide.js";
export { tallyReviews, ineligibility, shortSha } from "./reviews.js";
export { guardedChanges } from "./guarded-paths.js";
export type * from "./types.js";
