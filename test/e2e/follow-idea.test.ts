import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("follow");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signIn = (page: Page, email: string, to: string) => signInWithPassword(page, app.url, email, to);
const checkPage = expectAccessibleAtWidths;

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
