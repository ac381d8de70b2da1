// Deliveries over real HTTP through Probot's node middleware: only correctly signed ones get in.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Probot, createNodeMiddleware } from "probot";
import { modelApprovalApp } from "../../src/app/index.js";
import {
  APP_LOGIN,
  APP_SLUG,
  APP_TOKEN,
  startHarness,
  stateLabels,
  type Harness,
} from "./support/harness.js";
import { review } from "./support/events.js";
import { PlainProbotOctokit } from "../../src/app/octokit.js";

const SECRET = "a-real-webhook-secret";

let h: Harness;
let server: Server;
let url: string;

beforeEach(async () => {
  h = await startHarness();
  const probot = new Probot({
    githubToken: APP_TOKEN,
    baseUrl: h.gh.url,
    secret: SECRET,
    logLevel: "fatal",
    Octokit: PlainProbotOctokit,
  });
  const middleware = await createNodeMiddleware(
    modelApprovalApp({ identity: { appSlug: APP_SLUG, login: APP_LOGIN } }),
    {
      probot,
    },
  );
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

async function post(name: string, body: string, signature: string | undefined): Promise<number> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": name,
    "x-github-delivery": "8c1d5f60-0000-4000-8000-000000000001",
  };
  if (signature !== undefined) headers["x-hub-signature-256"] = signature;
  const response = await fetch(url, { method: "POST", headers, body });
  await response.text();
  return response.status;
}

describe("webhook signatures", () => {
  it("accepts a correctly signed delivery and acts on it", async () => {
    const [name, payload] = review(h, "alice", "APPROVED");
    const body = JSON.stringify(payload);
    expect([200, 202]).toContain(await post(name, body, sign(body)));
    expect(stateLabels(h)).toEqual(["model-approval: approved"]);
  });

  it.each([
    ["a wrong secret", (body: string) => sign(body, "development")],
    ["a signature of another body", (body: string) => sign(body + " ")],
    ["a truncated signature", (body: string) => sign(body).slice(0, 40)],
    ["an empty signature", () => ""],
    ["no signature", () => undefined],
  ])("rejects %s with 400 and makes no API call", async (_label, signature) => {
    const [name, payload] = review(h, "alice", "APPROVED");
    const body = JSON.stringify(payload);
    expect(await post(name, body, signature(body))).toBe(400);
    expect(h.gh.requests).toEqual([]);
    expect(stateLabels(h)).toEqual([]);
  });
});
