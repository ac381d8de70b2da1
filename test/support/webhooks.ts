// Webhook payload helpers moved with the local GitHub: src/local-github/webhooks.ts.
export * from "../../src/local-github/webhooks.js";
