import type { ScenarioName } from "~/domain/business-case";
import type { BusinessCaseFigures, BusinessCaseView } from "~/services/business-case.server";
import { useLocale, useMessages } from "~/utils/locale";
import { useMoney } from "./shared";

const SCENARIOS: ScenarioName[] = ["low", "expected", "high"];
const decimal = (n: number, sv: boolean) => (sv ? String(n).replace(".", ",") : String(n));

/** NPV, financial NPV, payback, benefit-cost ratio and self-financing in words. */
export function KeyFigures({ figures }: { figures: BusinessCaseFigures }) {
  const t = useMessages().businessCase.figures;
  const money = useMoney();
  const { result } = figures;
  return (
    <dl className="facts business-case-figures">
      <div><dt>{t.npv}</dt><dd>{money.kronor(result.npv)}</dd></div>
      <div><dt>{t.financialNpv}</dt><dd>{money.kronor(result.financialNpv)}</dd></div>
      <div><dt>{t.payback}</dt><dd>{result.paybackMonths === null ? t.paybackNever : t.paybackMonths(money.number(result.paybackMonths))}</dd></div>
      <div><dt>{t.ratio}</dt><dd>{result.benefitCostRatio === null ? t.ratioNone : money.number(Math.round(result.benefitCostRatio * 100) / 100)}</dd></div>
      <div><dt>{t.selfFinancing}</dt><dd>{result.selfFinancing ? t.selfFinancingYes : t.selfFinancingNo}</dd></div>
      {result.totals.timeSavingHours > 0 && (
        <div><dt>{t.totalHours}</dt><dd>{t.hours(money.number(result.totals.timeSavingHours))}</dd></div>
      )}
    </dl>
  );
}

/** The three scenarios in a table. */
export function ScenarioTable({ figures }: { figures: BusinessCaseFigures }) {
  const messages = useMessages();
  const t = messages.businessCase;
  const sv = useLocale() === "sv";
  const money = useMoney();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="scenarier-caption">
      <table className="data-table">
        <caption id="scenarier-caption">{t.scenarios.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.scenarios.scenario}</th>
            <th scope="col" className="numeric">{t.figures.npv}</th>
            <th scope="col" className="numeric">{t.figures.financialNpv}</th>
            <th scope="col">{t.figures.payback}</th>
            <th scope="col">{t.figures.selfFinancing}</th>
          </tr>
        </thead>
        <tbody>
          {SCENARIOS.map((name) => {
            const s = figures.scenarios[name];
            const m = figures.multipliers[name];
            return (
              <tr key={name}>
                <th scope="row">
                  {t.scenarios.names[name]}
                  <span className="business-case-muted"> ({t.scenarios.multipliers(decimal(m.savings, sv), decimal(m.costs, sv))})</span>
                </th>
                <td className="numeric">{money.kronor(s.npv)}</td>
                <td className="numeric">{money.kronor(s.financialNpv)}</td>
                <td>{s.paybackMonths === null ? t.figures.paybackNever : t.figures.paybackMonths(money.number(s.paybackMonths))}</td>
                <td>{s.selfFinancing ? t.scenarios.yes : t.scenarios.no}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Costs, savings, net, cumulative and discounted net per calendar year. */
export function YearTable({ figures, startYear }: { figures: BusinessCaseFigures; startYear: number }) {
  const t = useMessages().businessCase.years;
  const money = useMoney();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ar-caption">
      <table className="data-table">
        <caption id="ar-caption">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            <th scope="col" className="numeric">{t.costs}</th>
            <th scope="col" className="numeric">{t.savings}</th>
            <th scope="col" className="numeric">{t.net}</th>
            <th scope="col" className="numeric">{t.cumulative}</th>
            <th scope="col" className="numeric">{t.discounted}</th>
          </tr>
        </thead>
        <tbody>
          {figures.result.years.map((year) => (
            <tr key={year.t}>
              <th scope="row">{startYear + year.t}</th>
              <td className="numeric">{money.kronor(year.costs)}</td>
              <td className="numeric">{money.kronor(year.savings)}</td>
              <td className="numeric">{money.kronor(year.net)}</td>
              <td className="numeric">{money.kronor(year.cumulative)}</td>
              <td className="numeric">{money.kronor(year.discountedNet)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The lines of a case, read-only. */
export function LineTable({ view, unitNames }: { view: BusinessCaseView; unitNames: Record<string, string> }) {
  const t = useMessages().businessCase;
  const money = useMoney();
  const years = Array.from({ length: view.horizonYears }, (_, i) => view.startYear + i);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rader-caption">
      <table className="data-table">
        <caption id="rader-caption">{t.lineView.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.editor.description}</th>
            <th scope="col">{t.editor.kind}</th>
            <th scope="col">{t.editor.category}</th>
            <th scope="col">{t.editor.certainty}</th>
            <th scope="col">{t.editor.unit}</th>
            {years.map((year) => <th key={year} scope="col" className="numeric">{year}</th>)}
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line, index) => (
            <tr key={index}>
              <th scope="row" className="break">{line.description}</th>
              <td>{t.kinds[line.kind]}</td>
              <td>{line.category}</td>
              <td>{t.certainties[line.certainty]}</td>
              <td>{unitNames[line.unitId] ?? line.unitId}</td>
              {line.amounts.map((amount, i) => (
                <td key={i} className="numeric">{line.kind === "time_saving" ? t.figures.hours(money.number(amount)) : money.kronor(amount)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
