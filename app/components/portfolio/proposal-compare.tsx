import { Link } from "@remix-run/react";
import type { ComparisonStatus } from "~/domain/portfolio";
import { useMessages } from "~/utils/locale";
import { usePortfolioFormat } from "./format";
import { useObjectiveValue } from "./selection-result";

export interface ComparisonView {
  a: { id: string; title: string; objective: string };
  b: { id: string; title: string; objective: string };
  ideas: { ideaId: string; reference: string; title: string; inA: boolean; inB: boolean; status: ComparisonStatus }[];
  years: { year: number; a: number | null; b: number | null; difference: number | null }[];
  totalValue: { a: number; b: number; difference: number };
}

/** Two proposals side by side: which ideas each chose, total value and cost per year, and the difference. */
export function ProposalComparison({ view }: { view: ComparisonView }) {
  const messages = useMessages();
  const t = messages.portfolio.compare;
  const f = usePortfolioFormat();
  const valueA = useObjectiveValue(view.a.objective);
  const valueB = useObjectiveValue(view.b.objective);
  const sameObjective = view.a.objective === view.b.objective;
  const statusText: Record<ComparisonStatus, string> = { both: t.both, only_a: t.onlyA, only_b: t.onlyB, neither: t.neither };
  const kr = (v: number | null) => (v === null ? messages.portfolio.table.none : f.kr(v));
  const signedKr = (v: number | null) => (v === null ? messages.portfolio.table.none : `${v > 0 ? "+" : ""}${f.kr(v)}`);
  return (
    <>
      {!sameObjective && <p className="alert">{t.differentObjectives}</p>}
      <div className="table-scroll" role="region" aria-labelledby="jamfor-summor" tabIndex={0}>
        <table className="portfolio-result-table">
          <caption id="jamfor-summor">{t.totalsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col" className="numeric">{t.a}: {view.a.title}</th>
              <th scope="col" className="numeric">{t.b}: {view.b.title}</th>
              <th scope="col" className="numeric">{t.difference}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.totalValue}</th>
              <td className="numeric">{valueA(view.totalValue.a)}</td>
              <td className="numeric">{valueB(view.totalValue.b)}</td>
              <td className="numeric">{sameObjective ? valueA(view.totalValue.difference) : messages.portfolio.table.none}</td>
            </tr>
            {view.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{t.costIn(y.year)}</th>
                <td className="numeric">{kr(y.a)}</td>
                <td className="numeric">{kr(y.b)}</td>
                <td className="numeric">{signedKr(y.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" role="region" aria-labelledby="jamfor-ideer" tabIndex={0}>
        <table className="portfolio-result-table">
          <caption id="jamfor-ideer">{t.ideasCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.portfolio.result.idea}</th>
              <th scope="col">{t.inA}</th>
              <th scope="col">{t.inB}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {view.ideas.map((idea) => (
              <tr key={idea.ideaId}>
                <th scope="row"><Link to={`/ideas/${idea.ideaId}`}><span className="portfolio-ref">{idea.reference}</span> {idea.title}</Link></th>
                <td>{idea.inA ? t.yes : t.no}</td>
                <td>{idea.inB ? t.yes : t.no}</td>
                <td>{statusText[idea.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
