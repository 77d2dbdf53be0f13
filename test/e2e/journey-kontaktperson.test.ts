// The kontaktperson's week, end to end in a real browser on each database: triage the inbox, start the
// assessment, score the idea, fill in the business case and the security screening, and send the idea on
// to the steering group. Every page is axe-checked (WCAG 2.1 A/AA) and photographed at 1280 and 360 px.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

const shot = (name: string) => `journey-kontaktperson-${name}`;

/** The confirmation message a completed action leaves in the page's status region. */
const confirmation = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).waitFor();

/** "Nuvarande steg: …" in the idea page's stage panel. */
const currentStage = (page: Page) => page.getByText("Nuvarande steg:").locator("..").innerText();

async function decide(page: Page, appUrl: string, ideaId: string, move: RegExp, motivation: string, name: string) {
  await page.goto(`${appUrl}/ideas/${ideaId}`);
  await page.getByRole("link", { name: "Fatta beslut" }).click();
  await page.getByRole("heading", { level: 1, name: /^Beslut för IDE-/ }).waitFor();
  await expectAccessibleAtWidths(page, shot(name));
  await page.getByRole("radio", { name: move }).check();
  await page.getByLabel("Motivering").fill(motivation);
  await page.getByRole("button", { name: "Registrera beslutet" }).click();
  await page.waitForURL(new RegExp(`/ideas/${ideaId}\\?meddelande=beslut-registrerat`));
  await confirmation(page, "Beslutet är registrerat.");
}

