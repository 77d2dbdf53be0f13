import { useFormat } from "~/components/idea/format";
import { indicatorDirection } from "~/domain/pilot";
import type { PilotPlanView } from "~/models/pilots.server";
import { useMessages } from "~/utils/locale";
import { useDateOnly } from "./shared";

/** The pilot plan as it is now: goal, period, owner, units and the indicators (baseline → target). */
export function PlanView({ plan }: { plan: PilotPlanView | null }) {
  const t = useMessages().pilot;
  const fmt = useFormat();
  const day = useDateOnly();
  if (!plan) return <p className="empty-state">{t.plan.none}</p>;
  return (
    <div className="pilot-plan">
      <dl className="facts">
        <div><dt>{t.plan.period}</dt><dd>{t.plan.periodValue(day(plan.startsOn), day(plan.endsOn))}</dd></div>
        <div><dt>{t.plan.owner}</dt><dd>{plan.ownerName}</dd></div>
        <div><dt>{t.plan.units}</dt><dd>{plan.units.map((u) => u.name).join(", ")}</dd></div>
      </dl>
      <h3 className="h3">{t.plan.goal}</h3>
      <p className="pilot-text">{plan.goal}</p>
      <div className="table-scroll" role="region" aria-labelledby={`indikatorer-${plan.ideaId}`} tabIndex={0}>
        <table className="data-table">
          <caption id={`indikatorer-${plan.ideaId}`}>{t.plan.indicatorsCaption}</caption>
          <thead>
            <tr>
              {(["name", "measureUnit", "baseline", "target", "direction"] as const).map((c) => <th key={c} scope="col">{t.plan.columns[c]}</th>)}
            </tr>
          </thead>
          <tbody>
            {plan.indicators.map((indicator) => (
              <tr key={indicator.id}>
                <th scope="row" className="break">{indicator.name}</th>
                <td>{indicator.measureUnit}</td>
                <td className="nowrap">{fmt.number(indicator.baseline)}</td>
                <td className="nowrap">{fmt.number(indicator.target)}</td>
                <td>{t.directions[indicatorDirection(indicator)]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t.plan.updated(fmt.dateTime(plan.updatedAt), plan.updatedByName)}</p>
    </div>
  );
}
