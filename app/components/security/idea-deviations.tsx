import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useFormat } from "~/components/idea/format";
import type { DeviationStatus } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";

/** A deviation request as it arrives from a loader (`listIdeaDeviations`; dates may be strings). */
export interface DeviationView {
  id: string;
  standard: string;
  description: string;
  justification: string;
  validUntil: string | null;
  status: DeviationStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date | string;
  decidedByName: string | null;
  decidedAt: Date | string | null;
  decisionMotivation: string | null;
  withdrawnAt: Date | string | null;
}

export function DeviationStatusBadge({ status }: { status: DeviationStatus }) {
  const t = useMessages().security.deviations;
  return <span className={`badge deviation-status--${status}`}>{t.statuses[status]}</span>;
}

/**
 * An idea's deviations in brief, for the idea page and the steering-group agenda: standard, status,
 * valid until and the decision's motivation, with a link to the idea's avsteg page (where requests
 * are made and decided). Load with `listIdeaDeviations(db, ideaId)`; everyone who sees the idea may
 * see them. `canRequest` = can(user, "idea.request_deviation", resource).
 */
export function IdeaDeviations(props: { ideaId: string; deviations: DeviationView[]; canRequest: boolean; headingLevel?: 2 | 3 }) {
  const t = useMessages().security.deviations;
  const fmt = useFormat();
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const headingId = `avsteg-sammanfattning-${props.ideaId}`;
  return (
    <section className="panel idea-deviations" aria-labelledby={headingId}>
      <Heading id={headingId} className="h3">{t.listHeading}</Heading>
      {props.deviations.length === 0 ? <p>{t.none}</p> : (
        <ul className="plain-list idea-deviations__list">
          {props.deviations.map((d) => (
            <li key={d.id}>
              <strong className="break">{d.standard}</strong> <DeviationStatusBadge status={d.status} />
              <span className="cell-context">
                {t.validUntil}: {d.validUntil ? fmt.date(d.validUntil) : t.untilFurtherNotice}
              </span>
              {d.decisionMotivation && <span className="cell-context deviation__text">{t.motivation}: {d.decisionMotivation}</span>}
            </li>
          ))}
        </ul>
      )}
      <p><Link to={`/ideas/${props.ideaId}/avsteg`}>{props.canRequest ? t.request.heading : t.listHeading}</Link></p>
    </section>
  );
}

/** One request in full, as the idea's avsteg page shows it; `children` are the actions on it. */
export function DeviationDetails({ deviation: d, children }: { deviation: DeviationView; children?: ReactNode }) {
  const t = useMessages().security.deviations;
  const fmt = useFormat();
  const headingId = `avsteg-${d.id}`;
  return (
    <article className="deviation" aria-labelledby={headingId}>
      <h3 id={headingId} className="deviation__heading">
        <span className="break">{d.standard}</span> <DeviationStatusBadge status={d.status} />
      </h3>
      <p className="deviation__meta">{t.requestedBy(d.requestedByName, fmt.date(d.requestedAt))}</p>
      <dl>
        <dt>{t.description}</dt><dd className="deviation__text">{d.description}</dd>
        <dt>{t.justification}</dt><dd className="deviation__text">{d.justification}</dd>
        <dt>{t.validUntil}</dt><dd>{d.validUntil ? <time dateTime={d.validUntil}>{fmt.date(d.validUntil)}</time> : t.untilFurtherNotice}</dd>
      </dl>
      {d.decidedAt && d.decidedByName && (
        <div className="deviation__decision">
          <p><strong>{t.statuses[d.status]}</strong> – {t.decidedBy(d.decidedByName, fmt.date(d.decidedAt))}</p>
          <p className="deviation__text"><strong>{t.motivation}:</strong> {d.decisionMotivation}</p>
        </div>
      )}
      {d.withdrawnAt && <p className="deviation__decision">{t.withdrawnAt(fmt.date(d.withdrawnAt))}</p>}
      {children}
    </article>
  );
}
