import { spawnSync } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { ApiTokenCreated, ApiTokenList } from "~/components/admin/api-token-list";
import { listApiTokens } from "~/models/api-tokens.server";
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { searchIdeas } from "~/models/idea-queries.server";
import { portfolioCostsByYear, portfolioTotals, refreshPortfolioFigures, type PortfolioQuery } from "~/models/portfolio.server";
import ApiTokensPage, { action as tokensAction, loader as tokensLoader } from "~/routes/admin.api-nycklar";
import { action as ideasAction, loader as ideasLoader } from "~/routes/api.v1.ideas";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as portfolioLoader } from "~/routes/api.v1.portfolio";
import { apiIdeasResponseSchema, apiPortfolioResponseSchema } from "~/schemas/api";
import { createApiToken, createApiTokenFromCli, hashApiToken, revokeApiToken } from "~/services/api-tokens.server";
import { stockholmDay } from "~/services/exports.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { DEMO_ACCOUNTS, openDemoDatabase } from "../support/demo-fixture";
import { databaseUrlFor } from "../support/postgres-admin";
import { testDatabaseKind } from "../support/test-database";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
const tokens: Record<"medarbetare" | "styrgrupp" | "revoked", string> = { medarbetare: "", styrgrupp: "", revoked: "" };
const issued: string[] = [];

const consoleSpies: MockInstance[] = [];
beforeAll(async () => {
  demo = await openDemoDatabase();
  for (const method of ["log", "info", "warn", "error", "debug"] as const) consoleSpies.push(vi.spyOn(console, method));
  for (const who of ["medarbetare", "styrgrupp", "revoked"] as const) {
    const email = who === "revoked" ? DEMO_ACCOUNTS.styrgrupp : DEMO_ACCOUNTS[who];
    const result = await createApiToken(demo.db, { actorId: demo.ids.admin, email, label: `Test ${who}` });
    if (!result.ok) throw new Error("token not created");
    tokens[who] = result.token;
    issued.push(result.token);
  }
  const revoked = await demo.db.selectFrom("api_tokens").select("id").where("label", "=", "Test revoked").executeTakeFirstOrThrow();
  expect(await revokeApiToken(demo.db, { actorId: demo.ids.admin, tokenId: revoked.id })).toBe(true);
});
afterEach(() => {
  // Nothing any request printed may contain a token.
  for (const spy of consoleSpies) {
    const printed = JSON.stringify(spy.mock.calls.map((args) => args.map(String)));
    for (const token of issued) expect(printed).not.toContain(token);
  }
});
afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  // Neither the token nor its hash is ever in the audit log.
  const { rows } = await sql<{ text: string }>`select row_to_json(a)::text as text from audit_log a`.execute(demo.db);
  for (const token of issued) {
    expect(rows.some((r) => r.text.includes(token) || r.text.includes(hashApiToken(token)))).toBe(false);
  }
  await demo.close();
});

