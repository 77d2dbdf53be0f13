import { clearPortfolioReadCache } from "../../app/services/read-cache.server";
import { existsSync } from "node:fs";
import path from "node:path";
import type {
  Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode,
  UnknownRow,
} from "kysely";
import { sql } from "kysely";
import type { DatabaseHandle } from "../../db/database";
import { createApiToken } from "../../app/services/api-tokens.server";
import { sessionCookieFor } from "./sessions";
import type { Database } from "../../db/schema";

/** One statement the app sent to the database, as the driver received it. */
export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Records every query that goes through Kysely – query builders, raw `sql`…`.execute(db)` and
 * queries inside transactions alike (a transaction's executor keeps the plugins of the db it was
 * opened on) – with its compiled SQL and parameters. Works the same on PGlite and PostgreSQL, since
 * it sits above the dialect. Not recorded: the dialect's own begin/commit/rollback, which are not
 * queries the app wrote.
 *
 * A query is recorded when it is compiled for execution (transformQuery), so one that fails is
 * recorded too; Kysely compiles a query exactly once per execution.
 */
export class QueryRecorder implements KyselyPlugin {
  #queries: RecordedQuery[] = [];
  #recording = false;

  constructor(private readonly compile: (node: RootOperationNode, queryId: PluginTransformQueryArgs["queryId"]) => RecordedQuery) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (this.#recording) this.#queries.push(this.compile(node, queryId));
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }

