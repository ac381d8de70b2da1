import { describe, expect, it } from "@jest/globals";
import { configErrorResult, decide } from "../../../src/core/policy/index.js";
import {
  COMMENT_MARKER,
  renderCheckRunOutput,
  renderJsonReport,
  renderMarkdown,
  renderMermaid,
  renderText,
} from "../../../src/core/report/index.js";
import {
  approvalStep,
  config,
  DEPLOY,
  input,
  OLD,
  pr,
  review,
  source,
  testStep,
  TRAIN,
} from "../policy/build.js";

const model = { name: "fraud-detector", digest: "0123456789abcdef".repeat(4), artifacts: [] };
const cfg = config(
  [
    TRAIN,
    testStep(["accuracy >= 0.8", "f1 >= baseline - 0.01"]),
    approvalStep({ users: ["alice", "bob"], teams: ["org/leads"], autoApproveIf: ["accuracy > 0.95"] }),
    DEPLOY,
  ],
  { baseline: [{ name: "eval", path: "base.json" }] },
);
const baseline = [source({ accuracy: 0.9, f1: 0.79 }, "eval", "base.json")];

const pending = decide(input(cfg, { baseline, model, pr: pr([review("eve", "APPROVED")]) }));
const approved = decide(
  input(cfg, {
    baseline,
    model,
    pr: pr([review("alice", "APPROVED"), review("bob", "APPROVED", { commit: OLD })]),
  }),
);
const rejected = decide(
  input(cfg, { baseline, model, metrics: [source({ accuracy: 0.5, f1: 0.9 })], pr: pr() }),
);

