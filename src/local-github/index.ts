export { startFakeGitHub } from "./server.js";
export type { FakeGitHub, FakeGitHubOptions, RecordedRequest, ContractViolation, Fault } from "./server.js";
export { FakeGitHubState, DEFAULT_TOKEN } from "./state.js";
export type * from "./state.js";
export { HttpError } from "./routes.js";
export type { Handler, Reply, RouteContext } from "./routes.js";
export { loadContract } from "./contract.js";
