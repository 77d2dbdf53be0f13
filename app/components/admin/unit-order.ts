import type { UnitKind } from "~/domain/vocabulary";

export interface UnitNode {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  active: boolean;
}

export interface OrderedUnit<T extends UnitNode> {
  unit: T;
  depth: number;
  /** Names from the top down to the unit's parent (the top one by its short name when it has one). */
  ancestors: string[];
}

const byName = (a: UnitNode, b: UnitNode) => a.name.localeCompare(b.name, "sv");

/**
 * The units in tree order (each parent followed by its children, siblings by name). A unit whose
 * parent is not in the list counts as a root, so a partial list still shows everything.
 */
export function inTreeOrder<T extends UnitNode>(units: readonly T[]): OrderedUnit<T>[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const unit of units) {
    const key = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ordered: OrderedUnit<T>[] = [];
  const seen = new Set<string>();
  const visit = (parentKey: string | null, depth: number, ancestors: string[]) => {
    for (const unit of [...(children.get(parentKey) ?? [])].sort(byName)) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      ordered.push({ unit, depth, ancestors });
      visit(unit.id, depth + 1, [...ancestors, depth === 0 ? (unit.shortName ?? unit.name) : unit.name]);
    }
  };
  visit(null, 0, []);
  return ordered;
}

/** "Östermalm › Avdelningen för äldreomsorg › Hemtjänsten Östermalm": unambiguous in a pick list. */
export const pathLabel = (entry: OrderedUnit<UnitNode>) => [...entry.ancestors, entry.unit.name].join(" › ");