  /** Runs `work` and returns what it returned with every query it executed, in order. */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> {
    if (this.#recording) throw new Error("QueryRecorder: record() calls must not overlap");
    this.#queries = [];
    this.#recording = true;
    try {
      const result = await work();
      return { result, queries: [...this.#queries] };
    } finally {
      this.#recording = false;
    }
  }
}

/**
 * Puts a recording view of `handle` where the app finds its database (globalThis.__idesluss_database),
 * so route loaders called directly run their queries through the recorder. `uninstall()` clears it.
 */
export function installQueryRecorder(handle: DatabaseHandle): {
  recorder: QueryRecorder; db: Kysely<Database>; uninstall(): void;
} {
  const executor = handle.db.getExecutor();
  const recorder = new QueryRecorder((node, queryId) => {
    const compiled = executor.compileQuery(node, queryId);
    return { sql: compiled.sql, parameters: compiled.parameters };
  });
  const db = handle.db.withPlugin(recorder);
  globalThis.__idesluss_database = Promise.resolve({ ...handle, db });
  return {
    recorder,
    db,
    uninstall: () => {
      globalThis.__idesluss_database = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The heavy pages of issue 10, as the query-count and query-plan tests call them: the root loader
// (it runs on every document request) plus the page's own loader, and the body read to the end so
// a streamed export runs all its queries.

export type PageUser = "medarbetare" | "kontaktperson" | "styrgrupp" | "administrator";

export interface HeavyPage {
  name: string;
  /** Route module under app/routes, without extension. */
  route: string;
  url: (fixtures: PageFixtures) => string;
  params?: (fixtures: PageFixtures) => Record<string, string>;
  /** Signed in by session cookie, or by API token for "api". */
  as: PageUser | "api";
}

export interface PageFixtures {
  /** An idea with a long timeline, comments and a business case. */
  richIdeaId: string;
  cookies: Record<PageUser, string>;
  apiToken: string;
}

export const DEMO_EMAILS: Record<PageUser, string> = {
  medarbetare: "medarbetare@idesluss.test",
  kontaktperson: "kontaktperson@idesluss.test",
  styrgrupp: "styrgrupp@idesluss.test",
  administrator: "admin@idesluss.test",
};

const ideaSorts = ["nyast", "mest_stod", "senast_aktiv"] as const;

export const HEAVY_PAGES: HeavyPage[] = [
  { name: "start page", route: "_index", url: () => "/", as: "medarbetare" },
  { name: "ideas p1", route: "ideas._index", url: () => "/ideas", as: "medarbetare" },
  ...ideaSorts.map((sort): HeavyPage => ({
    name: `ideas sorted ${sort}`, route: "ideas._index", url: () => `/ideas?sortering=${sort}`, as: "medarbetare",
  })),
  { name: "ideas deep page, filtered", route: "ideas._index", url: () => "/ideas?steg=avslutad&sida=4", as: "medarbetare" },
  { name: "ideas full-text search", route: "ideas._index", url: () => "/ideas?q=bokning", as: "medarbetare" },
  ...ideaSorts.map((sort): HeavyPage => ({
    name: `ideas search sorted ${sort}`, route: "ideas._index", url: () => `/ideas?q=digital&sortering=${sort}`,
    as: "medarbetare",
  })),
  {
    name: "idea page", route: "ideas.$ideaId._index", url: (f) => `/ideas/${f.richIdeaId}`,
    params: (f) => ({ ideaId: f.richIdeaId }), as: "kontaktperson",
  },
  { name: "inbox", route: "inbox", url: () => "/inbox", as: "kontaktperson" },
  { name: "portfolio", route: "portfolio._index", url: () => "/portfolio", as: "styrgrupp" },
  { name: "portfolio diagram", route: "portfolio.diagram", url: () => "/portfolio/diagram", as: "styrgrupp" },
  { name: "portfolio agenda", route: "portfolio.agenda", url: () => "/portfolio/agenda", as: "styrgrupp" },
  { name: "ideas export csv", route: "ideas.export[.]csv", url: () => "/ideas/export.csv", as: "kontaktperson" },
  { name: "api portfolio", route: "api.v1.portfolio", url: () => "/api/v1/portfolio", as: "api" },
  { name: "pipeline", route: "pipeline", url: () => "/pipeline", as: "medarbetare" },
  { name: "notifications", route: "notifications", url: () => "/notifications", as: "medarbetare" },
];

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
function loaderOf(route: string): Promise<{ loader: Loader }> {
  const file = [".tsx", ".ts"].map((ext) => path.join(routesDir, route + ext)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`No route module ${route} in app/routes`);
  return import(file) as Promise<{ loader: Loader }>;
}

/**
 * Calls the page as a document request would (root loader, then the route's loader), reading a
 * Response body to its end. Throws when the page does not answer 2xx, so a query count of a
 * refusal is never mistaken for the page's.
 */
export async function loadPage(page: HeavyPage, fixtures: PageFixtures): Promise<void> {
  const headers = new Headers();
  if (page.as === "api") headers.set("Authorization", `Bearer ${fixtures.apiToken}`);
  else headers.set("Cookie", fixtures.cookies[page.as]);
  const request = new Request(`http://localhost${page.url(fixtures)}`, { headers });
  const params = page.params?.(fixtures) ?? {};
  const root = (await import("../../app/root")) as unknown as { loader: Loader };
  // Every load runs its queries: a cached portfolio view would hide them from the count and the plans.
  const current = await globalThis.__idesluss_database;
  if (current) clearPortfolioReadCache(current.db);
  if (page.as !== "api") await root.loader({ request, params, context: {} });
  let result: unknown;
  try {
    result = await (await loaderOf(page.route)).loader({ request, params, context: {} });
  } catch (thrown) {
    throw new Error(`${page.name} (${page.url(fixtures)}) threw ${thrown instanceof Response ? `a ${thrown.status} response` : String(thrown)}`);
  }
  const status = result instanceof Response ? result.status : (result as { init?: { status?: number } } | null)?.init?.status ?? 200;
  if (status < 200 || status >= 300) throw new Error(`${page.name} (${page.url(fixtures)}) answered ${status}`);
  if (result instanceof Response) await result.text();
}

/**
 * Sessions for the demo accounts, an API token for styrgrupp, and the idea with the most timeline
 * events among those with a business case and comments. Call after seeding.
 */
export async function preparePageFixtures(db: Kysely<Database>): Promise<PageFixtures> {
  const cookies = {} as Record<PageUser, string>;
  for (const who of Object.keys(DEMO_EMAILS) as PageUser[]) cookies[who] = await sessionCookieFor(db, DEMO_EMAILS[who]);
  const token = await createApiToken(db, { actorId: null, email: DEMO_EMAILS.styrgrupp, label: "Frågeräkning" });
  if (!token.ok) throw new Error("could not create an API token for styrgrupp");
  const { rows } = await sql<{ id: string }>`
    select i.id from ideas i
    join business_cases bc on bc.idea_id = i.id
    where exists (select 1 from comments c where c.idea_id = i.id)
    order by (select count(*) from idea_events e where e.idea_id = i.id) desc, i.id
    limit 1`.execute(db);
  if (!rows[0]) throw new Error("no idea with a business case and comments: seed first");
  return { richIdeaId: rows[0].id, cookies, apiToken: token.token };
}
