import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, runScript, startApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot } from "../support/browser";

let dataRoot: string;
let env: Record<string, string>;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), "idesluss-e2e-"));
  env = { PGLITE_DIR: path.join(dataRoot, "pglite"), DATABASE_URL: "" };
  const migrated = await runScript("db/migrate.ts", ["--seed-if-empty"], env);
  expect(migrated.stderr).toBe("");
  expect(migrated.code).toBe(0);
  expect(migrated.stdout).toContain("Demodata inläst");
  app = await startApp(env);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

describe("the app on embedded PGlite", () => {
  it("logs which database it uses and answers /healthz after a real query", async () => {
    expect(app.output()).toContain("Databas: inbyggd PostgreSQL (PGlite)");
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
  });

  it("serves a Swedish, accessible start page that offers 'Lämna en idé'", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await expect(page.locator("h1").innerText()).resolves.toContain("idé");
    const submit = page.getByRole("main").getByRole("link", { name: "Lämna en idé" });
    expect(await submit.getAttribute("href")).toBe("/ideas/new");
    expect(await page.getByRole("link", { name: "Tillgänglighetsredogörelse" }).count()).toBe(1);
    // The stage table shows the real counts from the seeded database.
    const rows = page.locator("table.data-table tbody tr");
    expect(await rows.count()).toBe(6);
    const counts = await rows.locator("td").allInnerTexts();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "start-1280");
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "start-360");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("moves keyboard focus to the main content through the skip link", async () => {
    const page = await newPage(browser);
    await page.goto(app.url);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("huvudinnehall");
    await page.close();
  });

  it("serves the accessibility statement", async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${app.url}/tillganglighet`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").innerText()).resolves.toBe("Tillgänglighet för Idéslussen");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("answers an unknown address with a Swedish 404 page and a way back", async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${app.url}/finns-inte`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").innerText()).resolves.toBe("Sidan finns inte");
    expect(await page.getByRole("link", { name: "Till startsidan" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("refuses a second process on the same embedded database folder", async () => {
    const second = await runScript("db/migrate.ts", [], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("används redan av en annan process");
    expect(second.stderr).not.toMatch(/^\s+at /m);
  });

  it("keeps all data across a restart", async () => {
    const before = await (await fetch(app.url)).text();
    await app.stop();
    const again = await runScript("db/migrate.ts", ["--seed-if-empty"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("redan aktuellt");
    expect(again.stdout).not.toContain("Demodata inläst");
    app = await startApp(env);
    const after = await (await fetch(app.url)).text();
    const tableOf = (html: string) => html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(tableOf(after)).toBe(tableOf(before));
    expect(tableOf(after).length).toBeGreaterThan(100);
  });
});

describe("start-up faults", () => {
  it("names host and port when DATABASE_URL cannot be reached, and exits non-zero", async () => {
    const result = await runScript("db/migrate.ts", [], { DATABASE_URL: "postgres://idesluss@127.0.0.1:1/idesluss" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Kan inte ansluta till PostgreSQL på 127.0.0.1:1/idesluss");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("rejects an invalid setting with a clear message", async () => {
    const result = await runScript("db/migrate.ts", [], { DATABASE_POOL_SIZE: "många", PGLITE_DIR: path.join(dataRoot, "unused") });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_POOL_SIZE");
  });
});
