import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot, signInWithPassword } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("inbox");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signInAsKontaktperson = (page: Page, target: string) =>
  signInWithPassword(page, app.url, "kontaktperson@idesluss.test", target);

describe("the unit inbox", () => {
  it("kontaktperson filters to inskickad, hands an idea over and takes one – axe clean", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await signInAsKontaktperson(page, "/inbox");
    await page.getByRole("heading", { level: 1, name: "Inkorg" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "inbox-1280");

    await page.getByLabel("Steg", { exact: true }).selectOption("inskickad");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/steg=inskickad/);
    const table = page.getByRole("table", { name: "Idéer i inkorgen" });
    await table.waitFor();
    const stages = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(stage).toMatch(/^Inskickad/);

    // Every demo idea is already the kontaktperson's: hand the first over, then take it back from the inbox.
    const title = await table.locator("tbody tr th a").first().innerText();
    await page.getByRole("link", { name: `Hantera: ${title}` }).click();
    await page.getByRole("heading", { level: 1, name: /^Hantera IDE-/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "inbox-manage-1280");
    await page.getByRole("button", { name: "Lämna över" }).click();
    await page.getByRole("alert").filter({ hasText: "Det finns fel som måste rättas" }).waitFor();
    expect(await page.getByLabel("Meddelande till den nya ansvariga").getAttribute("aria-invalid")).toBe("true");
    const select = page.getByLabel("Ny ansvarig");
    const annika = await select.locator("option", { hasText: "Annika Holmberg" }).getAttribute("value");
    await select.selectOption(annika!);
    await page.getByLabel("Meddelande till den nya ansvariga").fill("Styrgruppen bör titta på den här.");
    await page.getByRole("button", { name: "Lämna över" }).click();
    await page.getByText("Idén har lämnats över.").waitFor();

    await page.goto(`${app.url}/inbox?steg=inskickad`);
    await page.getByRole("button", { name: `Ta ärendet: ${title}` }).click();
    await page.getByText("Du är nu ansvarig för idén.").waitFor();
    expect(new URL(page.url()).searchParams.get("steg")).toBe("inskickad");
    expect(await page.getByRole("button", { name: `Ta ärendet: ${title}` }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "inbox-taken-1280");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("without JavaScript kontaktperson hands an idea over, keeping the message after an error", async () => {
    const page = await newPage(browser, undefined, { javaScriptEnabled: false });
    await signInAsKontaktperson(page, "/inbox");
    await page.getByRole("table", { name: "Idéer i inkorgen" }).waitFor();
    await page.getByRole("link", { name: /^Hantera: / }).last().click();
    await page.getByRole("heading", { level: 1, name: /^Hantera IDE-/ }).waitFor();
    const reassign = page.locator("form").filter({ has: page.getByRole("button", { name: "Lämna över" }) });
    expect(await reassign.locator('input[name="intent"]').inputValue()).toBe("reassign");
    expect(await reassign.locator('input[name="version"]').inputValue()).toMatch(/^\d+$/);

    // The server answers 400 (no new owner); what was typed is still there.
    const message = "Utan JavaScript: styrgruppen bör titta på den här.";
    await page.getByLabel("Meddelande till den nya ansvariga").fill(message);
    await page.getByRole("button", { name: "Lämna över" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Det finns fel som måste rättas" });
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain("Välj vem som ska ta över idén.");
    expect(await page.getByLabel("Meddelande till den nya ansvariga").inputValue()).toBe(message);

    const select = page.getByLabel("Ny ansvarig");
    const annika = await select.locator("option", { hasText: "Annika Holmberg" }).getAttribute("value");
    await select.selectOption(annika!);
    await page.getByRole("button", { name: "Lämna över" }).click();
    await page.getByRole("status").getByText("Idén har lämnats över.").waitFor();
    expect(await page.getByText("har ändrats sedan du öppnade den").count()).toBe(0);
    await page.close();
  });

  it("is axe clean at 360 px, inbox and manage page", async () => {
    const page = await newPage(browser, { width: 360, height: 800 });
    await signInAsKontaktperson(page, "/inbox");
    await page.getByRole("table", { name: "Idéer i inkorgen" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "inbox-360");
    await page.getByRole("link", { name: /^Hantera: / }).first().click();
    await page.getByRole("heading", { level: 1, name: /^Hantera IDE-/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "inbox-manage-360");
    await page.close();
  });
});
