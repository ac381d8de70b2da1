// What a person's token may ask: who am I, and may I read this repository. A public repository is
// readable by anyone signed in; a private one by its owner, its collaborators and the Apps
// installed on it (every App registered with the local GitHub is installed everywhere). GitHub
// answers 404, not 403, for a private repository the token may not see, so its existence is not told.
import { HttpError } from "./http-error.js";
import { repository, user } from "./representations.js";
import { lower, type FakeIdentity, type FakeRepo } from "./state.js";
import type { Handler } from "./routes.js";

export function canRead(identity: FakeIdentity, repo: FakeRepo): boolean {
  if (!repo.private || identity.appSlug) return true;
  const login = identity.login.toLowerCase();
  return (
    login === repo.owner.toLowerCase() || (repo.collaborators ?? []).some((c) => c.toLowerCase() === login)
  );
}

export const userRoutes: Record<string, Handler> = {
  "GET /repos/{owner}/{repo}": (ctx) => {
    const fullName = `${ctx.params.owner}/${ctx.params.repo}`;
    const repo = ctx.state.repos.get(lower(fullName));
    if (!repo || !canRead(ctx.identity, repo)) throw new HttpError(404, "Not Found");
    return { status: 200, body: repository(`${repo.owner}/${repo.name}`, repo) };
  },

  // Newest first, filtered by predicate type; a bundle's signatures are not modelled.
  "GET /repos/{owner}/{repo}/attestations/{subject_digest}": (ctx) => {
    const repo = ctx.state.repos.get(lower(`${ctx.params.owner}/${ctx.params.repo}`));
    if (!repo || !canRead(ctx.identity, repo)) throw new HttpError(404, "Not Found");
    const digest = (ctx.params.subject_digest ?? "").toLowerCase();
    const type = ctx.query.get("predicate_type");
    const found = repo.attestations
      .filter((a) => a.digests.includes(digest) && (type === null || a.predicateType === type))
      .reverse();
    return {
      status: 200,
      items: found.map((a) => ({
        repository_id: repo.id,
        bundle: {
          mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
          verificationMaterial: {},
          dsseEnvelope: {
            payload: Buffer.from(JSON.stringify(a.statement)).toString("base64"),
            payloadType: "application/vnd.in-toto+json",
            signatures: [],
          },
        },
      })),
      key: "attestations",
    };
  },

  "GET /user": (ctx) => {
    if (ctx.identity.appSlug) throw new HttpError(403, "Resource not accessible by integration");
    return { status: 200, body: user(ctx.identity.login, ctx.identity.type) };
  },
};
