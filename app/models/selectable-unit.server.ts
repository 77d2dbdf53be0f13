import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { cachedPortfolioRead } from "~/services/read-cache.server";

/** A unit a person may belong to: active, and under active units all the way up. */
export interface SelectableUnit {
  id: string;
  name: string;
  /** The förvaltning (or bolag) at the top of its tree. */
  topId: string;
  topName: string;
  /** Names from below the top down to this unit, e.g. ["Avdelningen för äldreomsorg", "Hemtjänsten Östermalm"]. */
  path: string[];
}

export interface UnitGroup {
  id: string;
  name: string;
  units: { id: string; label: string }[];
}

const collator = new Intl.Collator("sv");

/**
 * Every selectable unit, ordered: förvaltningar alphabetically, each followed by its tree depth first.
 * Read once per data generation (units bump it) and shared between requests: callers must not
 * mutate the result. Inside a transaction it is read afresh (the transaction may have changed units).
 * A caller that has just read the data generation passes it (one query fewer).
 */
export async function listSelectableUnits(db: Kysely<Database>, generation?: number): Promise<readonly SelectableUnit[]> {
  if (db.isTransaction) return readSelectableUnits(db);
  return cachedPortfolioRead(db, "selectable-units", () => readSelectableUnits(db), generation);
}

async function readSelectableUnits(db: Kysely<Database>): Promise<SelectableUnit[]> {
  const rows = await db.selectFrom("units").select(["id", "parent_id", "name", "active"]).execute();
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id) ?? [];
    siblings.push(row);
    children.set(row.parent_id, siblings);
  }
  const result: SelectableUnit[] = [];
  const visit = (parentId: string | null, top: { id: string; name: string } | null, path: string[]) => {
    const level = (children.get(parentId) ?? []).filter((row) => row.active).sort((a, b) => collator.compare(a.name, b.name));
    for (const row of level) {
      const thisTop = top ?? { id: row.id, name: row.name };
      const thisPath = top ? [...path, row.name] : [];
      result.push({ id: row.id, name: row.name, topId: thisTop.id, topName: thisTop.name, path: thisPath });
      visit(row.id, thisTop, thisPath);
    }
  };
  visit(null, null, []);
  return result;
}

const groupsOfList = new WeakMap<readonly SelectableUnit[], UnitGroup[]>();

/**
 * One option group per förvaltning: the förvaltning itself first, then its units by path. Computed
 * once per (cached) list of units; callers must not mutate the result.
 */
export function groupUnits(units: readonly SelectableUnit[]): UnitGroup[] {
  const known = groupsOfList.get(units);
  if (known) return known;
  const grouped = groupUnitsOf(units);
  groupsOfList.set(units, grouped);
  return grouped;
}

function groupUnitsOf(units: readonly SelectableUnit[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const unit of units) {
    let group = groups.get(unit.topId);
    if (!group) {
      group = { id: unit.topId, name: unit.topName, units: [] };
      groups.set(unit.topId, group);
    }
    group.units.push({ id: unit.id, label: unit.path.length ? unit.path.join(" › ") : unit.name });
  }
  return [...groups.values()];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The unit a claim value names: its id, or its name (case-insensitive) when exactly one selectable
 * unit has that name. Names repeat across förvaltningar ("Förskoleavdelningen"), so an ambiguous
 * name matches nothing and the person chooses instead.
 */
export async function findSelectableUnitByClaim(db: Kysely<Database>, value: string): Promise<SelectableUnit | null> {
  const units = await listSelectableUnits(db);
  const wanted = value.trim();
  if (UUID.test(wanted)) return units.find((unit) => unit.id === wanted.toLowerCase()) ?? null;
  const lower = wanted.toLocaleLowerCase("sv");
  const matches = units.filter((unit) => unit.name.toLocaleLowerCase("sv") === lower);
  return matches.length === 1 ? matches[0]! : null;
}

export async function findSelectableUnit(db: Kysely<Database>, id: string): Promise<SelectableUnit | null> {
  if (!UUID.test(id)) return null;
  return (await listSelectableUnits(db)).find((unit) => unit.id === id.toLowerCase()) ?? null;
}
