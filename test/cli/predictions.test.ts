// `model-approval evaluate` on predictions files: the computed metrics, the inconclusive outcome's
// exit code, the report's slices, and a baseline that does not pair.
import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { cli } from "./support.js";

/** A deterministic generator for the files' data. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Candidate and baseline predictions on the same 2,000 examples; the candidate separates better. */
function workspace(checks: string[], baselineRows = 2000): string {
  const dir = mkdtempSync(join(tmpdir(), "ma-cli-predictions-"));
  mkdirSync(join(dir, ".github"));
  const random = lcg(3);
  const cand = ["id,y,p,region"];
  const base = ["id,y,p,region"];
  for (let i = 0; i < 2000; i++) {
    const y = random() < 0.4 ? 1 : 0;
    const region = ["north", "south", "east"][i % 3];
    cand.push(`e${i},${y},${(y * 0.45 + random() * 0.55).toFixed(6)},${region}`);
    if (i < baselineRows) base.push(`e${i},${y},${(y * 0.3 + random() * 0.7).toFixed(6)},${region}`);
  }
  writeFileSync(join(dir, "cand.csv"), cand.join("\n") + "\n");
  writeFileSync(join(dir, "base.csv"), base.join("\n") + "\n");
  writeFileSync(
    join(dir, ".github/model-approval.yml"),
    `metrics:
  preds: { path: cand.csv, format: predictions, task: binary, label: y, score: p, id: id, slices: [region], bootstrap: { resamples: 200 } }
baseline:
  preds: { path: base.csv, format: predictions }
steps:
  - name: quality
    type: test
    inputs:
      checks:
${checks.map((c) => `        - ${JSON.stringify(c)}`).join("\n")}
  - name: approve
    type: approval
    inputs:
      approvers: [alice]
      auto_approve_if: [preds.accuracy > 0]
`,
  );
  return dir;
}

describe("evaluate with predictions", () => {
  it("approves when the paired interval clears the margin (exit 0), showing intervals and slices", async () => {
    const dir = workspace(["preds.roc_auc >= baseline", "every slice of preds by region: f1 >= 0.5"]);
    const { code, stdout } = await cli(["evaluate", "--format", "json"], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.decision).toBe("approved");
    expect(report.metrics[0]).toMatchObject({ passed: true, change: { kind: "difference", margin: 0 } });
    expect(report.metrics[0].change.interval[0]).toBeGreaterThan(0);
    expect(report.predictions[0]).toMatchObject({
      source: "preds",
      rows: 2000,
      paired: { file: "base.csv" },
    });
    expect(
      report.predictions[0].cells.map((c: { slice?: { value: string } }) => c.slice?.value ?? "all"),
    ).toEqual(["all", "north", "south", "east"]);
    const text = await cli(["evaluate"], dir);
    expect(text.stdout).toContain(
      "computed from predictions: preds (cand.csv): 2000 examples, binary, threshold 0.5",
    );
  });

  it("asks for a human when the change is within noise (exit 3), never auto-approving", async () => {
    const first = JSON.parse(
      (await cli(["evaluate", "--format", "json"], workspace(["preds.roc_auc >= baseline"]))).stdout,
    );
    const [lo, hi] = first.metrics[0].change.interval as [number, number];
    const margin = ((lo + hi) / 2).toFixed(6);
    const dir = workspace([`preds.roc_auc >= baseline + ${margin}`]);
    const { code, stdout } = await cli(["evaluate", "--format", "json"], dir);
    expect(code).toBe(3);
    const report = JSON.parse(stdout);
    expect(report.autoApproved).toBe(false);
    expect(report.steps[0].status).toBe("needs_approval");
    expect(report.metrics[0]).toMatchObject({ inconclusive: true, passed: false });
    const markdown = await cli(["evaluate", "--format", "markdown"], dir);
    expect(markdown.stdout).toContain("◐ inconclusive: a human decides");
    expect(markdown.stdout).toContain("Computed from predictions: preds (cand.csv)");
  });

  it("makes a baseline on other examples an input error, saying how they differ (exit 2)", async () => {
    const dir = workspace(["preds.roc_auc >= baseline"], 1990);
    const { code, stdout, stderr } = await cli(["evaluate", "--format", "json"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "predictions on different examples (10 ids only in the candidate's, 0 only in the baseline's)",
    );
    const report = JSON.parse(stdout);
    expect(report.decision).toBe("error");
    expect(report.metrics[0]).toMatchObject({
      passed: false,
      reason: expect.stringContaining("cannot be used"),
    });
  });

  it("reports a malformed predictions file as an input error (exit 2), naming the line", async () => {
    const dir = workspace(["preds.f1 >= 0.5"]);
    writeFileSync(join(dir, "cand.csv"), "id,y,p,region\ne1,1,0.7,north\ne2,1,high,south\n");
    const { code, stdout } = await cli(["evaluate"], dir);
    expect(code).toBe(2);
    expect(stdout).toContain("cand.csv:3: column 'p'");
  });
});

describe("resampling on threads (the bundled CLI)", () => {
  it("gives exactly the intervals one thread gives", async () => {
    const dir = workspace(["preds.roc_auc >= baseline"]);
    const inProcess = JSON.parse((await cli(["evaluate", "--format", "json"], dir)).stdout);
    const bundled = spawnSync(process.execPath, [resolve("dist/cli.js"), "evaluate", "--format", "json"], {
      cwd: dir,
      env: { PATH: process.env.PATH, MODEL_APPROVAL_WORKERS: "3" },
      encoding: "utf8",
    });
    expect(bundled.stderr).toBe("");
    expect(JSON.parse(bundled.stdout).predictions).toEqual(inProcess.predictions);
  });
});

describe("starting the CLI's bundle", () => {
  it("does not load the predictions readers and the bootstrap: they are a chunk, imported for a predictions source", () => {
    const main = readFileSync("dist/cli.js", "utf8");
    const chunk = /import\("\.\/(chunks\/sources-[A-Z0-9]+\.js)"\)/.exec(main)?.[1];
    expect(chunk).toBeDefined();
    expect(main).not.toContain("function readPredictionsFile");
    expect(readFileSync(`dist/${chunk}`, "utf8")).toContain("function readPredictionsFile");
  });
});
