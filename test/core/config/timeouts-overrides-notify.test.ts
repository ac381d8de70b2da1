// The config of issue 14: approval timeouts and escalation, break-glass overriders, and where state
// changes are announced; each bad value is an error located in the file.
import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/core/config/parse.js";
import { formatDuration, parseDuration } from "../../../src/core/config/duration.js";

function approval(stepLines: string[], inputLines: string[] = [], top: string[] = []) {
  return parseConfig(
    [
      ...top,
      "steps:",
      "  - name: approve_model",
      "    type: approval",
      ...stepLines.map((l) => `    ${l}`),
      "    inputs:",
      "      approvers: [alice, acme/leads]",
      ...inputLines.map((l) => `      ${l}`),
    ].join("\n"),
    "c.yml",
  );
}

function firstError(result: ReturnType<typeof parseConfig>) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.diagnostics.find((d) => d.severity === "error");
}

describe("durations", () => {
  it.each([
    ["30m", 30 * 60_000],
    ["72h", 72 * 3_600_000],
    ["3d", 3 * 86_400_000],
    ["1w", 604_800_000],
    ["1d12h", 36 * 3_600_000],
    [" 2h 30m ", 150 * 60_000],
  ])("reads %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["72", "h", "1.5h", "-1h", "3 days", "1y", ""])("refuses %j", (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  it("formats for people", () => {
    expect(formatDuration(72 * 3_600_000)).toBe("3 d");
    expect(formatDuration(36 * 3_600_000)).toBe("1 d 12 h");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
  });
});

describe("an approval step's timeout", () => {
  it("is read with its default outcome, reject", () => {
    const result = approval(["timeout: 72h"]);
    expect(result.ok).toBe(true);
    const step = result.ok ? result.config.steps[0] : undefined;
    expect(step?.type === "approval" && step.timeout).toEqual({
      ms: 72 * 3_600_000,
      text: "72h",
      onTimeout: "reject",
      escalateTo: { users: [], teams: [] },
    });
  });

  it("escalates to the users and teams listed", () => {
    const result = approval(["timeout: 1d", "on_timeout: escalate"], ["escalate_to: [carol, acme/oncall]"]);
    const step = result.ok ? result.config.steps[0] : undefined;
    expect(step?.type === "approval" && step.timeout).toMatchObject({
      onTimeout: "escalate",
      escalateTo: { users: ["carol"], teams: ["acme/oncall"] },
    });
  });

  it("refuses a duration without a unit, at its line", () => {
    const error = firstError(approval(["timeout: 72"]));
    expect(error).toMatchObject({ file: "c.yml", line: 4 });
    expect(`${error?.message} ${error?.hint ?? ""}`).toMatch(/72h|duration|pattern/i);
  });

  it("refuses a timeout under a minute or past GitHub's 30 days", () => {
    expect(firstError(approval(["timeout: 0m"]))?.message).toContain("shorter than a minute");
    expect(firstError(approval(["timeout: 31d"]))?.message).toContain("longer than 30 days");
    // Escalation waits two timeouts.
    expect(
      firstError(approval(["timeout: 16d", "on_timeout: escalate"], ["escalate_to: [carol]"]))?.message,
    ).toContain("twice");
  });

  it("refuses an unknown outcome, naming the allowed ones", () => {
    const error = firstError(approval(["timeout: 1d", "on_timeout: approve"]));
    expect(error).toMatchObject({ line: 5 });
    expect(`${error?.message} ${error?.hint ?? ""}`).toContain("reject");
  });

  it("refuses on_timeout without a timeout, and escalation without escalate_to", () => {
    expect(firstError(approval(["on_timeout: wait"]))?.message).toContain("has no 'timeout'");
    expect(firstError(approval(["timeout: 1d", "on_timeout: escalate"]))?.message).toContain(
      "needs 'escalate_to'",
    );
    expect(firstError(approval(["timeout: 1d"], ["escalate_to: [carol]"]))?.message).toContain(
      "does not escalate",
    );
  });

  it("belongs to approval steps only", () => {
    const result = parseConfig(
      ["steps:", "  - name: t", "    type: training", "    timeout: 1d"].join("\n"),
      "c.yml",
    );
    expect(firstError(result)).toMatchObject({ line: 4 });
  });
});

describe("override_by", () => {
  it("lists users and teams", () => {
    const result = approval([], ["override_by: [dana, acme/sre]"]);
    const step = result.ok ? result.config.steps[0] : undefined;
    expect(step?.type === "approval" && step.overrideBy).toEqual({ users: ["dana"], teams: ["acme/sre"] });
  });

  it("must be a list of logins", () => {
    expect(firstError(approval([], ["override_by: dana"]))).toMatchObject({ line: 6 });
    expect(firstError(approval([], ["override_by: ['not a login']"]))).toMatchObject({ line: 6 });
  });
});

describe("notify", () => {
  it("names destinations, every event by default", () => {
    const result = approval([], [], ["notify:", "  - to: ml-team", "    type: slack"]);
    expect(result.ok && result.config.notify).toMatchObject([
      { to: "ml-team", type: "slack", on: expect.arrayContaining(["pending", "overridden", "deployed"]) },
    ]);
    expect(result.ok && result.config.notify[0]?.on).toHaveLength(7);
  });

  it("refuses a URL in the config: destinations are names", () => {
    const result = approval(
      [],
      [],
      ["notify:", "  - to: https://hooks.slack.com/services/x", "    type: slack"],
    );
    expect(firstError(result)).toMatchObject({ line: 2 });
  });

  it("refuses unknown types, unknown events and a name given twice", () => {
    expect(firstError(approval([], [], ["notify:", "  - to: a", "    type: email"]))).toMatchObject({
      line: 3,
    });
    expect(
      firstError(approval([], [], ["notify:", "  - to: a", "    type: slack", "    on: [merged]"])),
    ).toMatchObject({ line: 4 });
    const twice = approval(
      [],
      [],
      ["notify:", "  - to: a", "    type: slack", "  - to: a", "    type: webhook"],
    );
    expect(firstError(twice)).toMatchObject({ line: 4 });
    expect(firstError(twice)?.message).toContain("listed twice");
  });

  it("refuses a secret or url key beside a destination", () => {
    const result = approval([], [], ["notify:", "  - to: a", "    type: webhook", "    secret: hunter2"]);
    expect(firstError(result)).toMatchObject({ line: 4 });
  });
});
