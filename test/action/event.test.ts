import { describe, it, expect } from "@jest/globals";
import { readEventContext } from "../../src/action/event.js";

const pr = (over: Record<string, unknown> = {}) => ({
  pull_request: {
    number: 7,
    user: { login: "carol" },
    head: { sha: "h".repeat(40), repo: { full_name: "fork/r" } },
    base: { sha: "b".repeat(40), ref: "main", repo: { full_name: "o/r" } },
    ...over,
  },
});

describe("readEventContext", () => {
  it("takes the PR head, base and author from a pull_request payload", () => {
    expect(readEventContext("pull_request_review", pr(), "merge")).toEqual({
      name: "pull_request_review",
      sha: "h".repeat(40),
      pr: {
        number: 7,
        headSha: "h".repeat(40),
        baseSha: "b".repeat(40),
        baseRef: "main",
        author: "carol",
        fromFork: true,
      },
    });
  });

  it("keeps GitHub's count of changed files, so a truncated file list can be noticed", () => {
    expect(readEventContext("pull_request", pr({ changed_files: 3001 }), "m").pr?.changedFilesCount).toBe(
      3001,
    );
  });

  it("decides about GITHUB_SHA when there is no PR", () => {
    expect(readEventContext("push", { after: "x" }, "abc")).toEqual({ name: "push", sha: "abc" });
    expect(readEventContext("workflow_dispatch", {}, "abc").pr).toBeUndefined();
  });

  it("refuses a PR event without the PR rather than deciding as if there were none", () => {
    expect(() => readEventContext("pull_request", {}, "abc")).toThrow("has no complete pull_request");
    expect(() => readEventContext("pull_request", pr({ base: { ref: "main" } }), "abc")).toThrow("base.sha");
  });
});
