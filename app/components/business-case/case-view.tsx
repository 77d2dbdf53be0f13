import type { BusinessCaseFigures, BusinessCaseView } from "~/services/business-case.server";
import { BusinessCaseCharts } from "~/components/charts/business-case-charts";
import { useMessages } from "~/utils/locale";
import { KeyFigures, LineTable, ScenarioTable, YearTable } from "./figures";

/** A case read-only: key figures, scenarios, charts, year by year, its lines and the benefits not valued in money. */
export function CaseView({ view, figures, unitNames }: {
  view: BusinessCaseView; figures: BusinessCaseFigures | null; unitNames: Record<string, string>;
}) {
  const t = useMessages().businessCase;
  return (
    <>
      {figures && (
        <section className="panel" aria-labelledby="nyckeltal-rubrik">
          <h2 id="nyckeltal-rubrik">{t.figures.heading}</h2>
          <KeyFigures figures={figures} />
          <h3 className="h3">{t.scenarios.heading}</h3>
          <ScenarioTable figures={figures} />
        </section>
      )}
      {figures && (
        <section className="panel" aria-labelledby="ar-rubrik">
          <h2 id="ar-rubrik">{t.years.heading}</h2>
          <BusinessCaseCharts input={figures.input} result={figures.result} startYear={view.startYear} unitNames={unitNames} />
          <YearTable figures={figures} startYear={view.startYear} />
        </section>
      )}
      <div className="business-case-columns">
        <section className="panel" aria-labelledby="rader-rubrik">
          <h2 id="rader-rubrik">{t.lineView.heading}</h2>
          {view.lines.length ? <LineTable view={view} unitNames={unitNames} /> : <p>{t.noCase}</p>}
        </section>
        <section className="panel" aria-labelledby="ickemonetara-rubrik">
          <h2 id="ickemonetara-rubrik">{t.nonMonetary.heading}</h2>
          {view.nonMonetaryBenefits ? <p className="business-case-text">{view.nonMonetaryBenefits}</p> : <p>{t.nonMonetary.none}</p>}
        </section>
      </div>
    </>
  );
}
