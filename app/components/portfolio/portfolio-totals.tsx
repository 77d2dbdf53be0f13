import type { PortfolioTotals } from "~/models/portfolio.server";
import { useMessages } from "~/utils/locale";
import { usePortfolioFormat } from "./format";

/** Totals of the whole filtered set (every page), with its costs per budget year. */
export function PortfolioTotalsSection(props: { totals: PortfolioTotals; costs: number[]; firstYear: number }) {
  const t = useMessages().portfolio.totals;
  const f = usePortfolioFormat();
  const { totals } = props;
  return (
    <section aria-labelledby="portfolj-summa" className="portfolio-totals">
      <h2 id="portfolj-summa">{t.heading}</h2>
      <dl className="facts">
        <div><dt>{t.count}</dt><dd>{f.number(totals.count)}</dd></div>
        <div><dt>{t.withCase}</dt><dd>{f.number(totals.withBusinessCase)}</dd></div>
        <div><dt>{t.selfFinancing}</dt><dd>{f.number(totals.selfFinancingCount)}</dd></div>
        <div><dt>{t.meanScore}</dt><dd>{f.figure(totals.meanScore)}</dd></div>
        <div><dt>{t.npv}</dt><dd>{f.kr(totals.npv)}</dd></div>
        <div><dt>{t.financialNpv}</dt><dd>{f.kr(totals.financialNpv)}</dd></div>
        <div><dt>{t.totalCosts}</dt><dd>{f.kr(totals.totalCosts)}</dd></div>
        <div><dt>{t.totalSavings}</dt><dd>{f.kr(totals.totalSavings)}</dd></div>
        {props.costs.map((cost, i) => (
          <div key={i}><dt>{t.costIn(props.firstYear + i)}</dt><dd>{f.kr(cost)}</dd></div>
        ))}
      </dl>
    </section>
  );
}
