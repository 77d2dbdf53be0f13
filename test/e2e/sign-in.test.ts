import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startDemoApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp("signin");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string) {
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill("idesluss-demo");
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** Signed in once the header offers to sign out (the page has loaded the new session). */
const signedIn = (page: Page) => page.getByRole("button", { name: "Logga ut" }).waitFor();

const header = (page: Page) => page.locator("header.site-header");

describe("signing in with the demo accounts", () => {
  it("sends an anonymous visitor of /admin to /login and back after sign-in", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/admin`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/admin");
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "login-1280");
    await signIn(page, "admin@idesluss.test");
    await signedIn(page);
    expect(new URL(page.url()).pathname).toBe("/admin");
    await expect(header(page).innerText()).resolves.toContain("Administratör");
    await page.close();
  });

  for (const [email, role, seesAdmin] of [
    ["medarbetare@idesluss.test", "Medarbetare", false],
    ["kontaktperson@idesluss.test", "Kontaktperson", false],
    ["styrgrupp@idesluss.test", "Styrgrupp", false],
    ["admin@idesluss.test", "Administratör", true],
  ] as const) {
    it(`${email} signs in and sees the navigation for the role`, async () => {
      const page = await newPage(browser);
      const consoleErrors: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
      await page.goto(`${app.url}/login`);
      await signIn(page, email);
      await signedIn(page);
      expect(new URL(page.url()).pathname).toBe("/");
      await expect(header(page).innerText()).resolves.toContain(role);
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      expect(await nav.getByRole("link", { name: "Administration" }).count()).toBe(seesAdmin ? 1 : 0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Logga ut" }).click();
      await header(page).getByRole("link", { name: "Logga in" }).waitFor();
      expect(new URL(page.url()).search).toBe("?utloggad=1");
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }

  it("gives a medarbetare a Swedish 403 page at /admin", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login?redirectTo=%2Fadmin`);
    await signIn(page, "medarbetare@idesluss.test");
    await page.getByRole("heading", { name: "Du har inte behörighet" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await accessibilityViolations(page)).toEqual([]);
    const response = await page.goto(`${app.url}/admin`);
    expect(response?.status()).toBe(403);
    await page.close();
  });

  it("shows linked, focused errors for an empty form and the generic message for a wrong password", async () => {
    const page = await newPage(browser, { width: 360, height: 800 });
    await page.goto(`${app.url}/login`);
    await page.getByRole("button", { name: "Logga in" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Inloggningen gick inte att genomföra" });
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await page.getByLabel("E-postadress").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("E-postadress").getAttribute("aria-describedby")).toContain("falt-email-error");
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "login-errors-360");
    await page.getByLabel("E-postadress").fill("medarbetare@idesluss.test");
    await page.getByLabel("Lösenord").fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText("Fel e-postadress eller lösenord.").waitFor();
    await page.close();
  });

  it("works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await signIn(page, "kontaktperson@idesluss.test");
    await signedIn(page);
    await expect(header(page).innerText()).resolves.toContain("Kontaktperson");
    await context.close();
  });

  it("sends security headers and refuses cross-site form posts", async () => {
    const response = await fetch(`${app.url}/login`);
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(response.headers.get("Strict-Transport-Security")).toMatch(/max-age/);
    const forged = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40idesluss.test&password=idesluss-demo",
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("Set-Cookie")).toBeNull();
  });
});
