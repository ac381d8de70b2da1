export { startFakeGitHub } from "./server.js";
export type { FakeGitHub, FakeGitHubOptions, RecordedRequest, ContractViolation, Fault } from "./server.js";
export {
  FakeGitHubState,
  DEFAULT_TOKEN,
  DEFAULT_PUSHER,
  DEFAULT_WORKFLOW_PATH,
  ZERO_SHA,
  gitBlobSha,
} from "./state.js";
export type * from "./state.js";
export { HttpError } from "./routes.js";
export { GRAPHQL_ROUTE } from "./graphql/endpoint.js";
export type { Handler, Reply, RouteContext } from "./routes.js";
export { loadContract } from "./contract.js";
export { validatorsPrecompiled } from "./precompile.js";
export { LocalGitHub, DEFAULT_APP_EVENTS } from "./local.js";
export type {
  AppRegistration,
  LocalGitHubOptions,
  PushRunOptions,
  RunConclusion,
  WorkflowRunOptions,
} from "./local.js";
export { signature, type Delivery, type WebhookTarget } from "./deliveries.js";
export type { Webhook } from "./payloads.js";
export { artifactZip } from "./representations.js";
export {
  parseGitHubOutput,
  readActionSteps,
  runBundledAction,
  type ActionResult,
  type ActionRunContext,
  type ActionRunOptions,
  type BashStep,
  type PlayedStep,
  type StepResult,
  type UploadArtifact,
} from "./run-action.js";
export {
  runPushJob,
  runTrainJob,
  type PushJobOptions,
  type TrainJobOptions,
  type TrainJobResult,
} from "./workflow.js";
