// `npm start` on a fresh machine: build/app/start.js without App credentials plays the demo flow
// against a local GitHub; with credentials it is the real App server.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";

const START = resolve("build/app/start.js");

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

interface Started {
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, args: string[] = [], viaNpm = false): Started {
  if (!existsSync(START)) throw new Error(`${START} is missing: run 'npm run build' before these tests`);
  // Only PATH (and HOME, for npm) is inherited: no App credentials, as on a fresh machine.
  const [command, argv] = viaNpm
    ? ["npm", ["start", "--silent", ...args]]
    : [process.execPath, [START, ...args]];
  child = spawn(command, argv, {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const running = child;
  const exited = new Promise<number | null>((done) => running.on("exit", (code) => done(code)));
  return { output: () => output, exited };
}

async function waitForLine(started: Started, pattern: RegExp): Promise<void> {
  // 60 s: on a loaded 2-core machine the demo's flow alone took over 30 s.
  for (let i = 0; i < 2400; i++) {
    if (pattern.test(started.output())) return;
    if (child?.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`no line matching ${pattern} in:\n${started.output()}`);
}

/** The flow's steps, in the order a newcomer reads them. */
const STEPS = [
  /local GitHub listening on http:\/\/127\.0\.0\.1:\d+/,
  /bob opens PR #1/,
  /webhook pull_request\.opened → App: 200/,
  /train job trains .* runs the model-approval Action/,
  /deploy job reaches the production environment and waits/,
  /deploy job: waiting/,
  /alice approves PR #1/,
  /webhook pull_request_review\.submitted → App: 200/,
  /label \[model-approval: approved\]/,
  /deploy unblocked/,
  /ledger: \d+ records of acme\/fraud-detector \(decision pending, .*deploy approved\)/,
  /details page: http:\/\/127\.0\.0\.1:\d+\/pr\/acme\/fraud-detector\/1 \(sign in to the local GitHub as alice\)/,
];

function expectInOrder(output: string): void {
  let at = 0;
  for (const step of STEPS) {
    const found = step.exec(output.slice(at));
    expect(found ? step.source : `missing after position ${at}: ${step.source}\n${output}`).toBe(step.source);
    at += (found?.index ?? 0) + (found?.[0].length ?? 0);
  }
}

/** The line after which both the local GitHub and the App listen. */
const UP = /App 'model-approval' registered .* webhooks at http/;

/** The loopback ports the demo announced: the local GitHub's and the App's. */
function announcedPorts(output: string): number[] {
  return [...output.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])).slice(0, 2);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Signals the demo; its servers close, their ports are free, and it exits with `code`. */
async function stopsCleanly(started: Started, signal: NodeJS.Signals, code: number): Promise<void> {
  const ports = announcedPorts(started.output());
  expect(ports).toHaveLength(2);
  for (const port of ports) expect(await accepts(port)).toBe(true);
  child?.kill(signal);
  expect(await started.exited).toBe(code);
  for (const port of ports) expect(await accepts(port)).toBe(false);
}

describe("npm start stops cleanly", () => {
  // SIGTERM is sent once the flow is done, in the test of the demo left running below.
  it("on SIGINT mid-demo: the servers close, their ports are free, and it exits 130", async () => {
    const started = start({});
    // As soon as both servers listen: the flow is then under way, as when Ctrl-C comes mid-demo.
    await waitForLine(started, UP);
    await stopsCleanly(started, "SIGINT", 130);
  }, 90_000);

  it("through npm: a SIGTERM to npm alone ends the node process too", async () => {
    const started = start({}, [], true);
    await waitForLine(started, UP);
    const ports = announcedPorts(started.output());
    // npm → sh -c → node: only npm is signalled, as a process manager or `kill <npm pid>` does.
    child?.kill("SIGTERM");
    await started.exited;
    for (const port of ports) await until(async () => !(await accepts(port)), `port ${port} is free`);
  }, 90_000);
});

describe("npm start (build/app/start.js)", () => {
  it("without credentials plays the flow to 'deploy unblocked' and keeps running with a hint", async () => {
    const started = start({});
    await waitForLine(started, /curl .* -X POST .*\/pulls\/2\/reviews/);
    expectInOrder(started.output());
    expect(child?.exitCode).toBeNull();

    // Doing what the hint says releases the second PR's deploy job.
    const hint = /curl .* -H '([^:]+): ([^']+)' -d '([^']+)' (\S+)/.exec(started.output());
    const [, header = "", value = "", body = "", url = ""] = hint ?? [];
    const response = await fetch(url, { method: "POST", headers: { [header]: value }, body });
    expect(response.status).toBe(200);
    await waitForLine(started, /PR #2 deploy job: deployed/);

    // The details page it names is served, behind sign-in with the local GitHub.
    const page = /details page: (\S+)/.exec(started.output())?.[1] ?? "";
    const signIn = await fetch(page, { redirect: "manual" });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/login\/oauth\/authorize\?client_id=/,
    );

    // Left running, it stops cleanly on SIGTERM, as a process manager stops it.
    await stopsCleanly(started, "SIGTERM", 143);
  }, 90_000);

  it("exits 0 after the flow with MODEL_APPROVAL_DEMO_EXIT=1", async () => {
    const started = start({ MODEL_APPROVAL_DEMO_EXIT: "1" });
    expect(await started.exited).toBe(0);
    expectInOrder(started.output());
    expect(started.output()).not.toMatch(/curl/);
    // A story: a heading for the PR, none of the App's own label changes echoed back, no empty lists.
    expect(started.output()).toMatch(/^── PR #1: Retrain with more epochs ──$/m);
    expect(started.output()).not.toMatch(/pull_request\.(un)?labeled/);
    expect(started.output()).not.toMatch(/\[\]/);
  }, 90_000);

  it("with credentials runs the real App, which refuses to start without a webhook secret", async () => {
    const started = start({ APP_ID: "1", PRIVATE_KEY_PATH: "/nonexistent.pem", NODE_ENV: "production" });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/WEBHOOK_SECRET is not set/);
    expect(started.output()).not.toMatch(/local GitHub/);
  });
});
