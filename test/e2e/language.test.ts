import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { expectAccessibleAtWidths, launchBrowser, newPage } from "../support/browser";

// Swedish by default, English as an alternative: chosen with the header button (remembered in the
// browser) or in Inställningar (remembered on the user, so it follows them to a fresh browser), with
// lang, texts, validation messages, dates and money in the chosen language.

/** A submitted demo idea with an estimated saving of 700 000 kr a year. */
const IDEA_WITH_SAVINGS = "Automatisk matchning av vikarier till grundskolor";
const EN_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/;
const SV_DATE = /\b\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}\b/;

const lang = (page: Page) => page.getAttribute("html", "lang");

async function signIn(page: Page, url: string, labels: { email: string; password: string; button: string; signOut: string }) {
  await page.getByLabel(labels.email).fill("medarbetare@idesluss.test");
  await page.getByLabel(labels.password).fill("idesluss-demo");
  await page.getByRole("button", { name: labels.button }).click();
  await page.getByRole("button", { name: labels.signOut }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    throw new Error(`Not signed in at ${page.url()}: ${await page.locator("body").innerText()}`, { cause: error });
  });
  expect(new URL(page.url()).origin).toBe(url);
}
const ENGLISH_LOGIN = { email: "E-mail address", password: "Password", button: "Sign in", signOut: "Sign out" };
const SWEDISH_LOGIN = { email: "E-postadress", password: "Lösenord", button: "Logga in", signOut: "Logga ut" };

/** Opens the demo idea with savings through the idea list's search and returns the facts' text. */
async function openIdeaWithSavings(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/ideas?q=${encodeURIComponent("matchning av vikarier")}`);
  await page.getByRole("link", { name: IDEA_WITH_SAVINGS }).first().click();
  await page.getByRole("heading", { name: IDEA_WITH_SAVINGS, level: 1 }).waitFor();
  return page.locator("main").innerText();
}

describe.each(journeyDatabases())("choosing the page language (%s)", (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "journey-language");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("switches to English, remembers it per user, shows English errors and money, and switches back", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });

    // Anonymous: Swedish by default; the header button switches to English on the same page.
    await page.goto(app.url);
    expect(await lang(page)).toBe("sv");
    await page.getByRole("button", { name: "In English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.getByRole("heading", { level: 1, name: "Do you have an idea that makes the city's services better?" }).waitFor();
    expect(await page.title()).toBe("Idéslussen – from idea to better service");
    expect(await page.getByRole("columnheader", { name: "Number of ideas" }).count()).toBe(1);
    const counts = await page.locator("table.data-table tbody td").allInnerTexts();
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^\d{1,3}(,\d{3})*$/);
    await expectAccessibleAtWidths(page, `language-start-en-${kind}`);

    // The login page is English too (the choice is in the browser's cookie). After signing in, the
    // person's own choice applies: medarbetare has Swedish on their user row.
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    expect(await lang(page)).toBe("en");
    expect(await page.title()).toBe("Sign in – Idéslussen");
    await expectAccessibleAtWidths(page, `language-login-en-${kind}`);
    await signIn(page, app.url, { ...ENGLISH_LOGIN, signOut: "Logga ut" });
    expect(await lang(page)).toBe("sv");

    // Settings: English chosen and saved on the user, with a confirmation in the new language.
    await page.goto(`${app.url}/installningar`);
    await page.getByRole("heading", { name: "Inställningar", level: 1 }).waitFor();
    const language = page.getByRole("group", { name: "Språk" });
    expect(await language.getByLabel("Svenska").isChecked()).toBe(true);
    await language.getByLabel("English").check();
    await page.getByRole("button", { name: "Spara" }).click();
    await page.getByRole("status").filter({ hasText: "Your settings are saved." }).waitFor();
    expect(await lang(page)).toBe("en");
    await expectAccessibleAtWidths(page, `language-settings-en-${kind}`);

    // The idea form submitted empty: the schema's messages in English in the summary and at the fields.
    await page.goto(`${app.url}/ideas/new`);
    await page.getByRole("heading", { name: "Submit an idea", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There are errors in the form" });
    await summary.waitFor();
    const errors = await summary.innerText();
    expect(errors).toContain("Give the idea a title.");
    expect(errors).toContain("Describe the problem: who is affected and how often?");
    expect(errors).toContain("Choose at least one target group.");
    expect(errors).not.toMatch(/[åäö]/);
    expect(await page.locator(".field__error").allInnerTexts()).toContain("Give the idea a title.");
    await expectAccessibleAtWidths(page, `language-idea-errors-en-${kind}`);

    // Money and dates on an idea page in English.
    const english = await openIdeaWithSavings(page, app.url);
    expect(english).toContain("SEK\u00a0700,000");
    expect(english).not.toMatch(/\d kr\b/);
    expect(english).toMatch(EN_DATE);
    expect(await page.title()).toBe(`${IDEA_WITH_SAVINGS} – Idéslussen`);
    await expectAccessibleAtWidths(page, `language-idea-en-${kind}`);

    // Sign out and sign in again from a fresh browser (no cookie): the login page is Swedish, but the
    // person's own choice applies as soon as they are signed in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/ideas/"));
    await page.close();
    const fresh = await newPage(browser);
    fresh.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await fresh.goto(`${app.url}/login`);
    expect(await lang(fresh)).toBe("sv");
    await signIn(fresh, app.url, { ...SWEDISH_LOGIN, signOut: "Sign out" });
    expect(await lang(fresh)).toBe("en");
    await fresh.getByRole("navigation", { name: "Main menu" }).waitFor();

    // Back to Swedish with the header button: lang, "kr" and the thin space between digit groups.
    await openIdeaWithSavings(fresh, app.url);
    await fresh.getByRole("button", { name: "På svenska" }).click();
    await fresh.waitForFunction(() => document.documentElement.lang === "sv");
    await fresh.getByRole("button", { name: "Logga ut" }).waitFor();
    const swedish = await fresh.locator("main").textContent() ?? "";
    expect(swedish).toContain("700\u202f000\u00a0kr");
    expect(swedish).not.toContain("SEK");
    expect(swedish).toMatch(SV_DATE);
    await expectAccessibleAtWidths(fresh, `language-idea-sv-${kind}`);
    await fresh.close();
    expect(consoleErrors).toEqual([]);
  });
});
