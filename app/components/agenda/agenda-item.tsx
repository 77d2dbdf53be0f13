import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CumulativeChart } from "~/components/charts/business-case-charts";
import { useChartFormat } from "~/components/charts/format";
import { RequirementList } from "~/components/gates/requirements";
import { IdeaDeviations } from "~/components/security/idea-deviations";
import { ScreeningSummary } from "~/components/security/screening-summary";
import type { AgendaItem as AgendaItemData } from "~/services/agenda.server";
import { useLocale, useMessages } from "~/utils/locale";

const decimal = (n: number, sv: boolean) => (sv ? String(n).replace(".", ",") : String(n));

/** One idea's page of the agenda: facts, texts, business case with chart, security, deviations and the next gate. */
export function AgendaItem({ item, position }: { item: SerializeFrom<AgendaItemData>; position: number }) {
  const messages = useMessages();
  const t = messages.agenda.item;
  const f = messages.businessCase.figures;
  const money = useChartFormat();
  const sv = useLocale() === "sv";
  const headingId = `dagordning-${item.id}`;
  const stageName = (stage: keyof typeof messages.stages, outcome: string | null) =>
    messages.stages[stage].name + (outcome ? ` (${messages.vocabulary.outcomes[outcome as keyof typeof messages.vocabulary.outcomes]})` : "");
  const next = item.checklist.next;
  return (
    <article className="agenda-item panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="agenda-item__heading break">
        <span className="agenda-item__number">{position}.</span> {item.reference} {item.title}
      </h2>
      <dl className="facts agenda-item__facts">
        <div><dt>{t.unit}</dt><dd>{item.unitName}</dd></div>
        <div><dt>{t.stage}</dt><dd>{stageName(item.stage, item.outcome)}</dd></div>
        <div><dt>{t.waiting}</dt><dd>{t.days(item.daysWaiting)}</dd></div>
        <div>
          <dt>{t.score}</dt>
          <dd>{item.weightedScore === null ? t.noScore : t.scoreValue(decimal(item.weightedScore, sv), item.assessorCount)}</dd>
        </div>
      </dl>
      <h3>{t.problem}</h3>
      <p className="idea-text break">{item.problem || t.empty}</p>
      <h3>{t.solution}</h3>
      <p className="idea-text break">{item.proposedSolution || t.empty}</p>

      <section aria-labelledby={`${headingId}-kalkyl`}>
        <h3 id={`${headingId}-kalkyl`}>{t.businessCase}</h3>
        {item.npv === null ? <p>{t.noBusinessCase}</p> : (
          <dl className="facts">
            <div><dt>{f.npv}</dt><dd>{money.kronor(item.npv)}</dd></div>
            <div><dt>{f.financialNpv}</dt><dd>{item.financialNpv === null ? t.empty : money.kronor(item.financialNpv)}</dd></div>
            <div><dt>{f.payback}</dt><dd>{item.paybackMonths === null ? f.paybackNever : f.paybackMonths(money.number(item.paybackMonths))}</dd></div>
            <div><dt>{f.ratio}</dt><dd>{item.benefitCostRatio === null ? f.ratioNone : money.number(Math.round(item.benefitCostRatio * 100) / 100)}</dd></div>
            <div><dt>{f.selfFinancing}</dt><dd>{item.selfFinancing ? f.selfFinancingYes : f.selfFinancingNo}</dd></div>
          </dl>
        )}
        {item.businessCase && (
          <CumulativeChart result={item.businessCase.result} startYear={item.businessCase.startYear} />
        )}
      </section>

      <ScreeningSummary ideaId={item.id} summary={item.screening} canEdit={false} headingLevel={3} />
      <IdeaDeviations ideaId={item.id} deviations={item.deviations} canRequest={false} headingLevel={3} />

      <section className="agenda-item__gate" aria-labelledby={`${headingId}-beslut`}>
        <h3 id={`${headingId}-beslut`}>{next ? t.nextGate(stageName(next.stage, next.outcome)) : t.decide}</h3>
        {item.checklist.items.length === 0 ? <p>{t.noRequirements}</p>
          : <RequirementList ideaId={item.id} items={item.checklist.items} showFixLinks={false} />}
        <p className="agenda-item__links">
          <Link className="button" to={`/ideas/${item.id}/beslut`}>
            {t.decide}<span className="visually-hidden">{t.decideContext(item.reference)}</span>
          </Link>{" "}
          <Link to={`/ideas/${item.id}`}>{t.openIdea}<span className="visually-hidden">{t.decideContext(item.reference)}</span></Link>
        </p>
      </section>
    </article>
  );
}