type Loader = (args: { request: Request; params: Record<string, string>; context: never }) => unknown;
async function api(loader: Loader, pathAndQuery: string, headers: Record<string, string> = {}, method = "GET") {
  let result: unknown;
  try {
    result = await loader({ request: new Request(`http://localhost${pathAndQuery}`, { method, headers }), params: {}, context: {} as never });
  } catch (thrown) {
    result = thrown;
  }
  if (!(result instanceof Response)) throw new Error(`not a Response: ${String(result)}`);
  const text = await result.text();
  return { status: result.status, headers: result.headers, body: JSON.parse(text) as any };
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("API authentication", () => {
  it("answers 401 with WWW-Authenticate: Bearer without a valid, unrevoked token", async () => {
    const none = await api(ideasLoader, "/api/v1/ideas");
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(none.body.error).toContain("API-nyckel saknas");
    const wrong = await api(ideasLoader, "/api/v1/ideas", bearer(`idl_${"A".repeat(43)}`));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect((await api(ideasLoader, "/api/v1/ideas", bearer("nonsense"))).status).toBe(401);
    expect((await api(portfolioLoader, "/api/v1/portfolio", bearer(tokens.revoked))).status).toBe(401);
  });

  it("does not accept a session cookie", async () => {
    const cookieOnly = await api(portfolioLoader, "/api/v1/portfolio", { Cookie: demo.cookies.styrgrupp });
    expect(cookieOnly.status).toBe(401);
    expect((await api(ideasLoader, "/api/v1/ideas", { Cookie: demo.cookies.admin })).status).toBe(401);
  });

  it("refuses a token of a deactivated person, and records use", async () => {
    const before = await demo.db.selectFrom("api_tokens").select("last_used_at").where("label", "=", "Test medarbetare").executeTakeFirstOrThrow();
    expect((await api(ideasLoader, "/api/v1/ideas", bearer(tokens.medarbetare))).status).toBe(200);
    const after = await demo.db.selectFrom("api_tokens").select("last_used_at").where("label", "=", "Test medarbetare").executeTakeFirstOrThrow();
    expect(after.last_used_at).not.toBeNull();
    expect(after.last_used_at).not.toEqual(before.last_used_at ?? undefined);
    await demo.db.updateTable("users").set({ active: false, deactivated_at: new Date() }).where("id", "=", demo.ids.medarbetare).execute();
    try {
      expect((await api(ideasLoader, "/api/v1/ideas", bearer(tokens.medarbetare))).status).toBe(401);
    } finally {
      await demo.db.updateTable("users").set({ active: true, deactivated_at: null }).where("id", "=", demo.ids.medarbetare).execute();
    }
  });

  it("is read-only: any other method is 405", async () => {
    const post = await api(ideasAction as Loader, "/api/v1/ideas", bearer(tokens.styrgrupp), "POST");
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET");
  });
});

describe("GET /api/v1/ideas", () => {
  it("pages and filters like /ideas, and validates its parameters", async () => {
    const first = await api(ideasLoader, "/api/v1/ideas?pageSize=3", bearer(tokens.medarbetare));
    expect(first.status).toBe(200);
    apiIdeasResponseSchema.parse(first.body);
    const second = await api(ideasLoader, "/api/v1/ideas?pageSize=3&page=2", bearer(tokens.medarbetare));
    const expected = await searchIdeas(demo.db, { q: "", stage: null, kind: null, unitId: null, focusArea: null, sort: "nyast", page: 2, pageSize: 3 });
    expect(second.body.data.map((i: { id: string }) => i.id)).toEqual(expected.rows.map((r) => r.id));
    expect(second.body.total).toBe(expected.total);
    expect(second.body.links.prev).toBe("/api/v1/ideas?pageSize=3&page=1");
    expect(second.body.links.next).toBe("/api/v1/ideas?pageSize=3&page=3");
    expect(JSON.stringify(first.body)).not.toMatch(/submitter|inskickad av/i);

    const filtered = await api(ideasLoader, `/api/v1/ideas?unit=${demo.brommaId}&stage=pilot&pageSize=100`, bearer(tokens.medarbetare));
    const expectedFiltered = await searchIdeas(demo.db, { q: "", stage: "pilot", kind: null, unitId: demo.brommaId, focusArea: null, sort: "nyast", page: 1, pageSize: 100 });
    expect(filtered.body.total).toBe(expectedFiltered.total);
    expect(filtered.body.data.every((i: { stage: string }) => i.stage === "pilot")).toBe(true);

    const tooBig = await api(ideasLoader, "/api/v1/ideas?pageSize=1000&stage=nope", bearer(tokens.medarbetare));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.fields.pageSize).toBe("pageSize får vara högst 100.");
    expect(tooBig.body.fields.stage).toBe("Okänt steg.");
  });
});

