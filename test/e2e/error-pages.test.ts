// Error pages as people meet them in the production build: 404, 403, 401 (signed out / session gone)
// and 500 – in Swedish by default, English when the language cookie says so, a way back, the right
// status code and title, axe-clean, and no stack trace or error message from the server.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoDatabaseKind, journeyDatabases, type RunningApp, startDemoAppOn } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot, signInWithPassword } from "../support/browser";

const STACK_FRAME = /^\s*at .+[(:]\d+/m;

async function expectErrorPage(page: Page, expected: { status: number; title: string; back: string }) {
  expect(await page.locator("h1").innerText()).toBe(expected.title);
  expect(await page.title()).toBe(`${expected.title} – Idéslussen`);
  expect(await page.locator(".error-page__status").innerText()).toBe(String(expected.status));
  expect(await page.getByRole("main").getByRole("link", { name: expected.back }).getAttribute("href")).toBe("/");
  const html = await page.content();
  expect(html).not.toMatch(STACK_FRAME);
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Submits the sign-in form with a body the server cannot parse: an unexpected exception in an action. */
async function submitBrokenLoginForm(page: Page, appUrl: string) {
  await page.route(`${appUrl}/login**`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.continue({
      headers: { ...route.request().headers(), "content-type": "multipart/form-data; boundary=----idesluss" },
      postData: "det här är inte multipart",
    });
  });
  await page.goto(`${appUrl}/login`);
  await page.getByLabel("E-postadress").fill("medarbetare@idesluss.test");
  await page.getByLabel("Lösenord").fill("idesluss-demo");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${appUrl}/login`) && r.request().method() === "POST"),
    page.getByRole("button", { name: "Logga in" }).click(),
  ]);
  await page.locator(".error-page").waitFor();
  return response;
}

describe.each(journeyDatabases())("error pages (%s)", (kind: DemoDatabaseKind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoAppOn(kind, "error-pages");
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("answers an unknown address with 404 in Swedish, and in English when the language cookie says en", async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${app.url}/det-har-finns-inte`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await expectErrorPage(page, { status: 404, title: "Sidan finns inte", back: "Till startsidan" });
    await saveScreenshot(page, "error-404-1280");

    await page.context().addCookies([{ name: "idesluss_sprak", value: "en", url: app.url }]);
    const english = await page.goto(`${app.url}/det-har-finns-inte`);
    expect(english?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectErrorPage(page, { status: 404, title: "Page not found", back: "Back to the start page" });
    await page.close();
  });

  it("answers an unknown or malformed idea id with 404, and medarbetare at /admin with 403", async () => {
    const page = await newPage(browser, { width: 360, height: 800 });
    await signInWithPassword(page, app.url, "medarbetare@idesluss.test");
    for (const id of ["00000000-0000-4000-8000-000000000000", "inte-ett-id"]) {
      const response = await page.goto(`${app.url}/ideas/${id}`);
      expect(response?.status(), id).toBe(404);
      await expectErrorPage(page, { status: 404, title: "Sidan finns inte", back: "Till startsidan" });
    }
    const forbidden = await page.goto(`${app.url}/admin`);
    expect(forbidden?.status()).toBe(403);
    await expectErrorPage(page, { status: 403, title: "Du har inte behörighet", back: "Till startsidan" });
    await saveScreenshot(page, "error-403-360");
    // The way back works.
    await page.getByRole("main").getByRole("link", { name: "Till startsidan" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.close();
  });

  it("sends a signed-out visitor to the sign-in page and back again", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/inbox?steg=bedomning`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/inbox?steg=bedomning");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("answers a form sent after the session ended with 401 and a way to sign in again", async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signInWithPassword(page, app.url, "medarbetare@idesluss.test", "/ideas");
    const ideaPath = await page.locator("table.data-table tbody a[href^='/ideas/']").first().getAttribute("href");
    await page.goto(`${app.url}${ideaPath}`);
    await page.context().clearCookies();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: /Följ idén|Sluta följa/ }).first().click(),
    ]);
    expect(response.status()).toBe(401);
    await page.locator(".error-page").waitFor();
    await expectErrorPage(page, { status: 401, title: "Du behöver logga in", back: "Till startsidan" });
    const signIn = page.getByRole("main").getByRole("link", { name: "Logga in" });
    expect(await signIn.getAttribute("href")).toBe(`/login?${new URLSearchParams({ redirectTo: ideaPath! })}`);
    await page.close();
  });

  it("answers a form that cannot be read with 400 and a way back, not a 500", async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    const response = await submitBrokenLoginForm(page, app.url);
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).not.toMatch(STACK_FRAME);
    expect(body).not.toMatch(/FormData|TypeError|multipart/i);
    await expectErrorPage(page, { status: 400, title: "Förfrågan kunde inte läsas", back: "Till startsidan" });
    await page.close();
  });

  it("keeps error details out of a failing data request too", async () => {
    const response = await fetch(`${app.url}/login.data`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=----idesluss" },
      body: "det här är inte multipart",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toMatch(/FormData|TypeError/i);
  });

  // A real unexpected failure: the database stops taking connections while the app runs (PostgreSQL
  // only – an embedded database cannot be taken away from the process that holds it).
  it.skipIf(kind !== "postgres")("shows a 500 page without the error's message or stack when the database is gone", async () => {
    const database = app.databaseName!;
    const { adminConnection } = await import("../support/postgres-admin");
    const admin = await adminConnection(process.env.TEST_DATABASE_URL!);
    try {
      await admin.query(`alter database "${database}" with allow_connections false`);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [database]);
      const page = await newPage(browser);
      page.setDefaultTimeout(20_000);
      const response = await page.goto(`${app.url}/`);
      expect(response?.status()).toBe(500);
      const body = await response!.text();
      expect(body).not.toMatch(STACK_FRAME);
      expect(body).not.toMatch(/allow_connections|does not allow|pg_|ECONN|database/i);
      expect(await page.getAttribute("html", "lang")).toBe("sv");
      await expectErrorPage(page, { status: 500, title: "Något gick fel", back: "Till startsidan" });
      await saveScreenshot(page, "error-500-1280");
      await page.close();

      const english = await newPage(browser);
      english.setDefaultTimeout(20_000);
      await english.context().addCookies([{ name: "idesluss_sprak", value: "en", url: app.url }]);
      const failed = await english.goto(`${app.url}/`);
      expect(failed?.status()).toBe(500);
      expect(await english.getAttribute("html", "lang")).toBe("en");
      await expectErrorPage(english, { status: 500, title: "Something went wrong", back: "Back to the start page" });
      await english.close();
    } finally {
      await admin.query(`alter database "${database}" with allow_connections true`);
      await admin.end();
    }
    // The app recovers by itself once the database is back.
    const again = await fetch(`${app.url}/`);
    expect(again.status).toBe(200);
  });
});
