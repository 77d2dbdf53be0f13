// Responsive and print: the key pages at 360 px and at 200 % zoom (a 1280 px window zoomed to 200 % is a
// 640×450 CSS-px viewport at device scale 2), and the idea page and agenda under print media.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoDatabaseKind, journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { accessibilityViolations, launchBrowser, saveScreenshot, signInWithPassword } from "../support/browser";

type Role = "medarbetare" | "kontaktperson" | "styrgrupp" | "admin";

const LAYOUTS = [
  { name: "360", viewport: { width: 360, height: 800 }, deviceScaleFactor: 1 },
  { name: "zoom200", viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
] as const;

interface PageCheck {
  name: string;
  role: Role;
  path: (ideaPath: string) => string;
  heading: RegExp;
  primary: (page: Page) => Locator;
}

const PAGES: PageCheck[] = [
  { name: "start", role: "medarbetare", path: () => "/", heading: /idé/i,
    primary: (p) => p.getByRole("main").getByRole("link", { name: "Lämna en idé" }).first() },
  { name: "idea-new", role: "medarbetare", path: () => "/ideas/new", heading: /idé/i,
    primary: (p) => p.getByRole("button", { name: "Skicka in" }) },
  { name: "ideas", role: "medarbetare", path: () => "/ideas", heading: /idéer/i,
    primary: (p) => p.getByRole("main").getByRole("button").first() },
  { name: "idea", role: "medarbetare", path: (idea) => idea, heading: /.+/,
    primary: (p) => p.getByRole("button", { name: "Skicka kommentar" }) },
  { name: "inbox", role: "kontaktperson", path: () => "/inbox", heading: /inkorg/i,
    primary: (p) => p.getByRole("region", { name: /inkorg/i }).or(p.getByRole("main").getByRole("button").first()).first() },
  { name: "portfolio", role: "styrgrupp", path: () => "/portfolio", heading: /portfölj/i,
    primary: (p) => p.getByRole("main").getByRole("link", { name: "Optimera inom budget" }).first() },
  { name: "optimera", role: "styrgrupp", path: () => "/portfolio/optimera", heading: /.+/,
    primary: (p) => p.getByRole("button", { name: "Beräkna" }).first() },
  { name: "agenda", role: "styrgrupp", path: () => "/portfolio/agenda", heading: /dagordning|styrgrupp/i,
    primary: (p) => p.getByRole("button", { name: "Skriv ut" }) },
  { name: "admin-users", role: "admin", path: () => "/admin/users", heading: /administration|användare/i,
    primary: (p) => p.getByRole("main").getByRole("button").first() },
  { name: "installningar", role: "admin", path: () => "/installningar", heading: /inställningar/i,
    primary: (p) => p.getByRole("button", { name: "Spara" }).first() },
];

/** Elements that stick out past the right edge and are not inside a scrolling wrapper of their own. */
function overflowReport(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clippedOrScrolled = (el: Element): boolean => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
      }
      return false;
    };
    const stickingOut: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (clippedOrScrolled(el)) continue;
      const style = getComputedStyle(el);
      if (style.position === "absolute" && rect.width <= 1) continue; // visually hidden text
      if (el.closest(".skip-link")) continue;
      stickingOut.push(`${el.tagName.toLowerCase()}.${String(el.className)} (${Math.round(rect.left)}–${Math.round(rect.right)})`);
    }
    // A wrapper that really scrolls must be reachable by keyboard and named, so it is usable without a mouse.
    const badScrollers = Array.from(document.querySelectorAll<HTMLElement>("main *"))
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => el.tabIndex < 0 || !(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return {
      pageScrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      stickingOut: stickingOut.slice(0, 10),
      badScrollers,
    };
  });
}