describe("GET /api/v1/portfolio", () => {
  it("is refused (403) to a medarbetare's token", async () => {
    const refused = await api(portfolioLoader, "/api/v1/portfolio", bearer(tokens.medarbetare));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBeTruthy();
  });

  it("gives the styrgrupp the same totals and yearly costs as the page's model functions", async () => {
    const answer = await api(portfolioLoader, "/api/v1/portfolio?pageSize=2", bearer(tokens.styrgrupp));
    expect(answer.status).toBe(200);
    apiPortfolioResponseSchema.parse(answer.body);
    await refreshPortfolioFigures(demo.db);
    const query: PortfolioQuery = { unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "score", descending: true };
    const totals = await portfolioTotals(demo.db, query);
    expect(answer.body.totals).toEqual(totals);
    const year = Number(stockholmDay(new Date()).slice(0, 4));
    const costs = await portfolioCostsByYear(demo.db, query, year, 5);
    expect(answer.body.costsByYear).toEqual(costs.map((cost, y) => ({ year: year + y, cost })));
    expect(answer.body.countsByStage.prioritering + answer.body.countsByStage.pilot + answer.body.countsByStage.inforande).toBe(totals.count);
    expect(answer.body.data).toHaveLength(2);
    expect(answer.body.total).toBe(totals.count);
    expect((await api(portfolioLoader, "/api/v1/portfolio?selfFinancing=maybe", bearer(tokens.styrgrupp))).status).toBe(400);
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with both paths, the bearer scheme and the parameter limits", async () => {
    const doc = await api(openApiLoader as Loader, "/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths).sort()).toEqual(["/api/v1/ideas", "/api/v1/portfolio"]);
    expect(doc.body.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const pageSize = doc.body.paths["/api/v1/ideas"].get.parameters.find((p: { name: string }) => p.name === "pageSize");
    expect(pageSize.schema.maximum).toBe(100);
    expect(doc.body.paths["/api/v1/portfolio"].get.responses["403"]).toBeDefined();
    expect(doc.body.components.schemas.PortfolioResponse.properties.totals).toBeDefined();
  });
});

describe("admin page /admin/api-nycklar", () => {
  it("issues a token shown once, lists it by prefix, revokes it; audit rows without the token", async () => {
    expect((await call(tokensLoader as never, getRequest("/admin/api-nycklar", demo.cookies.styrgrupp))).status).toBe(403);
    const bad = await call(tokensAction as never, postRequest("/admin/api-nycklar", demo.cookies.admin, [
      ["intent", "create"], ["email", "ingen@idesluss.test"], ["label", "Power BI"],
    ]));
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors.email).toContain("ingen person");
    const created = await call(tokensAction as never, postRequest("/admin/api-nycklar", demo.cookies.admin, [
      ["intent", "create"], ["email", DEMO_ACCOUNTS.kontaktperson.toUpperCase()], ["label", "Power BI"],
    ]));
    expect(created.status).toBe(200);
    const token: string = created.data.created.token;
    issued.push(token);
    expect(token).toMatch(/^idl_[A-Za-z0-9_-]{43}$/);
    const stored = await demo.db.selectFrom("api_tokens").selectAll().where("label", "=", "Power BI").executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashApiToken(token));
    expect(stored.token_prefix).toBe(token.slice(0, 12));
    expect((await api(ideasLoader, "/api/v1/ideas", bearer(token))).status).toBe(200);

    const list = await call(tokensLoader as never, getRequest("/admin/api-nycklar", demo.cookies.admin));
    expect(JSON.stringify(list.data)).not.toContain(token);
    expect(list.data.rows.map((r: { label: string }) => r.label)).toContain("Power BI");

    const revoked = await call(tokensAction as never, postRequest("/admin/api-nycklar", demo.cookies.admin, [["intent", "revoke"], ["tokenId", stored.id]]));
    expect(revoked.location).toBe("/admin/api-nycklar?meddelande=aterkallad");
    expect((await api(ideasLoader, "/api/v1/ideas", bearer(token))).status).toBe(401);
    const again = await call(tokensAction as never, postRequest("/admin/api-nycklar", demo.cookies.admin, [["intent", "revoke"], ["tokenId", stored.id]]));
    expect(again.status).toBe(404);

    const audit = await demo.db.selectFrom("audit_log").select(["action", "actor_id"]).where("entity_id", "=", stored.id).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "api_token.created", actor_id: demo.ids.admin },
      { action: "api_token.revoked", actor_id: demo.ids.admin },
    ]);
  });
});

