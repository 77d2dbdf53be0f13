import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Provider, { type AccountClaims } from "oidc-provider";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openPGlite } from "../../db/database";
import type { Database } from "../../db/schema";
import type { Kysely } from "kysely";
import { freePort, type RunningApp, startApp } from "../support/app-server";
import { accessibilityViolations, launchBrowser, newPage, saveScreenshot } from "../support/browser";

// Single sign-on against a real OpenID provider (oidc-provider, the certified Node implementation)
// running on loopback, with its built-in development login and consent pages.

const UNIT_CLAIM = "stockholm_unit";
const CLIENT_ID = "idesluss-test";
const CLIENT_SECRET = randomBytes(24).toString("base64url");

/** Any login name is an account; names containing "utan-enhet" come without the unit claim. */
function claimsFor(login: string): AccountClaims {
  const name = login.split(/[-.]/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join(" ");
  return {
    sub: login,
    email: `${login}@stockholm.test`,
    email_verified: true,
    name,
    ...(login.includes("utan-enhet") ? {} : { [UNIT_CLAIM]: "Östermalms stadsdelsförvaltning" }),
  };
}

let dataRoot: string;
let env: Record<string, string>;
let app: RunningApp;
let appUrl: string;
let issuer: string;
let providerPort: number;
let providerServer: Server;
let browser: Browser;

beforeAll(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), "idesluss-oidc-"));
  providerPort = await freePort();
  const appPort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  appUrl = `http://127.0.0.1:${appPort}`;

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${appUrl}/auth/oidc/callback`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", UNIT_CLAIM] },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => claimsFor(id) }),
    jwks: { keys: [{ ...signingKey, kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  // Not listening yet: the first test starts the app while the provider is down.
  providerServer = createServer(provider.callback());

  env = {
    PGLITE_DIR: path.join(dataRoot, "pglite"),
    DATABASE_URL: "",
    PORT: String(appPort),
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URI: `${appUrl}/auth/oidc/callback`,
    OIDC_UNIT_CLAIM: UNIT_CLAIM,
  };
  app = await startApp(env, ["--migrate", "--seed-if-empty"]);
  expect(app.url).toBe(appUrl);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => (providerServer?.listening ? providerServer.close(resolve) : resolve(undefined)));
  rmSync(dataRoot, { recursive: true, force: true });
});

/** The embedded database is one process's at a time: stop the app, look inside, start it again. */
async function withDatabase<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  await app.stop();
  const handle = await openWhenReleased(env.PGLITE_DIR!);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
    app = await startApp(env);
  }
}

/**
 * The stopped app releases the folder's lock as its last act; on a loaded machine (CI, two cores) that
 * can trail the process exit the test saw. Wait for it (the lock goes stale after 15 s in any case).
 */
async function openWhenReleased(dataDir: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await openPGlite(dataDir);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** From the provider's login page: sign in as `login` with any password, then give consent. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("vilket-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === appUrl);
}

describe("single sign-on with the city's account (OIDC)", () => {
  it("says so in Swedish while the provider cannot be reached, and discovers it on a later attempt", async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${appUrl}/auth/oidc`);
    expect(response?.status()).toBe(503);
    await expect(page.locator("main").innerText()).resolves.toContain("svarar inte just nu");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
    await new Promise<void>((resolve) => providerServer.listen(providerPort, "127.0.0.1", resolve));
  });

  it("signs a new person in from /login, provisioned as medarbetare with the unit from the claim", async () => {
    const page = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      // Only our pages: the provider's development pages pull fonts from the internet.
      if (message.type() === "error" && message.location().url.startsWith(appUrl)) consoleErrors.push(message.text());
    });
    await page.goto(`${appUrl}/login`);
    const sso = page.getByRole("link", { name: "Logga in med stadens konto" });
    expect(await sso.getAttribute("href")).toBe("/auth/oidc?redirectTo=%2F");
    expect(await accessibilityViolations(page)).toEqual([]);
    await sso.click();
    await signInAtProvider(page, "anna-andersson");
    expect(page.url()).toBe(`${appUrl}/`);
    await expect(page.locator(".account__name").innerText()).resolves.toBe("Anna Andersson");
    await expect(page.locator(".account__roles").innerText()).resolves.toBe("Medarbetare");
    // The sign-in state cookie is single use and gone; the session cookie is HttpOnly.
    const cookies = await page.context().cookies(appUrl);
    expect(cookies.map((c) => c.name)).not.toContain("idesluss_oidc");
    expect(cookies.find((c) => c.name === "idesluss_session")?.httpOnly).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();

    await withDatabase(async (db) => {
      const user = await db.selectFrom("users").innerJoin("units", "units.id", "users.unit_id")
        .select(["users.id", "users.name", "users.oidc_subject", "users.password_hash", "units.name as unit"])
        .where("users.email", "=", "anna-andersson@stockholm.test").executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        name: "Anna Andersson", unit: "Östermalms stadsdelsförvaltning", password_hash: null,
        oidc_subject: `${issuer}|anna-andersson`,
      });
      const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
      expect(roles.map((r) => r.role)).toEqual(["medarbetare"]);
      const audit = await db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", user.id).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["user.provisioned", "auth.sign_in"]);
      expect(audit[1]!.details).toEqual({ method: "oidc" });
    });
  });

  it("sends a person without the unit claim to /valj-enhet, then on to where they were going", async () => {
    const page = await newPage(browser);
    await page.goto(`${appUrl}/login?redirectTo=%2Ftillganglighet`);
    await page.getByRole("link", { name: "Logga in med stadens konto" }).click();
    await signInAtProvider(page, "bertil-utan-enhet");
    expect(page.url()).toBe(`${appUrl}/valj-enhet?redirectTo=%2Ftillganglighet`);
    await expect(page.locator("h1").innerText()).resolves.toBe("Välj din enhet");
    await expect(page.locator(".account__name").innerText()).resolves.toBe("Bertil Utan Enhet");
    const select = page.getByRole("combobox", { name: "Din enhet" });
    expect(await select.locator("optgroup").count()).toBeGreaterThan(20);
    expect(await select.locator('optgroup[label="Östermalms stadsdelsförvaltning"] option').first().innerText())
      .toBe("Östermalms stadsdelsförvaltning");
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "valj-enhet-1280");

    // Nothing chosen: the form says so, next to the field and in the summary, without leaving the page.
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await expect(page.locator(".error-summary").innerText()).resolves.toContain("Välj din enhet.");
    await expect(page.locator("#falt-unitId-error").innerText()).resolves.toContain("Välj din enhet.");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "valj-enhet-360");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keyboard: focus the select and pick with the keyboard, then submit with Enter.
    await select.focus();
    await select.selectOption({ label: "Avdelningen för äldreomsorg › Hemtjänsten Östermalm" });
    await page.getByRole("button", { name: "Spara och fortsätt" }).press("Enter");
    await page.waitForURL(`${appUrl}/tillganglighet`);
    await page.getByRole("heading", { level: 1, name: "Tillgänglighet för Idéslussen" }).waitFor();

    // Chosen once: the page now sends the person straight on.
    await page.goto(`${appUrl}/valj-enhet?redirectTo=%2F`);
    expect(page.url()).toBe(`${appUrl}/`);
    await page.close();
  });

  it("answers a missing, tampered or cancelled sign-in with a Swedish 4xx page and a way back", async () => {
    // No sign-in in progress (no state cookie).
    const page = await newPage(browser);
    let response = await page.goto(`${appUrl}/auth/oidc/callback?code=abc&state=xyz`);
    expect(response?.status()).toBe(400);
    await expect(page.locator("h1").innerText()).resolves.toBe("Inloggningen gick inte att slutföra");
    await expect(page.locator("main").innerText()).resolves.toContain("tog för lång tid");
    expect(await page.getByRole("link", { name: "Tillbaka till inloggningen" }).getAttribute("href")).toBe("/login");
    expect(await accessibilityViolations(page)).toEqual([]);

    // A sign-in in progress, but the answer carries someone else's state.
    await page.goto(`${appUrl}/auth/oidc?redirectTo=%2Ftillganglighet`);
    await page.waitForURL((url) => url.origin === issuer);
    response = await page.goto(`${appUrl}/auth/oidc/callback?${new URLSearchParams({ code: "abc", state: "forged", iss: issuer })}`);
    expect(response?.status()).toBe(400);
    await expect(page.locator("main").innerText()).resolves.toContain("kunde inte kontrolleras");
    expect(await page.getByRole("link", { name: "Tillbaka till inloggningen" }).getAttribute("href"))
      .toBe("/login?redirectTo=%2Ftillganglighet");

    // The person cancels at the provider, which answers ?error=access_denied.
    await page.goto(`${appUrl}/auth/oidc`);
    await page.waitForURL((url) => url.origin === issuer);
    response = await page.goto(`${page.url()}/abort`);
    expect(page.url()).toContain(`${appUrl}/auth/oidc/callback?error=access_denied`);
    expect(response?.status()).toBe(400);
    await expect(page.locator("main").innerText()).resolves.toContain("avbröts");
    await page.close();
  });

  it("refuses a deactivated person with a Swedish message, and audits it", async () => {
    await withDatabase(async (db) => {
      await db.updateTable("users").set({ active: false, deactivated_at: new Date() })
        .where("email", "=", "anna-andersson@stockholm.test").execute();
    });
    const page = await newPage(browser);
    await page.goto(`${appUrl}/auth/oidc`);
    const statuses: number[] = [];
    page.on("response", (r) => { if (r.url().startsWith(`${appUrl}/auth/oidc/callback`)) statuses.push(r.status()); });
    await signInAtProvider(page, "anna-andersson");
    expect(statuses).toEqual([403]);
    await expect(page.locator("h1").innerText()).resolves.toBe("Du kan inte logga in");
    await expect(page.locator("main").innerText()).resolves.toContain("inaktiverat");
    expect(await page.locator(".account__name").count()).toBe(0);
    await page.close();

    await withDatabase(async (db) => {
      const failures = await db.selectFrom("audit_log").select(["action", "details"])
        .where("action", "in", ["auth.sign_in_refused", "auth.sign_in_failed"]).orderBy("id").execute();
      expect(failures).toEqual([
        { action: "auth.sign_in_failed", details: { method: "oidc", reason: "missing_state" } },
        { action: "auth.sign_in_failed", details: { method: "oidc", reason: "invalid_response" } },
        { action: "auth.sign_in_failed", details: { method: "oidc", reason: "provider_error", providerError: "access_denied" } },
        { action: "auth.sign_in_refused", details: { method: "oidc", reason: "deactivated" } },
      ]);
    });
  });
});
