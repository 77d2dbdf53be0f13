import { Link } from "@remix-run/react";
import type { YearRealisation } from "~/domain/benefits-realisation";
import { useMessages } from "~/utils/locale";
import { useBenefitsFormat } from "./shared";

/** One year's plan beside its actuals per kind, with the totals; "Efter plan" in words when flagged. */
export function YearTable(props: { year: YearRealisation; calendarYear: number; ideaId: string; canRecord: boolean }) {
  const t = useMessages().benefits;
  const f = useBenefitsFormat();
  const { year, calendarYear } = props;
  const none = <span className="muted">{t.years.none}</span>;
  const kr = (v: number | null) => (v === null ? none : f.kronor(v));
  const signedKr = (v: number | null) => (v === null ? none : f.signedKronor(v));
  const pct = (v: number | null) => (v === null ? none : f.percent(v));
  const headingId = `ar-${year.t}-rubrik`;
  return (
    <section id={`ar-${year.t}`} className={`benefits-year${year.behindPlan ? " benefits-year--behind" : ""}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="h3">
        {t.years.yearLabel(calendarYear, year.t)}
        {year.behindPlan && <> <span className="badge benefits-flag">{t.years.behindPlan}</span></>}
      </h3>
      {year.behindPlan && <p className="benefits-flag-text">{t.years.behindPlanExplained}</p>}
      {!year.hasActuals && <p className="muted">{t.years.noActuals}</p>}
      <div className="table-scroll" role="region" aria-labelledby={`ar-tabell-${calendarYear}`} tabIndex={0}>
        <table className="data-table benefits-table">
          <caption className="visually-hidden" id={`ar-tabell-${calendarYear}`}>{t.years.caption(calendarYear)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.years.kind}</th>
              <th scope="col" className="numeric">{t.years.planned}</th>
              <th scope="col" className="numeric">{t.years.actual}</th>
              <th scope="col" className="numeric">{t.years.varianceKronor}</th>
              <th scope="col" className="numeric">{t.years.variancePercent}</th>
            </tr>
          </thead>
          <tbody>
            {year.kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{t.kinds[k.kind]}</th>
                <td className="numeric">
                  {k.kind === "time_saving" ? <>{t.units.hours(f.number(k.planned))} <span className="muted">({kr(k.plannedKronor)})</span></> : kr(k.plannedKronor)}
                </td>
                <td className="numeric">
                  {k.actual === null ? <span className="muted">{t.years.notEntered}</span>
                    : k.kind === "time_saving" ? <>{t.units.hours(f.number(k.actual))} <span className="muted">({kr(k.actualKronor)})</span></>
                    : kr(k.actualKronor)}
                </td>
                <td className="numeric">{signedKr(k.varianceKronor)}</td>
                <td className="numeric">{pct(k.variancePercent)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {([["costsTotal", year.costs], ["savingsTotal", year.savings]] as const).map(([key, c]) => (
              <tr key={key}>
                <th scope="row">{t.years[key]}</th>
                <td className="numeric">{kr(c.planned)}</td>
                <td className="numeric">{kr(c.actual)}</td>
                <td className="numeric">{signedKr(c.variance)}</td>
                <td className="numeric">{pct(c.variancePercent)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      {props.canRecord && (
        <p><Link to={`/ideas/${props.ideaId}/nyttorealisering?ar=${year.t}#utfall`}>{t.years.edit(calendarYear)}</Link></p>
      )}
    </section>
  );
}
