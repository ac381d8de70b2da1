// The third outcome: a change check within noise asks for a human, whatever on_fail says; it never
// auto-approves and never fails silently. And the computed metrics survive the snapshot the App reads.
import { describe, expect, it } from "@jest/globals";
import { decodeSnapshot, encodeSnapshot } from "../../../src/core/candidate/snapshot.js";
import { decide } from "../../../src/core/policy/index.js";
import type { DecisionResult } from "../../../src/core/policy/types.js";
import type { MetricSource } from "../../../src/core/metrics/types.js";
import { approvalStep, config, DEPLOY, input, pr, review, testStep, TRAIN } from "./build.js";
import { binaryTable, evaluated, predictionsSource, spec } from "../predictions/support/tables.js";

const candidate = binaryTable({ rows: 2000, skill: 0.45 });
const baseline = { ...binaryTable({ rows: 2000, skill: 0.4 }), file: "base.csv" };
const result = evaluated(candidate, baseline);
const preds = predictionsSource(result);
const basePreds: MetricSource = { name: "preds", file: "base.csv", format: "predictions", values: {} };
const [lo, hi] = result.cells[0]!.comparison!.difference.log_loss!;
// A margin inside the interval: the data cannot say which side the truth is on.
const straddled = `preds.log_loss <= baseline + ${((lo + hi) / 2).toFixed(6)}`;
const cleared = `preds.log_loss <= baseline + ${(hi + 0.001).toFixed(6)}`;

/** The rules the results were computed under (support/tables.ts's spec, as a config would give it). */
const PREDS_SPEC = { name: "preds", path: "preds.csv", format: "predictions" as const, predictions: spec() };

const statusOf = (r: DecisionResult, name: string) => r.steps.find((s) => s.name === name)?.status;
const run = (checks: string[], onFail: "fail_pipeline" | "warn" | "require_approval", reviews = pr()) =>
  decide(
    input(
      config([TRAIN, testStep(checks, onFail), approvalStep({ autoApproveIf: ["preds.f1 > 0"] }), DEPLOY], {
        metrics: [PREDS_SPEC],
        baseline: [{ ...PREDS_SPEC, path: "base.csv" }],
      }),
      {
        metrics: [preds],
        baseline: [basePreds],
        pr: reviews,
      },
    ),
  );

describe("an inconclusive change check", () => {
  it.each(["fail_pipeline", "warn", "require_approval"] as const)(
    "needs a manual approval under on_fail: %s",
    (onFail) => {
      const decision = run([straddled], onFail);
      expect(statusOf(decision, "accuracy_check")).toBe("needs_approval");
      expect(statusOf(decision, "approve_model")).toBe("pending");
      expect(decision.decision).toBe("pending");
      expect(decision.autoApproved).toBe(false);
      expect(decision.metrics[0]).toMatchObject({
        inconclusive: true,
        passed: false,
        change: { kind: "difference" },
      });
    },
  );

  it("auto-approves once the interval clears the margin", () => {
    const decision = run([cleared], "fail_pipeline");
    expect(statusOf(decision, "accuracy_check")).toBe("passed");
    expect(decision.decision).toBe("approved");
    expect(decision.autoApproved).toBe(true);
  });

  it("is settled by an approving review", () => {
    const decision = run([straddled], "fail_pipeline", pr([review("alice", "APPROVED")]));
    expect(statusOf(decision, "accuracy_check")).toBe("approved");
    expect(decision.decision).toBe("approved");
  });

  it("does not soften a failed check beside it", () => {
    const decision = run([straddled, "preds.f1 > 2"], "fail_pipeline");
    expect(statusOf(decision, "accuracy_check")).toBe("failed");
    expect(decision.decision).toBe("rejected");
  });

  it("cannot be helped by a PR that commits the baseline's predictions: no auto-approval", () => {
    const decision = run([cleared], "fail_pipeline", pr([], { changedFiles: ["train.py", "base.csv"] }));
    expect(statusOf(decision, "accuracy_check")).toBe("passed");
    expect(decision.autoApproved).toBe(false);
    expect(decision.decision).toBe("pending");
    expect(JSON.stringify(decision.steps)).toContain(
      "the pull request changes base.csv, a file the evidence is read from",
    );
  });

  it("reaches the report with every slice", () => {
    const decision = run([straddled], "fail_pipeline");
    expect(decision.predictions).toEqual([{ source: "preds", file: "preds.csv", ...result }]);
  });
});

describe("computed metrics in a snapshot", () => {
  it("round-trip, intervals and paired changes included", () => {
    const snapshot = {
      claims: { repository: "a/b", commit: "c".repeat(40) },
      metrics: [preds],
      baseline: [basePreds],
      metricErrors: {},
      baselineErrors: {},
    };
    const decoded = decodeSnapshot(encodeSnapshot(snapshot));
    expect(decoded).toEqual({ ok: true, snapshot: JSON.parse(JSON.stringify(snapshot)) });
  });

  it("are the only source of a computed source's values, and belong to nothing else", () => {
    const recording = (metrics: MetricSource[]) =>
      decodeSnapshot(
        encodeSnapshot({
          claims: { repository: "a/b", commit: "c" },
          metrics,
          baseline: [],
          metricErrors: {},
          baselineErrors: {},
        }),
      );
    const forged = recording([{ ...preds, values: { ...preds.values, f1: 1 } }]);
    expect(forged.ok && forged.snapshot.metrics[0]!.values.f1).toBe(result.cells[0]!.metrics.f1);
    expect(recording([{ ...preds, format: "json" }])).toEqual({
      ok: false,
      error: expect.stringContaining("carries computed results but is not a candidate's predictions source"),
    });
    const { predictions: _dropped, ...bare } = preds;
    expect(recording([bare])).toEqual({
      ok: false,
      error: expect.stringContaining("a predictions source without its computed results"),
    });
  });

  it("are refused, saying where, when malformed", () => {
    const broken = {
      ...preds,
      // A recording whose interval lost its upper bound (what a hand-edited file might hold).
      predictions: {
        ...result,
        cells: [{ ...result.cells[0]!, intervals: { f1: [1] as unknown as [number, number] } }],
      },
    };
    const text = encodeSnapshot({
      claims: { repository: "a/b", commit: "c" },
      metrics: [broken],
      baseline: [],
      metricErrors: {},
      baselineErrors: {},
    });
    expect(decodeSnapshot(text)).toEqual({
      ok: false,
      error: expect.stringContaining("metrics[0].predictions.cells[0].intervals.f1 is not an interval"),
    });
  });
});

describe("a recording computed under other settings than the rules now give", () => {
  it("is unreadable evidence, naming what changed", () => {
    const cfg = config([TRAIN, testStep(["preds.f1 > 0"])], {
      metrics: [
        {
          name: "preds",
          path: "preds.csv",
          format: "predictions",
          predictions: { ...spec(), minSliceCount: 500 },
        },
      ],
    });
    const decision = decide(input(cfg, { metrics: [preds], baseline: [] }));
    expect(decision.decision).toBe("error");
    expect(decision.summary).toContain(
      "preds.csv: computed with min_slice_count 100 (the rules now say 500): a training run under the current rules must compute it again",
    );
    const same = config([TRAIN, testStep(["preds.f1 > 0"])], {
      metrics: [{ name: "preds", path: "preds.csv", format: "predictions", predictions: spec() }],
    });
    expect(decide(input(same, { metrics: [preds], baseline: [] })).decision).toBe("approved");
  });
});
