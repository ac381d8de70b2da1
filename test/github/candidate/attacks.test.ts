// Attacks on the collector, through in-memory ports: what is downloaded and which workflows may
// record evidence by default.
import { describe, expect, it } from "@jest/globals";
import { collectCandidate, decisionFor, type Collected } from "../../../src/github/candidate/index.js";
import { CONFIG_PATH } from "../../../src/core/names.js";
import { WORKFLOW, artifact, ports, run, world, type World } from "./ports.js";

const OPTIONS = { configPath: CONFIG_PATH, sleep: async () => undefined };

async function decided(w: World, calls: string[] = []) {
  const collected = await collectCandidate(ports(w, calls), { kind: "pull_request", number: 7 }, OPTIONS);
  return decisionFor(collected as Exclude<Collected, { kind: "no-config" }>);
}

describe("huge inputs", () => {
  it("a snapshot artifact GitHub says is far over the cap is never downloaded", async () => {
    // A training run (the PR's own code runs in it, a fork's too) uploads a 20 GB artifact under
    // the snapshot's name. readArtifactFile buffers the whole zip before checking its size.
    const w = world({ artifacts: { 100: [artifact({ sizeInBytes: 20 * 1024 ** 3 })] } });
    const calls: string[] = [];
    await decided(w, calls);
    expect(calls).not.toContain("download 5001");
  });
});

describe("which workflows record evidence by default", () => {
  it("a run of a CI workflow on the default branch that is not the training workflow is not evidence", async () => {
    // ci.yml runs the PR's test code (not a protected path); that code can upload an artifact to
    // its own run under the snapshot's name. By default every workflow file on main is trusted.
    const ci = ".github/workflows/ci.yml";
    const w = world({
      runs: [run({ workflow: ci })],
      changed: { known: true, files: ["tests/test_model.py"], complete: true },
    });
    w.files["refs/heads/main"]![ci] = "on: pull_request";
    expect((await decided(w)).decision).not.toBe("approved");
  });

  it("a newer run of another default-branch workflow without a snapshot does not hide the training run's", async () => {
    const w = world({
      runs: [run({ id: 101, workflow: ".github/workflows/lint.yml" }), run()],
    });
    w.files["refs/heads/main"]![".github/workflows/lint.yml"] = "on: pull_request";
    w.changed = { known: true, files: ["README.md"], complete: true };
    // The training run 100 recorded 0.95 (auto-approve); lint's run 101 recorded nothing.
    expect(WORKFLOW).toBe(".github/workflows/train.yml");
    expect((await decided(w)).decision).toBe("approved");
  });
});
