// Model-based: random sequences of what people, GitHub Actions and attackers do to a PR (reviews on
// various commits by approvers, the author, outsiders and the pusher; pushes and force-pushes back;
// training runs, re-runs with new models, failed runs; label edits; dismissals; config and team
// changes; injected API faults), played against the local GitHub with the App over HTTP and the
// Action in-process. After every step a small independent oracle (support/model/oracle.ts) says
// whether the head's candidate is approved, and the invariant is checked: the App never approves a
// deploy, no decision check run is green and the Action's gate never passes when the oracle says
// the candidate is not approved. When no fault was injected, the converse holds too.
//
// Seeded and reproducible: MODEL_SEED=<n> MODEL_SEQUENCES=1 replays one sequence. `npm test` plays
// each file's first 10 seeds, CI (MODEL_SEQUENCES=100) all 200, and `npm run test:soak` new ones for
// MODEL_SOAK_SECONDS (default 300), stopping by itself.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GRAPHQL_ROUTE, type FakeWorkflowRun } from "../../../../src/local-github/index.js";
import { World } from "../world.js";
import { approved } from "./oracle.js";
import { ModelWorld } from "./world.js";

const SOAK_SECONDS = Number(process.env.MODEL_SOAK_SECONDS ?? 0);
const STEPS = countFromEnv("MODEL_STEPS", 6);

/** mulberry32: a small seeded generator, so a failing sequence can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** GET routes a fault may hit; each fails once (the App fails closed; the next event recovers). */
const FAULT_ROUTES = [
  GRAPHQL_ROUTE,
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/actions/runs",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/activity",
];

interface Step {
  what: string;
  fault: boolean;
  run: () => Promise<void>;
}

function nextStep(m: ModelWorld, rand: Rand): Step {
  // alice, the listed approver, acts most; carol is in the listed team, bob is the author, dave is listed only sometimes.
  const user = () => pick(rand, ["alice", "alice", "carol", "bob", "dave"] as const);
  const r = rand();
  const step = (what: string, run: () => void | Promise<void>, fault = false): Step => ({
    what,
    fault,
    run: async () => {
      await run();
    },
  });
  if (r < 0.25) {
    const who = user();
    const state = pick(rand, ["APPROVED", "APPROVED", "CHANGES_REQUESTED", "COMMENTED"] as const);
    const older = rand() < 0.2;
    return step(`${who} ${state}${older ? " on an older commit" : ""}`, () => m.review(who, state, older));
  }
  if (r < 0.45) {
    const accuracy = pick(rand, [0.75, 0.85, 0.95, 0.95]);
    const weights = pick(rand, ["w1", "w2", "w3"]);
    const outcome = rand() < 0.15 ? ("failed" as const) : ("recorded" as const);
    const rerun = rand() < 0.3;
    return step(
      `${rerun ? "re-run" : "run"} training: ${outcome} accuracy ${accuracy} model ${weights}`,
      () => m.train(accuracy, weights, outcome, rerun),
    );
  }
  if (r < 0.55) {
    const pusher = pick(rand, ["bob", "alice"]);
    const guarded = rand() < 0.25;
    // A push usually starts the training workflow, as on: pull_request does.
    const trains = rand() < 0.8;
    const accuracy = pick(rand, [0.85, 0.95]);
    return step(
      `${pusher} pushes${guarded ? " a metrics file" : ""}${trains ? `, training records ${accuracy}` : ""}`,
      async () => {
        m.push(pusher, guarded);
        if (trains) {
          await m.github.idle();
          await m.train(accuracy, "w1", "recorded", false);
        }
      },
    );
  }
  if (r < 0.6) {
    const index = Math.floor(rand() * 10);
    const pusher = pick(rand, ["bob", "alice"]);
    return step(`${pusher} force-pushes back to head #${index}`, () => m.forcePushBack(index, pusher));
  }
  if (r < 0.66) {
    const who = user();
    return step(`dismiss ${who}'s latest review`, () => m.dismissLatest(who));
  }
  if (r < 0.71) {
    const label = pick(rand, ["model-approval: approved", "model-approval: auto-approved"]);
    return step(`eve adds the label ${label}`, () => m.label(label, "eve"));
  }
  if (r < 0.8) {
    const rules = {
      approvers: pick(rand, [["alice"], ["alice", "dave"], ["dave"]]),
      minApprovals: pick(rand, [1, 1, 2]),
      auto: rand() < 0.5,
    };
    return step(`rules change to ${JSON.stringify(rules)}`, () => m.changeRules(rules));
  }
  if (r < 0.86) {
    const member = rand() < 0.5;
    return step(`carol ${member ? "joins" : "leaves"} the team`, () => m.changeTeam(member));
  }
  const route = pick(rand, FAULT_ROUTES);
  const who = user();
  return step(
    `${route} fails once, then ${who} approves`,
    () => {
      m.github.api.fail(route, { status: 502, times: 1 });
      m.review(who, "APPROVED", false);
    },
    true,
  );
}

/** A run attempt's answers so far: an older run answered later must not shift a newer one's count. */
function answerCounts(runs: FakeWorkflowRun[]): Map<string, number> {
  return new Map(runs.map((run) => [attemptKey(run), run.answers.length]));
}

function attemptKey(run: FakeWorkflowRun): string {
  return `${run.id}:${run.runAttempt}`;
}

