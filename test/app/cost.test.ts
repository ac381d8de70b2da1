// What one review event costs in API calls: reads that can be skipped are, writes happen on change.
import { describe, expect, it } from "@jest/globals";
import { CONFIG, harnessPerTest, type Harness } from "./support/harness.js";
import { prEvent, review } from "./support/events.js";

const harness = harnessPerTest();

function routes(harness: Harness): string[] {
  // The artifact's zip comes from a short-lived blob URL outside the API.
  return harness.gh.requests
    .map((r) => r.route ?? `${r.method} ${r.path.replace(/^\/_blobs\/.*/, "/_blobs/{blob}")}`)
    .sort();
}

/** The candidate's reads: the PR, the default branch's rules, the commit's files and pusher, the reviews, and the training run's recording. */
const CANDIDATE_READS = [
  "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/activity",
  "GET /repos/{owner}/{repo}/actions/runs",
  // is the run's workflow file on the default branch, and does it use the Action?
  "GET /repos/{owner}/{repo}/contents/{path}",
  // did a PR from the run's head into another base start it?
  "GET /repos/{owner}/{repo}/pulls",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
  "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
  "GET /_blobs/{blob}",
];

describe("API calls per review event", () => {
  it("an approving review with a deploy job waiting", async () => {
    const h = await harness({ waitingOn: ["production"] });
    await h.deliver(...prEvent(h, "opened"));
    h.gh.clearRequests();
    await h.deliver(...review(h, "alice", "APPROVED"));
    const calls = routes(h);
    expect(calls).toEqual(
      [
        ...CANDIDATE_READS,
        "GET /orgs/{org}/teams/{team_slug}/members",
        // approved: is the commit the head of other open PRs, whose decisions it carries too?
        "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
        // the decision check run: found, then updated
        "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
        "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
        // the label swap (labels came with the PR)
        "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        // the sticky comment, edited in place
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
        // the waiting deploy job, approved once the PR's head and reviews are re-read
        "GET /repos/{owner}/{repo}/actions/runs",
        "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
        "GET /repos/{owner}/{repo}/pulls/{pull_number}",
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
      ].sort(),
    );
  });

  it("without teams or deploy steps, when nothing changed: reads only", async () => {
    const config = CONFIG.replace("approvers: [alice, acme/ml-leads]", "approvers: [alice]").replace(
      / {2}- name: deploy[\s\S]*$/,
      "",
    );
    const h = await harness({ config });
    const event = review(h, "mallory", "APPROVED");
    await h.deliver(...event);
    h.gh.clearRequests();
    await h.deliver(...event);
    expect(routes(h)).toEqual(
      [
        ...CANDIDATE_READS,
        "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      ].sort(),
    );
  });
});
