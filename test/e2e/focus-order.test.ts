import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot, signInWithPassword } from "../support/browser";
import {
  expectFocusOrderFollowsLayout, expectTabReachesAllControls, focused, positiveTabIndexes, tabThroughPage,
} from "../support/keyboard";

/*
 * The main forms, walked with Tab from the top of the page to the end: the skip link comes first and moves
 * focus to the main content; every stop is later in the document than the one before, visible, in view and
 * drawn with a focus indicator; no positive tabindex; and every control of the form is reached.
 */
describe.each(journeyDatabases())("focus order and visible focus on the main forms (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "focus-order");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** axe-clean, then the whole page by Tab; `form` is the container whose controls must all be reached. */
  async function checkForm(page: Page, what: string, form: string) {
    expect(await accessibilityViolations(page), `${what}: axe`).toEqual([]);
    expect(await positiveTabIndexes(page), `${what}: positive tabindex`).toEqual([]);
    const stops = await tabThroughPage(page);
    expectFocusOrderFollowsLayout(stops, what);
    await expectTabReachesAllControls(page, form, what);
    await saveScreenshot(page, `focus-order-${what}`);
    return stops;
  }

  /** The first Tab stop is the skip link, drawn in view; Enter moves focus to <main>, and the next Tab into it. */
  async function checkSkipLink(page: Page, what: string) {
    await page.reload();
    await page.keyboard.press("Tab");
    const first = await focused(page);
    expect(first, `${what}: first Tab stop`).toMatchObject({ tag: "a", name: "Hoppa till huvudinnehållet" });
    const box = await page.locator(".skip-link").boundingBox();
    expect(box && box.y >= 0 && box.height > 1, `${what}: the focused skip link is on screen`).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toBe("huvudinnehall");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.getElementById("huvudinnehall")!.contains(document.activeElement)),
      `${what}: Tab after the skip link goes on inside main`).toBe(true);
  }

  it("login: skip link first, then the form in order with visible focus", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await checkSkipLink(page, "login");
    const stops = await checkForm(page, "login", "main form");
    expect(stops[0]!.name).toBe("Hoppa till huvudinnehållet");
    const names = stops.map((s) => s.name);
    expect(names.indexOf("E-postadress")).toBeLessThan(names.indexOf("Lösenord"));
    expect(names.indexOf("Lösenord")).toBeLessThan(names.indexOf("Logga in", names.indexOf("Lösenord")));
    await page.close();
  });

  it("submit idea and settings as medarbetare", async () => {
    const page = await newPage(browser);
    await signInWithPassword(page, app.url, "medarbetare@idesluss.test", "/ideas/new");
    await page.getByRole("heading", { name: "Lämna en idé", level: 1 }).waitFor();
    await checkSkipLink(page, "submit-idea");
    const stops = await checkForm(page, "submit-idea", "form.idea-form");
    const names = stops.map((s) => s.name);
    // The form's own order: the text first, then the choices, the figures, and the buttons last.
    const order = [/^Rubrik/, /^Problemet i dag/, /^Förslag till lösning/, /^Sparade arbetstimmar/, /^Vem äger informationen/, /^Skicka in$/, /^Spara utkast$/];
    const positions = order.map((pattern) => names.findIndex((n) => pattern.test(n)));
    expect(positions.every((p) => p >= 0), `submit-idea stops: ${names.join(" | ")}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // The same page at 360 px: one column, still in order and visible.
    await page.setViewportSize({ width: 360, height: 800 });
    expectFocusOrderFollowsLayout(await tabThroughPage(page), "submit-idea at 360 px");
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${app.url}/installningar`);
    await page.getByRole("heading", { name: "Inställningar", level: 1 }).waitFor();
    await checkForm(page, "settings", "main form");
    await page.close();
  });

  it("assessment, business case and gate decision as kontaktperson", async () => {
    const page = await newPage(browser);
    await signInWithPassword(page, app.url, "kontaktperson@idesluss.test", "/ideas?q=Fuktlarmssensorer");
    const link = page.getByRole("link", { name: /Fuktlarmssensorer i sängar/ }).first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/ideas\/[0-9a-f-]{36}$/);
    expect(await accessibilityViolations(page), "ideas list: axe").toEqual([]);

    await page.goto(`${app.url}${href}/bedomning`);
    await page.getByRole("heading", { level: 1, name: /^Bedömning av IDE-/ }).waitFor();
    await checkForm(page, "assessment", "form:has(fieldset.scorecard__criterion)");

    await page.goto(`${app.url}${href}/nyttokalkyl`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await checkForm(page, "business-case", "form.business-case-editor");

    await page.goto(`${app.url}${href}/beslut`);
    await page.getByRole("heading", { level: 1, name: /^Beslut för IDE-/ }).waitFor();
    const stops = await checkForm(page, "gate-decision", "form.gate-form");
    const names = stops.map((s) => s.name);
    const motivation = names.indexOf("Motivering");
    expect(motivation).toBeGreaterThan(0);
    expect(names.indexOf("Registrera beslutet")).toBeGreaterThan(motivation);
    await page.close();
  });

  it("admin user edit", async () => {
    const page = await newPage(browser);
    await signInWithPassword(page, app.url, "admin@idesluss.test", "/admin/users");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await accessibilityViolations(page), "admin users: axe").toEqual([]);
    const href = await page.locator("table tbody th a[href^='/admin/users/']").first().getAttribute("href");
    await page.goto(`${app.url}${href}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await checkForm(page, "admin-user", "main form:has(input[type=checkbox])");
    await page.close();
  });
});