describe.each(journeyDatabases())("the kontaktperson's journey (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-kontaktperson");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("triages the inbox, assesses, calculates, screens and moves an idea on to prioritering – axe clean", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));

    // 1. Monday: the inbox, narrowed to what is newly submitted.
    await signInWithPassword(page, app.url, "kontaktperson@idesluss.test", "/");
    await page.getByRole("link", { name: "Inkorg", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Inkorg" }).waitFor();
    await expectAccessibleAtWidths(page, shot("inbox"));
    await page.getByLabel("Steg", { exact: true }).selectOption("inskickad");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await page.waitForURL(/steg=inskickad/);
    const table = page.getByRole("table", { name: "Idéer i inkorgen" });
    const titles = await table.locator("tbody tr th a").allInnerTexts();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    const [mine, other] = titles as [string, string];

    // 2. One new idea belongs with someone else: hand it over with a message.
    await page.getByRole("link", { name: `Hantera: ${other}` }).click();
    await page.getByRole("heading", { level: 1, name: /^Hantera IDE-/ }).waitFor();
    await expectAccessibleAtWidths(page, shot("manage"));
    const newOwner = page.getByLabel("Ny ansvarig");
    await newOwner.selectOption((await newOwner.locator("option", { hasText: "Erik Sandberg" }).getAttribute("value"))!);
    await page.getByLabel("Meddelande till den nya ansvariga").fill("Gäller hela staden – kan du ta den vidare centralt?");
    await page.getByRole("button", { name: "Lämna över" }).click();
    await confirmation(page, "Idén har lämnats över.");
    await page.goto(`${app.url}/inbox?steg=inskickad`);
    const otherRow = page.getByRole("table", { name: "Idéer i inkorgen" }).locator("tbody tr").filter({ hasText: other });
    expect(await otherRow.innerText()).toContain("Erik Sandberg");
    expect(await otherRow.getByRole("button", { name: `Ta ärendet: ${other}` }).count()).toBe(1);

    // 3. The other one is hers to work on: read the idea, make sure she is its owner, start the assessment.
    await page.getByRole("table", { name: "Idéer i inkorgen" }).getByRole("link", { name: mine, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: mine }).waitFor();
    const ideaId = new URL(page.url()).pathname.split("/")[2]!;
    await expectAccessibleAtWidths(page, shot("idea-submitted"));
    await page.goto(`${app.url}/ideas/${ideaId}/hantera`);
    await page.getByText("Du är redan ansvarig för idén.").waitFor();
    await decide(page, app.url, ideaId, /Starta bedömning/, "Tydligt problem i verksamheten; vi bedömer nytta och kostnad.", "decision-assess");
    expect(await currentStage(page)).toMatch(/Bedömning/);

    // 4. The scorecard: a score for every criterion and a summary, marked as done.
    await page.goto(`${app.url}/ideas/${ideaId}/bedomning`);
    await page.getByRole("heading", { level: 1, name: /^Bedömning av IDE-/ }).waitFor();
    await page.getByText("Ingen bedömning är klar ännu.", { exact: false }).first().waitFor();
    await expectAccessibleAtWidths(page, shot("assessment"));
    const criteria = page.locator("fieldset.scorecard__criterion");
    expect(await criteria.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await criteria.count()); i++) await criteria.nth(i).getByRole("radio").nth(3 + (i % 2)).check();
    await page.getByLabel("Sammanfattning").fill("Stor tidsvinst för handläggarna och enkel att införa.");
    await page.getByRole("button", { name: "Markera som klar" }).click();
    await confirmation(page, "Bedömningen är markerad som klar");
    await page.getByText(/Markerad som klar/).waitFor();
    expect(await page.getByText("Ingen bedömning är klar ännu.", { exact: false }).count()).toBe(0);
    expect(await page.getByText("Viktad poäng (medel)").count()).toBeGreaterThan(0);
    await expectAccessibleAtWidths(page, shot("assessment-done"));

    // 5. The business case: a one-off cost and a yearly saving, saved as a version with its key figures.
    await page.goto(`${app.url}/ideas/${ideaId}/nyttokalkyl`);
    await page.getByRole("heading", { level: 1, name: /^Nyttokalkyl för IDE-/ }).waitFor();
    await page.getByText("Ingen nyttokalkyl har gjorts för idén än.").first().waitFor();
    await expectAccessibleAtWidths(page, shot("business-case"));
    const line = async (row: number, kindLabel: string, description: string, amounts: (year: number) => string) => {
      await page.getByLabel(`Rad ${row}: Typ`, { exact: true }).selectOption({ label: kindLabel });
      await page.getByLabel(`Rad ${row}: Beskrivning`, { exact: true }).fill(description);
      await page.getByLabel(`Rad ${row}: Enhet som bär eller får`, { exact: true }).selectOption({ index: 1 });
      const fields = page.getByLabel(new RegExp(`^Rad ${row}: Belopp \\d{4}$`));
      for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill(amounts(i));
    };
    await line(1, "Engångskostnad", "Licens och införande", (i) => (i === 0 ? "200 000" : "0"));
    await line(2, "Besparing", "Färre samtal till handläggarna", () => "150 000");
    await page.getByRole("button", { name: "Spara ny version" }).click();
    await confirmation(page, "Nyttokalkylen sparades som en ny version.");
    await page.getByText("Licens och införande").first().waitFor();
    const figures = page.locator("dl.business-case-figures");
    expect(await figures.getByText("Nettonuvärde", { exact: true }).locator("..").innerText()).toMatch(/\d.*kr/);
    expect(await figures.innerText()).toContain("Ja – projektet betalar sig");
    expect(await page.getByRole("table", { name: "Sparade versioner av kalkylen" }).locator("tbody tr").count()).toBe(1);
    await expectAccessibleAtWidths(page, shot("business-case-saved"));

    // 6. The information-security screening, completed.
    await page.goto(`${app.url}/ideas/${ideaId}/sakerhet`);
    await page.getByRole("heading", { level: 1, name: /^Informationssäkerhetsbedömning för IDE-/ }).waitFor();
    await expectAccessibleAtWidths(page, shot("security"));
    for (const [legend, level] of [["Konfidentialitet", 2], ["Riktighet", 1], ["Tillgänglighet", 1]] as const) {
      await page.getByRole("group", { name: legend, exact: true }).getByRole("radio").nth(level).check();
    }
    for (const [legend, answer] of [
      ["Hanterar idén personuppgifter?", "Ja"], ["Hanterar idén känsliga personuppgifter?", "Nej"], ["Behövs en konsekvensbedömning (DPIA)?", "Nej"],
    ] as const) {
      await page.getByRole("group", { name: legend }).getByRole("radio", { name: answer, exact: true }).check();
    }
    await page.getByLabel("Informationsägare").fill("Avdelningschef för individ- och familjeomsorgen");
    await page.getByRole("button", { name: "Markera som klar", exact: true }).click();
    await confirmation(page, "Bedömningen är markerad som klar.");
    await expectAccessibleAtWidths(page, shot("security-done"));

    // 7. Every gate requirement is met: the idea goes to the steering group for prioritering.
    await page.goto(`${app.url}/ideas/${ideaId}`);
    const checklist = await page.getByRole("region", { name: "Steg och beslut" }).innerText();
    expect(checklist).not.toContain("Saknas");
    await decide(page, app.url, ideaId, /Skicka till prioritering/, "Bedömd, kalkylerad och säkerhetsbedömd – redo för styrgruppen.", "decision-prioritise");
    expect(await currentStage(page)).toMatch(/Prioritering/);
    await page.getByText("Bedömd, kalkylerad och säkerhetsbedömd – redo för styrgruppen.").first().waitFor();
    await expectAccessibleAtWidths(page, shot("idea-prioritised"));
    expect(errors).toEqual([]);
    await page.close();
  });
});
