// The administrator's journey, end to end in a real browser on each database: give a person a role, add
// and rename a unit, change an assessment criterion's weight; then someone who is not signed in reports an
// accessibility problem from the statement (after a validation error), and the administrator reads the
// report and marks it handled. Every page is axe-checked (WCAG 2.1 A/AA); key pages at 1280 and 360 px.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { accessibilityViolations, expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

const shot = (name: string) => `journey-admin-${name}`;
const PROBLEM = "Felmeddelandet på inloggningssidan läses inte upp av min skärmläsare (NVDA).";

/** Collects console errors and uncaught exceptions of a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

describe.each(journeyDatabases())("the administrator's journey (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;
  let reference: string;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-admin");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("manages a person's roles, a unit and an assessment criterion – axe clean", async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await signInWithPassword(page, app.url, "admin@idesluss.test", "/admin");
    await page.getByRole("heading", { level: 2, name: "Översikt" }).waitFor();
    await expectAccessibleAtWidths(page, shot("overview"));

    // 1. A person: find the demo medarbetare and make them a member of the steering group too.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Användare" }).click();
    await page.getByLabel("Namn eller e-postadress (en del räcker)").fill("medarbetare@idesluss.test");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(/q=medarbetare/);
    // One row only (a second match would make waitFor fail in strict mode).
    const row = page.locator("tbody tr").filter({ hasText: "medarbetare@idesluss.test" });
    await row.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole("link").click();
    const styrgrupp = page.getByRole("group", { name: "Roller" }).getByLabel("Styrgrupp", { exact: true });
    await styrgrupp.waitFor();
    expect(await styrgrupp.isChecked()).toBe(false);
    await expectAccessibleAtWidths(page, shot("user"));
    await styrgrupp.check();
    await page.getByRole("button", { name: "Spara roller och ansvarsområden" }).click();
    await page.getByRole("status").getByText("Roller och ansvarsområden är sparade.").waitFor();
    expect(await page.getByRole("group", { name: "Roller" }).getByLabel("Styrgrupp", { exact: true }).isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // 2. A unit: add a förvaltning, then correct its name.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Enheter" }).click();
    await page.getByRole("heading", { level: 3, name: "Lägg till enhet" }).waitFor();
    await expectAccessibleAtWidths(page, shot("units"));
    await page.getByLabel("Namn", { exact: true }).fill("Innovationskontoret (test)");
    await page.getByLabel("Typ", { exact: true }).selectOption("fackforvaltning");
    await page.getByRole("button", { name: "Lägg till enheten" }).click();
    await page.getByRole("status").getByText("Enheten är skapad.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Nytt namn").fill("Innovationskontoret");
    await page.getByRole("button", { name: "Spara namnet" }).click();
    await page.getByRole("status").getByText("Enheten har fått sitt nya namn.").waitFor();
    await page.getByRole("heading", { level: 2, name: "Innovationskontoret", exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // 3. The assessment criteria: give the first criterion a new weight.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Bedömningskriterier" }).click();
    await page.getByRole("heading", { level: 2, name: "Bedömningskriterier" }).waitFor();
    await expectAccessibleAtWidths(page, shot("criteria"));
    const first = page.locator("tbody tr").first();
    const name = await first.locator("th a").innerText();
    const oldWeight = Number((await first.locator("td").nth(1).innerText()).trim());
    const newWeight = oldWeight === 37 ? 38 : 37;
    await first.locator("th a").click();
    await page.getByRole("heading", { level: 2, name: `Redigera ${name}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Vikt (1–100)").fill(String(newWeight));
    await page.getByRole("button", { name: "Spara kriteriet" }).click();
    await page.getByRole("status").getByText("Kriteriet är sparat.").waitFor();
    await page.getByRole("link", { name: "Alla kriterier" }).click();
    const saved = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: `Redigera ${name}` }) });
    expect((await saved.locator("td").nth(1).innerText()).trim()).toBe(String(newWeight));
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an anonymous visitor reports an accessibility problem, fixing a validation error first", async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    // Someone who cannot sign in follows the footer link from the sign-in page.
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await page.getByRole("heading", { level: 1, name: "Tillgänglighet för Idéslussen" }).waitFor();
    expect(await page.getByLabel("Vilken sida gäller det? (frivilligt)").inputValue()).toBe("/login");
    await expectAccessibleAtWidths(page, shot("statement"));

    // Nothing described and a reply wanted without an address: the summary takes focus and lists the error.
    await page.getByLabel("Jag vill ha svar").check();
    const send = page.getByRole("button", { name: "Skicka rapporten" });
    await send.click();
    const summary = page.getByRole("alert").filter({ hasText: "Rapporten kunde inte skickas" });
    await summary.getByRole("link", { name: "Beskriv problemet." }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel("Vad är problemet?").getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Vad är problemet?").fill(PROBLEM);
    await send.click();
    await page.getByRole("alert").getByRole("link", { name: "Ange din e-postadress om du vill ha svar." }).waitFor();
    await page.getByLabel("Din e-postadress (frivilligt)").fill("karin.lind@example.se");
    await send.click();
    const confirmation = page.getByRole("status").getByText(/Din rapport är skickad till administratörerna\. Referens: TG-\d{4}-\d{4,}\./);
    await confirmation.waitFor();
    reference = /TG-\d{4}-\d{4,}/.exec(await confirmation.innerText())![0];
    expect(new URL(page.url()).searchParams.get("skickat")).toBe(reference);
    // The form is empty again for a next report.
    expect(await page.getByLabel("Vad är problemet?").inputValue()).toBe("");
    await expectAccessibleAtWidths(page, shot("statement-sent"));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the administrator is notified, reads the report and marks it handled", async () => {
    expect(reference).toMatch(/^TG-/);
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await signInWithPassword(page, app.url, "admin@idesluss.test", "/notifications");
    await page.getByText(`Ny rapport om tillgänglighet: ${reference}`).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${app.url}/admin`);
    await page.getByText("1 ny rapport om tillgänglighet att läsa.").waitFor();
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Tillgänglighet" }).click();
    const report = page.getByRole("article", { name: `Rapport ${reference}` });
    await report.waitFor();
    expect(await report.innerText()).toContain(PROBLEM);
    expect(await report.getByRole("link", { name: "karin.lind@example.se" }).getAttribute("href")).toBe("mailto:karin.lind@example.se");
    expect(await report.innerText()).toContain("/login");
    await expectAccessibleAtWidths(page, shot("feedback"));

    await report.getByLabel("Anteckning (frivilligt)").fill("Felsammanfattningen får fokus; svar skickat till Karin.");
    await report.getByRole("button", { name: "Markera som hanterad" }).click();
    await page.getByRole("status").getByText("Rapporten är markerad som hanterad.").waitFor();
    await page.getByText("Inga nya rapporter.", { exact: false }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("navigation", { name: "Visa rapporter" }).getByRole("link", { name: "Hanterade" }).click();
    const handled = page.getByRole("article", { name: `Rapport ${reference}` });
    await handled.waitFor();
    expect(await handled.innerText()).toMatch(/Hanterad .* av /);
    expect(await handled.innerText()).toContain("svar skickat till Karin");
    expect(await handled.getByRole("button", { name: "Markera som hanterad" }).count()).toBe(0);
    await expectAccessibleAtWidths(page, shot("feedback-handled"));
    expect(errors).toEqual([]);
    await page.close();
  });
});
