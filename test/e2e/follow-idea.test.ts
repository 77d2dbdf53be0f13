import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot } from "../support/browser";

let dataRoot: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), "idesluss-follow-"));
  app = await startApp({ PGLITE_DIR: path.join(dataRoot, "pglite"), DATABASE_URL: "" }, ["--migrate", "--seed-if-empty"]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill("idesluss-demo");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
}

async function checkPage(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    await saveScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("a medarbetare follows ideas", () => {
  it("opens my ideas, comments on an idea, supports another and reads notifications", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await signIn(page, "medarbetare@idesluss.test", "/ideas/mine");
    await page.getByRole("heading", { name: "Mina idéer" }).waitFor();
    await checkPage(page, "ideas-mine");

    // An own submitted idea (not a draft).
    await page.locator("table tbody th a[href^='/ideas/']:not([href$='/redigera'])").first().click();
    await page.getByRole("heading", { name: "Händelser" }).waitFor();
    await page.getByLabel("Din kommentar").fill("Vi kan prova detta i vår grupp redan nästa månad.");
    const send = page.getByRole("button", { name: /Skicka kommentar|Skickar/ });
    const pending = page.getByRole("button", { name: "Skickar …" }).waitFor({ timeout: 5_000 }).then(() => true, () => false);
    await send.click();
    await page.getByText("Din kommentar är publicerad.").waitFor();
    expect(await pending).toBe(true);
    expect(await page.getByLabel("Din kommentar").inputValue()).toBe("");
    await expect(page.locator(".comment__body", { hasText: "Vi kan prova detta" }).count()).resolves.toBe(1);
    await checkPage(page, "idea-page");

    await page.goto(`${app.url}/ideas?q=ansökan`);
    await page.getByRole("heading", { name: "Alla idéer" }).waitFor();
    await checkPage(page, "ideas-all");
    if (existsSync(path.join(import.meta.dirname, "../../app/routes/ideas.$ideaId.stod.tsx"))) {
      await page.locator("table tbody th a").first().click();
      await page.getByRole("button", { name: "Stöd idén" }).click();
      await page.getByText("Du stöder idén").waitFor();
    }

    await page.goto(`${app.url}/notifications`);
    await page.getByRole("heading", { name: "Notiser", level: 1 }).waitFor();
    await checkPage(page, "notifications");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
