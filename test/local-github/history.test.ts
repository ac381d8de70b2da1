// Commit history as GitHub answers for it: ancestry and merge bases, the three-dot comparison
// (statuses, commits, files from the merge base, the 300-file cap), git blob shas of contents,
// who moved which branch (repository activity), and the PR list.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { DEFAULT_TOKEN, gitBlobSha, startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";

const REPO = "acme/models";
let gh: FakeGitHub;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO);
});
afterEach(async () => {
  try {
    gh.assertNoContractViolations();
  } finally {
    await gh.close();
  }
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are read field by field
type Body = any;

async function get(
  path: string,
  token = DEFAULT_TOKEN,
): Promise<{ status: number; body: Body; link: string }> {
  const response = await fetch(`${gh.url}${path}`, { headers: { authorization: `token ${token}` } });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    link: response.headers.get("link") ?? "",
  };
}

/** main: m1 → m2; feature from m1: f1 → f2; main then moves on to m3. */
function diverged() {
  const { state } = gh;
  const m1 = state.commit(REPO, { branch: "main", files: { "README.md": "v1\n", "config.yml": "a: 1\n" } });
  const m2 = state.commit(REPO, { branch: "main", files: { "config.yml": "a: 2\n" } });
  const f1 = state.commit(REPO, { branch: "feature", parent: m1, files: { "train.py": "print(1)\n" } });
  const f2 = state.commit(REPO, { branch: "feature", files: { "README.md": null, "model.pkl": "w" } });
  const m3 = state.commit(REPO, { branch: "main", files: { "docs.md": "docs\n" } });
  return { m1, m2, m3, f1, f2 };
}

describe("commit ancestry", () => {
  it("records parents: the branch's head, an explicit parent, or a merge's parents", () => {
    const { m1, m2, m3, f1, f2 } = diverged();
    const info = gh.state.repo(REPO).commitInfo;
    expect(info[m1]?.parents).toEqual([]);
    expect(info[m2]?.parents).toEqual([m1]);
    expect(info[f1]?.parents).toEqual([m1]);
    expect(info[f2]?.parents).toEqual([f1]);
    const merge = gh.state.commit(REPO, { branch: "main", parents: [m3, f2] });
    expect(info[merge]?.parents).toEqual([m3, f2]);
    // A merge's files start from its first parent.
    expect(gh.state.repo(REPO).commits[merge]).toEqual(gh.state.repo(REPO).commits[m3]);

    expect(gh.state.isAncestor(REPO, m1, f2)).toBe(true);
    expect(gh.state.isAncestor(REPO, f2, f2)).toBe(true);
    expect(gh.state.isAncestor(REPO, m2, f2)).toBe(false);
    expect(gh.state.isAncestor(REPO, f2, merge)).toBe(true);
    expect(gh.state.isAncestor(REPO, "feature", "main")).toBe(true);
  });

  it("finds the merge base of two branches, also after a merge", () => {
    const { m1, m3, f2 } = diverged();
    expect(gh.state.mergeBase(REPO, "main", "feature")).toBe(m1);
    expect(gh.state.mergeBase(REPO, m3, m1)).toBe(m1);
    const merge = gh.state.commit(REPO, { branch: "main", parents: [m3, f2] });
    const f3 = gh.state.commit(REPO, { branch: "feature", files: { "train.py": "print(3)\n" } });
    expect(gh.state.mergeBase(REPO, merge, f3)).toBe(f2);
    const orphan = gh.state.commit(REPO, { branch: "orphan", files: { x: "1" } });
    expect(gh.state.mergeBase(REPO, orphan, "main")).toBeUndefined();
  });
});

describe("GET /repos/{owner}/{repo}/compare/{basehead}", () => {
  it("says identical, ahead, behind and diverged, as the head stands to the base", async () => {
    const { m1, m2, m3, f1, f2 } = diverged();
    const compare = async (basehead: string) => (await get(`/repos/${REPO}/compare/${basehead}`)).body;

    expect(await compare(`${m2}...${m2}`)).toMatchObject({ status: "identical", ahead_by: 0, behind_by: 0 });
    expect(await compare(`${m1}...main`)).toMatchObject({ status: "ahead", ahead_by: 2, behind_by: 0 });
    expect(await compare(`main...${m1}`)).toMatchObject({ status: "behind", ahead_by: 0, behind_by: 2 });
    const both = await compare("main...feature");
    expect(both).toMatchObject({
      status: "diverged",
      ahead_by: 2,
      behind_by: 2,
      total_commits: 2,
      base_commit: { sha: m3 },
      merge_base_commit: { sha: m1 },
    });
    // The commits reachable from the head and not from the base, oldest first.
    expect(both.commits.map((c: { sha: string }) => c.sha)).toEqual([f1, f2]);
    expect(both.commits[1].parents).toEqual([expect.objectContaining({ sha: f1 })]);
  });

  it("lists the files changed from the merge base to the head, as a PR shows them", async () => {
    const { f2 } = diverged();
    const { body } = await get(`/repos/${REPO}/compare/main...feature`);
    // main's later changes (config.yml, docs.md) are not the PR's.
    expect(body.files).toEqual([
      expect.objectContaining({ filename: "README.md", status: "removed", sha: gitBlobSha("v1\n") }),
      expect.objectContaining({ filename: "model.pkl", status: "added", sha: gitBlobSha("w"), additions: 0 }),
      expect.objectContaining({ filename: "train.py", status: "added", sha: gitBlobSha("print(1)\n") }),
    ]);
    expect(body.files[1].contents_url).toContain(`contents/model.pkl?ref=${f2}`);
  });

  it("takes branch names with slashes and shas, and answers 404 for an unknown ref or unrelated history", async () => {
    const { m1 } = diverged();
    gh.state.commit(REPO, { branch: "users/bob/retrain", parent: m1, files: { "config.yml": "a: 3\n" } });
    const slashed = await get(`/repos/${REPO}/compare/${m1.slice(0, 7)}...users/bob/retrain`);
    expect(slashed.body).toMatchObject({
      status: "ahead",
      files: [{ filename: "config.yml", status: "modified" }],
    });
    expect((await get(`/repos/${REPO}/compare/main...nope`)).status).toBe(404);
    expect((await get(`/repos/${REPO}/compare/main..feature`)).status).toBe(404);
    gh.state.commit(REPO, { branch: "orphan", files: { x: "1" } });
    expect((await get(`/repos/${REPO}/compare/main...orphan`)).body.message).toMatch(/No common ancestor/);
  });

  it("lists at most 300 files", async () => {
    const base = gh.state.commit(REPO, { branch: "main", files: { "README.md": "x" } });
    const many = Object.fromEntries(
      Array.from({ length: 305 }, (_, i) => [`data/${String(i).padStart(3, "0")}.csv`, `${i}`]),
    );
    gh.state.commit(REPO, { branch: "big", parent: base, files: many });
    const { body } = await get(`/repos/${REPO}/compare/main...big`);
    expect(body.files).toHaveLength(300);
    expect(body.files[299].filename).toBe("data/299.csv");
  });
});

describe("contents", () => {
  it("gives the git blob sha of the content in the JSON form", async () => {
    const content = "steps:\n  - name: gate\n";
    gh.state.commit(REPO, { branch: "main", files: { ".github/model-approval.yml": content } });
    const { body } = await get(`/repos/${REPO}/contents/.github/model-approval.yml`);
    const expected = createHash("sha1")
      .update(`blob ${Buffer.byteLength(content)}\0${content}`)
      .digest("hex");
    expect(body.sha).toBe(expected);
    // git hash-object of "hello\n"
    expect(gitBlobSha("hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });
});

describe("GET /repos/{owner}/{repo}/activity", () => {
  it("records who moved which branch, with a force push when the new head does not descend from the old", async () => {
    const m1 = gh.state.commit(REPO, { branch: "main", files: { a: "1" }, pusher: "alice" });
    const f1 = gh.state.commit(REPO, { branch: "feature", parent: m1, files: { b: "1" }, pusher: "bob" });
    const f2 = gh.state.commit(REPO, { branch: "feature", files: { b: "2" }, pusher: "bob" });
    gh.state.updateBranch(REPO, "feature", f1, { pusher: "mallory" });

    const all = await get(`/repos/${REPO}/activity`);
    expect(
      all.body.map((a: { activity_type: string; actor: { login: string } }) => [
        a.activity_type,
        a.actor.login,
      ]),
    ).toEqual([
      ["force_push", "mallory"],
      ["push", "bob"],
      ["branch_creation", "bob"],
      ["branch_creation", "alice"],
    ]);
    expect(all.body[0]).toMatchObject({ before: f2, after: f1, ref: "refs/heads/feature" });
    expect(all.body[3]).toMatchObject({ before: "0".repeat(40), after: m1, ref: "refs/heads/main" });

    const filtered = await get(`/repos/${REPO}/activity?ref=feature&activity_type=force_push`);
    expect(filtered.body).toEqual([expect.objectContaining({ after: f1 })]);
    expect((await get(`/repos/${REPO}/activity?ref=refs/heads/main&actor=alice`)).body).toHaveLength(1);
    expect((await get(`/repos/${REPO}/activity?direction=asc`)).body[0].activity_type).toBe(
      "branch_creation",
    );
  });

  it("pages with before/after cursors in the Link header", async () => {
    for (let i = 0; i < 5; i++) gh.state.commit(REPO, { branch: "main", files: { n: `${i}` } });
    const first = await get(`/repos/${REPO}/activity?per_page=2`);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.link)?.[1] ?? "";
    expect(next).toMatch(/after=/);
    const second = await get(new URL(next).pathname + new URL(next).search);
    expect(second.body.map((a: { id: number }) => a.id)).toEqual(
      gh.state
        .repo(REPO)
        .activities.slice(1, 3)
        .reverse()
        .map((a) => a.id),
    );
    const prev = /<([^>]+)>; rel="prev"/.exec(second.link)?.[1] ?? "";
    const back = await get(new URL(prev).pathname + new URL(prev).search);
    expect(back.body).toEqual(first.body);
  });
});

describe("GET /repos/{owner}/{repo}/pulls", () => {
  it("filters by state, base and head, newest first, and pages", async () => {
    const base = gh.state.commit(REPO, { branch: "main", files: { a: "1" } });
    gh.state.commit(REPO, { branch: "release", parent: base });
    const one = gh.state.addPullRequest(REPO, { author: "bob", headSha: base, headRef: "one" });
    const two = gh.state.addPullRequest(REPO, {
      author: "bob",
      headSha: base,
      headRef: "two",
      baseRef: "release",
    });
    const three = gh.state.addPullRequest(REPO, {
      author: "eve",
      headSha: base,
      headRef: "x",
      headRepo: "eve/models",
    });
    Object.assign(one, { state: "closed" });
    const numbers = async (query: string) =>
      (await get(`/repos/${REPO}/pulls${query}`)).body.map((p: { number: number }) => p.number);
    expect(await numbers("")).toEqual([three.number, two.number]);
    expect(await numbers("?state=all")).toEqual([three.number, two.number, one.number]);
    expect(await numbers("?state=closed")).toEqual([one.number]);
    expect(await numbers("?base=release")).toEqual([two.number]);
    expect(await numbers("?head=eve:x")).toEqual([three.number]);
    expect(await numbers("?head=acme:x")).toEqual([]);
    expect(await numbers("?state=all&direction=asc&per_page=2&page=2")).toEqual([three.number]);
    const listed = (await get(`/repos/${REPO}/pulls`)).body[0];
    expect(listed).toMatchObject({ updated_at: three.updatedAt, created_at: three.createdAt });
  });

  it("bumps updated_at on label changes, reviews and review requests made through the API", async () => {
    const base = gh.state.commit(REPO, { branch: "main", files: { a: "1" } });
    const pull = gh.state.addPullRequest(REPO, { author: "bob", headSha: base });
    const stamps = [pull.updatedAt];
    await fetch(`${gh.url}/repos/${REPO}/issues/${pull.number}/labels`, {
      method: "POST",
      headers: { authorization: `token ${DEFAULT_TOKEN}` },
      body: JSON.stringify({ labels: ["x"] }),
    });
    stamps.push(pull.updatedAt);
    gh.state.addReview(REPO, pull.number, { user: "alice", state: "APPROVED" });
    stamps.push(pull.updatedAt);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
    expect((await get(`/repos/${REPO}/pulls/${pull.number}`)).body.updated_at).toBe(stamps[2]);
  });
});

describe("GET /installation/repositories", () => {
  it("lists the repositories of the App's installation, and refuses other tokens", async () => {
    gh.state.addRepo("acme/other");
    gh.state.apps.set(5, { id: 5, slug: "gate", name: "gate", publicKey: "", installationId: 51 });
    gh.state.addToken("ghs_gate", { login: "gate[bot]", type: "Bot", appSlug: "gate" });
    const listed = await get("/installation/repositories?per_page=1", "ghs_gate");
    expect(listed.body).toMatchObject({ total_count: 2, repositories: [{ full_name: REPO }] });
    expect(listed.link).toMatch(/rel="next"/);
    expect((await get("/installation/repositories", DEFAULT_TOKEN)).status).toBe(403);
  });
});