async function check(
  m: ModelWorld,
  history: string[],
  faulted: boolean,
  answersBefore: Map<string, number>,
): Promise<void> {
  const oracle = m.oracle();
  const expected = approved(oracle);
  const state = m.github.state;
  const head = oracle.head;
  const decision = state
    .repo(m.repo)
    .checkRuns.filter(
      (r) => r.headSha === head && r.name === "model-approval" && r.appSlug !== "github-actions",
    )
    .sort((a, b) => b.id - a.id)[0];
  const green = decision?.status === "completed" && decision.conclusion === "success";
  const runs = state.repo(m.repo).workflowRuns;
  const newAnswers = runs.flatMap((run) =>
    run.answers.slice(answersBefore.get(attemptKey(run)) ?? 0).map((a) => ({ run, a })),
  );
  const gate = await m.gate();
  const facts = JSON.stringify({ ...oracle, guarded: [...oracle.guarded] });
  const where = `\n  facts: ${facts}\n  after: ${history.join("\n         ")}\n  decision: ${decision?.status}/${decision?.conclusion}: ${decision?.summary ?? ""}\n  gate: ${gate.messages.filter((x) => /gate|failed/.test(x)).join(" | ")}`;
  const problems: string[] = [];
  if (!expected) {
    if (green) problems.push("the decision check run is green");
    if (gate.passed) problems.push("the gate passed");
  }
  // A deploy job the App releases is always for the current head's approved candidate.
  for (const { run, a } of newAnswers)
    if (a.state === "approved" && !(run.headSha === head && expected))
      problems.push(`deploy job of run ${run.id} released`);
  if (expected && !faulted) {
    if (!green) problems.push("approved, but the decision check run is not green");
    if (!gate.passed) problems.push("approved, but the gate did not pass");
  }
  if (problems.length > 0)
    throw new Error(
      `oracle says ${expected ? "approved" : "not approved"}, but ${problems.join("; ")}${where}`,
    );
}

async function playSequence(seed: number): Promise<void> {
  const rand = random(seed);
  const m = new ModelWorld(world, { approvers: ["alice"], minApprovals: 1, auto: rand() < 0.5 });
  const history = [`seed ${seed}, auto ${m.facts.rules.auto}`];
  // After a fault the App may have decided `error`; it converges on the next event it receives,
  // not before: until then only safety is checked.
  let recovering = false;
  try {
    await world.github.idle();
    for (let i = 0; i < STEPS; i++) {
      const step = nextStep(m, rand);
      history.push(step.what);
      const answersBefore = answerCounts(world.github.state.repo(m.repo).workflowRuns);
      const deliveriesBefore = world.github.deliveries.length;
      const t0 = Date.now();
      await step.run();
      await world.github.idle();
      const delivered = world.github.deliveries.length > deliveriesBefore;
      recovering = step.fault || (recovering && !delivered);
      // A fault nothing hit in its own step does not linger into the next one.
      for (const route of FAULT_ROUTES) world.github.api.fail(route, { status: 502, times: 0 });
      if (process.env.MODEL_TIMING) process.stdout.write(`${Date.now() - t0} ms ${step.what}\n`);
      await check(m, history, recovering, answersBefore);
    }
    world.github.api.assertNoContractViolations();
    expect(world.github.deliveries.filter((d) => d.status !== 200)).toEqual([]);
  } finally {
    m.close();
  }
}

/**
 * How many of its seeds each file plays unless MODEL_SEQUENCES says: `npm test` is the development
 * loop and plays the first few, at about a second each; CI (.ci/run) plays every file's whole range.
 */
const PLAYED_BY_DEFAULT = 10;

/** A positive whole number from the environment, or a clear error (NaN would play nothing and pass). */
function countFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}=${JSON.stringify(text)}: expected a whole number of at least 1`);
  return value;
}

/**
 * Plays the first of `range`'s seeded sequences (PLAYED_BY_DEFAULT; MODEL_SEED and MODEL_SEQUENCES
 * override: MODEL_SEED=<n> MODEL_SEQUENCES=1 replays one), or with MODEL_SOAK_SECONDS as many as fit.
 */
export function defineModelBasedTests(range: { firstSeed: number; sequences: number }): void {
  const firstSeed = countFromEnv("MODEL_SEED", range.firstSeed);
  const sequences = countFromEnv("MODEL_SEQUENCES", Math.min(PLAYED_BY_DEFAULT, range.sequences));
  beforeAll(async () => {
    world = await World.start();
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });
  describe("the App and the Action never approve what the rules forbid", () => {
    if (SOAK_SECONDS > 0) {
      it(
        `soak: random sequences for ${SOAK_SECONDS} s`,
        async () => {
          const until = Date.now() + SOAK_SECONDS * 1000;
          // Past the seeds CI plays, unless told where to start.
          const start = Number(process.env.MODEL_SEED ?? 10_000);
          let seed = start;
          while (Date.now() < until) await playSequence(seed++);
          process.stdout.write(
            `model-based soak: ${seed - start} sequences of ${STEPS} steps from seed ${start}\n`,
          );
        },
        (SOAK_SECONDS + 120) * 1000,
      );
    } else {
      it(`${sequences} seeded sequences of ${STEPS} steps from seed ${firstSeed}`, async () => {
        for (let seed = firstSeed; seed < firstSeed + sequences; seed++) await playSequence(seed);
      }, 600_000);
    }
  });
}

let world: World;