describe("markdown", () => {
  it("starts with the sticky comment marker and a title naming the decision", () => {
    const md = renderMarkdown(pending);
    expect(md.split("\n")[0]).toBe(COMMENT_MARKER);
    expect(md).toMatch(/^## model-approval: PENDING$/m);
    expect(renderMarkdown(approved)).toMatch(/^## model-approval: APPROVED$/m);
    expect(renderMarkdown(rejected)).toMatch(/^## model-approval: REJECTED$/m);
  });

  it("has a metrics table row per condition with value, result and change vs baseline", () => {
    const md = renderMarkdown(pending);
    expect(md).toContain("| Metric | Value | Condition | Result | Change vs baseline |");
    expect(md).toMatch(
      /\| accuracy \| 0\.93 \| `accuracy >= 0\.8` \(accuracy_check\) \| ✓ pass \| \+0\.03 \(baseline 0\.9\) \|/,
    );
    expect(md).toMatch(
      /\| f1 \| 0\.8 \| `f1 >= baseline - 0\.01` \(accuracy_check\) \| ✓ pass \| \+0\.01 \(baseline 0\.79\) \|/,
    );
    expect(md).toMatch(/\| accuracy \| 0\.93 \| `accuracy > 0\.95` \(approve_model\) \| – not met/);
  });

  it("shows each step's status and mentions the approvers still needed", () => {
    const md = renderMarkdown(pending);
    expect(md).toMatch(/\| approve_model \| approval \| … pending \|/);
    expect(md).toMatch(/\| deploy \| deploy \| … blocked \|/);
    expect(md).toContain("### Still needed");
    expect(md).toContain("@alice, @bob, @org/leads");
    expect(md).toMatch(/eve APPROVED on `aaaaaaa`: not a listed approver/);
  });

  it("says who approved which commit and model digest, and mentions nobody once approved", () => {
    const md = renderMarkdown(approved);
    expect(md).toContain("- alice approved commit `aaaaaaa` (model `sha256:0123456789ab`) — approve_model");
    expect(md).toMatch(
      /bob APPROVED on `bbbbbbb` \(model `sha256:0123456789ab`\): on bbbbbbb, not the candidate/,
    );
    expect(md).not.toContain("### Still needed");
    expect(md).not.toContain("@alice");
  });

  it("includes a mermaid flowchart with status classes", () => {
    const md = renderMarkdown(rejected);
    expect(md).toContain("```mermaid\nflowchart LR");
    expect(md).toMatch(/s1\["accuracy_check<br\/>failed"\]:::bad/);
    expect(md).toMatch(/s0\["train_model<br\/>passed"\]:::ok/);
    expect(md).toMatch(/s3\["deploy<br\/>rejected"\]:::bad/);
    expect(md).toMatch(/classDef bad fill:/);
  });

  it("lists config diagnostics on error", () => {
    const md = renderMarkdown(
      configErrorResult([
        {
          file: ".github/model-approval.yml",
          line: 7,
          column: 18,
          severity: "error",
          message: "approvers must be a list",
          hint: "e.g. ['bob']",
        },
      ]),
    );
    expect(md).toMatch(/^## model-approval: ERROR$/m);
    expect(md).toContain(".github/model-approval.yml:7:18: error: approvers must be a list");
    expect(md).not.toContain("```mermaid");
  });

  it("stays under the size limit by cutting tables, with a note", () => {
    const checks = Array.from({ length: 3000 }, (_, i) => `m${i} >= 0.5`);
    const values = Object.fromEntries(checks.map((_, i) => [`m${i}`, 0.75]));
    const big = decide(input(config([testStep(checks)]), { metrics: [source(values)] }));
    const md = renderMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(/…and \d+ more metric rows/);
    expect(md).toContain("| m0 | 0.75 |");
    expect(renderMarkdown(big, { maxLength: 2000 }).length).toBeLessThanOrEqual(2000);
  });

  it("escapes pipes in table cells", () => {
    const odd = decide(input(config([testStep(["`a|b` >= 1"])]), { metrics: [source({ "a|b": 2 })] }));
    expect(renderMarkdown(odd)).toContain("| \\`a\\|b\\` | 2 |");
  });

  it("keeps text from metrics files inert: no mentions, HTML, links or code-span breakouts", () => {
    const key = "x` @my-org/ml-leads <img src=https://e.vil/p.png> [click](https://e.vil) `y";
    const cfg = config([testStep(["accuracy >= 0.8"])]);
    const md = renderMarkdown(decide(input(cfg, { metrics: [source({ [key]: 1 })] })));
    expect(md).toContain("available");
    expect(md).not.toContain("@my-org");
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/(^|[^\\])\[click/m);
    expect(md).toContain("@\u200bmy-org/ml-leads \\<img src=https://e.vil/p.png\\>");
  });
});

describe("mermaid", () => {
  it("has one node per step, edges in order, and a class per status", () => {
    const chart = renderMermaid(approved);
    expect(chart.split("\n").filter((l) => / s\d+\[/.test(l))).toHaveLength(4);
    expect(chart).toContain("s2 --> s3");
    expect(chart).toMatch(/s2\["approve_model<br\/>approved"\]:::ok/);
  });
  it("escapes quotes in step names", () => {
    const chart = renderMermaid({
      ...approved,
      steps: [{ name: 'x"y', type: "training", status: "passed", reasons: [] }],
    });
    expect(chart).toContain('s0["x#34;y<br/>passed"]');
  });
});

describe("text", () => {
  it("prints the decision, metrics and the reasons tree", () => {
    const text = renderText(pending);
    expect(text.split("\n")[0]).toMatch(/^model-approval: PENDING — approve_model needs 1 more approval/);
    expect(text).toMatch(/pass {4}accuracy >= 0\.8 {2}value 0\.93/);
    expect(text).toMatch(/… approve_model \(approval\): pending/);
    expect(text).toMatch(/ {6}- eve APPROVED on aaaaaaa: not counted — not a listed approver/);
    expect(text).toContain("waiting for: alice, bob, org/leads");
  });
});

describe("json", () => {
  it("has the documented shape", () => {
    const json = JSON.parse(renderJsonReport(rejected));
    expect(Object.keys(json).slice(0, 2)).toEqual(["schemaVersion", "decision"]);
    expect(json).toMatchObject({ schemaVersion: 1, decision: "rejected", failPipeline: true, pr: 7 });
    expect(json.steps[1]).toMatchObject({ name: "accuracy_check", type: "test", status: "failed" });
    expect(
      json.steps[1].reasons.some(
        (r: { kind: string; outcome: string }) => r.kind === "check" && r.outcome === "fail",
      ),
    ).toBe(true);
    expect(json.metrics[0]).toMatchObject({ metric: "accuracy", value: 0.5, threshold: 0.8, passed: false });
  });
  it("writes non-finite numbers as strings", () => {
    const odd = { ...approved, metrics: [{ ...approved.metrics[0]!, baseline: Number.NaN }] };
    expect(JSON.parse(renderJsonReport(odd)).metrics[0].baseline).toBe("NaN");
  });
});

describe("check run output", () => {
  it("respects GitHub's limits", () => {
    const long = { ...pending, summary: "x".repeat(1000) };
    const out = renderCheckRunOutput(long);
    expect(out.title.length).toBeLessThanOrEqual(255);
    expect(out.title.startsWith("PENDING: x")).toBe(true);
    expect(out.summary.length).toBeLessThanOrEqual(65_535);
    expect(out.text!.length).toBeLessThanOrEqual(65_535);
    expect(out.text).not.toContain(COMMENT_MARKER);
    expect(out.summary).toContain("@alice");
  });
});
