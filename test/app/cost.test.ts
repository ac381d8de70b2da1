// What one event costs in API calls: reads that can be skipped are, the PR and its reviews (which
// change together) are one GraphQL query, which also brings what the App's own writes change (its
// check run, its comment), reads of what has not changed are conditional (a 304 costs no rate
// limit), and writes happen on change.
import { describe, expect, it } from "@jest/globals";
import { GRAPHQL_ROUTE } from "../../src/local-github/index.js";
import { CONFIG, harnessPerTest, type Harness } from "./support/harness.js";
import { prEvent, review } from "./support/events.js";

const harness = harnessPerTest();

function routes(harness: Harness): string[] {
  // The artifact's zip comes from a short-lived blob URL outside the API.
  return harness.gh.requests
    .map((r) => r.route ?? `${r.method} ${r.path.replace(/^\/_blobs\/.*/, "/_blobs/{blob}")}`)
    .sort();
}

/** The requests that count against the primary rate limit: authenticated, and not answered 304. */
function counted(harness: Harness): string[] {
  return harness.gh.requests.filter((r) => r.rateLimited).map((r) => r.route ?? `${r.method} ${r.path}`);
}

/**
 * The candidate's reads: the PR and its reviews with the default branch's rules and the PRs from
 * the PR's head (one query), the commit's files and pusher, and the training run's recording.
 */
const CANDIDATE_READS = [
  GRAPHQL_ROUTE,
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/activity",
  "GET /repos/{owner}/{repo}/actions/runs",
  // is the run's workflow file on the default branch, and does it use the Action?
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
];

/**
 * The candidate's reads for a commit the App has already decided: the comparison of two commits
 * named by sha never changes, so it is kept and not asked again.
 */
const REREAD_CANDIDATE_READS = CANDIDATE_READS.filter(
  (route) => route !== "GET /repos/{owner}/{repo}/compare/{basehead}",
);

/** The first time the training run's recording is read: its artifact's zip, behind a redirect. */
const ARTIFACT_DOWNLOAD = [
  "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
  "GET /_blobs/{blob}",
];

const WITHOUT_TEAMS_OR_DEPLOY = (): string =>
  CONFIG.replace("approvers: [alice, acme/ml-leads]", "approvers: [alice]").replace(
    / {2}- name: deploy[\s\S]*$/,
    "",
  );

describe("API calls per event", () => {
  it("an opened PR: every read is new, the artifact is downloaded once", async () => {
    const h = await harness({ config: WITHOUT_TEAMS_OR_DEPLOY() });
    await h.deliver(...prEvent(h, "opened"));
    expect(routes(h)).toEqual(
      [
        ...CANDIDATE_READS,
        ...ARTIFACT_DOWNLOAD,
        // the decision check run, created (the query says the head has none)
        "POST /repos/{owner}/{repo}/check-runs",
        // the state label (labels came with the PR)
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        // review requests to the approvers not yet asked (the PR's read says who is asked)
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
        // the sticky comment, created (the query says the PR has none)
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      ].sort(),
    );
    // Blob storage is outside the API and its rate limit.
    expect(counted(h)).toHaveLength(routes(h).length - 1);
  });

  it("an approving review with a deploy job waiting: the unchanged reads cost nothing", async () => {
    const h = await harness({ waitingOn: ["production"] });
    await h.deliver(...prEvent(h, "opened"));
    h.gh.clearRequests();
    await h.deliver(...review(h, "alice", "APPROVED"));
    expect(routes(h)).toEqual(
      [
        ...REREAD_CANDIDATE_READS,
        "GET /orgs/{org}/teams/{team_slug}/members",
        // approved: the waiting deploy job (waiting in the commit's runs as the candidate listed
        // them) and its environments
        "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
        // it may be released: the PR's head and reviews read again, with the open PRs' heads (is
        // the commit the head of other open PRs, whose decisions it carries too?); then released
        GRAPHQL_ROUTE,
        "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
        // the decision check run, as the re-read found it, updated to the approval
        "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
        // the label swap (labels came with the PR)
        "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        // the sticky comment, as the re-read found it, edited in place
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      ].sort(),
    );
    // The deploy is answered right after the re-read that confirms it, nothing read between
    // them, and before the writes.
    const order = h.gh.requests.map((r) => r.route);
    const reread = order.lastIndexOf(GRAPHQL_ROUTE);
    expect(order.slice(reread - 1, reread + 2)).toEqual([
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
      GRAPHQL_ROUTE,
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
    ]);
    // Unchanged since the opened PR's event, answered 304: the commit's pusher, the team, the
    // training run, its workflow file and artifacts (its files were kept: not asked again).
    expect(counted(h).sort()).toEqual(
      [
        // the PR and its reviews (and the PRs from its head): a query, never conditional
        GRAPHQL_ROUTE,
        // the PR and its reviews again, with the open PRs' heads, just before the deploy is answered
        GRAPHQL_ROUTE,
        // read for the first time
        "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
        // the writes
        "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
        "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
        "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
      ].sort(),
    );
  });

  it("a review event that changes nothing, redelivered: one request against the rate limit, the query", async () => {
    const h = await harness({ config: WITHOUT_TEAMS_OR_DEPLOY() });
    const event = review(h, "mallory", "APPROVED");
    // The first delivery writes the check run, label and comment; the second finds them as wanted.
    await h.deliver(...event);
    await h.deliver(...event);
    h.gh.clearRequests();
    await h.deliver(...event);
    expect(routes(h)).toEqual(
      [
        ...REREAD_CANDIDATE_READS,
        // the check run: the decision is not an approval, so what it shows is read from GitHub now
        "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
      ].sort(),
    );
    expect(h.gh.writes()).toEqual([]);
    // A GraphQL query cannot be conditional: it is the one request counted; every REST read is a 304.
    expect(counted(h)).toEqual([GRAPHQL_ROUTE]);
    expect(h.gh.requests.filter((r) => r.route !== GRAPHQL_ROUTE).every((r) => r.status === 304)).toBe(true);
  });

  it("a new review that changes no decision: one read, and the report that names it", async () => {
    const h = await harness({ config: WITHOUT_TEAMS_OR_DEPLOY() });
    const first = review(h, "mallory", "APPROVED");
    await h.deliver(...first);
    await h.deliver(...first);
    h.gh.clearRequests();
    await h.deliver(...review(h, "mallory", "COMMENTED"));
    expect(counted(h).sort()).toEqual(
      [
        // the PR and its reviews; nothing else was sent again
        GRAPHQL_ROUTE,
        // the report lists each review and why it does not count
        "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      ].sort(),
    );
  });
});
