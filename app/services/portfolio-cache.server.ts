import { type Kysely, sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/schema";

/**
 * A read cache for the portfolio's heavy aggregates (the portfolio page, its charts, the API): on a
 * steering-group morning many people open the same views of tens of thousands of ideas, and the
 * data changes far less often than it is read.
 *
 * Entries are keyed by the portfolio's data generation (table portfolio_generation, bumped at commit
 * by every transaction that changes ideas, figures, units, gate decisions or business cases – see
 * migration 0010) and by the view (filters, page, year). A reader reads the generation first: after
 * a change commits, every reader sees the new generation and reads afresh, so nobody – least of all
 * the person who made the change – sees old numbers. Concurrent identical reads share one promise.
 * Bounded by entries and age; one cache per database handle (tests open several in one process).
 */
const MAX_ENTRIES = 300;
const MAX_AGE_MS = 10 * 60_000;

type Db = Kysely<Database>;
const caches = new WeakMap<Db, LRUCache<string, { value: Promise<unknown> }>>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: MAX_ENTRIES, ttl: MAX_AGE_MS });
    caches.set(db, cache);
  }
  return cache;
}

export async function portfolioGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom("portfolio_generation").select("generation").executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/**
 * The data generation and the number of ideas waiting for their figures, in one statement (one
 * snapshot): a page read whose queue is empty needs no other query to find its cached view.
 */
export async function portfolioReadState(db: Db): Promise<{ generation: number; pending: number }> {
  const { rows } = await sql<{ generation: unknown; pending: unknown }>`
    select (select generation from portfolio_generation) as generation,
           (select count(*) from portfolio_figures_queue) as pending`.execute(db);
  return { generation: Number(rows[0]?.generation ?? 0), pending: Number(rows[0]?.pending ?? 0) };
}

/**
 * `read()`'s result for this view at the current data generation, computed at most once. A caller
 * that has just read the generation (portfolioReadState) passes it instead of reading it again.
 */
export async function cachedPortfolioRead<T>(db: Db, view: string, read: () => Promise<T>, generation?: number): Promise<T> {
  if (uncached.has(db)) return read();
  const key = `${generation ?? (await portfolioGeneration(db))}\u0000${view}`;
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit) return hit.value as Promise<T>;
  const value = read();
  cache.set(key, { value });
  // A failed read is not remembered: the next reader tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

const uncached = new WeakSet<Db>();

/**
 * Every read through this database handle runs its SQL, every time: for the benchmark's baseline
 * server, which by the issue's definition runs the pages' SQL (scripts/bench/baseline-server.ts).
 */
export function bypassPortfolioReadCache(db: Db): void {
  uncached.add(db);
}

/** Forgets every cached view of this database (tests that count or EXPLAIN the queries of a read). */
export function clearPortfolioReadCache(db: Db): void {
  caches.get(db)?.clear();
}

/** A stable key for a view's parameters (object keys sorted, undefined dropped). */
export function viewKey(name: string, parameters: Record<string, unknown>): string {
  const sorted = Object.keys(parameters).sort().map((k) => [k, parameters[k]] as const).filter(([, v]) => v !== undefined);
  return `${name}:${JSON.stringify(sorted)}`;
}
