// The benchmark's data: an empty database is migrated and seeded (demo data + synthetic ideas); one
// that already holds a seed of the requested size is reused; anything else is refused.
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import { migrateToLatest } from "../../db/migrator";
import { seedDemoData } from "../../db/seed/demo";
import { seedSyntheticData } from "../../db/seed/synthetic";
import { refreshPortfolioFigures } from "../../app/models/portfolio.server";
import { formatMs, log } from "./log";

type Db = Kysely<Database>;

export type SeedState = { kind: "empty" } | { kind: "matching" } | { kind: "other"; description: string };

/** Synthetic users the seed makes for this many ideas (as db/seed/synthetic.ts does). */
const syntheticUsersFor = (ideas: number) => Math.max(50, Math.round(ideas / 10));

export async function inspectSeed(db: Db, ideas: number): Promise<SeedState> {
  const { rows: tables } = await sql<{ present: boolean }>`
    select to_regclass('ideas') is not null as present`.execute(db);
  if (!tables[0]?.present) return { kind: "empty" };
  const { rows } = await sql<{ all_ideas: unknown; synthetic_ideas: unknown; synthetic_users: unknown }>`
    select (select count(*) from ideas) as all_ideas,
           (select count(*) from ideas where title like '%(syntetisk %') as synthetic_ideas,
           (select count(*) from users where email like 'syntetisk.%') as synthetic_users`.execute(db);
  const counts = rows[0]!;
  const [all, synthetic, users] = [Number(counts.all_ideas), Number(counts.synthetic_ideas), Number(counts.synthetic_users)];
  if (all === 0 && users === 0) return { kind: "empty" };
  if (synthetic === ideas && users === syntheticUsersFor(ideas)) return { kind: "matching" };
  return { kind: "other", description: `${all} idéer varav ${synthetic} syntetiska, ${users} syntetiska personer` };
}

export interface PreparedData {
  reused: boolean;
  seedMs: number | null;
  /** The first refreshPortfolioFigures after seeding (cold only when the data were just seeded). */
  portfolioRefreshMs: number;
  portfolioRefreshCold: boolean;
}

/** Migrates and seeds an empty database, or reuses one seeded for this size; throws for anything else. */
export async function prepareBenchData(db: Db, options: { ideas: number; where: string; kind: "postgres" | "pglite" }): Promise<PreparedData> {
  const state = await inspectSeed(db, options.ideas);
  if (state.kind === "other") {
    throw new Error(
      `Databasen ${options.where} innehåller redan annat (${state.description}), inte en benchmark-seed med ` +
        `${options.ideas} idéer. Ange en tom databas, en med samma --ideas, eller ta bort BENCH_DATABASE_URL.`,
    );
  }
  // Pending migrations are applied either way: the app does not migrate on its own here.
  const migrated = await migrateToLatest(db);
  const applied = migrated.results?.filter((r) => r.status === "Success").length ?? 0;
  if (applied) log(`${applied} migreringar körda.`);

  let seedMs: number | null = null;
  if (state.kind === "empty") {
    log(`Seedar ${options.ideas} idéer i ${options.where} …`);
    const started = performance.now();
    const now = new Date();
    await seedDemoData(db, { now });
    const summary = await seedSyntheticData(db, { ideas: options.ideas, now, log: (line) => log(`  ${line}`) });
    await sql`vacuum analyze`.execute(db);
    seedMs = performance.now() - started;
    log(`Seed klar: ${summary.ideas} idéer, ${summary.users} personer, ${summary.events} händelser, ` +
      `${summary.comments} kommentarer på ${formatMs(seedMs)} (inkl. vacuum analyze).`);
  } else {
    log(`Återanvänder befintlig seed med ${options.ideas} idéer i ${options.where}.`);
  }
  const started = performance.now();
  const outcome: unknown = await refreshPortfolioFigures(db);
  const refreshed = typeof outcome === "number" ? outcome : (outcome as { refreshed: number }).refreshed;
  const portfolioRefreshMs = performance.now() - started;
  const cold = state.kind === "empty";
  log(`Portföljens nyckeltal, första beräkning: ${formatMs(portfolioRefreshMs)} (${refreshed} idéer${cold ? "" : ", återanvänd databas – inte kall"}).`);
  return { reused: state.kind === "matching", seedMs, portfolioRefreshMs, portfolioRefreshCold: cold };
}

export async function postgresVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);
  return rows[0]?.version ?? "okänd";
}
