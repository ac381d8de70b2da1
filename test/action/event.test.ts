import { describe, it, expect } from "@jest/globals";
import { readEventContext, subjectOf } from "../../src/action/event.js";

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

  it("takes the default branch from the payload and the review a review event is about", () => {
    const payload = {
      ...pr(),
      repository: { default_branch: "trunk" },
      review: { id: 99 },
      action: "dismissed",
    };
    const event = readEventContext("pull_request_review", payload, "m");
    expect(event).toMatchObject({ defaultBranch: "trunk", review: { id: 99, dismissed: true } });
    expect(subjectOf(event)).toEqual({
      kind: "pull_request",
      number: 7,
      commit: "h".repeat(40),
      event: { headSha: "h".repeat(40), review: { id: 99, dismissed: true } },
    });
  });

  it("outside a PR the subject is the commit, judged by the default branch's rules", () => {
    const event = readEventContext("push", { repository: { default_branch: "main" } }, "abc");
    expect(subjectOf(event)).toEqual({ kind: "commit", sha: "abc", defaultBranch: "main" });
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
