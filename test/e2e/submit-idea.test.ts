import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("submit");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const checkAccessibility = expectAccessibleAtWidths;

describe("submitting an idea", () => {
  it("medarbetare fixes an error, submits and sees the receipt naming the owner", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-postadress").fill("medarbetare@idesluss.test");
    await page.getByLabel("Lösenord").fill("idesluss-demo");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("button", { name: "Logga ut" }).waitFor();

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Lämna en idé" }).click();
    await page.getByRole("heading", { name: "Lämna en idé", level: 1 }).waitFor();
    await page.getByLabel(/^Rubrik/).fill("Digital bokning av hemtjänstbesök");
    await page.getByLabel(/^Problemet i dag/).fill("Brukare ringer varje dag för att boka om besök, och handläggarna svarar i telefon.");
    await page.getByLabel("Digital tjänst").check();
    await page.getByLabel("Äldre").check();
    await page.getByRole("group", { name: /Hanterar idén personuppgifter/ }).getByLabel("Ja").check();
    await page.getByRole("group", { name: /känsliga personuppgifter/ }).getByLabel("Nej").check();
    await page.getByLabel(/^Sparade arbetstimmar/).fill("40");
    await page.getByRole("button", { name: "Skicka in" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Det finns fel i formuläret" });
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.innerText()).resolves.toContain("Beskriv ditt förslag till lösning.");
    expect(await page.getByLabel(/^Förslag till lösning/).getAttribute("aria-invalid")).toBe("true");
    await checkAccessibility(page, "submit-idea-errors");

    await page.getByLabel(/^Förslag till lösning/).fill("En e-tjänst där brukaren själv ser och bokar om sina besök.");
    await page.getByRole("button", { name: "Skicka in" }).click();
    await page.getByRole("heading", { name: "Tack! Din idé är inskickad" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/ideas\/[0-9a-f-]{36}\/kvitto$/);
    const receipt = await page.locator("main").innerText();
    expect(receipt).toMatch(/IDE-\d{4}-\d{4}/);
    expect(receipt).toContain("Johan Bergström, Östermalms stadsdelsförvaltning");
    expect(receipt).toContain("Kontaktpersonen går igenom idén och återkopplar");
    await page.getByRole("link", { name: "Lämna en idé till" }).waitFor();
    await checkAccessibility(page, "submit-idea-receipt");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("without JavaScript the server's 400 answer keeps what was typed", async () => {
    const page = await newPage(browser, undefined, { javaScriptEnabled: false });
    // The login form's hidden redirectTo must be in the HTML for this to land on /ideas/new.
    await signInWithPassword(page, app.url, "medarbetare@idesluss.test", "/ideas/new");
    await page.getByRole("heading", { name: "Lämna en idé", level: 1 }).waitFor();
    expect(await page.locator('input[name="submissionKey"]').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    const title = "Utan JavaScript: papperslös reseräkning";
    await page.getByLabel(/^Rubrik/).fill(title);
    await page.getByLabel("Äldre").check();
    await page.getByRole("button", { name: "Skicka in" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Det finns fel i formuläret" });
    await summary.waitFor();
    const errors = await summary.innerText();
    expect(errors).toContain("Beskriv problemet");
    expect(errors).not.toContain("Formuläret är ogiltigt");
    expect(new URL(page.url()).pathname).toBe("/ideas/new");
    expect(await page.getByLabel(/^Rubrik/).inputValue()).toBe(title);
    expect(await page.getByLabel("Äldre").isChecked()).toBe(true);
    const problem = page.getByLabel(/^Problemet i dag/);
    expect(await problem.inputValue()).toBe("");
    // The message also stands beside its field, linked to it, before any script could run.
    expect(await problem.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await problem.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toContain("Beskriv problemet");
    await page.close();
  });
});
