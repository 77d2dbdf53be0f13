import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

/** The ids from the unit's förvaltning down to the unit itself (what permissions need for scopes). */
export async function unitPathOf(db: Kysely<Database>, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive path as (
      select id, parent_id, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, path.depth + 1 from units u join path on u.id = path.parent_id where path.depth < 20
    )
    select id, depth from path order by depth desc`.execute(db);
  return rows.map((r) => r.id);
}

/** The unit and every unit below it (for a kontaktperson's inbox). */
export async function unitSubtreeIds(db: Kysely<Database>, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive tree as (
      select id, 0 as depth from units where id = any(${[...unitIds]}::uuid[])
      union all
      select u.id, tree.depth + 1 from units u join tree on u.parent_id = tree.id where tree.depth < 20
    )
    select distinct id from tree`.execute(db);
  return rows.map((r) => r.id);
}
