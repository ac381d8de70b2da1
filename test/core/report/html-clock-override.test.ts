// The details page's part of issue 14: how long an approval has left (the page has the clock, the
// report only the deadline) and a break-glass override, its reason escaped.
import { describe, expect, it } from "@jest/globals";
import { decisionPage } from "../../../src/core/report/html.js";
import { decide } from "../../../src/core/policy/index.js";
import { approvalStep, config, input, pr, TRAIN } from "../policy/build.js";

const RECORDED = "2026-12-01T10:00:00.000Z";

function page(
  decidedAt: string,
  now: string,
  extra: Parameters<typeof input>[1] = {},
  overrideBy: string[] = [],
) {
  const cfg = config([
    TRAIN,
    approvalStep({
      timeout: { ms: 72 * 3_600_000, text: "72h", onTimeout: "reject", escalateTo: { users: [], teams: [] } },
      overrideBy: { users: overrideBy, teams: [] },
    }),
  ]);
  const candidate = { ...input(cfg, { pr: pr(), recordedAt: RECORDED, ...extra }), decidedAt };
  return (overrides: NonNullable<typeof candidate.overrides> = []) =>
    decisionPage({
      repository: "acme/models",
      pr: 7,
      result: decide({ ...candidate, overrides }),
      decidedAt,
      timeline: [],
      now,
    });
}

describe("the details page", () => {
  it("says when the approval's timeout ends and how long is left, as the page is shown", () => {
    const html = page("2026-12-01T11:00:00Z", "2026-12-03T07:00:00Z")();
    expect(html).toContain("The approval&#39;s timeout ends at");
    expect(html).toContain("2026-12-04T10:00:00.000Z");
    expect(html).toContain("1 d 3 h left");
    expect(page("2026-12-01T11:00:00Z", "2026-12-05T00:00:00Z")()).toContain("due now");
  });

  it("shows an override's author and reason, escaped", () => {
    const html = page(
      "2026-12-01T11:00:00Z",
      "2026-12-01T12:00:00Z",
      { pr: pr([], { pushedAt: "2026-12-01T09:00:00Z" }) },
      ["dana"],
    )([
      {
        by: "dana",
        reason: "<img src=x onerror=alert(1)> incident",
        at: "2026-12-01T11:30:00Z",
        source: { kind: "comment", id: 5 },
      },
    ]);
    expect(html).toContain("<h2>Break-glass override</h2>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; incident");
    expect(html).not.toContain("<img src=x");
  });
});
