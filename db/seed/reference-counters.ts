import { type Kysely, sql } from "kysely";
import type { Database } from "../schema";

/** Brings the per-year reference counters up to the highest number in use (after bulk inserts). */
export async function syncReferenceCounters(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into reference_counters (year, last_number)
    select reference_year, max(reference_number) from ideas where reference_year is not null group by reference_year
    on conflict (year) do update set last_number = greatest(reference_counters.last_number, excluded.last_number)`
    .execute(db);
}
