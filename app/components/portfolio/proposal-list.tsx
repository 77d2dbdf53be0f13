import { Link } from "@remix-run/react";
import { useMessages } from "~/utils/locale";
import { usePortfolioFormat } from "./format";
import { useGapText, useObjectiveValue } from "./selection-result";

export interface ProposalListRow {
  id: string; title: string; createdByName: string; createdAt: string | Date; objective: string; feasible: boolean; optimal: boolean;
  relativeGap: number | null; totalValue: number; chosenCount: number;
}

/** Optimal, the proven gap, or infeasible – in words. */
export function useOptimality() {
  const t = useMessages().portfolio.proposals;
  const gapText = useGapText();
  return (row: { feasible: boolean; optimal: boolean; relativeGap: number | null }) =>
    !row.feasible ? t.infeasible : row.optimal ? t.optimal : gapText(row.relativeGap, "proposals");
}

function ValueCell({ objective, value }: { objective: string; value: number }) {
  return <>{useObjectiveValue(objective)(value)}</>;
}

export function ProposalList({ rows }: { rows: ProposalListRow[] }) {
  const messages = useMessages();
  const t = messages.portfolio.proposals;
  const f = usePortfolioFormat();
  const optimality = useOptimality();
  return (
    <div className="table-scroll" role="region" aria-labelledby="forslag-tabell" tabIndex={0}>
      <table className="portfolio-result-table">
        <caption id="forslag-tabell">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.createdBy}</th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.objective}</th>
            <th scope="col" className="numeric">{t.totalValue}</th>
            <th scope="col">{t.status}</th>
            <th scope="col" className="numeric">{t.chosen}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row"><Link to={`/portfolio/forslag/${row.id}`}>{row.title}</Link></th>
              <td>{row.createdByName}</td>
              <td><time dateTime={f.iso(row.createdAt)}>{f.dateTime(row.createdAt)}</time></td>
              <td>{messages.portfolio.objectives[row.objective]}</td>
              <td className="numeric"><ValueCell objective={row.objective} value={row.totalValue} /></td>
              <td>{optimality(row)}</td>
              <td className="numeric">{f.number(row.chosenCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