describe("npm run token:create", () => {
  it("refuses missing arguments and unknown or inactive people with a Swedish message", async () => {
    expect(await createApiTokenFromCli(demo.db, [])).toMatchObject({ ok: false, message: expect.stringContaining("Användning") });
    expect(await createApiTokenFromCli(demo.db, ["ingen@idesluss.test", "Drift"])).toMatchObject({ ok: false, message: expect.stringContaining("ingen person") });
    await demo.db.updateTable("users").set({ active: false, deactivated_at: new Date() }).where("id", "=", demo.ids.medarbetare).execute();
    try {
      expect(await createApiTokenFromCli(demo.db, [DEMO_ACCOUNTS.medarbetare, "Drift"])).toMatchObject({ ok: false, message: expect.stringContaining("inaktiverat") });
    } finally {
      await demo.db.updateTable("users").set({ active: true, deactivated_at: null }).where("id", "=", demo.ids.medarbetare).execute();
    }
    const made = await createApiTokenFromCli(demo.db, [DEMO_ACCOUNTS.styrgrupp, "Drift", "nattjobb"]);
    if (!made.ok) throw new Error(made.message);
    issued.push(made.token);
    expect((await api(portfolioLoader, "/api/v1/portfolio", bearer(made.token))).status).toBe(200);
    const row = await demo.db.selectFrom("api_tokens").select(["label", "created_by"]).where("token_hash", "=", hashApiToken(made.token)).executeTakeFirstOrThrow();
    expect(row).toEqual({ label: "Drift nattjobb", created_by: null });
  });

  it.runIf(testDatabaseKind() === "postgres")("prints the token once on stdout and exits 1 for an unknown e-mail (real process)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const databaseUrl = databaseUrlFor(process.env.TEST_DATABASE_URL!, demo.handle.location.split("/").pop()!);
    const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/create-api-token.ts", ...args], {
      cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000,
    });
    const ok = run([DEMO_ACCOUNTS.admin, "Drift", "CLI"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^idl_[A-Za-z0-9_-]{43}\n$/);
    issued.push(ok.stdout.trim());
    const unknown = run(["ingen@idesluss.test", "Drift"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Det finns ingen person");
    expect(unknown.stdout).toBe("");
  });
});

async function serverHtml(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

describe("admin token components without JavaScript", () => {
  it("lists tokens by prefix with a confirm-to-revoke form, and shows a new token once", async () => {
    const { rows } = await listApiTokens(demo.db, { limit: 25, offset: 0 });
    const html = await serverHtml(createElement(ApiTokenList, { rows }));
    expect(html).toContain("<caption");
    expect(html).toContain(`${rows[0]!.prefix}…`);
    expect(html).toMatch(/<summary>Återkalla…<\/summary>/);
    expect(html).toMatch(/name="tokenId" value="[0-9a-f-]{36}"/);
    expect(html).toContain("Återkallad");
    for (const token of issued) expect(html).not.toContain(token);
    const created = await serverHtml(createElement(ApiTokenCreated, { token: "idl_example", userName: "Sara" }));
    expect(created).toMatch(/<input[^>]*id="ny-api-nyckel"[^>]*readOnly=""[^>]*value="idl_example"|<input[^>]*value="idl_example"[^>]*/);
    expect(created).toContain("visas bara den här gången");
  });

  it("announces a new token briefly in the status region and shows the token outside it; ignores unknown notice codes", async () => {
    const list = await call(tokensLoader as never, getRequest("/admin/api-nycklar", demo.cookies.admin));
    const pageHtml = async (url: string, method: "GET" | "POST") => {
      const handler = createStaticHandler([{
        id: "root", path: "/admin/api-nycklar", loader: () => ({ ...JSON.parse(JSON.stringify(list.data)), locale: "sv" }),
        action: () => ({ intent: "create", created: { token: "idl_example_token", userName: "Sara" } }),
        element: createElement(ApiTokensPage),
      }]);
      const context = await handler.query(new Request(url, method === "POST" ? { method, body: new URLSearchParams({ intent: "create" }) } : {}));
      if (context instanceof Response) throw new Error("unexpected response");
      return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
    };
    const html = await pageHtml("http://localhost/admin/api-nycklar", "POST");
    const status = /<div role="status">(.*?)<\/div>/s.exec(html)?.[1] ?? "";
    expect(status).toContain("Nyckeln är skapad. Kopiera den nu – den visas bara en gång.");
    expect(status).not.toContain("idl_example_token");
    expect(html).toMatch(/<label for="ny-api-nyckel">API-nyckel<\/label><input[^>]*id="ny-api-nyckel"[^>]*value="idl_example_token"/);

    for (const code of ["constructor", "toString", "__proto__"]) {
      const page = await pageHtml(`http://localhost/admin/api-nycklar?meddelande=${code}`, "GET");
      expect(/<div role="status">(.*?)<\/div>/s.exec(page)?.[1], code).toBe("");
    }
    expect(await pageHtml("http://localhost/admin/api-nycklar?meddelande=aterkallad", "GET")).toContain("Nyckeln är återkallad.");
  });
});
