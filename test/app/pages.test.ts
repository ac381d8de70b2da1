// The details pages over HTTP: GitHub sign-in through the local GitHub's OAuth web flow, the
// repository check before anything is shown, and what a page says. test/e2e/pages-browser.test.ts
// plays the same in a real browser.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startPagesWorld, REPO, type PagesWorld } from "./support/pages-world.js";

let world: PagesWorld;
beforeAll(async () => {
  world = await startPagesWorld();
});
afterAll(() => world.close());

/** A browser without a browser: follows redirects by hand, keeping cookies per host. */
class Visitor {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly login: string) {}

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(url: URL, response: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === "") cookies.delete(pair.slice(0, eq));
      else cookies.set(pair.slice(0, eq), value);
    }
    this.jar.set(url.host, cookies);
  }

  async request(href: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(href);
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(url) },
    });
    this.keep(url, response);
    return response;
  }

  /** Follows redirects; on the local GitHub's authorize page, signs in as this visitor. */
  async visit(href: string): Promise<{ response: Response; url: string; body: string }> {
    let url = href;
    let response = await this.request(url);
    for (let hops = 0; hops < 10; hops++) {
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get("location") ?? "", url).href;
        response = await this.request(url);
        continue;
      }
      const body = await response.text();
      if (new URL(url).pathname === "/login/oauth/authorize" && response.status === 200) {
        const fields = Object.fromEntries(
          [...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
            m[1],
            m[2]!.replace(/&amp;/g, "&"),
          ]),
        );
        url = new URL("/login/oauth/authorize", url).href;
        response = await this.request(url, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ ...fields, login: this.login }).toString(),
        });
        continue;
      }
      return { response, url, body };
    }
    throw new Error(`too many redirects from ${href}`);
  }
}

const page = () => `${world.app.url}/pr/${REPO}/${world.pending}`;

