import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot, signInWithPassword } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("business-case");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function check(page: Page, name: string) {
  expect(await accessibilityViolations(page), name).toEqual([]);
  await saveScreenshot(page, name);
}

async function openIdea(page: Page, search: string, title: RegExp) {
  await page.goto(`${app.url}/ideas?q=${encodeURIComponent(search)}`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { level: 2, name: "Steg och beslut" }).waitFor();
}

describe("the business case in a browser", () => {
  it("kontaktperson reads the figures and charts, adds a saving line and saves a new version – axe clean", async () => {
    const errors: string[] = [];
    const page = await newPage(browser);
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await signInWithPassword(page, app.url, "kontaktperson@idesluss.test", "/");
    await openIdea(page, "Fuktlarmssensorer", /Fuktlarmssensorer i sängar/);
    await page.getByRole("link", { name: "Nyttokalkyl", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^Nyttokalkyl för IDE-/ }).waitFor();
    // The table alternatives of the charts are in the page (and the charts draw after hydration).
    expect(await page.locator("figure").count()).toBeGreaterThanOrEqual(3);
    await page.locator("figure svg").first().waitFor();
    await check(page, "business-case-1280");
    const npvBefore = await page.getByText("Nettonuvärde", { exact: false }).first().locator("..").innerText();

    await page.getByRole("button", { name: "Lägg till rad" }).click();
    const descriptions = page.getByLabel(/^Rad \d+: Beskrivning$/);
    const last = (await descriptions.count()) - 1;
    const row = Number((await descriptions.nth(last).getAttribute("id"))!.match(/lines-(\d+)-/)![1]) + 1;
    await page.getByLabel(`Rad ${row}: Typ`).selectOption({ label: "Besparing" });
    await descriptions.nth(last).fill("Färre nattliga tillsynsbesök");
    await page.getByLabel(`Rad ${row}: Enhet som bär eller får`).selectOption({ index: 1 });
    const amounts = page.getByLabel(new RegExp(`^Rad ${row}: Belopp \\d{4}$`));
    for (let i = 0; i < (await amounts.count()); i++) await amounts.nth(i).fill("120 000");
    await page.getByRole("button", { name: "Spara ny version" }).click();
    await page.getByRole("status").filter({ hasText: /sparad/i }).waitFor();
    expect(await page.getByText("Färre nattliga tillsynsbesök").count()).toBeGreaterThan(0);
    const npvAfter = await page.getByText("Nettonuvärde", { exact: false }).first().locator("..").innerText();
    expect(npvAfter).not.toBe(npvBefore);
    await page.getByRole("heading", { name: "Versioner" }).waitFor();
    await check(page, "business-case-saved-1280");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the business case and benefits pages are axe clean at 360 px", async () => {
    const page = await newPage(browser, { width: 360, height: 800 });
    await signInWithPassword(page, app.url, "styrgrupp@idesluss.test", "/");
    await openIdea(page, "Chattbot", /Chattbot för frågor om förskola/);
    const ideaPath = new URL(page.url()).pathname;
    await page.goto(`${app.url}${ideaPath}/nyttokalkyl`);
    await page.getByRole("heading", { level: 1, name: /^Nyttokalkyl för IDE-/ }).waitFor();
    await check(page, "business-case-360");
    await page.goto(`${app.url}${ideaPath}/nyttorealisering`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await check(page, "benefits-360");
    await page.close();
  });
});
