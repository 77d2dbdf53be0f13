import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage } from "../support/browser";
import { focused, tabTo } from "../support/keyboard";

const TITLE = "Tangentbordsbokning av träffpunkternas aktiviteter";
const MOTIVATION = "Tydligt problem för träffpunkterna på Östermalm; vi bedömer nytta och kostnad.";

/**
 * Submit → decision with the keyboard alone: no clicks, checks or selectOption (which act like a mouse), only
 * Tab, typing, Space, Enter and arrow keys. page.goto only opens the first page of each person. The
 * medarbetare's unit (Hemtjänst Östermalm, preselected) routes the idea to the Östermalm kontaktperson, who
 * takes it from the inbox to a gate decision, inskickad → bedömning. Every page visited is axe-clean.
 */
describe.each(journeyDatabases())("the keyboard-only journey, submit to decision (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-keyboard");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const check = (page: Page, name: string) => expectAccessibleAtWidths(page, `journey-keyboard-${name}`);

  /** Opens the login page and signs in by keyboard; lands on the start page. */
  async function signInByKeyboard(page: Page, email: string, who: string) {
    await page.goto(`${app.url}/login`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await check(page, `${who}-login`);
    await tabTo(page, "E-postadress", { tag: "input" });
    await page.keyboard.type(email);
    await tabTo(page, "Lösenord", { tag: "input" });
    await page.keyboard.type("idesluss-demo");
    await tabTo(page, "Logga in", { tag: "button" });
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await check(page, `${who}-start`);
  }

  /** Presses an arrow key in the focused radio group until the radio named `name` is focused (and so checked). */
  async function arrowToRadio(page: Page, name: RegExp) {
    for (let i = 0; i < 8; i++) {
      const now = await focused(page);
      if (now.type === "radio" && name.test(now.name)) {
        if (!now.checked) await page.keyboard.press("Space");
        return;
      }
      await page.keyboard.press("ArrowDown");
    }
    throw new Error(`No radio named ${String(name)} in the focused group.`);
  }

  const activeIs = (page: Page, selector: string) =>
    page.evaluate((s) => document.activeElement === document.querySelector(s), selector);

  it("medarbetare submits by keyboard; kontaktperson records inskickad → bedömning by keyboard", async () => {
    const consoleErrors: string[] = [];
    const employee = await newPage(browser);
    employee.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await signInByKeyboard(employee, "medarbetare@idesluss.test", "medarbetare");

    // The main menu's "Lämna en idé".
    await tabTo(employee, "Lämna en idé", { tag: "a" });
    await employee.keyboard.press("Enter");
    await employee.getByRole("heading", { name: "Lämna en idé", level: 1 }).waitFor();
    await check(employee, "new-idea");

    // A title only, then "Skicka in": the error summary takes focus; its first link leads into the problem field.
    await tabTo(employee, /^Rubrik/, { tag: "input" });
    await employee.keyboard.type(TITLE);
    await tabTo(employee, "Skicka in", { tag: "button" });
    await employee.keyboard.press("Enter");
    await expect.poll(() => activeIs(employee, ".error-summary")).toBe(true);
    // Tabbing past the untouched radio groups must not leave zod's raw English in the summary.
    const summaryText = await employee.locator(".error-summary").innerText();
    expect(summaryText).not.toMatch(/Invalid|expected/);
    expect(summaryText).toContain("Välj vilken sorts idé det är.");
    expect(await employee.locator('.error-summary a[href="#falt-"]').count()).toBe(0);
    // Tab from the summary into its links; the problem's link puts focus in the problem field.
    await tabTo(employee, /^Beskriv problemet/, { tag: "a", max: 10 });
    await employee.keyboard.press("Enter");
    await expect.poll(() => activeIs(employee, "#falt-problem")).toBe(true);
    await check(employee, "new-idea-errors");

    await employee.keyboard.type("Anmälan till träffpunkternas aktiviteter sker per telefon, som bara är öppen två timmar om dagen.");
    await tabTo(employee, /^Förslag till lösning/, { tag: "textarea" });
    await employee.keyboard.type("En bokningssida för aktiviteterna som fungerar helt med tangentbord och skärmläsare.");
    // The kind: a radio group is one Tab stop; arrow keys move within it and choose.
    await tabTo(employee, (f) => f.id === "falt-kind");
    await arrowToRadio(employee, /^Digital tjänst$/);
    await tabTo(employee, "Äldre", { tag: "input" });
    await employee.keyboard.press("Space");
    expect((await focused(employee)).checked).toBe(true);
    // The unit: the person's own unit is preselected – an Östermalm unit, which the kontaktperson answers for.
    await tabTo(employee, (f) => f.id === "falt-unitId");
    const unit = await employee.evaluate(() => {
      const select = document.activeElement as HTMLSelectElement;
      return `${select.selectedOptions[0]?.parentElement?.getAttribute("label") ?? ""} ${select.selectedOptions[0]?.textContent ?? ""}`;
    });
    expect(unit).toMatch(/Östermalm/);
    await tabTo(employee, (f) => f.id === "falt-personalData");
    await arrowToRadio(employee, /^Nej$/);
    await tabTo(employee, (f) => f.id?.startsWith("falt-sensitivePersonalData") ?? false);
    await arrowToRadio(employee, /^Nej$/);
    await tabTo(employee, "Skicka in", { tag: "button" });
    await employee.keyboard.press("Enter");
    await employee.getByRole("heading", { name: "Tack! Din idé är inskickad", level: 1 }).waitFor();
    const ideaId = new URL(employee.url()).pathname.split("/")[2]!;
    const receipt = await employee.locator("main").innerText();
    const reference = receipt.match(/IDE-\d{4}-\d{4}/)?.[0];
    expect(reference).toBeTruthy();
    expect(receipt).toContain("Johan Bergström, Östermalms stadsdelsförvaltning");
    await check(employee, "receipt");

    // The kontaktperson: inbox → the idea → "Fatta beslut", all by keyboard.
    const contact = await newPage(browser);
    contact.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await signInByKeyboard(contact, "kontaktperson@idesluss.test", "kontaktperson");
    await tabTo(contact, "Inkorg", { tag: "a" });
    await contact.keyboard.press("Enter");
    await contact.getByRole("heading", { name: "Inkorg", level: 1 }).waitFor();
    await check(contact, "inbox");
    await tabTo(contact, TITLE, { tag: "a", max: 400 });
    await contact.keyboard.press("Enter");
    await contact.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    expect(new URL(contact.url()).pathname).toBe(`/ideas/${ideaId}`);
    await expect(contact.locator(".badge--stage").first().innerText()).resolves.toBe("Inskickad");
    await check(contact, "idea-before");
    await tabTo(contact, "Fatta beslut", { tag: "a" });
    await contact.keyboard.press("Enter");
    await contact.getByRole("heading", { level: 1, name: `Beslut för ${reference}` }).waitFor();
    await check(contact, "decision");

    await tabTo(contact, (f) => f.type === "radio");
    await arrowToRadio(contact, /^Starta bedömning/);
    await tabTo(contact, "Motivering", { tag: "textarea" });
    await contact.keyboard.type(MOTIVATION);
    await tabTo(contact, "Registrera beslutet", { tag: "button" });
    await contact.keyboard.press("Enter");
    await contact.getByRole("status").filter({ hasText: "Beslutet är registrerat." }).waitFor();
    expect(new URL(contact.url()).pathname).toBe(`/ideas/${ideaId}`);

    // The stage changed and the decision, with its motivation, stands on the idea page.
    await expect(contact.locator(".badge--stage").first().innerText()).resolves.toBe("Bedömning");
    const panel = contact.getByRole("region", { name: "Steg och beslut" });
    expect(await panel.getByText("Nuvarande steg:").locator("..").innerText()).toMatch(/Bedömning/);
    const decision = panel.locator(".gate-decisions li").first();
    await expect(decision.innerText()).resolves.toMatch(/Inskickad → Bedömning/);
    await expect(decision.innerText()).resolves.toContain(MOTIVATION);
    await expect(decision.innerText()).resolves.toContain("Beslutat av Johan Bergström");
    await check(contact, "idea-decided");

    // The medarbetare sees the same on the idea's page, reached from the receipt by keyboard.
    await tabTo(employee, "Gå till idén", { tag: "a" });
    await employee.keyboard.press("Enter");
    await employee.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    await expect(employee.locator(".badge--stage").first().innerText()).resolves.toBe("Bedömning");
    await expect(employee.getByRole("region", { name: "Steg och beslut" }).innerText()).resolves.toContain(MOTIVATION);
    await check(employee, "idea-decided-submitter");

    expect(consoleErrors).toEqual([]);
    await employee.close();
    await contact.close();
  });
});
