import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage } from "../support/browser";

const TITLE = "Självincheckning med QR-kod för hemtjänstens besök";
const COMMENT = "Vi i hemtjänstgrupp 3 kan testa detta redan i vår.";
/** Another person's idea that the demo medarbetare does not yet support. */
const OTHER = "Sensorer för inomhusklimat i förskolornas lokaler";

/**
 * The medarbetare's whole way through Idéslussen, as one person in one browser: sign in; submit an idea
 * (an error on the way, announced and linked to its fields); follow it on "Mina idéer" and its page;
 * comment; support someone else's idea; read the notification. Every page is axe-clean at 1280 and 360 px.
 */
describe.each(journeyDatabases())("the medarbetare's journey (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-medarbetare");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const check = (page: Page, name: string) => expectAccessibleAtWidths(page, `journey-medarbetare-${name}`);
  const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Huvudmeny" });

  it("signs in, submits an idea past an error, follows it, comments, supports another idea and reads notifications", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });

    // 1. Sign in.
    await page.goto(`${app.url}/login`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await check(page, "login");
    await page.getByLabel("E-postadress").fill("medarbetare@idesluss.test");
    await page.getByLabel("Lösenord").fill("idesluss-demo");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await expect(page.locator(".account__name").innerText()).resolves.toBe("Sara Lindqvist");
    await check(page, "start");

    // 2. "Lämna en idé": only a title, then "Skicka in" – the summary takes focus, is an alert and links to each field.
    await mainMenu(page).getByRole("link", { name: "Lämna en idé" }).click();
    await page.getByRole("heading", { name: "Lämna en idé", level: 1 }).waitFor();
    await check(page, "new-idea");
    await page.getByLabel(/^Rubrik/).fill(TITLE);
    await page.getByRole("button", { name: "Skicka in" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Det finns fel i formuläret" });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/ideas/new");
    const links = summary.getByRole("link");
    const texts = await links.allInnerTexts();
    expect(texts[0]).toMatch(/^Beskriv problemet/);
    expect(texts).toEqual(expect.arrayContaining(["Beskriv ditt förslag till lösning.", "Välj vilken sorts idé det är.", "Välj minst en målgrupp."]));
    // Every link leads to a field on the page that is marked invalid.
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      expect(href).toMatch(/^#falt-/);
      const target = page.locator(href);
      await expect(target.count(), `${href} exists`).resolves.toBe(1);
      expect(await target.getAttribute("aria-invalid"), `${href} is marked invalid`).toBe("true");
    }
    // Following the first link (by keyboard, as the summary has focus) puts focus in the problem field.
    const problem = page.getByLabel(/^Problemet i dag/);
    await page.keyboard.press("Tab");
    await expect.poll(() => links.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => problem.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel(/^Rubrik/).inputValue()).toBe(TITLE);
    await check(page, "new-idea-errors");

    // 3. Fix it and submit: the receipt names the reference and the kontaktperson.
    await problem.fill("Hemtjänstens besök registreras på papper och förs in i systemet i efterhand, ofta med fel.");
    await page.getByLabel(/^Förslag till lösning/).fill("En QR-kod hos brukaren som medarbetaren skannar vid ankomst och avfärd.");
    await page.getByLabel("Digital tjänst").check();
    await page.getByLabel("Äldre").check();
    await page.getByRole("group", { name: /Hanterar idén personuppgifter/ }).getByLabel("Ja").check();
    await page.getByRole("group", { name: /känsliga personuppgifter/ }).getByLabel("Nej").check();
    await page.getByRole("button", { name: "Skicka in" }).click();
    await page.getByRole("heading", { name: "Tack! Din idé är inskickad", level: 1 }).waitFor();
    const ideaId = new URL(page.url()).pathname.split("/")[2]!;
    expect(new URL(page.url()).pathname).toBe(`/ideas/${ideaId}/kvitto`);
    const receipt = await page.locator("main").innerText();
    const reference = receipt.match(/IDE-\d{4}-\d{4}/)?.[0];
    expect(reference).toBeTruthy();
    expect(receipt).toContain(TITLE);
    expect(receipt).toContain("Johan Bergström, Östermalms stadsdelsförvaltning");
    expect(receipt).toContain("Kontaktpersonen går igenom idén och återkopplar");
    await check(page, "receipt");

    // 4. "Mina idéer" lists it as submitted, with its reference and owner.
    await mainMenu(page).getByRole("link", { name: "Mina idéer" }).click();
    await page.getByRole("heading", { name: "Mina idéer", level: 1 }).waitFor();
    const row = page.locator("table tbody tr", { has: page.getByRole("link", { name: TITLE, exact: true }) });
    await expect(row.count()).resolves.toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain(reference!);
    expect(rowText).toContain("Inskickad");
    expect(rowText).toContain("Johan Bergström");
    await check(page, "my-ideas");

    // 5. Its page: stage, owner and the first event; a comment is published and said so.
    await row.getByRole("link", { name: TITLE, exact: true }).click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ideas/${ideaId}`);
    await expect(page.locator(".idea-header__meta").innerText()).resolves.toContain(reference!);
    await expect(page.locator(".badge--stage").first().innerText()).resolves.toBe("Inskickad");
    await expect(page.locator("main").innerText()).resolves.toContain("Idén skickades in");
    await check(page, "idea");
    await page.getByLabel("Din kommentar").fill(COMMENT);
    await page.getByRole("button", { name: "Skicka kommentar" }).click();
    await page.getByRole("status").filter({ hasText: "Din kommentar är publicerad." }).waitFor();
    await expect(page.locator(".comment__body", { hasText: COMMENT }).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "Kommentarer (1)" }).count()).resolves.toBe(1);
    expect(await page.getByLabel("Din kommentar").inputValue()).toBe("");
    await check(page, "idea-commented");

    // 6. "Alla idéer": find someone else's idea and support it; the page says so and the count goes up.
    await mainMenu(page).getByRole("link", { name: "Alla idéer" }).click();
    await page.getByRole("heading", { name: "Alla idéer", level: 1 }).waitFor();
    await page.getByLabel(/^Sök$/).fill("inomhusklimat");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/[?&]q=inomhusklimat/);
    await check(page, "all-ideas");
    await page.getByRole("link", { name: OTHER }).first().click();
    await page.getByRole("heading", { name: OTHER, level: 1 }).waitFor();
    const supportPanel = page.getByRole("complementary", { name: "Stöd" });
    const before = Number((await supportPanel.innerText()).match(/(\d+) (?:person stöder|personer stöder)/)?.[1]);
    expect(before).toBeGreaterThan(0);
    await check(page, "other-idea");
    await supportPanel.getByRole("button", { name: "Stöd idén" }).click();
    await supportPanel.getByText("Du stöder idén").waitFor();
    await expect(supportPanel.getByRole("button", { name: "Stöd idén" }).count()).resolves.toBe(0);
    await expect(supportPanel.innerText()).resolves.toContain(`${before + 1} personer stöder idén`);
    await check(page, "other-idea-supported");

    // 7. The notification for the submitted idea.
    await page.getByRole("link", { name: /^Notiser/ }).click();
    await page.getByRole("heading", { name: "Notiser", level: 1 }).waitFor();
    await page.getByText(`Din idé är inskickad (${reference})`).first().waitFor();
    await check(page, "notifications");

    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
