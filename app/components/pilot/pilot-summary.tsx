import { Link } from "@remix-run/react";
import { useFormat } from "~/components/idea/format";
import type { PilotSummary as PilotSummaryData } from "~/models/pilots.server";
import { useMessages } from "~/utils/locale";
import { useDateOnly } from "./shared";

/**
 * The pilot in brief for the idea page: period, owner, number of indicators and the latest verdict,
 * with a link to /ideas/<id>/pilot. Feed it `pilotSummaryFor(db, ideaId)`; `canWork` = the person may
 * plan or evaluate the pilot (changes the link text only; everyone may read the pilot page).
 * Renders nothing when there is neither a plan nor an evaluation and the person cannot make one.
 */
export function PilotSummary(props: { ideaId: string; summary: PilotSummaryData; canWork?: boolean; headingLevel?: 2 | 3 }) {
  const t = useMessages().pilot;
  const s = t.summary;
  const fmt = useFormat();
  const day = useDateOnly();
  const { plan, latest } = props.summary;
  if (!plan && !latest && !props.canWork) return null;
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <section className="panel pilot-summary" aria-labelledby={`pilot-sammanfattning-${props.ideaId}`}>
      <Heading id={`pilot-sammanfattning-${props.ideaId}`} className="panel__heading">{s.heading}</Heading>
      {plan ? (
        <dl className="facts">
          <div><dt>{s.period}</dt><dd>{t.plan.periodValue(day(plan.startsOn), day(plan.endsOn))}</dd></div>
          <div><dt>{s.owner}</dt><dd>{plan.ownerName}</dd></div>
          <div><dt>{s.indicators}</dt><dd>{s.indicatorCount(plan.indicatorCount)}</dd></div>
          <div>
            <dt>{s.latest}</dt>
            <dd>
              {latest ? s.latestValue(t.verdicts[latest.verdict], fmt.date(latest.evaluatedAt)) : s.notEvaluated}
              {latest && latest.indicators > 0 && <span className="cell-context">{s.reached(latest.reached, latest.indicators)}</span>}
            </dd>
          </div>
        </dl>
      ) : <p>{s.noPlan}</p>}
      <p><Link to={`/ideas/${props.ideaId}/pilot`}>{props.canWork ? s.openToEdit : s.open}</Link></p>
    </section>
  );
}
