// The details pages in a real browser (Debian's chromium, driven by playwright-core) against the App
// and the local GitHub on loopback: signing in through GitHub's authorize page, a pending PR, the
// same PR once approved and deployed, a phone-sized screen, and a signed-in user without access who
// sees nothing. Screenshots are kept in test-artifacts/pages/ for people to look at.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startPagesWorld, REPO, type PagesWorld } from "../app/support/pages-world.js";

const SCREENSHOTS = resolve("test-artifacts/pages");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function chromiumPath(): string {
  const given = process.env.CHROMIUM_PATH;
  const found = given ? [given] : CHROMIUM.filter((p) => existsSync(p));
  if (!found[0] || !existsSync(found[0]))
    throw new Error(
      "no Chromium for the browser tests: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH",
    );
  return found[0];
}

let world: PagesWorld;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  world = await startPagesWorld();
  // As root (CI containers) Chromium needs its sandbox off; nothing but loopback pages is loaded.
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const pageUrl = () => `${world.app.url}/pr/${REPO}/${world.pending}`;

/** A fresh browser profile signed in to the local GitHub as `login` through the App's sign-in. */
async function signedIn(login: string, url: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(url);
  // GitHub's authorize page (the local GitHub's asks who to sign in as).
  expect(new URL(page.url()).pathname).toBe("/login/oauth/authorize");
  await page.getByLabel("Sign in to the local GitHub as").fill(login);
  await page.getByRole("button", { name: /Authorize/ }).click();
  await page.waitForLoadState("load");
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

describe("the details page in a browser", () => {
  it("signs alice in through GitHub and shows the pending decision, what would change it, and the evidence", async () => {
    const page = await signedIn("alice", pageUrl());
    expect(page.url()).toBe(pageUrl());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      `${REPO}#${world.pending}`,
    );
    await expect(page.locator(".decision").textContent()).resolves.toMatch(/^Waiting for approval — /);
    await expect(
      page.getByRole("heading", { name: "What would change the outcome" }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByText("1 more approving review from @alice (step approve_model)").isVisible(),
    ).resolves.toBe(true);
    const run = page.getByRole("link", { name: new RegExp(`workflow run ${world.run.id}`) });
    await expect(run.getAttribute("href")).resolves.toBe(
      `${world.github.url}/${REPO}/actions/runs/${world.run.id}/attempts/1`,
    );
    // The stylesheet loaded under the page's Content-Security-Policy, and nothing was refused.
    // (Evaluated in the page, which has a DOM; these tests' TypeScript does not.)
    await expect(
      page.evaluate("getComputedStyle(document.querySelector('.decision')).borderLeftStyle"),
    ).resolves.toBe("solid");
    expect(problemsOf(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "pending.png"), fullPage: true });
    await page.context().close();
  });

  it("shows the approval and the deploy it released, readable on a phone", async () => {
    world.github.review(REPO, world.pending, "alice", "APPROVED", "Looks good.");
    await world.github.idle();
    const page = await signedIn("alice", pageUrl(), { width: 390, height: 844 });
    await expect(page.locator(".decision").textContent()).resolves.toMatch(/^Approved — /);
    await expect(page.locator("ol.timeline li").first().textContent()).resolves.toMatch(
      /deploy to production \(run \d+\): approved · .* approved by alice \(review \d+\)/,
    );
    // No sideways scrolling on a phone-sized screen.
    const [scrollWidth, innerWidth] = (await page.evaluate(
      "[document.documentElement.scrollWidth, window.innerWidth]",
    )) as number[];
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
    await page.screenshot({ path: join(SCREENSHOTS, "approved-phone.png"), fullPage: true });
    // The model's own page, one link away.
    await page.getByRole("link", { name: "churn", exact: true }).click();
    await expect(page.locator("main").textContent()).resolves.toMatch(/Last released: deploy to production/);
    await page.screenshot({ path: join(SCREENSHOTS, "model.png"), fullPage: true });
    await page.context().close();
  });

  it("shows a signed-in user who cannot read the repository nothing of it", async () => {
    const page = await signedIn("eve", pageUrl());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Not found");
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/churn|alice|approved|accuracy/i);
    await page.screenshot({ path: join(SCREENSHOTS, "no-access.png"), fullPage: true });
    await page.context().close();
  });
});
