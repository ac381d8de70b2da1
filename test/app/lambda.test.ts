// The AWS Lambda handler, as Lambda loads it: the built bundle in its own Node process (the
// adapter require()s Probot, which only Node itself — not Jest — can load as ESM).
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { postgresDatabase } from "../support/ledger-databases.js";

const BUNDLE = resolve("build/app/lambda.js");
const SECRET = "lambda-webhook-secret";
const run = promisify(execFile);
let databaseUrl = "";
beforeAll(async () => {
  databaseUrl = await postgresDatabase();
});

// An edit that does not move the base branch: accepted, and needs no API call.
const body = JSON.stringify({
  action: "edited",
  changes: {},
  number: 1,
  pull_request: { number: 1 },
  repository: { name: "models", full_name: "acme/models", owner: { login: "acme" } },
  sender: { login: "bob" },
});

function sign(secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

async function invoke(signature: string, env: Record<string, string> = {}): Promise<string> {
  const event = {
    httpMethod: "POST",
    path: "/api/github/webhooks",
    headers: {
      "X-GitHub-Event": "pull_request",
      "X-GitHub-Delivery": "0b9a7c00-0000-4000-8000-000000000002",
      "X-Hub-Signature-256": signature,
      "Content-Type": "application/json",
    },
    body,
  };
  // Lambda freezes the process once the handler has answered; Node would instead wait for the
  // ledger's idle database connections to time out (10 s), so the script exits when answered.
  const script = `const { handler } = await import(${JSON.stringify(BUNDLE)});
    try { console.log(JSON.stringify(await handler(${JSON.stringify(event)}, {}))); }
    catch (error) { console.log("error: " + error.message); }
    process.exit(0);`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    env: {
      PATH: process.env.PATH ?? "",
      APP_ID: "1",
      PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----",
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: "fatal",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      ...env,
    },
  }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: `exit: ${error.stderr ?? ""}` }));
  return stdout.trim();
}

describe("lambda handler (build/app/lambda.js)", () => {
  it("is built", () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it("accepts a correctly signed delivery", async () => {
    expect(JSON.parse(await invoke(sign(SECRET)))).toMatchObject({ statusCode: 200 });
  });

  it("refuses a wrong signature", async () => {
    expect(await invoke(sign("development"))).toMatch(/^error: .*signature does not match/);
  });

  it("has a scheduled handler that sweeps: it takes the lease and, with nothing due, decides nothing", async () => {
    const script = `const { sweep } = await import(${JSON.stringify(BUNDLE)});
      console.log(JSON.stringify(await sweep()));
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
      env: {
        PATH: process.env.PATH ?? "",
        APP_ID: "1",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----",
        WEBHOOK_SECRET: SECRET,
        LOG_LEVEL: "fatal",
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
      },
    });
    const answer = JSON.parse(stdout.trim()) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ leased: true, decided: 0, failed: 0, sent: 0 });
  });

  it("refuses to load without a PostgreSQL server for the ledger", async () => {
    expect(await invoke(sign(SECRET), { DATABASE_URL: "" })).toMatch(/exit: [\s\S]*DATABASE_URL is not set/);
  });

  it("refuses to load when the ledger's database cannot be reached", async () => {
    const nowhere = "postgresql://postgres@127.0.0.1:1/none";
    expect(await invoke(sign(SECRET), { DATABASE_URL: nowhere })).toMatch(
      /exit: [\s\S]*could not open the ledger \(PostgreSQL at 127.0.0.1:1\/none\)/,
    );
  });

  it("refuses to load with Probot's default webhook secret", async () => {
    expect(await invoke(sign("development"), { WEBHOOK_SECRET: "development" })).toMatch(
      /exit: [\s\S]*WEBHOOK_SECRET is Probot's default/,
    );
  });
});
