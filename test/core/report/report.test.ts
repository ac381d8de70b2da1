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
  HEAD,
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

  it("has a metrics table row per condition with value, result, change vs baseline and direction", () => {
    const md = renderMarkdown(pending);
    expect(md).toContain("| Metric | Value | Condition | Result | Change vs baseline |");
    expect(md).toContain(
      "| accuracy ↑ | 0.93 | `accuracy >= 0.8` (accuracy_check) | ✓ pass | +0.03 (baseline 0.9) |",
    );
    // A bound computed from the baseline is shown: it is not in the condition.
    expect(md).toContain(
      "| f1 ↑ | 0.8 | `f1 >= baseline - 0.01` (accuracy_check) | ✓ pass (\\>= 0.78) | +0.01 (baseline 0.79) |",
    );
    expect(md).toContain("<sub>↑ higher is better, as the conditions say.</sub>");
  });

  it("an auto_approve_if threshold not met reads 'auto-approval not reached', not a failure", () => {
    const md = renderMarkdown(pending);
    expect(md).toContain(
      "| accuracy ↑ | 0.93 | `accuracy > 0.95` (approve_model) | – auto-approval not reached | +0.03 (baseline 0.9) |",
    );
    expect(md).not.toMatch(/accuracy > 0\.95.*fail/);
    expect(md).toContain("  - auto-approval not reached: `accuracy > 0.95`");
  });

  it("says which way is better only where the condition says, both ways", () => {
    const cfg2 = config([testStep(["latency < 120", "accuracy >= 0.8", "classes == 3"])]);
    const md = renderMarkdown(
      decide(input(cfg2, { metrics: [source({ latency: 100, accuracy: 0.9, classes: 3 })] })),
    );
    expect(md).toContain("| latency ↓ | 100 |");
    expect(md).toContain("| accuracy ↑ | 0.9 |");
    expect(md).toContain("| classes | 3 |");
    expect(md).toContain("<sub>↑ higher is better, ↓ lower is better, as the conditions say.</sub>");
  });

  describe("a bound computed in decimal (f1 >= baseline - 0.05, baseline 0.52)", () => {
    const gate = config([testStep(["f1 >= baseline - 0.05"])], {
      baseline: [{ name: "eval", path: "base.json" }],
    });
    const against = (f1: number) =>
      decide(
        input(gate, { metrics: [source({ f1 })], baseline: [source({ f1: 0.52 }, "eval", "base.json")] }),
      );

    it("f1 0.47 passes, showing the 0.47 it needed", () => {
      const result = against(0.47);
      expect(result.decision).toBe("approved");
      expect(renderMarkdown(result)).toContain(
        "| f1 ↑ | 0.47 | `f1 >= baseline - 0.05` (accuracy_check) | ✓ pass (\\>= 0.47) | -0.05 (baseline 0.52) |",
      );
    });

    it("f1 0.469 fails, saying it needs >= 0.47", () => {
      const result = against(0.469);
      expect(result.decision).toBe("rejected");
      expect(result.summary).toBe(
        "accuracy_check failed: f1 = 0.469 fails: needs >= 0.47, from baseline 0.52",
      );
      expect(renderMarkdown(result)).toContain(
        "| f1 ↑ | 0.469 | `f1 >= baseline - 0.05` (accuracy_check) | ✗ fail: needs \\>= 0.47 | -0.051 (baseline 0.52) |",
      );
      expect(renderText(result)).toContain(
        "  FAIL        f1 >= baseline - 0.05  value 0.469  needs >= 0.47  change -0.051 (baseline 0.52)  [accuracy_check]",
      );
    });
  });

  it("says what is still needed once, first, with the approvers @-mentioned there only", () => {
    const md = renderMarkdown(pending);
    const lines = md.split("\n");
    expect(lines.slice(1, 6)).toEqual([
      "## model-approval: PENDING",
      "",
      "### Still needed",
      "",
      "- **approve_model**: 1 more approving review on `aaaaaaa` (0 of 1 so far), from @alice, @bob or @org/leads",
    ]);
    expect(md.match(/1 more/g)).toHaveLength(1);
    expect(md.match(/0 of 1/g)).toHaveLength(1);
    expect(md.match(/@alice/g)).toHaveLength(1);
    // The one-line summary says the same: not repeated above the list.
    expect(md).not.toContain(`> ${pending.summary}`);
    expect(md).toContain("| approve_model | approval | … pending | see Still needed |");
    expect(md).toContain(
      "| deploy | deploy | … blocked | blocked until approve_model (pending) is resolved |",
    );
    expect(md).toMatch(/eve APPROVED on `aaaaaaa`: not a listed approver/);
  });

  it("has no boilerplate row for a training step that passed", () => {
    for (const result of [pending, approved, rejected]) {
      expect(renderMarkdown(result)).not.toMatch(/^\| train_model \|/m);
      expect(renderText(result)).not.toContain("judges its outputs");
    }
  });

  it("says who approved which commit and model digest, and mentions nobody once approved", () => {
    const md = renderMarkdown(approved);
    expect(md).toContain("> approve_model approved by alice on aaaaaaa");
    expect(md).toContain("- alice approved commit `aaaaaaa` (model `sha256:0123456789ab`) — approve_model");
    expect(md).toContain("| approve_model | approval | ✓ approved | 1 of 1 approvals (see Reviews) |");
    expect(md).toMatch(
      /bob APPROVED on `bbbbbbb` \(model `sha256:0123456789ab`\): on bbbbbbb, not the candidate/,
    );
    expect(md).not.toContain("### Still needed");
    expect(md).not.toContain("@alice");
  });

  it("after a rejection the deploy row says rejected", () => {
    const md = renderMarkdown(rejected);
    expect(md).toContain(
      "| deploy | deploy | ✗ rejected | rejected: accuracy_check failed; the deploy to production does not proceed |",
    );
    expect(md).not.toMatch(/\| deploy \|.*(blocked|pending|waiting)/);
  });

  it("quotes the objection of a reviewer who requested changes, inert and short", () => {
    const body =
      "## Not yet\n@my-org/ml-leads see <img src=x onerror=alert(1)> [this](https://e.vil) and " +
      "![pic](https://e.vil/p.png), #12, www.e.vil, &#64;bob, <b>bold</b> `code` *em* " +
      "x".repeat(400);
    const objected = decide(
      input(cfg, { baseline, model, pr: pr([{ ...review("alice", "CHANGES_REQUESTED"), body }]) }),
    );
    const md = renderMarkdown(objected);
    expect(md).toContain(
      "- alice requested changes on commit `aaaaaaa` (model `sha256:0123456789ab`) — approve_model",
    );
    const quote = md.split("\n").find((l) => l.startsWith("  > "))!;
    expect(quote).toMatch(/^ {2}> \\#\u200b\\#\u200b Not yet @\u200bmy\\-org\/ml\\-leads see \\<img/);
    // Nothing in it can ping, link, embed or mark up: every markup character is escaped.
    expect(quote.slice("  > ".length)).not.toMatch(/(^|[^\\])[[\]()<>`*_#!&]/);
    expect(quote).not.toMatch(/@[a-z]/);
    expect(quote).not.toContain("https://");
    expect(quote).not.toContain("www.");
    expect(quote.endsWith("…")).toBe(true);
    expect([...quote.replace(/\\|\u200b/g, "")].length).toBeLessThan(300);
    expect(md).toContain("| deploy | deploy | ✗ rejected |");
    // The JSON keeps what the reviewer wrote (the first 1000 characters), for programs.
    const json = JSON.parse(renderJsonReport(objected));
    const approver = json.steps[2].reasons[0].children[0];
    expect(approver.data.body).toBe(body.slice(0, 1000));
  });

  it("an approval's text is not quoted", () => {
    const praised = decide(
      input(cfg, { baseline, model, pr: pr([{ ...review("alice", "APPROVED"), body: "LGTM @bob" }]) }),
    );
    expect(renderMarkdown(praised)).not.toContain("LGTM");
  });

  it("does not @-mention a team whose membership cannot be read, and says why and what to do", () => {
    const why =
      "team membership is not readable with the workflow's token, so its members' reviews do not count: install the model-approval App, list the approvers by login, or pass a github-token that can read the organization's teams (read:org)";
    const result = decide(input(cfg, { baseline, model, pr: pr(), unreadableTeams: { "org/leads": why } }));
    expect(result.pendingApprovers).toEqual(["alice", "bob"]);
    const md = renderMarkdown(result);
    expect(md).not.toContain("@org/leads");
    expect(md).toContain(
      "- **approve_model**: 1 more approving review on `aaaaaaa` (0 of 1 so far), from @alice or @bob",
    );
    expect(md).toContain(`  - org/leads cannot approve here: ${why}`);

    const onlyTeam = config([approvalStep({ users: [], teams: ["org/leads"] })]);
    const stuck = decide(input(onlyTeam, { pr: pr(), unreadableTeams: { "org/leads": why } }));
    expect(stuck.summary).toBe(
      "approve_model needs 1 more approval(s), and none of its listed approvers can give one here",
    );
    const stuckMd = renderMarkdown(stuck);
    expect(stuckMd).toContain(
      "- **approve_model**: 1 more approving review on `aaaaaaa` (0 of 1 so far): none of the listed approvers can give one here",
    );
    expect(stuckMd).not.toContain("@org");
    expect(renderCheckRunOutput(stuck).summary).not.toContain("@org");
  });

  it("shows every number the metrics files hold, collapsed, beside the baseline", () => {
    const md = renderMarkdown(pending);
    expect(md).toContain("<details><summary>All metrics the files hold (2)</summary>");
    expect(md).toContain("| Metric | Value | Baseline | Change |");
    expect(md).toContain("| f1 | 0.8 | 0.79 | +0.01 |");
    const many = decide(
      input(config([testStep(["accuracy >= 0.8"])]), {
        metrics: [
          source({ accuracy: 0.9, report: { "macro avg": { "f1-score": 0.7 } }, note: "text", ok: true }),
          source({ loss: 0.2 }, "train", "metrics/train.json"),
        ],
      }),
    );
    const all = renderMarkdown(many);
    expect(all).toContain("| Source | Metric | Value |");
    expect(all).toContain("| eval | report.\\`macro avg\\`.\\`f1-score\\` | 0.7 |");
    expect(all).toContain("| train | loss | 0.2 |");
    expect(all).not.toContain("| note |");
  });

  describe("where things came from, with links on a GitHub server", () => {
    const run = { id: 123, attempt: 2, workflow: ".github/workflows/train.yml", event: "pull_request" };
    const BASE_SHA = "c".repeat(40);
    const linkedResult = (serverUrl?: string) => {
      const measured = input(cfg, {
        model,
        pr: pr(),
        baseline: [
          {
            ...source({ accuracy: 0.9, f1: 0.79 }, "eval", "metrics/eval.json"),
            at: { ref: "main", commit: BASE_SHA },
          },
        ],
      });
      return decide({
        ...measured,
        ...(serverUrl ? { serverUrl } : {}),
        evidence:
          measured.evidence.kind === "present"
            ? { ...measured.evidence, origin: { kind: "recorded", run, artifact: { id: 9, name: "snap" } } }
            : measured.evidence,
      });
    };

    it("links the training run, the metrics file at the commit and the baseline at its commit", () => {
      const md = renderMarkdown(linkedResult("https://github.com"));
      const repo = "https://github.com/acme/models";
      expect(md).toContain(
        `**Evidence** [training run 123 (attempt 2)](${repo}/actions/runs/123/attempts/2) of .github/workflows/train.yml on pull_request`,
      );
      expect(md).toContain(`**Metrics** eval: [metrics/eval.json](${repo}/blob/${HEAD}/metrics/eval.json)`);
      expect(md).toContain(
        `**Baseline** eval: [metrics/eval.json](${repo}/blob/${BASE_SHA}/metrics/eval.json) at main ([\`ccccccc\`](${repo}/commit/${BASE_SHA}))`,
      );
      expect(md).toContain(`**Commit** [\`aaaaaaa\`](${repo}/commit/${HEAD})`);
      const json = JSON.parse(renderJsonReport(linkedResult("https://github.com")));
      expect(json.candidate).toMatchObject({
        serverUrl: "https://github.com",
        sources: [
          { kind: "metrics", name: "eval", file: "metrics/eval.json" },
          { kind: "baseline", name: "eval", file: "metrics/eval.json", ref: "main", commit: BASE_SHA },
        ],
      });
    });

    it("without a server, or with one that is not a plain address, says the same without links", () => {
      for (const server of [undefined, "javascript:alert(1)", "https://x.example/a b"]) {
        const md = renderMarkdown(linkedResult(server));
        expect(md).toContain("**Baseline** eval: metrics/eval.json at main (`ccccccc`)");
        expect(md).not.toMatch(/\]\(/);
      }
    });
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
    expect(md).toMatch(/…and \d+ more \(see the JSON report\)/);
    expect(md).toContain("| m0 ↑ | 0.75 |");
    expect(renderMarkdown(big, { maxLength: 2000 }).length).toBeLessThanOrEqual(2000);
  });

  it("escapes pipes in table cells", () => {
    const odd = decide(input(config([testStep(["`a|b` >= 1"])]), { metrics: [source({ "a|b": 2 })] }));
    expect(renderMarkdown(odd)).toContain("| \\`a\\|b\\` ↑ | 2 |");
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

describe("markdown: what a reader said about a source", () => {
  it("names the part of the file read, next to the file (a trainer_state.json entry, a cut event file)", () => {
    const chosen = {
      ...source({ eval_accuracy: 0.93, eval_f1: 0.8 }, "eval", "out/trainer_state.json"),
      note: "best checkpoint out/checkpoint-8280: log_history entry at step 8280, epoch 8",
    };
    const md = renderMarkdown(decide(input(cfg, { metrics: [chosen], baseline, model, pr: pr() })));
    const line = md.split("\n").find((l) => l.startsWith("**Metrics**"))!;
    expect(line).toContain(
      "out/trainer_state.json (best checkpoint out/checkpoint-8280: log_history entry at step 8280, epoch 8)",
    );
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
    expect(text).toContain(
      "  pass        accuracy >= 0.8  value 0.93  change +0.03 (baseline 0.9)  [accuracy_check]",
    );
    expect(text).toContain(
      "  not reached accuracy > 0.95  value 0.93  change +0.03 (baseline 0.9)  [approve_model]",
    );
    expect(text).toContain("    … auto-approval not reached: a manual approval is needed");
    expect(text).toContain(
      "      - accuracy > 0.95: accuracy = 0.93: auto-approval not reached, needs > 0.95",
    );
    expect(text).toMatch(/… approve_model \(approval\): pending/);
    expect(text).toMatch(/ {6}- eve APPROVED on aaaaaaa: not counted — not a listed approver/);
    expect(text).toContain("waiting for: alice, bob, org/leads");
    // Plain text: no Markdown markup.
    expect(text).not.toMatch(/\*\*|`|\]\(|^#+ |<sub>|\| ---/m);
  });

  it("quotes an objection on one line, as written", () => {
    const objected = decide(
      input(cfg, {
        pr: pr([{ ...review("alice", "CHANGES_REQUESTED"), body: "Please\n\nre-run **eval**" }]),
      }),
    );
    expect(renderText(objected)).toContain('        "Please re-run **eval**"');
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

describe("markdown tables", () => {
  it("keep a condition with a | in one cell: GitHub would split the row at it", () => {
    const condition = 'drift.metrics[metric_id="share|count"].value < 0.5';
    const result = decide(
      input(config([TRAIN, testStep([condition]), DEPLOY]), {
        metrics: [source({ drift: { metrics: [{ metric_id: "share|count", value: 0.1 }] } })],
        pr: pr(),
      }),
    );
    const row = renderMarkdown(result)
      .split("\n")
      .find((line) => line.startsWith("|") && line.includes("share"));
    expect(row).toContain('`drift.metrics[metric_id="share\\|count"].value < 0.5`');
    // Five cells: six pipes that are not escaped.
    expect(row!.replace(/\\\|/g, "").split("|")).toHaveLength(7);
  });
});
