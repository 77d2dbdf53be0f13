import { Link } from "@remix-run/react";
import { useFormat } from "~/components/idea/format";
import type { ScreeningAnswers } from "~/domain/security-screening";
import type { ScreeningStatus } from "~/models/security-screenings.server";
import { useMessages } from "~/utils/locale";

/** A screening summary as it arrives from a loader (dates as strings). */
export interface ScreeningSummaryView extends ScreeningAnswers {
  status: ScreeningStatus;
  flaggedAtSubmission: boolean;
  details: boolean;
  protectionLevel: ScreeningAnswers["confidentiality"];
  completedAt: Date | string | null;
  completedByName: string | null;
}

/**
 * The information-security screening in brief, for the idea page and the steering-group agenda.
 * Load it with `screeningSummaryFor(db, ideaId, { details: mayReadScreening(user, resource) })`;
 * without details only the status is shown. `canEdit` = can(user, "idea.screen_security", resource).
 */
export function ScreeningSummary(props: { ideaId: string; summary: ScreeningSummaryView; canEdit: boolean; headingLevel?: 2 | 3 }) {
  const t = useMessages().security;
  const fmt = useFormat();
  const { summary } = props;
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const headingId = `sakerhet-sammanfattning-${props.ideaId}`;
  const statusText = summary.status === "completed" ? t.summary.completed : summary.status === "draft" ? t.summary.draft : t.summary.notStarted;
  return (
    <section className="panel security-summary" aria-labelledby={headingId}>
      <Heading id={headingId} className="h3">{t.summary.heading}</Heading>
      <dl className="security-facts">
        <div>
          <dt>{t.summary.status}</dt>
          <dd>
            <span className={`badge security-status security-status--${summary.status}`}>{statusText}</span>
            {summary.status === "completed" && summary.completedAt && summary.completedByName && (
              <span className="security-summary__by">{t.summary.completedBy(summary.completedByName, fmt.date(summary.completedAt))}</span>
            )}
          </dd>
        </div>
        {summary.details && summary.status !== "not_started" && <ScreeningAnswersFacts answers={summary} />}
      </dl>
      {summary.flaggedAtSubmission && summary.status !== "completed" && <p className="security-summary__flag">{t.summary.flagged}</p>}
      {(summary.details || props.canEdit) && (
        <p>
          <Link to={`/ideas/${props.ideaId}/sakerhet`}>
            {props.canEdit && summary.status !== "completed" ? t.summary.edit : t.summary.open}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The answers as description-list rows (inside a <dl>). */
export function ScreeningAnswersFacts({ answers }: { answers: ScreeningAnswers & { protectionLevel?: ScreeningAnswers["confidentiality"] } }) {
  const t = useMessages().security;
  const level = (v: number | null) => (v === null ? t.notAnswered : t.levelLabel(v, t.levels[v as 1 | 2 | 3 | 4]));
  const yesNo = (v: boolean | null) => (v === null ? t.notAnswered : v ? t.yes : t.no);
  return (
    <>
      {answers.protectionLevel !== undefined && (
        <div><dt>{t.summary.protectionLevel}</dt><dd>{level(answers.protectionLevel)}</dd></div>
      )}
      <div><dt>{t.screening.fieldNames.confidentiality}</dt><dd>{level(answers.confidentiality)}</dd></div>
      <div><dt>{t.screening.fieldNames.integrity}</dt><dd>{level(answers.integrity)}</dd></div>
      <div><dt>{t.screening.fieldNames.availability}</dt><dd>{level(answers.availability)}</dd></div>
      <div><dt>{t.summary.personalData}</dt><dd>{yesNo(answers.handlesPersonalData)}</dd></div>
      <div><dt>{t.summary.sensitivePersonalData}</dt><dd>{yesNo(answers.handlesSensitivePersonalData)}</dd></div>
      <div><dt>{t.summary.dpiaNeeded}</dt><dd>{yesNo(answers.dpiaNeeded)}</dd></div>
      <div><dt>{t.summary.informationOwner}</dt><dd className="break">{answers.informationOwner ?? t.notAnswered}</dd></div>
    </>
  );
}
