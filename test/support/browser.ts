import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
export const screenshotDir = path.join(root, "test-results", "screenshots");

export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium saknas (${candidate}). Browser tests need Debian's Chromium: ` +
        "run `apt-get update && apt-get install -y --no-install-recommends chromium`, " +
        "or point CHROME_PATH at a Chromium/Chrome binary.",
    );
  }
  return candidate;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
}

/**
 * axe-core against WCAG 2.1 A and AA; returns the violations, so a test can assert there are none.
 * Needs JavaScript in the page: on a page opened with `javaScriptEnabled: false` it never returns.
 */
export async function accessibilityViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * A page in its own context (axe-core needs one; it also keeps cookies apart between tests).
 * `javaScriptEnabled: false` shows the pages as someone without JavaScript (or before hydration) gets them.
 */
export async function newPage(
  browser: Browser, viewport = { width: 1280, height: 900 }, options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "sv-SE", javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  // Closing the page closes its context; the browser may already be closing, which is fine.
  page.once("close", () => { context.close().catch(() => undefined); });
  return page;
}

/** Signs in with a demo account through the login form and waits until the page shows the session. */
export async function signInWithPassword(page: Page, appUrl: string, email: string, redirectTo = "/"): Promise<void> {
  await page.goto(`${appUrl}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill("idesluss-demo");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
}

/** axe-clean at 1280 and 360 px, with a screenshot of each for review; leaves the page at 1280 px. */
export async function expectAccessibleAtWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    await saveScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
