import { type Kysely, sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/schema";

/**
 * The app's read cache: on a steering-group morning many people open the same views – the portfolio's
 * aggregates over tens of thousands of ideas, list counts, the same ideas' pages – and the data
 * changes far less often than it is read.
 *
 * Entries are keyed by the data generation (table portfolio_generation, bumped at commit by every
 * transaction that changes ideas, figures, units, gate decisions, business cases, people's names,
 * criteria or settings – migrations 0010 and 0011) and by the view (filters, page, year); one idea's
 * page parts also by the idea's change stamp (migration 0011). A reader reads the generation (and
 * stamp) first: after a change commits, every reader sees the new number and reads afresh, so nobody
 * – least of all the person who made the change – sees old data. Concurrent identical reads share one
 * promise. Bounded by entries and age; one cache per database handle (tests open several in one process).
 */
const MAX_AGE_MS = 10 * 60_000;

type Db = Kysely<Database>;
/** `version`: what an idea part was read at (cachedIdeaRead); the other shelves put it in the key. */
type Cache = LRUCache<string, { value: Promise<unknown>; version?: string }>;

/**
 * Two shelves per database: views (pages of rows, charts; up to tens of kB each) and counts (a
 * number or a few per entry). Counts vary with free-text searches and filters; on their own shelf
 * many distinct searches cannot push the steering group's views out.
 */
const SHELVES = { views: 300, counts: 5_000, ideaParts: 3_000 } as const;
// ideaParts: about ten parts per idea, each bounded (≤ 500 comments, 100 timeline events, a handful of
// decisions, deviations…): a few hundred ideas' pages in some tens of MB at most.
type Shelf = keyof typeof SHELVES;
const caches = new WeakMap<Db, Record<Shelf, Cache>>();

function cacheOf(db: Db, shelf: Shelf): Cache {
  let shelves = caches.get(db);
  if (!shelves) {
    shelves = {
      views: new LRUCache({ max: SHELVES.views, ttl: MAX_AGE_MS }),
      counts: new LRUCache({ max: SHELVES.counts, ttl: MAX_AGE_MS }),
      ideaParts: new LRUCache({ max: SHELVES.ideaParts, ttl: MAX_AGE_MS }),
    };
    caches.set(db, shelves);
  }
  return shelves[shelf];
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
export function cachedPortfolioRead<T>(db: Db, view: string, read: () => Promise<T>, generation?: number): Promise<T> {
  return cachedRead(db, "views", view, read, generation);
}

/** As cachedPortfolioRead, for small results (counts) whose keys vary with searches and filters. */
export function cachedCountRead<T>(db: Db, view: string, read: () => Promise<T>): Promise<T> {
  return cachedRead(db, "counts", view, read);
}

/**
 * Where one idea's page data stands, read together with the idea itself (findVisibleIdea): its change
 * stamp (bumped by every statement that changes the idea's row or a row of it the page shows), the
 * reference generation (people's names, units, criteria, settings) and the data generation (moves
 * with any idea's change – only for parts that read other ideas). Migrations 0010 and 0011.
 */
export interface IdeaReadScope {
  ideaId: string;
  changeStamp: number;
  referenceGeneration: number;
  generation: number;
}

/**
 * `read()`'s result for one part of one idea's page (comments, timeline, gate evidence…) at the idea's
 * change stamp and the reference generation, computed at most once; without a scope (a caller that did not
 * read the stamp) it simply reads. One entry per idea and part: a read at a newer version replaces the
 * older one, so old versions do not pile up. Callers must treat the result as read-only: it is shared
 * by every reader.
 */
export function cachedIdeaRead<T>(
  db: Db, scope: IdeaReadScope | undefined, part: string, read: () => Promise<T>,
  options: { /** The part shows other ideas' rows (titles, units): it follows the data generation. */ readsOtherIdeas?: boolean } = {},
): Promise<T> {
  if (!scope || uncached.has(db)) return read();
  const cache = cacheOf(db, "ideaParts");
  const key = `${scope.ideaId}\u0000${part}`;
  const version = options.readsOtherIdeas
    ? `${scope.changeStamp}:g${scope.generation}`
    : `${scope.changeStamp}:r${scope.referenceGeneration}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = read();
  cache.set(key, { value, version });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

async function cachedRead<T>(db: Db, shelf: Shelf, view: string, read: () => Promise<T>, generation?: number): Promise<T> {
  if (uncached.has(db)) return read();
  const key = `${generation ?? (await portfolioGeneration(db))}\u0000${view}`;
  const cache = cacheOf(db, shelf);
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
  const shelves = caches.get(db);
  shelves?.views.clear();
  shelves?.counts.clear();
  shelves?.ideaParts.clear();
}

/** A stable key for a view's parameters (object keys sorted, undefined dropped). */
export function viewKey(name: string, parameters: Record<string, unknown>): string {
  const sorted = Object.keys(parameters).sort().map((k) => [k, parameters[k]] as const).filter(([, v]) => v !== undefined);
  return `${name}:${JSON.stringify(sorted)}`;
}
