import type { IndicatorWithActuals } from "~/models/benefits.server";
import { useMessages } from "~/utils/locale";
import { useBenefitsFormat } from "./shared";

/** The pilot's indicators: baseline, target and the actual value per year of the horizon. */
export function IndicatorTable(props: { indicators: IndicatorWithActuals[]; startYear: number; horizonYears: number }) {
  const t = useMessages().benefits;
  const f = useBenefitsFormat();
  if (!props.indicators.length) return <p className="muted">{t.indicators.none}</p>;
  const years = Array.from({ length: props.horizonYears }, (_, i) => i);
  const value = (v: number | undefined, unit: string) => (v === undefined ? <span className="muted">{t.years.none}</span> : `${f.number(v)}${unit ? ` ${unit}` : ""}`);
  return (
    <div className="table-scroll" role="region" aria-labelledby="indikator-utfall-tabell" tabIndex={0}>
      <table className="data-table benefits-table">
        <caption id="indikator-utfall-tabell">{t.indicators.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.indicators.name}</th>
            <th scope="col" className="numeric">{t.indicators.baseline}</th>
            <th scope="col" className="numeric">{t.indicators.target}</th>
            {years.map((y) => <th key={y} scope="col" className="numeric">{props.startYear + y}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td className="numeric">{value(i.baseline, i.measureUnit)}</td>
              <td className="numeric">{value(i.target, i.measureUnit)}</td>
              {years.map((y) => <td key={y} className="numeric">{value(i.actuals[y], i.measureUnit)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
