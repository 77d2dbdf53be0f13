// The steering group's week, end to end in a real browser on each database: read the portfolio and its
// charts, optimise within a budget, prepare the meeting's agenda, decide a gate at the meeting and see the
// agenda shrink. Every page is axe-checked (WCAG 2.1 A/AA) and photographed at 1280 and 360 px.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage, signInWithPassword } from "../support/browser";

const shot = (name: string) => `journey-styrgrupp-${name}`;

/** The demo idea in prioritering whose screening and pilot plan are done: ready for the pilot gate. */
const READY_FOR_PILOT = "Ruttoptimering för skolskjuts";
const MEETING = "Styrgruppsmöte nr 7";
const MOTIVATION = "Tydlig besparing och en genomarbetad pilotplan; restiderna följs upp varje månad.";

/** The agenda's "N idéer väntar på beslut." as a number. */
async function agendaCount(page: Page): Promise<number> {
  const text = await page.getByRole("status").filter({ hasText: /väntar på beslut/ }).innerText();
  return Number(text.match(/(\d+) idé/)![1]);
}

describe.each(journeyDatabases())("the steering group's journey (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-styrgrupp");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("reads the portfolio and charts, optimises, prepares the agenda and decides a pilot – axe clean", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));

    // 1. The portfolio: prioritering, pilot and införande with their key figures.
    await signInWithPassword(page, app.url, "styrgrupp@idesluss.test", "/");
    await page.getByRole("link", { name: "Portfölj", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Portfölj" }).waitFor();
    const stages = await page.locator("table.portfolio-table tbody td.portfolio-stage").allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(stage).toMatch(/Prioritering|Pilot|Införande/);
    await page.locator("table.portfolio-table").getByRole("link", { name: READY_FOR_PILOT }).waitFor();
    await expectAccessibleAtWidths(page, shot("portfolio"));

    // 2. The charts: drawn after hydration, each with its numbers as a table behind "Visa som tabell".
    await page.getByRole("link", { name: "Diagram", exact: true }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("figure svg").first().waitFor();
    const funnel = page.getByRole("figure", { name: "Idéer per steg" });
    const funnelTable = funnel.getByRole("table", { name: "Antal inskickade idéer per steg, samt avslutade som införda" });
    expect(await funnelTable.isVisible()).toBe(false);
    await funnel.getByText("Visa som tabell").click();
    await funnelTable.waitFor();
    expect(await funnelTable.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await funnelTable.innerText()).toMatch(/Prioritering\s+\d+/);
    await expectAccessibleAtWidths(page, shot("charts"));

    // 3. Optimise the ideas in prioritering within a budget too small for them all.
    await page.goto(`${app.url}/portfolio`);
    await page.getByRole("link", { name: "Optimera inom budget" }).click();
    await page.getByRole("heading", { level: 1, name: "Optimera inom budget" }).waitFor();
    await expectAccessibleAtWidths(page, shot("optimise"));
    await page.getByLabel("Steg", { exact: true }).selectOption("prioritering");
    const budgets = page.getByLabel(/^Budget \d{4} \(kr\)$/);
    expect(await budgets.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await budgets.count()); i++) await budgets.nth(i).fill(i === 0 ? "1 200 000" : "800 000");
    await page.getByRole("radio", { name: "Viktad poäng", exact: false }).first().check();
    await page.getByRole("button", { name: "Beräkna" }).click();
    await page.getByRole("heading", { name: "Resultat" }).waitFor();
    await page.getByRole("status").filter({ hasText: /bevisat bästa möjliga|från bästa möjliga|hann inte bevisa/ }).waitFor();
    const chosen = page.getByRole("table", { name: "Valda idéer" });
    const leftOut = page.getByRole("table", { name: "Idéer som inte kom med" });
    expect(await chosen.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await leftOut.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await leftOut.innerText()).toContain("Skulle överskrida budgeten");
    // Only ideas in prioritering were weighed.
    for (const row of await chosen.locator("tbody tr").allInnerTexts()) expect(row).toMatch(/Prioritering/);
    await expectAccessibleAtWidths(page, shot("optimise-result"));

    // 4. The agenda for the meeting: the idea ready for a pilot is on it; in print only the agenda shows.
    await page.goto(`${app.url}/portfolio`);
    await page.getByRole("link", { name: "Dagordning", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Dagordning för styrgruppen/ }).waitFor();
    await page.getByLabel("Mötets rubrik").fill(MEETING);
    await page.getByRole("button", { name: "Visa dagordning" }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(MEETING) }).waitFor();
    const contents = page.getByRole("navigation", { name: "Innehåll" });
    await contents.getByRole("link", { name: new RegExp(READY_FOR_PILOT) }).waitFor();
    const before = await agendaCount(page);
    expect(await page.locator("article").count()).toBe(Math.min(before, 30));
    await expectAccessibleAtWidths(page, shot("agenda"));
    const siteNav = page.locator("header nav").first();
    expect(await siteNav.isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await siteNav.isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
    expect(await page.locator("article").first().isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    // 5. At the meeting: the pilot gate, with motivation and the meeting's reference.
    await contents.getByRole("link", { name: new RegExp(READY_FOR_PILOT) }).click();
    const item = page.locator("article").filter({ has: page.getByRole("heading", { level: 2, name: new RegExp(READY_FOR_PILOT) }) });
    expect(await item.innerText()).toMatch(/Starta pilot|Pilot/);
    await item.getByRole("link", { name: /^Öppna idén/ }).click();
    await page.getByRole("heading", { level: 1, name: READY_FOR_PILOT }).waitFor();
    const ideaId = new URL(page.url()).pathname.split("/")[2]!;
    expect(await page.getByText("Nuvarande steg:").locator("..").innerText()).toMatch(/Prioritering/);
    await expectAccessibleAtWidths(page, shot("idea"));
    await page.getByRole("link", { name: "Fatta beslut" }).click();
    await page.getByRole("heading", { level: 1, name: /^Beslut för IDE-/ }).waitFor();
    await expectAccessibleAtWidths(page, shot("decision"));
    await page.getByRole("radio", { name: /Starta pilot/ }).check();
    await page.getByLabel("Motivering").fill(MOTIVATION);
    await page.getByLabel("Mötesreferens (valfritt)").fill(`${MEETING}, § 3`);
    await page.getByRole("button", { name: "Registrera beslutet" }).click();
    await page.waitForURL(new RegExp(`/ideas/${ideaId}\\?meddelande=beslut-registrerat`));
    await page.getByRole("status").filter({ hasText: "Beslutet är registrerat." }).waitFor();
    const panel = page.getByRole("region", { name: "Steg och beslut" });
    expect(await panel.getByText("Nuvarande steg:").locator("..").innerText()).toMatch(/Pilot/);
    const decision = panel.locator("ol.gate-decisions li").first();
    expect(await decision.innerText()).toMatch(/Prioritering → Pilot/);
    expect(await decision.innerText()).toContain(MOTIVATION);
    expect(await decision.innerText()).toContain(`Möte: ${MEETING}, § 3`);
    expect(await decision.innerText()).toContain("Annika Holmberg");
    await expectAccessibleAtWidths(page, shot("idea-decided"));

    // 6. Back on the agenda the decided idea has left it.
    await page.goto(`${app.url}/portfolio/agenda`);
    await page.getByRole("heading", { level: 1, name: /Dagordning för styrgruppen/ }).waitFor();
    expect(await agendaCount(page)).toBe(before - 1);
    expect(await page.getByRole("navigation", { name: "Innehåll" }).getByRole("link", { name: new RegExp(READY_FOR_PILOT) }).count()).toBe(0);
    // (The same page as in step 4, already checked with axe at both widths.)
    expect(errors).toEqual([]);
    await page.close();
  });
});
