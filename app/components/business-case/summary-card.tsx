import { Link } from "@remix-run/react";
import type { BusinessCaseSummary as Summary } from "~/services/business-case.server";
import { useMessages } from "~/utils/locale";
import { useMoney } from "./shared";

/** The idea page's card: the current case's key figures and a link to the editor (load with businessCaseAndBenefitsFor). */
export function BusinessCaseSummary({ ideaId, summary }: { ideaId: string; summary: Summary | null }) {
  const t = useMessages().businessCase;
  const money = useMoney();
  return (
    <section className="panel business-case-summary" aria-labelledby="nyttokalkyl-sammanfattning">
      <h2 id="nyttokalkyl-sammanfattning">{t.summary.heading}</h2>
      {summary ? (
        <>
          <p className="business-case-muted">{t.summary.version(summary.version)}</p>
          <dl className="facts">
            <div><dt>{t.figures.npv}</dt><dd>{money.kronor(summary.npv)}</dd></div>
            <div><dt>{t.figures.financialNpv}</dt><dd>{money.kronor(summary.financialNpv)}</dd></div>
            <div>
              <dt>{t.figures.payback}</dt>
              <dd>{summary.paybackMonths === null ? t.figures.paybackNever : t.figures.paybackMonths(money.number(summary.paybackMonths))}</dd>
            </div>
            <div><dt>{t.figures.selfFinancing}</dt><dd>{summary.selfFinancing ? t.scenarios.yes : t.scenarios.no}</dd></div>
          </dl>
        </>
      ) : <p>{t.summary.none}</p>}
      <p><Link to={`/ideas/${ideaId}/nyttokalkyl`}>{t.summary.link}</Link></p>
    </section>
  );
}
