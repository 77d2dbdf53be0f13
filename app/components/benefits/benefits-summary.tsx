import { Link } from "@remix-run/react";
import type { BenefitsSummary as Summary } from "~/services/benefits.server";
import { useMessages } from "~/utils/locale";
import { useBenefitsFormat } from "./shared";

/**
 * Benefits realisation in brief for the idea page: realised against planned savings to date, and the
 * years behind plan in words. Renders nothing before the pilot or without a business case (summary null;
 * get it with `businessCaseAndBenefitsFor(db, idea)` from ~/services/benefits.server).
 */
export function BenefitsSummary({ summary }: { summary: Summary | null }) {
  const t = useMessages().benefits.summary;
  const f = useBenefitsFormat();
  if (!summary) return null;
  return (
    <section className="panel benefits-summary" aria-labelledby="nyttorealisering-sammanfattning">
      <h2 id="nyttorealisering-sammanfattning">{t.heading}</h2>
      {summary.actualSavings === null ? <p>{t.noActuals}</p> : (
        <>
          <p className="benefits-summary-sentence">
            {t.sentence(f.kronor(summary.actualSavings), f.kronor(summary.plannedSavings),
              summary.variancePercent === null ? "–" : f.percent(summary.variancePercent))}
          </p>
          <p className="muted">{t.yearsCounted(summary.yearsWithActuals)}</p>
          <p>{summary.behindYears.length
            ? <strong>{t.behind(summary.behindYears.join(", "))}</strong>
            : t.onTrack}</p>
        </>
      )}
      <p><Link to={`/ideas/${summary.ideaId}/nyttorealisering`}>{t.link}</Link></p>
    </section>
  );
}