async function expectInView(locator: Locator, page: Page, what: string) {
  await locator.scrollIntoViewIfNeeded();
  expect(await locator.isVisible(), `${what} visible`).toBe(true);
  const box = await locator.boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} right edge`).toBeLessThanOrEqual(width + 1);
}

describe.each(journeyDatabases())("responsive pages and print (%s)", (kind: DemoDatabaseKind) => {
  let app: RunningApp;
  let browser: Browser;
  const sessions = new Map<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>();
  let ideaPath = "";

  async function contextFor(role: Role | null, layout: (typeof LAYOUTS)[number], media?: "print") {
    const context = await browser.newContext({
      viewport: layout.viewport, deviceScaleFactor: layout.deviceScaleFactor, locale: "sv-SE",
      storageState: role ? sessions.get(role) : undefined,
    });
    const page = await context.newPage();
    page.once("close", () => { context.close().catch(() => undefined); });
    if (media) await page.emulateMedia({ media });
    return page;
  }

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "responsive");
    browser = await launchBrowser();
    for (const role of ["medarbetare", "kontaktperson", "styrgrupp", "admin"] as const) {
      const context = await browser.newContext({ locale: "sv-SE" });
      const page = await context.newPage();
      await signInWithPassword(page, app.url, `${role}@idesluss.test`);
      if (role === "medarbetare") {
        await page.goto(`${app.url}/ideas`);
        ideaPath = (await page.locator("table.data-table tbody a[href^='/ideas/']").first().getAttribute("href")) ?? "";
      }
      sessions.set(role, await context.storageState());
      await context.close();
    }
    expect(ideaPath).toMatch(/^\/ideas\/[0-9a-f-]{36}$/i);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const layout of LAYOUTS) {
    it(`shows every key page without page-level sideways scrolling at ${layout.name}`, async () => {
      const pages = new Map<Role, Page>();
      try {
        for (const check of PAGES) {
          let page = pages.get(check.role);
          if (!page) {
            page = await contextFor(check.role, layout);
            pages.set(check.role, page);
          }
          const response = await page.goto(`${app.url}${check.path(ideaPath)}`);
          expect(response?.status(), check.name).toBe(200);
          const report = await overflowReport(page);
          expect({ page: check.name, ...report }).toEqual({
            page: check.name, pageScrollWidth: report.innerWidth, innerWidth: report.innerWidth, stickingOut: [], badScrollers: [],
          });
          const heading = page.getByRole("heading", { level: 1 });
          expect(await heading.innerText(), `${check.name} h1`).toMatch(check.heading);
          await expectInView(heading, page, `${check.name} h1`);
          await expectInView(check.primary(page), page, `${check.name} primary action`);
          expect(await accessibilityViolations(page), `${check.name} at ${layout.name}`).toEqual([]);
          await saveScreenshot(page, `responsive-${check.name}-${layout.name}`);
        }
      } finally {
        for (const page of pages.values()) await page.close();
      }
    }, 180_000);
  }

  it("tells a new search with no results what to do, at 360 px", async () => {
    const page = await contextFor("medarbetare", LAYOUTS[0]);
    await page.goto(`${app.url}/ideas?q=${encodeURIComponent("zzzz-ingen-träff-qqq")}`);
    const empty = page.locator(".empty-state");
    expect(await empty.innerText()).toContain("Inga idéer matchar din sökning");
    await expectInView(empty.getByRole("link", { name: "Lämna en idé" }), page, "empty-state action");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("prints the idea page without header, navigation, footer, buttons or forms, nothing clipped", async () => {
    const page = await contextFor("medarbetare", { name: "360", viewport: { width: 800, height: 1100 }, deviceScaleFactor: 1 } as never, "print");
    await page.goto(`${app.url}${ideaPath}`);
    const report = await printReport(page);
    expect(report.visibleChrome).toEqual([]);
    expect(report.headingVisible).toBe(true);
    expect(report.mainTextLength).toBeGreaterThan(200);
    expect(report.clipped).toEqual([]);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    await page.close();
  });

  it("prints the agenda without header, navigation, footer, buttons or forms, nothing clipped", async () => {
    const page = await contextFor("styrgrupp", { name: "print", viewport: { width: 800, height: 1100 }, deviceScaleFactor: 1 } as never, "print");
    await page.goto(`${app.url}/portfolio/agenda`);
    const report = await printReport(page);
    expect(report.visibleChrome).toEqual([]);
    expect(report.headingVisible).toBe(true);
    expect(report.mainTextLength).toBeGreaterThan(200);
    expect(report.clipped).toEqual([]);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});

/** Under print media: which screen-only parts still show, and whether any table or wrapper clips content. */
function printReport(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return style.display !== "none" && style.visibility !== "hidden" && rect.width > 0 && rect.height > 0;
    };
    const chrome = Array.from(document.querySelectorAll("header.site-header, header nav, footer, .skip-link, main button, main form, main input, main select, main textarea"))
      .filter(shown)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`);
    const clipped = Array.from(document.querySelectorAll<HTMLElement>("main *"))
      .filter((el) => shown(el) && el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX))
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`);
    const h1 = document.querySelector("main h1");
    return {
      visibleChrome: chrome,
      headingVisible: !!h1 && shown(h1),
      mainTextLength: (document.querySelector("main") as HTMLElement | null)?.innerText.length ?? 0,
      clipped,
    };
  });
}
