import { describe, expect, it } from "@jest/globals";
import {
  deepPatch,
  deploymentProtectionRulePayload,
  loadWebhookExample,
  repositoryPatch,
  validateWebhook,
} from "../../src/local-github/webhooks.js";

describe("loadWebhookExample", () => {
  it("patches a real example deeply and keeps what the patch does not name", () => {
    const payload = loadWebhookExample("pull_request_review", "submitted", {
      review: { state: "approved", user: { login: "alice" }, commit_id: "c".repeat(40) },
      pull_request: { number: 12, head: { sha: "c".repeat(40) } },
      ...repositoryPatch("acme/models"),
    });
    expect(payload.action).toBe("submitted");
    expect(payload.review).toMatchObject({ state: "approved", user: { login: "alice" } });
    expect(typeof payload.review.id).toBe("number");
    expect(payload.pull_request.head.ref).toEqual(expect.any(String));
    expect(payload.repository).toMatchObject({ full_name: "acme/models", owner: { login: "acme" } });
  });

  it("throws with the schema's complaint when a patch makes the payload invalid", () => {
    expect(() =>
      loadWebhookExample("pull_request_review", "submitted", { review: { state: "lgtm" } }),
    ).toThrow(
      /invalid pull_request_review.submitted webhook payload:\n {2}\/review\/state must be equal to one of the allowed values/,
    );
    expect(() => loadWebhookExample("pull_request", "opened", { pull_request: { number: "12" } })).toThrow(
      /\/pull_request\/number must be integer/,
    );
  });

  it("derives an action without an example from another action of the event", () => {
    const edited = loadWebhookExample("pull_request_review", "edited", { changes: {} });
    expect(edited.action).toBe("edited");
    expect(() => loadWebhookExample("pull_request_review", "edited")).toThrow(/changes/);
  });

  it("does not share state between calls", () => {
    loadWebhookExample("check_run", "completed", { check_run: { name: "mutated" } }).check_run.id = -1;
    expect(loadWebhookExample("check_run", "completed").check_run.name).not.toBe("mutated");
  });
});

describe("deploymentProtectionRulePayload", () => {
  it("builds a valid requested payload with the callback URL of the run", () => {
    const payload = deploymentProtectionRulePayload({
      repository: "acme/models",
      environment: "production",
      sha: "d".repeat(40),
      runId: 42,
      pullRequests: [{ number: 7, headSha: "d".repeat(40), author: "carol" }],
      apiUrl: "http://127.0.0.1:1234/",
    });
    expect(payload).toMatchObject({
      action: "requested",
      environment: "production",
      event: "pull_request",
      deployment_callback_url:
        "http://127.0.0.1:1234/repos/acme/models/actions/runs/42/deployment_protection_rule",
      deployment: { sha: "d".repeat(40), environment: "production" },
      pull_requests: [{ number: 7, head: { sha: "d".repeat(40) }, user: { login: "carol" } }],
      repository: { full_name: "acme/models" },
    });
  });

  it("rejects what GitHub would never send", () => {
    expect(() =>
      deploymentProtectionRulePayload(
        { repository: "acme/models", environment: "production", sha: "d".repeat(40), runId: 1 },
        { unexpected: true },
      ),
    ).toThrow(/must NOT have additional properties/);
    expect(() => validateWebhook("deployment_protection_rule", "requested", { action: "requested" })).toThrow(
      /must have required property 'repository'/,
    );
  });
});

describe("deepPatch", () => {
  it("merges objects, replaces arrays, deletes undefined, and leaves its inputs alone", () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 1 };
    const patched = deepPatch(target, { a: { c: [3] }, d: undefined });
    expect(patched).toEqual({ a: { b: 1, c: [3] } });
    expect(target).toEqual({ a: { b: 1, c: [1, 2] }, d: 1 });
  });
});

// The validators jest's globalSetup compiled once (src/local-github/precompiled-validators.ts)
// must judge as ajv compiling the schema here does: every example of the events they cover, and
// broken copies.
describe("the validators compiled once for the test run", () => {
  it("are in use, and agree with ajv on every example and on broken payloads", async () => {
    const { createRequire } = await import("node:module");
    const { Ajv } = await import("ajv");
    const { AJV_OPTIONS, webhookDefinitionNames } =
      await import("../../src/local-github/precompiled-validators.js");
    const { precompiledWebhookValidators } = await import("../../src/local-github/webhooks.js");
    const precompiled = precompiledWebhookValidators();
    expect(precompiled).not.toBeNull();
    const require = createRequire(import.meta.url);
    const schema = require("@octokit/webhooks-schemas") as { definitions: Record<string, unknown> };
    const examples = require("@octokit/webhooks-examples") as {
      name: string;
      examples: { action?: string }[];
    }[];
    const names = webhookDefinitionNames(schema.definitions);
    expect(Object.keys(precompiled!).sort()).toEqual([...names].sort());

    const ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(schema, "webhooks");
    let compared = 0;
    for (const group of examples) {
      for (const example of group.examples) {
        const name = example.action ? `${group.name}$${example.action}` : `${group.name}$event`;
        if (!names.includes(name)) continue;
        const compiled = ajv.getSchema(`webhooks#/definitions/${name}`)!;
        const broken = deepPatch(example, { repository: { full_name: 12 }, sender: undefined });
        for (const payload of [example, broken]) {
          expect([name, precompiled![name]!(payload)]).toEqual([name, compiled(payload)]);
          compared += 1;
        }
        expect(precompiled![name]!(broken)).toBe(false);
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
