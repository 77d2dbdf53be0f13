import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("portfolio");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const consoleErrors = (page: Page) => {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
};

describe("the steering group's portfolio in a browser", () => {
  it("styrgrupp filters, optimises within a budget, saves a proposal and opens the agenda – axe clean", async () => {
    const page = await newPage(browser);
    const errors = consoleErrors(page);
    await signInWithPassword(page, app.url, "styrgrupp@idesluss.test", "/");
    await page.getByRole("link", { name: "Portfölj", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Portfölj" }).waitFor();
    await expectAccessibleAtWidths(page, "portfolio");

    // Filter: only ideas in prioritering, sorted by NPV.
    await page.getByLabel("Steg", { exact: true }).selectOption("prioritering");
    await page.getByLabel("Sortera efter", { exact: true }).selectOption("npv");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await page.waitForURL(/steg=prioritering/);
    const stages = await page.locator("table.portfolio-table tbody td.portfolio-stage").allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(stage).toMatch(/Prioritering/i);
    // The export links carry the filter.
    expect(await page.getByRole("link", { name: "Exportera CSV" }).getAttribute("href")).toContain("steg=prioritering");

    // Optimise the ideas in prioritering (the filter comes along) within a budget that cannot hold them all.
    await page.getByRole("link", { name: "Optimera inom budget" }).click();
    await page.getByRole("heading", { level: 1, name: "Optimera inom budget" }).waitFor();
    expect(page.url()).toContain("steg=prioritering");
    const year = new Date().getFullYear();
    await page.getByLabel(`Budget ${year} (kr)`).fill("1 500 000");
    for (let y = year + 1; y < year + 5; y++) {
      const field = page.getByLabel(`Budget ${y} (kr)`);
      if (await field.count()) await field.fill("1 000 000");
    }
    await page.getByRole("radio", { name: "Nettonuvärde", exact: true }).check();
    await page.getByRole("button", { name: "Beräkna" }).click();
    await page.getByRole("heading", { name: "Resultat" }).waitFor();
    // Computing is a POST: the pins do not go into the URL, the filter from /portfolio stays.
    expect(page.url()).not.toContain("las.");
    expect(page.url()).not.toContain("budget1");
    // The outcome is announced (a status region) and focus moves to the result's heading.
    await page.getByRole("status").filter({ hasText: /bevisat bästa möjliga|från bästa möjliga|hann inte bevisa/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("resultat-rubrik");
    expect(await page.getByText(/högst 0 %/).count()).toBe(0);
    // Something was chosen and something left out for the budget's sake.
    expect(await page.getByRole("table", { name: "Valda idéer" }).locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await page.getByText(/Skulle överskrida budgeten/).count()).toBeGreaterThan(0);
    expect(await page.getByRole("table", { name: "Kostnad per budgetår jämfört med budget" }).count()).toBe(1);
    await expectAccessibleAtWidths(page, "portfolio-optimise");

    // Save it as a proposal.
    await page.getByLabel("Rubrik", { exact: true }).fill("Förslag inför budget " + year);
    await page.getByLabel("Motivering").fill("Största nettonuvärdet som ryms i årets och nästa års budget.");
    await page.getByRole("button", { name: "Spara förslaget" }).click();
    await page.waitForURL(/\/portfolio\/forslag\/[0-9a-f-]{36}/);
    await page.getByRole("status").filter({ hasText: "Förslaget är sparat." }).waitFor();
    await page.getByText("Största nettonuvärdet som ryms").waitFor();
    await expectAccessibleAtWidths(page, "portfolio-proposal");

    // The agenda for the next meeting: one summary per idea awaiting a styrgrupp decision.
    await page.goto(`${app.url}/portfolio/agenda`);
    await page.getByRole("heading", { level: 1, name: /Dagordning/ }).waitFor();
    expect(await page.locator("article").count()).toBeGreaterThan(0);
    await expectAccessibleAtWidths(page, "portfolio-agenda");
    // The site navigation is there on screen and hidden in print.
    expect(await page.locator("header nav").count()).toBeGreaterThan(0);
    expect(await page.locator("header nav").first().isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header nav").first().isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    // The charts page draws its charts after hydration; every chart has a table alternative.
    await page.goto(`${app.url}/portfolio/diagram`);
    await page.locator("figure svg").first().waitFor();
    expect(await page.locator("figure table").count()).toBeGreaterThanOrEqual(5);
    await expectAccessibleAtWidths(page, "portfolio-charts");
    expect(errors).toEqual([]);
  });

  it("a kontaktperson finds a good example and adopts it for their unit – axe clean", async () => {
    const page = await newPage(browser);
    const errors = consoleErrors(page);
    await signInWithPassword(page, app.url, "kontaktperson@idesluss.test", "/");
    await page.getByRole("link", { name: "Goda exempel", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Goda exempel" }).waitFor();
    await expectAccessibleAtWidths(page, "good-examples");
    await page.getByRole("link", { name: /Inför i min enhet/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /^Inför/ }).waitFor();
    await expectAccessibleAtWidths(page, "good-example-adopt");
    const unit = page.getByLabel("Enhet som inför idén");
    await unit.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Skapa idén i bedömning" }).click();
    await page.getByRole("status").filter({ hasText: "ligger i bedömning" }).waitFor();
    await page.getByText(/Införs efter gott exempel IDE-/).first().waitFor();
    await expectAccessibleAtWidths(page, "good-example-adopted-idea");
    expect(errors).toEqual([]);
  });

  it("the portfolio is closed to a kontaktperson", async () => {
    const page = await newPage(browser);
    await signInWithPassword(page, app.url, "kontaktperson@idesluss.test", "/");
    const response = await page.goto(`${app.url}/portfolio`);
    expect(response?.status()).toBe(403);
  });
});
