// An answer's headers read as Node's own Headers reads them, for the raw headers a server sends.
import { describe, expect, it } from "@jest/globals";
import { AnswerHeaders } from "../../src/github/answer-headers.js";

/** Raw headers as Node's http client gives them (rawHeaders): repeated, mixed case, cookies. */
const RAW = (
  [
    ["Content-Type", "application/json; charset=utf-8"],
    ["ETag", 'W/"abc"'],
    ["Link", '<https://api.github.com/x?page=2>; rel="next"'],
    ["link", '<https://api.github.com/x?page=9>; rel="last"'],
    ["Set-Cookie", "a=1; Path=/"],
    ["X-GitHub-Request-Id", "  C0DE:1234  "],
    ["set-cookie", "b=2, c=3"],
    ["Content-Encoding", "gzip"],
  ] as const
).flat();

function nodeHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

describe("AnswerHeaders", () => {
  it("reads as Node's Headers: names in order, repeats joined, cookies apart, values trimmed", () => {
    const ours = new AnswerHeaders(RAW);
    const theirs = nodeHeaders(RAW);
    expect([...ours]).toEqual([...theirs]);
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect([...ours.values()]).toEqual([...theirs.values()]);
    for (const name of ["link", "LINK", "set-cookie", "x-github-request-id", "etag", "missing"]) {
      expect([name, ours.get(name), ours.has(name)]).toEqual([name, theirs.get(name), theirs.has(name)]);
    }
    expect(ours.getSetCookie()).toEqual(theirs.getSetCookie());
    const seen: string[] = [];
    ours.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual([...theirs].map(([key, value]) => `${key}=${value}`));
  });

  it("is changed as Node's Headers is", () => {
    const ours = new AnswerHeaders(RAW);
    const theirs = nodeHeaders(RAW);
    for (const headers of [ours, theirs]) {
      headers.set("ETag", '"new"');
      headers.delete("Link");
      headers.delete("set-cookie");
      headers.append("Vary", "Accept");
    }
    expect([...ours]).toEqual([...theirs]);
    expect(ours.getSetCookie()).toEqual([]);
    // A copy made from it is Node's own Headers, as the conditional reads make one.
    expect([...new Headers(ours)]).toEqual([...theirs]);
  });
});
