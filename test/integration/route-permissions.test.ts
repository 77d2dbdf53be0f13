import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { seedDemoData } from "../../db/seed/demo";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";
import { sessionCookieFor } from "../support/sessions";
import { allRouteAccess } from "../support/route-matrix";
import type { Expectation, MatrixFixtures, RouteAccess, Who } from "../support/route-matrix/types";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir)
  .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.(ts|tsx)$/.test(file))
  .map((file) => file.replace(/\.(ts|tsx)$/, ""))
  .sort();

let handle: DatabaseHandle;
let fixtures: MatrixFixtures;
const emails: Record<Exclude<Who, "anonymous">, string> = {
  medarbetare: "medarbetare@idesluss.test",
  kontaktperson: "kontaktperson@idesluss.test",
  styrgrupp: "styrgrupp@idesluss.test",
  administrator: "admin@idesluss.test",
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  const db = handle.db;
  const idOf = async (email: string) =>
    (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const ostermalm = await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow();
  const other = await db.selectFrom("units").select("id").where("name", "=", "Bromma stadsdelsförvaltning").executeTakeFirstOrThrow();
  const { rows: ideas } = await sql<{ id: string }>`
    with recursive tree as (
      select id from units where id = ${ostermalm.id}
      union all select u.id from units u join tree on u.parent_id = tree.id
    )
    select ideas.id from ideas join tree on tree.id = ideas.unit_id
    where ideas.submitted_at is not null order by ideas.submitted_at limit 1`.execute(db);
  const idea = ideas[0]!;
  const { rows: inAssessment } = await sql<{ id: string }>`
    with recursive tree as (
      select id from units where id = ${ostermalm.id}
      union all select u.id from units u join tree on u.parent_id = tree.id
    )
    select ideas.id from ideas join tree on tree.id = ideas.unit_id
    where ideas.submitted_at is not null and ideas.stage = 'bedomning' and ideas.merged_into_id is null
    order by ideas.submitted_at limit 1`.execute(db);
  fixtures = {
    users: {
      medarbetare: await idOf("medarbetare@idesluss.test"),
      kontaktperson: await idOf("kontaktperson@idesluss.test"),
      styrgrupp: await idOf("styrgrupp@idesluss.test"),
      administrator: await idOf("admin@idesluss.test"),
    },
    ostermalmUnitId: ostermalm.id,
    otherUnitId: other.id,
    ostermalmIdeaId: idea.id,
    ostermalmBedomningIdeaId: inAssessment[0]!.id,
  };
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

async function outcome(run: () => Promise<unknown>): Promise<Expectation | string> {
  try {
    const result = await run();
    return classify(result);
  } catch (thrown) {
    return classify(thrown);
  }
}

function classify(result: unknown): Expectation | string {
  if (result instanceof Response) {
    if (result.status === 401) return "unauthorized";
    if (result.status === 403) return "forbidden";
    if (result.status >= 300 && result.status < 400 && result.headers.get("Location")?.startsWith("/login")) return "login";
    if (result.status >= 500) return `error ${result.status}`;
    return "allow";
  }
  // Remix's data() results carry their status in `init`.
  const init = (result as { init?: { status?: number } } | null)?.init;
  if (init?.status === 401) return "unauthorized";
  if (init?.status === 403) return "forbidden";
  if (result instanceof Error) return `error: ${result.message}`;
  return "allow";
}

/** A fresh session for every request, so a route that signs out (logout) cannot affect the next one. */
async function request(entry: RouteAccess, who: Who, method: "GET" | "POST"): Promise<Request> {
  const headers = new Headers();
  const cookie = who === "anonymous" ? null : await sessionCookieFor(handle.db, emails[who]);
  if (cookie) headers.set("Cookie", cookie);
  const url = `http://localhost${entry.path(fixtures)}`;
  if (method === "GET") return new Request(url, { headers });
  const body = new URLSearchParams(entry.actionBody?.(fixtures) ?? {});
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(url, { method, headers, body });
}

describe(`route permission matrix on ${testDatabaseKind()}`, () => {
  it("has an entry for every route module, and no entry without a module", () => {
    const covered = allRouteAccess.map((entry) => entry.route).sort();
    expect(routeFiles.filter((route) => !covered.includes(route))).toEqual([]);
    expect(covered.filter((route) => !routeFiles.includes(route))).toEqual([]);
  });

  for (const entry of allRouteAccess) {
    it(`${entry.route}: every role gets what the matrix says`, async () => {
      const mod = await import(path.join(routesDir, routeFiles.includes(entry.route) ? fileOf(entry.route) : entry.route));
      const results: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const kind of ["loader", "action"] as const) {
        const matrix = entry[kind];
        if (!mod[kind]) {
          expect(matrix, `${entry.route} has no ${kind} but the matrix lists one`).toBeUndefined();
          continue;
        }
        expect(matrix, `${entry.route} exports a ${kind}: add it to the matrix`).toBeDefined();
        for (const who of Object.keys(matrix!) as Who[]) {
          const req = await request(entry, who, kind === "loader" ? "GET" : "POST");
          results[`${kind} ${who}`] = await outcome(() =>
            mod[kind]({ request: req, params: entry.params?.(fixtures) ?? {}, context: { clientIp: null, cspNonce: "test" } }));
          expected[`${kind} ${who}`] = matrix![who];
        }
      }
      expect(results).toEqual(expected);
    });
  }
});

function fileOf(route: string): string {
  const file = readdirSync(routesDir).find((f) => f.replace(/\.(ts|tsx)$/, "") === route);
  return file!;
}