describe("the details page of a PR", () => {
  it("sends a visitor who is not signed in to GitHub's sign-in, and back", async () => {
    const alice = new Visitor("alice");
    const first = await alice.request(page());
    expect(first.status).toBe(302);
    const to = new URL(first.headers.get("location") ?? "");
    expect(`${to.origin}${to.pathname}`).toBe(`${world.github.url}/login/oauth/authorize`);
    expect(to.searchParams.get("redirect_uri")).toBe(`${world.app.url}/auth/callback`);
    expect(to.searchParams.get("state")).toMatch(/^[\w-]{32}$/);
    expect(first.headers.get("set-cookie")).toMatch(/^ma_sign_in=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    const { response, url } = await alice.visit(page());
    expect([response.status, url]).toEqual([200, page()]);
  });

  it("shows alice the decision, what would change it, the evidence and the timeline", async () => {
    const { response, body } = await new Visitor("alice").visit(page());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'; style-src 'self'/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toContain("Waiting for approval");
    expect(body).toMatch(/Signed in as <strong>@alice<\/strong>/);
    expect(body).toContain("What would change the outcome");
    expect(body).toContain("accuracy needs +0.03 and a little more (it is 0.87;");
    expect(body).toContain("1 more approving review from @alice (step approve_model)");
    expect(body).toContain(`${world.github.url}/${REPO}/actions/runs/${world.run.id}/attempts/1`);
    expect(body).toMatch(
      new RegExp(
        `<ol class="timeline"><li><time[^>]*>[^<]*</time> pending · PR #${world.pending} at [0-9a-f]{7} · model churn sha256:`,
      ),
    );
  });

  it("shows how the PR's notifications were delivered, a failure's reason escaped", async () => {
    const repositoryId = world.github.state.repo(REPO).id;
    const [latest] = await world.ledger.history({ repositoryId, pr: world.pending, limit: 1 });
    await world.ledger.outbox.enqueue(
      [
        {
          repositoryId,
          recordSequence: latest!.sequence,
          destination: "ml-team",
          pr: world.pending,
          event: "pending",
          deliveryId: "ma_page_test",
          payload: "{}",
        },
      ],
      new Date(),
    );
    await world.ledger.outbox.failed(
      { repositoryId, recordSequence: latest!.sequence, destination: "ml-team" },
      { attempts: 6, error: "answered 404, which is not retried <script>" },
      new Date(),
    );
    const { body } = await new Visitor("alice").visit(page());
    expect(body).toContain("<h2>Notifications</h2>");
    expect(body).toMatch(
      /<td>pending<\/td><td>ml-team<\/td><td><span class="badge fail">failed<\/span> answered 404, which is not retried &lt;script&gt;<\/td><td>6<\/td>/,
    );
  });

  it("shows a signed-in user who cannot read the repository exactly what a missing page shows", async () => {
    const eve = new Visitor("eve");
    const hidden = await eve.visit(page());
    const missing = await eve.visit(`${world.app.url}/pr/${REPO}/999`);
    expect([hidden.response.status, missing.response.status]).toEqual([404, 404]);
    expect(hidden.body).toBe(missing.body);
    expect(hidden.body).not.toContain("churn");
  });

  it("follows an approval: the page says approved, and the timeline shows the release", async () => {
    world.github.review(REPO, world.pending, "alice", "APPROVED", "Ship it.");
    await world.github.idle();
    const { body } = await new Visitor("alice").visit(page());
    expect(body).toContain("<strong>Approved</strong>");
    expect(body).not.toContain("What would change the outcome");
    expect(body).toMatch(
      new RegExp(
        `deploy to production \\(run ${world.run.id}\\): approved · PR #${world.pending} at [0-9a-f]{7} · model churn sha256:[0-9a-f]{12} · approved by alice \\(review \\d+\\)`,
      ),
    );
    // The decision check run links here.
    const check = world.github.state
      .repo(REPO)
      .checkRuns.find((r) => r.name === "model-approval" && r.appSlug === "model-approval");
    expect(check?.detailsUrl).toBe(page());
  });

  it("answers a malformed model name as a missing page, and says where pages are linked from", async () => {
    const alice = new Visitor("alice");
    expect((await alice.visit(`${world.app.url}/model/${REPO}/%E0%A4%A`)).response.status).toBe(404);
    const home = await alice.visit(`${world.app.url}/`);
    expect([home.response.status, home.body.includes("linked from its model-approval check run")]).toEqual([
      200,
      true,
    ]);
  });

  it("shows a model's timeline", async () => {
    const { response, body } = await new Visitor("alice").visit(`${world.app.url}/model/${REPO}/churn`);
    expect(response.status).toBe(200);
    expect(body).toMatch(/Last released: deploy to production/);
  });
});

describe("signing in", () => {
  it("refuses a callback this browser did not start (a forged sign-in link)", async () => {
    const mallory = new Visitor("mallory");
    const response = await mallory.request(`${world.app.url}/auth/callback?code=abc&state=forged`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in was not started here or has expired");
  });

  it("treats an altered session cookie as no session", async () => {
    const alice = new Visitor("alice");
    await alice.visit(page());
    const forged = await fetch(page(), {
      redirect: "manual",
      headers: { cookie: "ma_session=AAAA" + "B".repeat(80) },
    });
    expect(forged.status).toBe(302);
    expect(forged.headers.get("location")).toMatch(/\/login\/oauth\/authorize\?/);
  });

  it("returns only to a page of the App, never to another site", async () => {
    const response = await new Visitor("alice").request(
      `${world.app.url}/login?return_to=https://evil.example/x`,
    );
    const state = new URL(response.headers.get("location") ?? "").searchParams.get("state");
    expect(state).toBeTruthy();
    const { url } = await new Visitor("alice").visit(`${world.app.url}/login?return_to=//evil.example/x`);
    expect(url).toBe(`${world.app.url}/`);
  });

  it("signs out", async () => {
    const alice = new Visitor("alice");
    await alice.visit(page());
    const out = await alice.request(`${world.app.url}/logout`);
    expect(out.status).toBe(200);
    expect((await alice.request(page())).status).toBe(302);
  });
});
