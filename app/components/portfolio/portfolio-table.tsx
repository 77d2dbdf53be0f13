import { Link } from "@remix-run/react";
import type { PortfolioSort } from "~/domain/portfolio";
import type { PortfolioPageRow } from "~/services/portfolio-views.server";
import { useMessages } from "~/utils/locale";
import { usePortfolioFormat } from "./format";

/** A portfolio row as the page shows it: the figures plus days in stage and costs per budget year. */
export type PortfolioTableRow = Omit<PortfolioPageRow, "stageChangedAt"> & { age: number };

/** The portfolio's table: one page of ideas, sortable by its figures through links that keep the filter. */
export function PortfolioTable(props: {
  rows: PortfolioTableRow[]; firstYear: number; search: URLSearchParams; sort: PortfolioSort; descending: boolean;
  from: number; total: number;
}) {
  const messages = useMessages();
  const t = messages.portfolio.table;
  const f = usePortfolioFormat();
  const years = props.rows[0]?.budgetCosts.map((_, i) => props.firstYear + i) ?? [];
  const sortHeader = (label: string, sort: PortfolioSort) => {
    const active = props.sort === sort;
    const search = new URLSearchParams(props.search);
    search.delete("sida");
    search.set("sortering", sort);
    search.set("ordning", active && props.descending ? "stigande" : "fallande");
    return (
      <th scope="col" aria-sort={active ? (props.descending ? "descending" : "ascending") : undefined}>
        <Link to={`?${search}`} aria-label={t.sortBy(label)}>
          {label}
          {active && <span aria-hidden="true">{props.descending ? " ▼" : " ▲"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby="portfolj-tabell" tabIndex={0}>
      <table className="portfolio-table">
        <caption id="portfolj-tabell">{t.caption(props.from, props.from + props.rows.length - 1, props.total)}</caption>
        <thead>
          <tr>
            {sortHeader(t.idea, "title")}
            <th scope="col">{t.stage}</th>
            {sortHeader(t.age, "age")}
            {sortHeader(t.score, "score")}
            {sortHeader(t.npv, "npv")}
            {sortHeader(t.financialNpv, "financial_npv")}
            {sortHeader(t.ratio, "benefit_cost_ratio")}
            {sortHeader(t.payback, "payback")}
            <th scope="col">{t.selfFinancing}</th>
            {years.map((year) => <th scope="col" key={year} className="numeric">{t.costIn(year)}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/ideas/${row.id}`}><span className="portfolio-ref">{row.reference}</span> {row.title}</Link>
                <span className="cell-context">{t.unit}: {row.unitName}</span>
                {row.focusAreas.length > 0 && (
                  <span className="cell-context">
                    {t.focusAreas}: {row.focusAreas.map((area) => messages.vocabulary.focusAreas[area]).join(", ")}
                  </span>
                )}
              </th>
              <td className="portfolio-stage">{messages.stages[row.stage].name}</td>
              <td className="numeric">{f.number(row.age)}</td>
              <td className="numeric">{f.figure(row.weightedScore)}</td>
              <td className="numeric">{f.kr(row.npv)}</td>
              <td className="numeric">{f.kr(row.financialNpv)}</td>
              <td className="numeric">{f.figure(row.benefitCostRatio === null ? null : Math.round(row.benefitCostRatio * 100) / 100)}</td>
              <td className="numeric">{f.figure(row.paybackMonths)}</td>
              <td>{row.selfFinancing ? <span className="badge portfolio-badge">{messages.portfolio.selfFinancingBadge}</span> : t.none}</td>
              {row.budgetCosts.map((cost, i) => <td key={years[i]} className="numeric">{f.kr(cost)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
