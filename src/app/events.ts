// The webhook events the App subscribes to (app.yml's default_events, which a test keeps equal).
export const APP_EVENTS = [
  "pull_request",
  "pull_request_review",
  "check_run",
  "deployment_protection_rule",
  "workflow_run",
  "push",
  "membership",
  "issue_comment",
] as const;
