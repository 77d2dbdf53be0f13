import { Link } from "@remix-run/react";
import { TOP_LEVEL_UNIT_KINDS } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";
import type { UnitNode } from "./unit-order";

export interface TreeUnit extends UnitNode {
  ideaCount: number;
  userCount: number;
}

const byName = (a: UnitNode, b: UnitNode) => a.name.localeCompare(b.name, "sv");

/** The organisation as nested lists, one section per top-level kind (förvaltningar, bolag). */
export function UnitTree({ units }: { units: TreeUnit[] }) {
  const t = useMessages().admin.units;
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, TreeUnit[]>();
  for (const unit of units) {
    if (unit.parentId && ids.has(unit.parentId)) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId)).sort(byName);
  const groups = [
    ...TOP_LEVEL_UNIT_KINDS.map((kind) => ({ key: kind, title: t.groups[kind as keyof typeof t.groups], units: roots.filter((u) => u.kind === kind) })),
    // Only when a parent is hidden or missing (e.g. an active unit under a deactivated one).
    { key: "other", title: t.otherGroup, units: roots.filter((u) => !TOP_LEVEL_UNIT_KINDS.includes(u.kind)) },
  ].filter((group) => group.units.length > 0);
  return (
    <>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`enhetsgrupp-${group.key}`}>
          <h3 id={`enhetsgrupp-${group.key}`}>{group.title}</h3>
          <ul className="unit-tree" aria-label={t.treeLabel(group.title)}>
            {group.units.map((unit) => <UnitTreeItem key={unit.id} unit={unit} childrenOf={children} />)}
          </ul>
        </section>
      ))}
    </>
  );
}

function UnitTreeItem({ unit, childrenOf }: { unit: TreeUnit; childrenOf: Map<string, TreeUnit[]> }) {
  const t = useMessages().admin;
  const below = [...(childrenOf.get(unit.id) ?? [])].sort(byName);
  return (
    <li className={unit.active ? undefined : "unit-tree__inactive"}>
      <div className="unit-tree__row">
        <Link to={`/admin/units/${unit.id}`} className="unit-tree__name">{unit.name}</Link>
        <span className="unit-tree__meta">
          {t.unitKinds[unit.kind]} · {t.units.counts(unit.ideaCount, unit.userCount)}
        </span>
        {!unit.active && <span className="badge badge--inactive">{t.deactivated}</span>}
      </div>
      {below.length > 0 && (
        <ul>
          {below.map((child) => <UnitTreeItem key={child.id} unit={child} childrenOf={childrenOf} />)}
        </ul>
      )}
    </li>
  );
}
